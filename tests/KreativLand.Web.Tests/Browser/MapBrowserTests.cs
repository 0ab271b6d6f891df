using System.Collections.Concurrent;
using KreativLand.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace KreativLand.Web.Tests.Browser;

/// <summary>The map explorer in Chromium, with the tile server unreachable (tiles point at a closed local port).</summary>
public class MapBrowserTests(SharedMapDataBrowserFixture site) : BrowserTest, IClassFixture<SharedMapDataBrowserFixture>
{
    private async Task<IPage> OpenAsync(string url, ConcurrentQueue<string> failures)
    {
        var page = await NewPageAsync(site.BaseAddress, "en-GB");
        Chromium.CollectFailures(page, failures);
        await page.GotoAsync(url, Chromium.Parsed);
        await WaitReadyAsync(page);
        return page;
    }

    private static Task WaitReadyAsync(IPage page) =>
        page.WaitForSelectorAsync("#map[data-state='ready']", new() { State = WaitForSelectorState.Attached });

    private static async Task<int> MarkerCountAsync(IPage page) =>
        int.Parse(await page.Locator("#map").GetAttributeAsync("data-marker-count") ?? "-1");

    /// <summary>
    /// The map is ready and shows <paramref name="count"/> markers, waiting until both hold. For history steps: the popstate
    /// handler that starts the new load may run after Playwright saw the URL change, when data-state is still 'ready' from before.
    /// </summary>
    private static Task ExpectMarkersAsync(IPage page, int count) =>
        Assertions.Expect(page.Locator("#map[data-state='ready']")).ToHaveAttributeAsync("data-marker-count", count.ToString());

    [Fact]
    public async Task Markers_and_clusters_appear_on_the_outline_map_without_tiles()
    {
        var failures = new ConcurrentQueue<string>();
        var page = await OpenAsync("/en/", failures);
        Assert.Equal(7, await MarkerCountAsync(page));
        // Small data is clustered on the page itself (the embed's tests take the worker's path).
        Assert.Equal("page", await page.Locator("#map").GetAttributeAsync("data-clustering"));
        await page.WaitForSelectorAsync("#map[data-outlines-loaded='true']");
        // The start view is the one fitted to the results; the fit animates after 'ready', and clusters split or merge at its end.
        await Chromium.MapSettledAsync(page);
        Assert.True(await page.Locator(".country-outline").CountAsync() > 10, "country outlines are drawn");
        // Three Saxon places lie close together: at the start view they form a cluster.
        Assert.True(await page.Locator(".marker-cluster").CountAsync() >= 1, "a cluster is shown");
        Assert.True(await page.Locator(".kl-marker").CountAsync() >= 1, "single markers are shown");
        Assert.Equal(7, await page.Locator("#result-list .result-item").CountAsync());
        Assert.Equal("7 cooperations found", (await page.Locator("#result-count").InnerTextAsync()).Trim());
        // The stylesheet is applied under the strict CSP.
        Assert.Equal("grid", await page.Locator(".explorer").EvaluateAsync<string>("e => getComputedStyle(e).display"));
        await Chromium.ScreenshotAsync(page, "map-home");
        Assert.Empty(failures);
    }

    [Fact]
    public async Task Choosing_a_subsector_filters_markers_list_and_url_and_reload_restores_it()
    {
        var failures = new ConcurrentQueue<string>();
        var page = await OpenAsync("/en/", failures);

        await page.GetByLabel("Software & games").CheckAsync();
        await page.WaitForURLAsync("**/en/?subsector=software-games");
        await WaitReadyAsync(page);
        Assert.Equal(1, await MarkerCountAsync(page));
        // Waits for the text: list items are content-visibility: auto, so their text may read empty before the first frame draws them.
        await Assertions.Expect(page.Locator("#result-list .result-title")).ToHaveTextAsync(["Timber meets code"]);
        Assert.Equal("1 cooperation found", (await page.Locator("#result-count").InnerTextAsync()).Trim());

        await page.GetByLabel("Film industry").CheckAsync();
        await page.WaitForURLAsync("**/en/?subsector=film&subsector=software-games");
        await WaitReadyAsync(page);
        Assert.Equal(2, await MarkerCountAsync(page));
        await Chromium.ScreenshotAsync(page, "map-filtered");

        // A copied link or a reload gives the same view.
        await page.ReloadAsync();
        await WaitReadyAsync(page);
        Assert.Equal(2, await MarkerCountAsync(page));
        Assert.True(await page.GetByLabel("Software & games").IsCheckedAsync());
        Assert.True(await page.GetByLabel("Film industry").IsCheckedAsync());

        // Back and forward walk through the filter states.
        await page.GoBackAsync();
        await page.WaitForURLAsync("**/en/?subsector=software-games");
        await ExpectMarkersAsync(page, 1);
        Assert.False(await page.GetByLabel("Film industry").IsCheckedAsync());
        await page.GoBackAsync();
        await ExpectMarkersAsync(page, 7);
        Assert.Empty(failures);
    }

    [Fact]
    public async Task Counts_next_to_options_follow_the_other_filters()
    {
        var failures = new ConcurrentQueue<string>();
        var page = await OpenAsync("/en/?country=AT", failures);
        Assert.Equal(2, await MarkerCountAsync(page));
        Assert.Equal("(1)", (await page.Locator("[data-count-for='subsector:music']").InnerTextAsync()).Trim());
        Assert.Equal("(0)", (await page.Locator("[data-count-for='subsector:film']").InnerTextAsync()).Trim());
        await page.GetByLabel("Austria").UncheckAsync();
        await WaitReadyAsync(page);
        await page.WaitForFunctionAsync("document.querySelector(\"[data-count-for='subsector:film']\").textContent.trim() === '(1)'");
        Assert.Empty(failures);
    }

    [Fact]
    public async Task Free_text_search_updates_the_map_as_one_types()
    {
        var failures = new ConcurrentQueue<string>();
        var page = await OpenAsync("/en/", failures);
        await page.GetByLabel("Search").FillAsync("Goelles");
        await page.WaitForURLAsync("**/en/?q=Goelles");
        await WaitReadyAsync(page);
        Assert.Equal(1, await MarkerCountAsync(page));
        await Assertions.Expect(page.Locator("#result-list .result-title")).ToHaveTextAsync("Gölles experience");
        Assert.Empty(failures);
    }

    [Fact]
    public async Task List_focus_highlights_the_marker_and_a_marker_click_reveals_its_item()
    {
        var failures = new ConcurrentQueue<string>();
        var page = await OpenAsync("/en/?country=AT&country=PT", failures);
        var item = page.Locator("#result-list .result-item", new() { HasText = "Cork and concrete" });
        var id = await item.GetAttributeAsync("data-id");
        // The highlight goes onto the marker element shown at focus time; while the fit animation runs, the cluster layer may
        // still replace that element.
        await Chromium.MapSettledAsync(page);

        await item.Locator("a").FocusAsync();
        Assert.Equal(id, await page.Locator("#map").GetAttributeAsync("data-highlighted"));
        var marker = page.Locator($".kl-marker[data-id='{id}']");
        await Assertions.Expect(marker).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("is-highlighted"));
        await page.Locator("#f-q").FocusAsync();
        await Assertions.Expect(marker).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("is-highlighted"));

        // Clicking a marker opens its popup and marks its list item. Focusing the search field scrolled the page up smoothly:
        // wait for it to stand still, or the page moves between mouse down and up and the click goes to the map.
        var other = page.Locator("#result-list .result-item", new() { HasText = "Alpine sound" });
        var otherId = await other.GetAttributeAsync("data-id");
        await Chromium.MapSettledAsync(page);
        await page.Locator($".kl-marker[data-id='{otherId}']").ClickAsync();
        await Assertions.Expect(other).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("is-highlighted"));
        await Assertions.Expect(page.Locator(".leaflet-popup .kl-popup-title")).ToHaveTextAsync("Alpine sound");
        // Markers are reachable by keyboard.
        Assert.Equal("0", await page.Locator($".kl-marker[data-id='{otherId}']").GetAttributeAsync("tabindex"));
        Assert.Empty(failures);
    }

    [Fact]
    public async Task Search_in_the_visible_area_restricts_the_list()
    {
        var failures = new ConcurrentQueue<string>();
        var page = await OpenAsync("/en/?bbox=11.8,50.1,15.1,51.7", failures);
        Assert.True(await page.Locator("#area-toggle").IsCheckedAsync());
        Assert.Equal(3, await MarkerCountAsync(page));
        await page.Locator("#area-toggle").UncheckAsync();
        await page.WaitForURLAsync(url => !url.Contains("bbox"));
        await WaitReadyAsync(page);
        Assert.Equal(7, await MarkerCountAsync(page));
        Assert.Empty(failures);
    }

    [Fact]
    public async Task A_region_filter_in_the_url_outlines_the_region()
    {
        var failures = new ConcurrentQueue<string>();
        var page = await OpenAsync("/en/?region=Tirol", failures);
        Assert.Equal(1, await MarkerCountAsync(page));
        await page.WaitForSelectorAsync(".region-outline");
        Assert.Equal("tirol", await page.Locator("#f-region").InputValueAsync());
        Assert.Empty(failures);
    }

    [Fact]
    public async Task The_lines_the_script_draws_take_their_colours_from_the_stylesheet()
    {
        var failures = new ConcurrentQueue<string>();
        var page = await OpenAsync("/en/", failures);
        await page.WaitForSelectorAsync("#map[data-outlines-loaded='true']");
        // Country outlines: the colours site.css defines once (--map-country-line, --map-country-fill).
        var country = page.Locator(".country-outline").First;
        Assert.Equal("#7b8794", await country.GetAttributeAsync("stroke"));
        Assert.Equal("#fbfbf8", await country.GetAttributeAsync("fill"));

        // A region's outline is drawn in whatever the stylesheet's custom property says when it is drawn.
        Assert.Equal("#1d5c3a", await page.EvaluateAsync<string>("getComputedStyle(document.documentElement).getPropertyValue('--map-region-line').trim()"));
        await page.EvaluateAsync("document.documentElement.style.setProperty('--map-region-line', '#ff0000')");
        await page.Locator("#f-region").SelectOptionAsync("tirol");
        await page.WaitForSelectorAsync(".region-outline");
        Assert.Equal("#ff0000", await page.Locator(".region-outline").First.GetAttributeAsync("stroke"));
        Assert.Empty(failures);
    }

    /// <summary>
    /// What keeps the page's first tasks short (docs/map-and-api.md, "Main-thread budget"): no Intl.NumberFormat while the page
    /// starts (ICU's locale data cost its start-up task 25-70 ms), one font family for every text the first frame and the map
    /// draw (each further family was a synchronous call to the browser process), and result items outside the list's box
    /// left out of rendering while they stay in the page with their text.
    /// </summary>
    [Fact]
    public async Task The_start_builds_no_number_format_uses_one_font_family_and_skips_result_items_out_of_view()
    {
        var failures = new ConcurrentQueue<string>();
        // 400 px high: the list's box (70vh + 6rem, 376 px) and the browser's margin around it (half the viewport) hold fewer
        // than the seven items.
        var page = await NewPageAsync(site.BaseAddress, "en-GB", options => options.ViewportSize = new() { Width = 1366, Height = 400 });
        Chromium.CollectFailures(page, failures);
        await page.AddInitScriptAsync("""
            window.__numberFormats = 0;
            Intl.NumberFormat = new Proxy(Intl.NumberFormat, { construct(target, args) { window.__numberFormats++; return Reflect.construct(target, args); } });
            """);
        await page.GotoAsync("/en/", Chromium.Parsed);
        await WaitReadyAsync(page);
        await Chromium.MapSettledAsync(page);
        await page.WaitForSelectorAsync(".marker-cluster div"); // a cluster icon's count, written by numbers.js
        Assert.Equal(0, await page.EvaluateAsync<int>("window.__numberFormats"));
        // The shared helper still groups the way the page's language writes numbers.
        Assert.Equal("10,011", await page.EvaluateAsync<string>("async () => (await import('/js/numbers.js')).formatCount(10011)"));

        var family = await page.EvaluateAsync<string>("getComputedStyle(document.documentElement).fontFamily");
        Assert.StartsWith("system-ui", family);
        foreach (var selector in new[] { "body", "#filter-form button[type='submit']", "#f-q", ".leaflet-control-attribution", ".leaflet-control-zoom-in", ".marker-cluster div", ".result-title" })
        {
            Assert.Equal(family, await page.Locator(selector).First.EvaluateAsync<string>("e => getComputedStyle(e).fontFamily"));
        }

        var items = page.Locator("#result-list .result-item");
        Assert.Equal(7, await items.CountAsync());
        // The list's box at the top of the window: its first item is rendered, its last (below the box) is skipped by
        // content-visibility: auto, yet in the page with its text (find in page, screen readers). Each item is made 30rem
        // high so that the last lies far beyond the box and any margin the browser keeps rendered around the window: with
        // the items' own height, whether the seventh fell inside that margin depended on the machine's fonts (it did on CI).
        await page.EvaluateAsync("""
            () => {
                const sheet = new CSSStyleSheet();
                sheet.replaceSync('#result-list > .result-item { min-height: 30rem; }');
                document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
            }
            """);
        await page.Locator(".explorer-results").EvaluateAsync("e => e.scrollIntoView()");
        var beyondBox = await page.EvaluateAsync<double>("""
            () => document.querySelector('#result-list .result-item:last-child').getBoundingClientRect().top
                - document.querySelector('.explorer-results').getBoundingClientRect().bottom
            """);
        Assert.True(beyondBox > 2 * 400, $"the last item starts {beyondBox} px below the list's box");
        const string Rendered = "selector => document.querySelector(selector).checkVisibility({ contentVisibilityAuto: true })";
        await page.WaitForFunctionAsync(Rendered, "#result-list .result-item:first-child .result-title");
        await page.WaitForFunctionAsync($"selector => !({Rendered})(selector)", "#result-list .result-item:last-child .result-title");
        Assert.False(string.IsNullOrWhiteSpace(await items.Last.Locator(".result-title").TextContentAsync()));
        await items.Last.ScrollIntoViewIfNeededAsync();
        await Assertions.Expect(items.Last.Locator(".result-title")).ToBeVisibleAsync();
        await page.WaitForFunctionAsync(Rendered, "#result-list .result-item:last-child .result-title");
        Assert.Empty(failures);
    }

    [Fact]
    public async Task A_municipality_from_the_gazetteer_sets_the_centre()
    {
        var failures = new ConcurrentQueue<string>();
        var page = await OpenAsync("/en/", failures);
        await page.GetByLabel("Municipality or town").FillAsync("Annaberg-B");
        var option = page.Locator("#f-place-options option").First;
        await Assertions.Expect(option).ToHaveAttributeAsync("value", new System.Text.RegularExpressions.Regex("^Annaberg-Buchholz, (.*, )?Germany$"));
        await page.GetByLabel("Municipality or town").FillAsync((await option.GetAttributeAsync("value"))!);
        await page.WaitForURLAsync(url => url.Contains("near="));
        await WaitReadyAsync(page);
        Assert.Equal(1, await MarkerCountAsync(page)); // only the cooperation in Annaberg-Buchholz lies within 25 km
        Assert.StartsWith("Centre: Annaberg-Buchholz", (await page.Locator("[data-near-point]").InnerTextAsync()).Trim());
        Assert.Empty(failures);
    }

    [Fact]
    public async Task Clicking_a_point_filters_by_distance()
    {
        var failures = new ConcurrentQueue<string>();
        var page = await OpenAsync("/en/?near=13.0,50.58&radiusKm=25", failures);
        Assert.Equal(1, await MarkerCountAsync(page));
        Assert.Equal("25", await page.Locator("#f-radius").InputValueAsync());
        await page.Locator("#f-radius").SelectOptionAsync("100");
        await page.WaitForURLAsync("**radiusKm=100");
        await WaitReadyAsync(page);
        Assert.Equal(2, await MarkerCountAsync(page)); // Plauen is 63 km away, Görlitz about 150 km
        await page.GetByRole(AriaRole.Link, new() { Name = "Remove distance filter" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("near"));
        await WaitReadyAsync(page);
        Assert.Equal(7, await MarkerCountAsync(page));

        // Pick a centre on the map, once the fit to all results has finished and the map, focused by the button, has scrolled
        // into place: while either moves, a marker may pass under the click. The click goes to a spot of the map that is clear
        // of markers, clusters and controls: where they lie follows the map's size, which the page's layout decides.
        await page.GetByRole(AriaRole.Button, new() { Name = "Choose a point on the map" }).ClickAsync();
        await Chromium.MapSettledAsync(page);
        var spot = await ClearSpotAsync(page.Locator("#map"));
        await page.Locator("#map").ClickAsync(new() { Position = new() { X = spot[0], Y = spot[1] } });
        await page.WaitForURLAsync(url => url.Contains("near="));
        await WaitReadyAsync(page);
        Assert.Contains("radiusKm=", page.Url);
        Assert.True(await page.Locator("[data-near-point]").IsVisibleAsync());
        Assert.Empty(failures);
    }

    /// <summary>
    /// A point of the Leaflet map (relative to its box, in the part inside the window) where a click reaches the map itself:
    /// at least 24 px from every marker, cluster, control and popup.
    /// </summary>
    private static async Task<float[]> ClearSpotAsync(ILocator map)
    {
        var spot = await map.EvaluateAsync<float[]?>("""
            map => {
              const box = map.getBoundingClientRect();
              const taken = [...map.querySelectorAll('.leaflet-marker-icon, .leaflet-control, .leaflet-popup')].map(e => e.getBoundingClientRect());
              const clear = (x, y) => taken.every(r => x < r.left - 24 || x > r.right + 24 || y < r.top - 24 || y > r.bottom + 24);
              const top = Math.max(box.top, 0) + 24, bottom = Math.min(box.bottom, window.innerHeight) - 24;
              for (let y = top; y < bottom; y += 8)
                for (let x = box.left + 24; x < box.right - 24; x += 8)
                  if (clear(x, y) && document.elementFromPoint(x, y)?.closest('.leaflet-container') === map) return [x - box.left, y - box.top];
              return null;
            }
            """);
        Assert.True(spot is not null, "no spot of the map is clear of markers and controls");
        return spot;
    }

    /// <summary>
    /// Records every map data body the page reads (window.klMapReads): its address, whether it was read to the end, whether
    /// its reader was cancelled. Added before the page's own scripts run; the page's CSP does not govern it.
    /// </summary>
    private const string WatchMapReads = """
        (() => {
          const bodies = new WeakMap();
          const readers = new WeakMap();
          window.klMapReads = [];
          const fetch = window.fetch;
          window.fetch = async (...args) => {
            const response = await fetch(...args);
            if (new URL(response.url).pathname.endsWith('/api/v1/map')) {
              const entry = { url: response.url, done: false, cancelled: false };
              window.klMapReads.push(entry);
              bodies.set(response.body, entry);
            }
            return response;
          };
          const getReader = ReadableStream.prototype.getReader;
          ReadableStream.prototype.getReader = function (...args) {
            const reader = getReader.apply(this, args);
            if (bodies.has(this)) readers.set(reader, bodies.get(this));
            return reader;
          };
          const read = ReadableStreamDefaultReader.prototype.read;
          ReadableStreamDefaultReader.prototype.read = async function () {
            const result = await read.call(this);
            if (result.done && readers.has(this)) readers.get(this).done = true;
            return result;
          };
          const cancel = ReadableStreamDefaultReader.prototype.cancel;
          ReadableStreamDefaultReader.prototype.cancel = function (reason) {
            if (readers.has(this)) readers.get(this).cancelled = true;
            return cancel.call(this, reason);
          };
        })();
        """;

    [Fact]
    public async Task A_newer_filter_cancels_the_superseded_map_data_and_only_its_own_points_are_drawn()
    {
        var failures = new ConcurrentQueue<string>();
        var page = await NewPageAsync(site.BaseAddress, "en-GB");
        Chromium.CollectFailures(page, failures);
        await page.AddInitScriptAsync(WatchMapReads);
        // The film filter's map data is held before it is sent until the next filter's points are drawn, then goes to the
        // real server: its answer arrives for a load that a newer filter has superseded.
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.RouteAsync(url => new Uri(url) is { AbsolutePath: var path, Query: "?subsector=film" } && path.EndsWith("/api/v1/map", StringComparison.Ordinal),
            async route =>
            {
                held.TrySetResult();
                await release.Task;
                await route.ContinueAsync();
            });
        await page.GotoAsync("/en/", Chromium.Parsed);
        await WaitReadyAsync(page);

        await page.GetByLabel("Film industry").CheckAsync();
        await held.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await page.GetByLabel("Software & games").CheckAsync();
        await page.WaitForURLAsync("**/en/?subsector=film&subsector=software-games");
        await ExpectMarkersAsync(page, 2);
        release.SetResult();

        // The superseded body: its reader is cancelled, never read to the end (before, it was read whole and dropped).
        const string film = """
            () => window.klMapReads.filter(r => r.url.endsWith('/api/v1/map?subsector=film'))
              .map(r => `${r.done ? 'read to the end' : 'not read to the end'}, ${r.cancelled ? 'cancelled' : 'not cancelled'}`).join('; ')
            """;
        var reads = await Chromium.EventuallyAsync(() => page.EvaluateAsync<string>(film), text => text.EndsWith(", cancelled", StringComparison.Ordinal) || text.StartsWith("read to the end", StringComparison.Ordinal));
        Assert.Equal("not read to the end, cancelled", reads);
        // The newer filter's points stay: nothing of the film filter is drawn after them.
        await Task.Delay(300);
        await ExpectMarkersAsync(page, 2);
        await Assertions.Expect(page.Locator("#result-count")).ToHaveTextAsync("2 cooperations found");
        Assert.Equal(2, await page.Locator("#map .kl-marker, #map .marker-cluster").EvaluateAllAsync<int>(
            "markers => markers.reduce((sum, m) => sum + (m.classList.contains('marker-cluster') ? Number(m.textContent) : 1), 0)"));
        Assert.Empty(failures);
    }

    [Theory]
    [InlineData("/de/", "de-DE", "Kooperationen – hineinzoomen", "12.345")]
    [InlineData("/en/", "en-GB", "cooperations – zoom in", "12,345")]
    public async Task A_cluster_is_named_by_its_full_count_as_the_page_language_writes_it(string url, string locale, string named, string grouped)
    {
        var failures = new ConcurrentQueue<string>();
        var page = await NewPageAsync(site.BaseAddress, locale);
        Chromium.CollectFailures(page, failures);
        await page.GotoAsync(url, Chromium.Parsed);
        await WaitReadyAsync(page);
        await Chromium.MapSettledAsync(page);
        // The sample data's Saxon cluster: a button named by its count, not only the digits drawn in the circle; axe stays clean.
        var cluster = page.Locator(".marker-cluster").First;
        await Assertions.Expect(cluster).ToHaveAttributeAsync("role", "button");
        await Assertions.Expect(cluster).ToHaveAccessibleNameAsync($"{(await cluster.InnerTextAsync()).Trim()} {named}");
        var violations = await AccessibilityTests.ViolationsAsync(page);
        Assert.True(violations.Count == 0, string.Join("\n", violations));

        // 12,345 listings in one village and one far away (so the fitted view takes in both): the circle says "12k", the name
        // the full count with the language's grouping.
        var body = SyntheticMapData.Body(12_346, i => i == 0 ? (-9.14, 38.72) : (12.4 + i % 100 * 0.0001, 51.3 + i / 100 * 0.0001));
        var many = await NewPageAsync(site.BaseAddress, locale);
        Chromium.CollectFailures(many, failures);
        await SyntheticMapData.ServeAsync(many, body);
        await many.GotoAsync(url, new() { WaitUntil = WaitUntilState.Commit }); // routed, as in EmbedBrowserTests: the minute below is for all of it
        await many.Locator("#map[data-state='ready']").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 60_000 });
        var big = many.GetByRole(AriaRole.Button, new() { Name = $"{grouped} {named}", Exact = true });
        await Assertions.Expect(big).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        await Assertions.Expect(big).ToHaveTextAsync("12k");
        Assert.Empty(failures);
    }
}
