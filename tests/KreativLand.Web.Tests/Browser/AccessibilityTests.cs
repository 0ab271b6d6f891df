using System.Text.Json;
using KreativLand.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace KreativLand.Web.Tests.Browser;

/// <summary>
/// axe-core (committed at Browser/axe.min.js) in Chromium on every public page type: zero violations of
/// WCAG 2.0/2.1 A and AA. axe is injected through Playwright's evaluate, which the page's CSP does not
/// govern, so the site's strict CSP stays on during the test.
/// </summary>
public class AccessibilityTests(SharedMapDataBrowserFixture site, SharedPages pages)
    : BrowserTest, IClassFixture<SharedMapDataBrowserFixture>, IClassFixture<SharedPages>
{
    private static readonly Lazy<string> Axe = new(() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Browser", "axe.min.js")));

    private async Task<IPage> OpenAsync(string url, string locale) => await LoadAsync(await SharedPageAsync(pages, site.BaseAddress, locale), url);

    /// <summary>Opens <paramref name="url"/> in <paramref name="page"/>; on a page with a map, waits until the map is ready and still.</summary>
    internal static async Task<IPage> LoadAsync(IPage page, string url)
    {
        // The document and its stylesheets are what axe judges.
        await page.GotoAsync(url, Chromium.Parsed);
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('link[rel=stylesheet]')].every(link => link.sheet !== null)");
        if (await page.Locator("#map").CountAsync() > 0)
        {
            await page.WaitForSelectorAsync("#map[data-state='ready']", new() { State = WaitForSelectorState.Attached });
            // Let the fit animation end first: axe would otherwise judge contrast of half-faded clusters and markers being replaced.
            await Chromium.MapSettledAsync(page);
        }
        return page;
    }

    internal static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page)
    {
        await page.EvaluateAsync(Axe.Value);
        var json = await page.EvaluateAsync<string>("""
            async () => {
              const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
              return JSON.stringify(result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' — ' + (n.failureSummary || '').replace(/\s+/g, ' '))
              })));
            }
            """);
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray()
            .Select(v => $"{v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}): {v.GetProperty("help").GetString()}\n    "
                + string.Join("\n    ", v.GetProperty("nodes").EnumerateArray().Select(n => n.GetString())))
            .ToList();
    }

    [Theory]
    [InlineData("/de/", "de-DE")]
    [InlineData("/en/?subsector=design", "en-GB")]
    [InlineData("/de/cooperations", "de-DE")]
    [InlineData("/en/cooperations?country=AT&state=AT-tirol", "en-GB")]
    [InlineData("/de/cooperations/erz-code", "de-DE")]
    [InlineData("/en/cooperations/vogtland-crafts", "en-GB")]
    [InlineData("/de/partners/studio-form", "de-DE")]
    [InlineData("/de/partners", "de-DE")]
    [InlineData("/de/privacy", "de-DE")]
    [InlineData("/en/imprint", "en-GB")]
    [InlineData("/en/partners?kind=cci&subsector=design", "en-GB")]
    [InlineData("/de/evaluation", "de-DE")]
    [InlineData("/en/evaluation?country=DE&state=DE-sachsen", "en-GB")]
    [InlineData("/de/knowledge", "de-DE")]
    [InlineData("/en/knowledge/learnings", "en-GB")]
    [InlineData("/en/cooperations/no-such-listing", "en-GB")]
    public async Task Axe_finds_no_WCAG_A_or_AA_violation(string url, string locale)
    {
        var page = await OpenAsync(url, locale);
        var violations = await ViolationsAsync(page);
        Assert.True(violations.Count == 0, $"{url}:\n" + string.Join("\n", violations));
    }

    [Fact]
    public async Task The_check_itself_catches_a_planted_violation()
    {
        var page = await OpenAsync("/en/knowledge", "en-GB");
        await page.EvaluateAsync("() => document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=\"/favicon.ico\"><p class=\"lead\"><a href=\"#\"></a></p>')");
        var violations = await ViolationsAsync(page);
        Assert.Contains(violations, v => v.StartsWith("image-alt"));
        Assert.Contains(violations, v => v.StartsWith("link-name"));
    }

    [Fact]
    public async Task Keyboard_focus_starts_at_a_visible_skip_link_and_stays_visible()
    {
        var page = await OpenAsync("/en/evaluation", "en-GB");
        await page.Keyboard.PressAsync("Tab");
        var skip = page.Locator(".skip-link");
        Assert.True(await skip.EvaluateAsync<bool>("e => e === document.activeElement"));
        Assert.True(await skip.IsVisibleAsync());
        var box = await skip.BoundingBoxAsync();
        Assert.True(box is { Y: >= 0 }, "the focused skip link is on screen");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#main")).ToBeFocusedAsync();

        // Every further focus stop shows an outline.
        for (var i = 0; i < 6; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var outline = await page.EvaluateAsync<string>("() => { const s = getComputedStyle(document.activeElement); return s.outlineStyle + ' ' + s.outlineWidth; }");
            Assert.False(outline.StartsWith("none"), $"focus stop {i} has no visible outline: {outline}");
        }
    }

    [Fact]
    public async Task Motion_is_reduced_when_the_visitor_asks_for_it()
    {
        var page = await OpenAsync("/en/knowledge", "en-GB");
        await page.EmulateMediaAsync(new() { ReducedMotion = ReducedMotion.NoPreference });
        Assert.Equal("smooth", await page.EvaluateAsync<string>("() => getComputedStyle(document.documentElement).scrollBehavior"));
        await page.EmulateMediaAsync(new() { ReducedMotion = ReducedMotion.Reduce });
        Assert.Equal("auto", await page.EvaluateAsync<string>("() => getComputedStyle(document.documentElement).scrollBehavior"));
        var transition = await page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.querySelector('.button, a')).transitionDuration)");
        Assert.True(transition < 0.01, $"transition {transition}s");
    }
}

/// <summary>The same check over the shipped sample data: knowledge pages with example cards, a richer pairing table.</summary>
public class AccessibilitySampleDataTests(BrowserWebFixture site, SharedPages pages) : BrowserTest, IClassFixture<BrowserWebFixture>, IClassFixture<SharedPages>
{
    [Theory]
    [InlineData("/en/knowledge/inclusion-criteria", "en-GB")]
    [InlineData("/de/knowledge/advice-for-municipalities", "de-DE")]
    [InlineData("/de/evaluation", "de-DE")]
    [InlineData("/en/cooperations/karakoeje", "en-GB")]
    public async Task Axe_finds_no_WCAG_A_or_AA_violation(string url, string locale)
    {
        var page = await AccessibilityTests.LoadAsync(await SharedPageAsync(pages, site.BaseAddress, locale), url);
        await Chromium.ScreenshotAsync(page, "a11y" + url.Replace('/', '-').Replace('?', '-'));
        var violations = await AccessibilityTests.ViolationsAsync(page);
        Assert.True(violations.Count == 0, $"{url}:\n" + string.Join("\n", violations));
    }
}
