using System.Collections.Concurrent;
using System.Globalization;
using KreativLand.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace KreativLand.Web.Tests.Browser;

/// <summary>
/// The site with tiles loading at once (Embed:ConsentRequired=false), as when self-hosted tiles are configured, and every
/// load of map data clustered in the Web Worker (the path of large data; home's tests keep the main-thread path).
/// </summary>
public class EmbedBrowserFixture : MapDataBrowserFixture
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Embed:ConsentRequired"] = "false",
        ["Map:MainThreadClusteringBytes"] = "0",
    };
}

/// <summary>The site in consent mode (a third-party tile server must wait for the visitor's click), framable by one partner only.</summary>
public class ConsentBrowserFixture : MapDataBrowserFixture
{
    public const string OnlyPartner = "https://partner.example";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Embed:ConsentRequired"] = "true",
        ["Embed:FrameAncestors"] = OnlyPartner,
    };
}

/// <summary>A partner page on another origin embeds the map as iframe and as script widget, in Chromium.</summary>
public class EmbedBrowserTests(EmbedBrowserFixture site) : BrowserTest, IClassFixture<EmbedBrowserFixture>
{
    private PartnerSite partner = null!;
    private readonly ConcurrentQueue<string> failures = new();

    public override async Task InitializeAsync() => partner = await PartnerSite.StartAsync();

    public override async Task DisposeAsync()
    {
        // The pages first: they are the partner site's clients.
        try { await base.DisposeAsync(); }
        finally { await partner.DisposeAsync(); }
    }

    private string Kl => site.BaseAddress.ToString().TrimEnd('/');

    private async Task<IPage> OpenAsync(Uri url)
    {
        var page = await NewPageAsync(partner.BaseAddress, "en-GB");
        Chromium.CollectFailures(page, failures, text => text.Contains("frame-ancestors"));
        await page.GotoAsync(url.ToString());
        return page;
    }

    private static async Task<int> MarkerCountAsync(IFrameLocator frame)
    {
        var map = frame.Locator("#map[data-state='ready']");
        await map.WaitForAsync(new() { State = WaitForSelectorState.Attached });
        return int.Parse(await map.GetAttributeAsync("data-marker-count") ?? "-1");
    }

    [Fact]
    public async Task An_iframe_on_a_partner_page_shows_the_filtered_map_with_links_into_new_tabs()
    {
        var url = partner.Page("iframe.html",
            $"<iframe id=\"kl\" src=\"{Kl}/embed/map?subsector=design&amp;lang=en&amp;list=on\" width=\"800\" height=\"520\" title=\"map\"></iframe>");
        var page = await OpenAsync(url);
        var frame = page.FrameLocator("#kl");
        Assert.Equal(2, await MarkerCountAsync(frame)); // Gölles and Vogtland have design partners
        Assert.Equal("worker", await frame.Locator("#map").GetAttributeAsync("data-clustering"));
        Assert.Equal(2, await frame.Locator("#result-list .result-item").CountAsync());
        var link = frame.Locator("#result-list .result-title").First;
        Assert.Equal("_blank", await link.GetAttributeAsync("target"));
        Assert.Equal("noopener", await link.GetAttributeAsync("rel"));
        Assert.StartsWith($"{Kl}/en/cooperations/", await link.GetAttributeAsync("href"));

        // A marker's popup links to the full profile in a new tab.
        await frame.Locator(".kl-marker").First.ClickAsync();
        var popupLink = frame.Locator(".kl-popup a").First;
        await popupLink.WaitForAsync();
        Assert.Equal("_blank", await popupLink.GetAttributeAsync("target"));
        Assert.Equal("noopener", await popupLink.GetAttributeAsync("rel"));

        Assert.Equal("KreativLand", (await frame.Locator(".embed-credit a:not([data-legal-link])").InnerTextAsync()).Trim());
        // The map fills the iframe.
        var mapBox = await frame.Locator("#map").BoundingBoxAsync();
        Assert.True(mapBox!.Width > 780, $"map width {mapBox.Width}");
        // No consent needed: tiles are requested at once (they fail on purpose: closed port).
        Assert.Equal("on", await frame.Locator("#map").GetAttributeAsync("data-tiles"));
        await Chromium.ScreenshotAsync(page, "embed-iframe");
        Assert.Empty(failures);
    }

    [Fact]
    public async Task The_script_widget_inserts_the_map_and_keeps_its_height_matched()
    {
        var url = partner.Page("widget.html",
            $"<script src=\"{Kl}/embed.js\" data-subsector=\"film,design\" data-lang=\"en\" data-list=\"on\" data-height=\"300\" async></script>"
            + $"<div id=\"second\" data-kreativland-map data-country=\"AT\" data-legend=\"off\"></div>");
        var requests = new ConcurrentQueue<string>();
        var page = await NewPageAsync(partner.BaseAddress, "en-GB");
        page.Request += (_, request) => requests.Enqueue(request.Url);
        page.PageError += (_, error) => failures.Enqueue(error);
        await page.GotoAsync(url.ToString());

        var first = page.Locator("iframe[data-kreativland-widget]").First.ContentFrame;
        Assert.Equal(3, await MarkerCountAsync(first));
        var second = page.FrameLocator("#second iframe");
        Assert.Equal(2, await MarkerCountAsync(second));
        Assert.Equal(0, await second.Locator(".embed-legend").CountAsync());

        // The widget sits right after its script, before the text that follows; the iframe grows to its content:
        // the 300px map plus legend, the three-item list and the credit line.
        var iframe = page.Locator("iframe[data-kreativland-widget]").First;
        await page.WaitForFunctionAsync(
            "() => { const f = document.querySelector('iframe[data-kreativland-widget]'); return f && f.getBoundingClientRect().height > 420; }");
        // The content may still be growing (list, fonts) while the height message is on its way: wait for them to meet.
        var (frameHeight, contentHeight) = await Chromium.EventuallyAsync(
            async () => ((await iframe.BoundingBoxAsync())!.Height,
                await first.Locator("#embed").EvaluateAsync<double>("e => e.getBoundingClientRect().height")),
            heights => Math.Abs(heights.Item1 - heights.Item2) <= 2);
        Assert.True(Math.Abs(frameHeight - contentHeight) <= 2, $"iframe {frameHeight}px, content {contentHeight}px");
        var mapBox = await first.Locator("#map").EvaluateAsync<double[]>("e => { const r = e.getBoundingClientRect(); return [r.width, r.height]; }");
        Assert.Equal(300, mapBox[1], 1);
        Assert.True(mapBox[0] > 1000, $"map width {mapBox[0]}"); // as wide as the partner's column
        await first.Locator("#map[data-outlines-loaded='true']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        Assert.True(await first.Locator(".kl-marker, .marker-cluster").First.IsVisibleAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('iframe[data-kreativland-widget]').compareDocumentPosition(document.getElementById('after')) === Node.DOCUMENT_POSITION_FOLLOWING"));

        // The partner page itself requests nothing but its own page, embed.js and the iframes' documents;
        // everything else comes from inside the iframes, from KreativLand.
        var fromPartnerPage = requests.Where(r => !r.StartsWith(partner.BaseAddress.ToString()) && !r.StartsWith(Kl)).ToList();
        Assert.True(fromPartnerPage.All(r => r.StartsWith(WebFixture.UnreachableTiles)), string.Join("\n", fromPartnerPage));
        await Chromium.ScreenshotAsync(page, "embed-widget");
        Assert.Empty(failures);
    }

    [Fact]
    public async Task The_widget_ignores_height_messages_from_other_origins()
    {
        var url = partner.Page("spoof.html",
            $"<script src=\"{Kl}/embed.js\" data-country=\"PT\" data-height=\"200\" async></script>");
        var page = await OpenAsync(url);
        var frame = page.FrameLocator("iframe[data-kreativland-widget]");
        Assert.Equal(1, await MarkerCountAsync(frame));
        await page.WaitForFunctionAsync("() => document.querySelector('iframe[data-kreativland-widget]').getBoundingClientRect().height > 200");
        // Compare against the settled height, so that a late genuine height message is not mistaken for the forged one.
        var before = await Chromium.SettledAsync(() => page.Locator("iframe[data-kreativland-widget]").EvaluateAsync<double>("e => e.getBoundingClientRect().height"));
        // The partner page (another origin than KreativLand) posts a forged height to itself, then a second message: messages
        // arrive in order, so once the second one is here, embed.js has had the forged one (and ignored it or not).
        await page.EvaluateAsync("""
            () => new Promise(resolve => {
              window.addEventListener('message', event => { if (event.data === 'forged-height-sent') resolve(); });
              const id = document.querySelector('iframe[data-kreativland-widget]').dataset.kreativlandWidget;
              window.postMessage({ type: 'kreativland:height', widget: id, height: 1500 }, '*');
              window.postMessage('forged-height-sent', '*');
            })
            """);
        var after = await page.Locator("iframe[data-kreativland-widget]").EvaluateAsync<double>("e => e.getBoundingClientRect().height");
        Assert.NotEqual(1500, after);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task A_page_outside_embed_refuses_to_be_framed()
    {
        var url = partner.Page("framing.html",
            $"<iframe id=\"page\" src=\"{Kl}/en/cooperations\" width=\"600\" height=\"300\" title=\"page\"></iframe>"
            + $"<iframe id=\"embed\" src=\"{Kl}/embed/map?country=PT\" width=\"600\" height=\"300\" title=\"embed\"></iframe>");
        var blocked = new ConcurrentQueue<string>();
        var page = await NewPageAsync(partner.BaseAddress, "en-GB");
        page.Console += (_, message) => { if (message.Text.Contains("frame-ancestors")) blocked.Enqueue(message.Text); };
        await page.GotoAsync(url.ToString());
        Assert.Equal(1, await MarkerCountAsync(page.FrameLocator("#embed"))); // the embed route loads

        await page.WaitForLoadStateAsync(LoadState.Load);
        var frame = await (await page.QuerySelectorAsync("#page"))!.ContentFrameAsync();
        Assert.NotNull(frame);
        // Chromium replaces a refused frame with an error page: none of the site's content is there.
        Assert.Equal(0, await frame!.Locator("header.site-header").CountAsync());
        Assert.Equal(0, await frame.Locator("#list-count").CountAsync());
        Assert.DoesNotContain("/en/cooperations", frame.Url);
        // The refusal is logged by the browser; nothing orders that console message before the page's load event.
        await Chromium.EventuallyAsync(() => Task.FromResult(blocked.Any(m => m.Contains("'none'"))), found => found);
        Assert.Contains(blocked, m => m.Contains("'none'"));
    }

    [Fact]
    public async Task Large_map_data_reaches_the_worker_piece_by_piece_and_every_point_is_indexed()
    {
        // 30,000 points (4 MB): the body arrives in several reads, each handed to the worker as it comes and joined there.
        const int points = 30_000;
        var body = SyntheticMapData.Body(points, i => (5 + (i + 1) % 200 * 0.1, 45 + (i + 1) / 200 * 0.066));
        var page = await NewPageAsync(site.BaseAddress, "en-GB");
        page.PageError += (_, error) => failures.Enqueue(error);
        await SyntheticMapData.ServeAsync(page, body);
        // Every request of a page with a route passes through Playwright, which also serves the 4 MB: the minute below is for
        // all of it, from the moment the page's answer arrives (on a busy machine even parsing the page took over 15 s).
        await page.GotoAsync("/en/embed/map", new() { WaitUntil = WaitUntilState.Commit });
        var map = page.Locator("#map[data-state='ready']");
        await map.WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 60_000 });
        Assert.Equal("worker", await map.GetAttributeAsync("data-clustering"));
        Assert.Equal(points.ToString(CultureInfo.InvariantCulture), await map.GetAttributeAsync("data-marker-count"));
        Assert.True(await page.Locator(".marker-cluster").CountAsync() > 0);
        Assert.Empty(failures);
    }

    [Fact]
    public async Task The_generator_script_builds_the_same_snippets_as_the_server()
    {
        const string url = "/en/embed?subsector=design&country=AT&regionValue=tourism-offer&q=Hof&lang=de&list=on&legend=off&height=420&width=600px";
        var server = await site.CreateClient().GetDocumentAsync(url);
        var page = await NewPageAsync(site.BaseAddress, "en-GB");
        page.PageError += (_, error) => failures.Enqueue(error);
        await page.GotoAsync(url);
        await page.WaitForFunctionAsync("() => document.getElementById('embed-preview').getAttribute('width') === '600'");
        Assert.Equal(server.QuerySelector("#iframe-snippet")!.TextContent, await page.Locator("#iframe-snippet").InputValueAsync());
        Assert.Equal(server.QuerySelector("#script-snippet")!.TextContent, await page.Locator("#script-snippet").InputValueAsync());
        Assert.Empty(failures);
    }

    [Fact]
    public async Task A_snippet_copied_from_the_generator_works_on_a_partner_page()
    {
        var generator = await NewPageAsync(site.BaseAddress, "en-GB");
        generator.PageError += (_, error) => failures.Enqueue(error);
        await generator.GotoAsync("/en/embed", Chromium.Parsed); // the preview is waited for below
        await generator.GetByLabel("Software & games").CheckAsync();
        await generator.GetByLabel("Film industry").CheckAsync();
        await generator.Locator("#e-list").CheckAsync();
        await generator.Locator("#e-lang").SelectOptionAsync("en");
        // The preview follows the form after a 300 ms pause, so with slow clicks it loads intermediate filters (software only,
        // without the list) first. Wait until it shows the final snippet's address, in a document loaded from that address:
        // right after src changes, the iframe still holds the previous document, whose map may be ready too.
        await generator.WaitForFunctionAsync("""
            () => {
              const preview = document.getElementById('embed-preview');
              const snippet = new DOMParser().parseFromString(document.getElementById('iframe-snippet').value, 'text/html').querySelector('iframe');
              const wanted = snippet?.getAttribute('src');
              const shown = preview.contentDocument;
              return wanted && wanted.includes('subsector=film') && wanted.includes('list=on') && preview.src === wanted
                && shown?.location.href === wanted && shown.querySelector('#map[data-state=ready]') !== null;
            }
            """);
        var preview = generator.FrameLocator("#embed-preview");
        Assert.Equal(2, await MarkerCountAsync(preview));

        var iframeSnippet = await generator.Locator("#iframe-snippet").InputValueAsync();
        var scriptSnippet = await generator.Locator("#script-snippet").InputValueAsync();
        Assert.Contains("subsector=software-games", iframeSnippet);
        Assert.Matches("data-subsector=\"(software-games,film|film,software-games)\"", scriptSnippet);
        await Chromium.ScreenshotAsync(generator, "embed-generator");

        var url = partner.Page("pasted.html", $"<h2>iframe</h2>{iframeSnippet}<h2>script</h2>{scriptSnippet}");
        var page = await OpenAsync(url);
        Assert.Equal(2, await MarkerCountAsync(page.Locator("iframe").First.ContentFrame));
        Assert.Equal(2, await MarkerCountAsync(page.FrameLocator("iframe[data-kreativland-widget]")));
        Assert.Equal(2, await page.FrameLocator("iframe[data-kreativland-widget]").Locator("#result-list .result-item").CountAsync());
        Assert.Empty(failures);
    }
}

/// <summary>Consent mode: the embed asks before the first request to the tile server.</summary>
public class EmbedConsentBrowserTests(ConsentBrowserFixture site) : BrowserTest, IClassFixture<ConsentBrowserFixture>
{
    [Fact]
    public async Task No_tile_is_requested_before_the_visitor_agrees()
    {
        var tileRequests = new ConcurrentQueue<string>();
        var page = await NewPageAsync(site.BaseAddress, "en-GB");
        page.Request += (_, request) => { if (request.Url.StartsWith(WebFixture.UnreachableTiles)) tileRequests.Enqueue(request.Url); };
        await page.GotoAsync("/embed/map?country=DE&lang=en");
        await page.WaitForSelectorAsync("#map[data-state='ready']", new() { State = WaitForSelectorState.Attached });
        Assert.Equal("3", await page.Locator("#map").GetAttributeAsync("data-marker-count")); // markers come from KreativLand itself
        var overlay = page.Locator("[data-consent-overlay]");
        Assert.True(await overlay.IsVisibleAsync());
        await page.WaitForTimeoutAsync(500);
        Assert.Empty(tileRequests);
        await Chromium.ScreenshotAsync(page, "embed-consent");

        var firstTile = page.WaitForRequestAsync(r => r.Url.StartsWith(WebFixture.UnreachableTiles));
        await page.GetByRole(AriaRole.Button, new() { Name = "Load background map" }).ClickAsync();
        await firstTile;
        Assert.Equal(0, await overlay.CountAsync());
        Assert.NotEmpty(tileRequests);
    }

    [Fact]
    public async Task Configured_frame_ancestors_keep_other_sites_out()
    {
        using var response = await site.CreateClient().GetAsync("/embed/map");
        Assert.Contains($"frame-ancestors 'self' {ConsentBrowserFixture.OnlyPartner}", response.Headers.GetValues("Content-Security-Policy").Single());

        await using var partner = await PartnerSite.StartAsync();
        var url = partner.Page("unlisted.html", $"<iframe id=\"embed\" src=\"{site.BaseAddress}embed/map\" width=\"600\" height=\"300\" title=\"embed\"></iframe>");
        var refusals = new ConcurrentQueue<string>();
        var page = await NewPageAsync(partner.BaseAddress, "en-GB");
        page.Console += (_, message) => { if (message.Text.Contains("frame-ancestors")) refusals.Enqueue(message.Text); };
        await page.GotoAsync(url.ToString());
        await page.WaitForLoadStateAsync(LoadState.Load);
        var frame = await (await page.QuerySelectorAsync("#embed"))!.ContentFrameAsync();
        Assert.Equal(0, await frame!.Locator("#map").CountAsync());
        await Chromium.EventuallyAsync(() => Task.FromResult(refusals.Any(m => m.Contains(ConsentBrowserFixture.OnlyPartner))), found => found);
        Assert.Contains(refusals, m => m.Contains(ConsentBrowserFixture.OnlyPartner));
    }
}
