using KreativLand.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace KreativLand.Web.Tests.Browser;

/// <summary>axe-core (bundled, Browser/axe.min.js) over the pages of the open-data and embed issue: WCAG 2 A/AA rules.</summary>
public class OpenDataAccessibilityTests(SharedMapDataBrowserFixture site) : IClassFixture<SharedMapDataBrowserFixture>
{
    [Theory]
    [InlineData("/en/api")]
    [InlineData("/de/embed")]
    [InlineData("/embed/map?lang=en&list=on")]
    [InlineData("/ogc/collections/cooperations/items?f=html")]
    [InlineData("/en/cooperations?subsector=design")]
    public async Task Has_no_axe_violations(string url)
    {
        var browser = await Chromium.BrowserAsync();
        // Only the test bypasses the CSP, to inject axe; the pages themselves run under it.
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = site.BaseAddress.ToString(), BypassCSP = true, Locale = "en-GB", ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(url);
        if (url.StartsWith("/embed/map"))
        {
            await page.WaitForSelectorAsync("#map[data-state='ready']", new() { State = WaitForSelectorState.Attached });
            // The fit animates after 'ready': axe would judge the contrast of markers and clusters still fading in, and how far
            // they had faded when it looked depended on the machine's speed.
            await Chromium.MapSettledAsync(page);
        }
        await page.AddScriptTagAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "Browser", "axe.min.js") });
        var violations = await page.EvaluateAsync<string[]>(
            "async () => (await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa'] })).violations" +
            ".map(v => `${v.id}: ${v.nodes.slice(0, 5).map(n => n.target.join(' ')).join(' | ')}`)");
        Assert.True(violations.Length == 0, string.Join("\n", violations));
    }
}
