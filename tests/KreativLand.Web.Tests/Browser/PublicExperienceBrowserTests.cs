using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using KreativLand.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace KreativLand.Web.Tests.Browser;

/// <summary>
/// The public pages as a visitor meets them on a phone (360 px, touch) and a laptop (1366 px): popups that open in view
/// without moving the page, list and markers pointing at each other, the keyboard walk, the language switch after a
/// filter set by script, and no page wider than the phone.
/// </summary>
public class PublicExperienceBrowserTests(SharedMapDataBrowserFixture site, SharedPages pages)
    : BrowserTest, IClassFixture<SharedMapDataBrowserFixture>, IClassFixture<SharedPages>
{
    private async Task<IPage> OpenAsync(string url, string locale, Action<BrowserNewContextOptions> screen, ConcurrentQueue<string> failures)
    {
        var page = await SharedPageAsync(pages, site.BaseAddress, locale, screen);
        CollectFailures(page, failures);
        // The map's own readiness is what counts; the load event may wait on a busy machine for things the test does not use.
        await page.GotoAsync(url, Chromium.Parsed);
        if (await page.Locator("#map").CountAsync() > 0)
        {
            await page.Locator("#map[data-state='ready']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
            await Chromium.MapSettledAsync(page);
        }
        return page;
    }

    private static Task<double> ScrollYAsync(IPage page) => page.EvaluateAsync<double>("() => window.scrollY");

    /// <summary>Scrolls (without animation) so that the marker's top lies <paramref name="below"/> px under the viewport's top.</summary>
    private static Task ScrollMarkerToTopAsync(IPage page, ILocator marker, int below) =>
        marker.EvaluateAsync("(m, below) => window.scrollTo({ top: m.getBoundingClientRect().top + window.scrollY - below, behavior: 'instant' })", below);

    private static async Task AssertPopupInViewportAsync(IPage page)
    {
        var popup = page.Locator(".leaflet-popup");
        await popup.WaitForAsync();
        await Chromium.MapSettledAsync(page);
        var box = await popup.EvaluateAsync<double[]>("p => { const r = p.getBoundingClientRect(); return [r.top, r.bottom, r.left, r.right, window.innerHeight, window.innerWidth]; }");
        Assert.True(box[0] >= 0 && box[1] <= box[4] && box[2] >= 0 && box[3] <= box[5],
            $"popup at top {box[0]}, bottom {box[1]}, left {box[2]}, right {box[3]} in a {box[5]}×{box[4]} viewport");
    }

    [Theory]
    [InlineData("en-GB", "/en/?country=AT&country=PT")]
    [InlineData("de-DE", "/de/?country=AT&country=PT")]
    public async Task A_marker_click_opens_its_popup_in_view_and_the_page_stays_put(string locale, string url)
    {
        var failures = new ConcurrentQueue<string>();
        var page = await OpenAsync(url, locale, Chromium.Desktop, failures);
        var marker = page.Locator(".kl-marker").First;
        // The marker near the top of the screen: its popup, which opens above it, would end above the viewport.
        await ScrollMarkerToTopAsync(page, marker, 30);
        await Chromium.MapSettledAsync(page);
        var before = await ScrollYAsync(page);
        Assert.True(before > 100, "the page is scrolled");

        await marker.ClickAsync();

        await AssertPopupInViewportAsync(page);
        Assert.Equal(before, await ScrollYAsync(page));
        // Its list item, beside the map on a laptop, is marked.
        var id = await marker.GetAttributeAsync("data-id");
        await Assertions.Expect(page.Locator($"#result-list .result-item[data-id='{id}']")).ToHaveClassAsync(new Regex("is-highlighted"));
        await Chromium.ScreenshotAsync(page, $"popup-desktop-{locale}");
        Assert.Empty(failures);
    }

    [Theory]
    [InlineData("en-GB", "/en/?country=AT&country=PT")]
    [InlineData("de-DE", "/de/?country=AT&country=PT")]
    public async Task A_marker_tap_on_a_phone_opens_its_popup_in_view_and_the_page_stays_put(string locale, string url)
    {
        var failures = new ConcurrentQueue<string>();
        var page = await OpenAsync(url, locale, options => Chromium.Phone(options), failures);
        var marker = page.Locator(".kl-marker").First;
        await ScrollMarkerToTopAsync(page, marker, 20);
        await Chromium.MapSettledAsync(page);
        var before = await ScrollYAsync(page);

        await marker.TapAsync();

        await AssertPopupInViewportAsync(page);
        Assert.Equal(before, await ScrollYAsync(page));
        await Chromium.ScreenshotAsync(page, $"popup-phone-{locale}");
        Assert.Empty(failures);
    }

    [Fact]
    public async Task On_a_laptop_the_list_sits_beside_the_map_and_item_and_marker_point_at_each_other()
    {
        var failures = new ConcurrentQueue<string>();
        var page = await OpenAsync("/en/?country=AT&country=PT", "en-GB", Chromium.Desktop, failures);
        var map = await page.Locator("#map").BoundingBoxAsync();
        var list = await page.Locator(".explorer-results").BoundingBoxAsync();
        Assert.True(list!.X >= map!.X + map.Width - 1, $"list at x={list.X}, map ends at {map.X + map.Width}");
        Assert.True(list.Y < map.Y + map.Height, "the list starts beside the map, not below it");

        // Item → marker.
        var item = page.Locator("#result-list .result-item", new() { HasText = "Alpine sound" });
        var id = await item.GetAttributeAsync("data-id");
        var marker = page.Locator($".kl-marker[data-id='{id}']");
        await item.HoverAsync();
        await Assertions.Expect(marker).ToHaveClassAsync(new Regex("is-highlighted"));
        // Marker → item.
        var other = page.Locator("#result-list .result-item", new() { HasText = "Cork and concrete" });
        var otherMarker = page.Locator($".kl-marker[data-id='{await other.GetAttributeAsync("data-id")}']");
        await otherMarker.HoverAsync();
        await Assertions.Expect(other).ToHaveClassAsync(new Regex("is-pointed"));
        await otherMarker.FocusAsync();
        await Assertions.Expect(other).ToHaveClassAsync(new Regex("is-pointed"));
        Assert.Empty(failures);
    }

    [Theory]
    [InlineData("de-DE", "/de/", "Filter", "Liste")]
    [InlineData("en-GB", "/en/", "Filters", "List")]
    public async Task On_a_phone_the_map_comes_first_the_filters_fold_away_and_map_and_list_take_turns(string locale, string url, string filters, string listLabel)
    {
        var failures = new ConcurrentQueue<string>();
        var page = await OpenAsync(url, locale, options => Chromium.Phone(options), failures);
        await Chromium.ScreenshotAsync(page, $"home-phone-{locale}");
        // The map starts within the first two screens, not after the whole form.
        var mapTop = await page.Locator("#map").EvaluateAsync<double>("m => m.getBoundingClientRect().top + window.scrollY");
        Assert.True(mapTop < 740 * 1.5, $"map starts {mapTop}px down");
        Assert.False(await page.Locator("#filter-form").IsVisibleAsync());

        // The panel says how many filters are active.
        var toggle = page.GetByRole(AriaRole.Button, new() { Name = filters });
        await toggle.ClickAsync();
        Assert.Equal("true", await toggle.GetAttributeAsync("aria-expanded"));
        await page.Locator("#f-country-at").CheckAsync();
        await page.WaitForURLAsync("**?country=AT");
        await Assertions.Expect(page.Locator("[data-filter-active]")).ToHaveTextAsync(new Regex("1"));
        await toggle.ClickAsync();
        Assert.False(await page.Locator("#filter-form").IsVisibleAsync());

        // Map or list.
        await page.GetByRole(AriaRole.Button, new() { Name = listLabel, Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#result-list")).ToBeVisibleAsync();
        Assert.False(await page.Locator("#map").IsVisibleAsync());
        await Chromium.ScreenshotAsync(page, $"home-phone-list-{locale}");
        Assert.Empty(failures);
    }

    [Fact]
    public async Task The_fullscreen_switch_fills_the_window_and_gives_it_back()
    {
        var failures = new ConcurrentQueue<string>();
        var page = await OpenAsync("/en/", "en-GB", Chromium.Desktop, failures);
        var button = page.GetByRole(AriaRole.Button, new() { Name = "Map in full screen" });
        await button.ClickAsync();
        await Assertions.Expect(page.Locator("[data-map-frame]")).ToHaveAttributeAsync("data-fullscreen", "on");
        var box = await page.Locator("#map").BoundingBoxAsync();
        Assert.True(box!.Width >= 1360 && box.Height >= 700, $"map {box.Width}×{box.Height}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Leave full screen" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-map-frame]")).ToHaveAttributeAsync("data-fullscreen", "off");
        Assert.Empty(failures);
    }

    [Fact]
    public async Task Arrow_keys_walk_from_marker_to_marker_and_focus_returns_when_the_popup_closes()
    {
        var failures = new ConcurrentQueue<string>();
        var page = await OpenAsync("/en/?country=AT&country=PT", "en-GB", Chromium.Desktop, failures);
        // Porto lies west of Tirol and Styria: start there and walk east.
        var ids = new List<string>();
        var west = page.Locator(".kl-marker", new() { Has = page.Locator("[data-subsector='architecture']") });
        await west.FocusAsync();
        ids.Add((await ActiveIdAsync(page))!);
        for (var i = 0; i < 2; i++)
        {
            await page.Keyboard.PressAsync("ArrowRight");
            ids.Add((await ActiveIdAsync(page))!);
        }
        Assert.Equal(3, ids.Distinct().Count());
        await page.Keyboard.PressAsync("ArrowLeft");
        Assert.Equal(ids[1], await ActiveIdAsync(page));

        // Enter opens the popup, Escape closes it and focus is back on the marker.
        await page.Keyboard.PressAsync("Enter");
        await page.Locator(".leaflet-popup").WaitForAsync();
        await page.Keyboard.PressAsync("Escape");
        await page.Locator(".leaflet-popup").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        Assert.Equal(ids[1], await ActiveIdAsync(page));

        // The popup's close button too. Clicked once the popup has its details and the map has stopped panning it into
        // view: a click aimed at a button still moving could land on a marker passing under it and open that one's popup.
        await page.Keyboard.PressAsync("Enter");
        await page.Locator(".leaflet-popup .kl-popup-title").WaitForAsync();
        await Chromium.MapSettledAsync(page);
        await page.Locator(".leaflet-popup-close-button").ClickAsync();
        await page.Locator(".leaflet-popup").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await Assertions.Expect(page.Locator($".kl-marker[data-id='{ids[1]}']")).ToBeFocusedAsync();
        Assert.Empty(failures);
    }

    [Theory]
    [InlineData("en-GB", "/en/cooperations/erz-code", "Load background map")]
    [InlineData("de-DE", "/de/cooperations/erz-code", "Kartenhintergrund laden")]
    public async Task A_profile_shows_its_place_on_a_small_map_that_asks_before_loading_third_party_tiles(string locale, string url, string load)
    {
        var failures = new ConcurrentQueue<string>();
        var tiles = new ConcurrentQueue<string>();
        var page = await SharedPageAsync(pages, site.BaseAddress, locale, Chromium.Desktop);
        CollectFailures(page, failures);
        void OnRequest(object? sender, IRequest request) { if (request.Url.StartsWith(WebFixture.UnreachableTiles)) tiles.Enqueue(request.Url); }
        page.Request += OnRequest;
        AfterTest(() => page.Request -= OnRequest);
        await page.GotoAsync(url, Chromium.Parsed);
        var map = page.Locator("#profile-map[data-state='ready']");
        await map.WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Assertions.Expect(page.Locator("#profile-map .kl-marker")).ToHaveCountAsync(1);
        // The test's tiles come from another origin (a closed port): consent first, no tile before it.
        Assert.Empty(tiles);
        await page.GetByRole(AriaRole.Button, new() { Name = load }).ClickAsync();
        await Assertions.Expect(page.Locator("#profile-map")).ToHaveAttributeAsync("data-tiles", "on");
        await Chromium.EventuallyAsync(() => Task.FromResult(tiles.Count), count => count > 0);
        Assert.NotEmpty(tiles);
        await Chromium.ScreenshotAsync(page, $"profile-map-{locale}");
        Assert.Empty(failures);
    }

    private static Task<string?> ActiveIdAsync(IPage page) =>
        page.EvaluateAsync<string?>("() => document.activeElement?.closest('.kl-marker')?.dataset.id ?? null");

    [Theory]
    [InlineData("en-GB", "/en/", "Design", "/de/?subsector=design", "de")]
    [InlineData("de-DE", "/de/", "Designwirtschaft", "/en/?subsector=design", "en")]
    public async Task The_language_switch_after_a_filter_set_by_script_lands_on_the_filtered_page(
        string locale, string url, string label, string expected, string other)
    {
        var failures = new ConcurrentQueue<string>();
        var page = await OpenAsync(url, locale, Chromium.Desktop, failures);
        await page.GetByLabel(label, new() { Exact = false }).First.CheckAsync();
        await page.WaitForURLAsync("**?subsector=design");
        var link = page.Locator($".language-switch a[hreflang='{other}']");
        await Assertions.Expect(link).ToHaveAttributeAsync("href", expected);

        await link.ClickAsync();
        await page.WaitForURLAsync("**" + expected);
        await page.Locator("#map[data-state='ready']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        Assert.Equal(other, await page.Locator("html").GetAttributeAsync("lang"));
        Assert.True(await page.Locator("#f-subsector-design").IsCheckedAsync());
        Assert.Equal("2", await page.Locator("#map").GetAttributeAsync("data-marker-count"));
        Assert.Empty(failures);
    }

    [Theory]
    [InlineData("en-GB", "/en/", "State or region", "Saxony", "Austria")]
    [InlineData("de-DE", "/de/", "Bundesland oder Region", "Sachsen", "Österreich")]
    public async Task The_state_facet_filters_map_and_list_and_its_counts_follow_the_other_filters(
        string locale, string url, string facet, string saxony, string austria)
    {
        var failures = new ConcurrentQueue<string>();
        var page = await OpenAsync(url, locale, Chromium.Desktop, failures);
        await page.Locator("details.facet-states summary", new() { HasTextString = facet }).ClickAsync();
        await page.GetByLabel(saxony, new() { Exact = false }).First.CheckAsync();
        await page.WaitForURLAsync("**?state=DE-sachsen");
        // "Sachsen" and "Freistaat Sachsen": all three Saxon listings.
        await Assertions.Expect(page.Locator("#map[data-state='ready']")).ToHaveAttributeAsync("data-marker-count", "3");
        await Assertions.Expect(page.Locator("#result-list .result-item")).ToHaveCountAsync(3);
        // The country counts follow the state: none in Austria.
        await Assertions.Expect(page.Locator("[data-count-for='country:AT']")).ToHaveTextAsync("(0)");

        // States are counted within the chosen country.
        await page.GetByLabel(saxony, new() { Exact = false }).First.UncheckAsync();
        await page.GetByLabel(austria, new() { Exact = false }).First.CheckAsync();
        await page.WaitForURLAsync("**?country=AT");
        await Assertions.Expect(page.Locator("[data-count-for='state:DE-sachsen']")).ToHaveTextAsync("(0)");
        await Assertions.Expect(page.Locator("[data-count-for='state:AT-tirol']")).ToHaveTextAsync("(1)");
        await Chromium.ScreenshotAsync(page, $"state-facet-{locale}");
        Assert.Empty(failures);
    }

    [Theory]
    [InlineData("en-GB", "/en/submit", "Use the map's centre", "Remove the point", "Chosen point")]
    [InlineData("de-DE", "/de/submit", "Kartenmitte übernehmen", "Punkt entfernen", "Gewählter Punkt")]
    public async Task A_point_is_picked_on_the_submission_map_by_click_or_centre_and_the_error_summary_takes_the_focus(
        string locale, string url, string centre, string clear, string chosen)
    {
        var failures = new ConcurrentQueue<string>();
        var page = await OpenAsync(url, locale, Chromium.Desktop, failures);
        var map = page.Locator("#submit-map[data-state='ready']");
        await map.WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await map.ScrollIntoViewIfNeededAsync();
        var box = (await map.BoundingBoxAsync())!;
        await page.Mouse.ClickAsync(box.X + box.Width * 0.3f, box.Y + box.Height * 0.6f);
        await Assertions.Expect(map).ToHaveAttributeAsync("data-point", new System.Text.RegularExpressions.Regex(@"^-?\d+(\.\d+)?,-?\d+(\.\d+)?$"));
        var latitude = await page.Locator("[name='Input.Latitude']").InputValueAsync();
        Assert.InRange(double.Parse(latitude, System.Globalization.CultureInfo.InvariantCulture), -90, 90);
        await Assertions.Expect(page.Locator("[data-point-text]")).ToContainTextAsync(chosen);

        await page.GetByRole(AriaRole.Button, new() { Name = clear }).ClickAsync();
        Assert.Equal("", await page.Locator("[name='Input.Latitude']").InputValueAsync());
        // Keyboard users take the map's centre.
        await page.GetByRole(AriaRole.Button, new() { Name = centre }).ClickAsync();
        Assert.NotEqual("", await page.Locator("[name='Input.Longitude']").InputValueAsync());
        await Chromium.ScreenshotAsync(page, $"submit-point-{locale}");

        // Sent without the required fields: one summary, focused, the point kept.
        await page.Locator("#submission-form button.button[type=submit]:not([formaction])").Last.ClickAsync();
        await page.Locator("#problems").WaitForAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToHaveCountAsync(1);
        Assert.Equal("problems", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        Assert.NotEqual("", await page.Locator("[name='Input.Longitude']").InputValueAsync());
        Assert.Empty(failures);
    }

    /// <summary>
    /// A page keeps its place when its script starts: a visitor clicking the submission form's consent box, or reading the
    /// profile below its map, while the map, its tile consent and its buttons come up must not have the page moved from under
    /// the pointer (the test hosts ask for tile consent). The script is held back until the page has been measured.
    /// </summary>
    [Theory]
    [InlineData("/en/submit", "**/js/submit*", "#submit-map", "#Input_Consent")]
    [InlineData("/en/cooperations/erz-code", "**/js/profile-map*", "#profile-map", ".profile-map-area + dl")]
    public async Task The_page_does_not_move_when_its_map_script_starts(string url, string script, string map, string below)
    {
        var failures = new ConcurrentQueue<string>();
        var page = await NewPageAsync(site.BaseAddress, "en-GB", Chromium.Desktop);
        CollectFailures(page, failures);
        var release = new TaskCompletionSource();
        await page.RouteAsync(script, async route =>
        {
            await release.Task;
            await route.ContinueAsync();
        });
        await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.Commit });
        // Parsed to the end and styled, the module not yet run (it holds DOMContentLoaded back).
        await page.WaitForFunctionAsync("""
            map => document.readyState !== 'loading' && [...document.querySelectorAll('link[rel=stylesheet]')].every(l => l.sheet)
                && !document.querySelector(map).dataset.state
            """, map);
        var element = page.Locator(below);
        var before = (await element.BoundingBoxAsync())!.Y;

        release.SetResult();
        await page.Locator($"{map}[data-state='ready']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Assertions.Expect(page.Locator("[data-consent-overlay]")).ToBeVisibleAsync();
        Assert.Equal(0, await page.EvaluateAsync<double>("() => window.scrollY"));
        Assert.Equal(before, (await element.BoundingBoxAsync())!.Y);
        Assert.Empty(failures);
    }

    /// <summary>Every public page type in both languages (new ones included as they come).</summary>
    public static readonly string[] PublicPages =
    [
        "/de/", "/en/?subsector=design", "/de/cooperations", "/en/cooperations?country=AT&p=1", "/de/cooperations/erz-code",
        "/en/cooperations/vogtland-crafts", "/de/partners/studio-form", "/de/partners", "/en/partners?kind=cci", "/en/partners/saegewerk-mueller", "/de/evaluation", "/en/evaluation?state=DE-sachsen",
        "/de/knowledge", "/en/knowledge/learnings", "/de/api", "/en/api", "/de/embed", "/en/embed", "/en/embed/map?list=on",
        "/de/submit", "/en/submit", "/en/ogc?f=html", "/en/ogc/collections/cooperations/items?f=html", "/de/account/login",
        "/en/cooperations/no-such-listing", "/de/imprint", "/en/privacy", "/de/privacy",
    ];

    [Theory]
    [InlineData(360)]
    [InlineData(320)]
    [InlineData(414)]
    public async Task No_public_page_is_wider_than_a_phone(int width)
    {
        var failures = new ConcurrentQueue<string>();
        var page = await SharedPageAsync(pages, site.BaseAddress, "de-DE", options => Chromium.Phone(options, width));
        CollectFailures(page, failures, ignore: text => text.Contains("no-such-listing"));
        var wide = new List<string>();
        // A phone's browser zooms out to show a page wider than itself, and innerWidth grows with it: compare with the screen too.
        const string measure = "w => [document.documentElement.scrollWidth, Math.min(window.innerWidth, w)]";

        // The measure itself sees a page that is too wide.
        await page.GotoAsync("/en/knowledge");
        await page.EvaluateAsync("() => { const d = document.createElement('div'); d.style.width = '1000px'; d.textContent = 'x'; document.querySelector('main').append(d); }");
        var planted = await page.EvaluateAsync<double[]>(measure, width);
        Assert.True(planted[0] > planted[1], $"a planted 1000 px element is not seen: {planted[0]} ≤ {planted[1]}");

        foreach (var url in PublicPages)
        {
            await page.GotoAsync(url);
            await page.WaitForLoadStateAsync(LoadState.Load);
            var sizes = await page.EvaluateAsync<double[]>(measure, width);
            if (sizes[0] > sizes[1])
            {
                var culprit = await page.EvaluateAsync<string>("""
                    w => [...document.querySelectorAll('body *')].filter(e => !e.closest('.table-scroll, .leaflet-container') && e.getBoundingClientRect().right > w + 1)
                      .slice(0, 4).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join('; ')
                    """, width);
                wide.Add($"{url}: {sizes[0]} > {sizes[1]} ({culprit})");
                await Chromium.ScreenshotAsync(page, $"overflow-{width}{url.Replace('/', '-').Replace('?', '-')}");
            }
        }
        Assert.True(wide.Count == 0, string.Join("\n", wide));
    }

    [Theory]
    [InlineData("de-DE", "/de/", 360)]
    [InlineData("en-GB", "/en/", 360)]
    [InlineData("de-DE", "/de/", 1366)]
    [InlineData("en-GB", "/en/", 1366)]
    [InlineData("de-DE", "/de/evaluation", 360)]
    [InlineData("en-GB", "/en/evaluation", 1366)]
    [InlineData("en-GB", "/en/cooperations?state=AT-tirol", 360)]
    [InlineData("de-DE", "/de/evaluation?state=DE-sachsen", 1366)]
    public async Task Screenshots_for_review(string locale, string url, int width)
    {
        var failures = new ConcurrentQueue<string>();
        var page = await OpenAsync(url, locale, width < 600 ? options => Chromium.Phone(options, width) : Chromium.Desktop, failures);
        await Chromium.ScreenshotAsync(page, $"review-{width}{url.Replace('/', '-')}{locale}");
        Assert.Empty(failures);
    }

    /// <summary>
    /// The words of the page's labels (headings, table row and column heads, form labels, captions) that the layout splits
    /// across two lines: a word's text range has boxes on more than one line. A line may end after a hyphen ("Kultur-").
    /// </summary>
    private const string SplitWords = """
        selector => {
          const split = [];
          for (const element of document.querySelectorAll(selector)) {
            const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              if (node.parentElement.closest('.visually-hidden')) continue;
              for (const word of node.textContent.matchAll(/[^\s-]+-?/g)) {
                const range = document.createRange();
                range.setStart(node, word.index);
                range.setEnd(node, word.index + word[0].length);
                const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.bottom)));
                if (lines.size > 1) split.push(word[0]);
              }
            }
          }
          return split;
        }
        """;

    [Theory]
    [InlineData("de-DE", "/de/evaluation")]
    [InlineData("en-GB", "/en/evaluation")]
    public async Task The_evaluation_keeps_its_labels_words_whole_on_a_phone(string locale, string url)
    {
        const string labels = "main h1, main h2, main h3, main th, main label, main legend, main .chart-caption, main dt";
        var failures = new ConcurrentQueue<string>();
        var page = await OpenAsync(url, locale, options => Chromium.Phone(options, 360), failures);
        await Chromium.ScreenshotAsync(page, $"evaluation-360{url.Replace('/', '-')}");

        // The measure itself sees a word broken inside: a label as narrow as a few letters that may break anywhere.
        await page.EvaluateAsync("""
            () => {
              const label = document.createElement('label');
              label.id = 'planted';
              label.textContent = 'Standortattraktivität';
              Object.assign(label.style, { display: 'block', width: '4em', overflowWrap: 'anywhere' });
              document.querySelector('main').append(label);
            }
            """);
        Assert.Equal(["Standortattraktivität"], await page.EvaluateAsync<string[]>(SplitWords, "#planted"));
        await page.EvaluateAsync("() => document.getElementById('planted').remove()");

        var split = await page.EvaluateAsync<string[]>(SplitWords, labels);
        Assert.True(split.Length == 0, $"{url} at 360 px splits: {string.Join(", ", split)}");
        // The shares beside them may take two lines, but a percentage stays whole: "(18.2 %)", never "(18.2" and "%)".
        var brokenShares = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('.chart-figure [data-share]')].filter(cell => {
              const text = cell.firstChild;
              const range = document.createRange();
              range.setStart(text, text.textContent.lastIndexOf('('));
              range.setEnd(text, text.textContent.length);
              return new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.bottom))).size > 1;
            }).map(cell => cell.textContent.trim())
            """);
        Assert.True(brokenShares.Length == 0, $"{url} at 360 px breaks the percentage of: {string.Join(", ", brokenShares)}");
        // Nor does the page grow wider than the phone to keep them whole.
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= Math.min(window.innerWidth, 360)"));

        var wide = await OpenAsync(url, locale, Chromium.Desktop, failures);
        await Chromium.ScreenshotAsync(wide, $"evaluation-1366{url.Replace('/', '-')}");
        Assert.Empty(await wide.EvaluateAsync<string[]>(SplitWords, labels));
        Assert.Empty(failures);
    }
}
