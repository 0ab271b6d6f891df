using System.Collections.Concurrent;
using KreativLand.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace KreativLand.Web.Tests.Browser;

/// <summary>The feed link follows the map's filter; the JSON-LD data block passes the strict CSP.</summary>
public class DiscoveryBrowserTests(SharedMapDataBrowserFixture site) : BrowserTest, IClassFixture<SharedMapDataBrowserFixture>
{
    [Fact]
    public async Task Subscribe_link_follows_the_filter()
    {
        var page = await NewPageAsync(site.BaseAddress, "en-GB");
        await page.GotoAsync("/en/", Chromium.Parsed);
        await page.WaitForSelectorAsync("#map[data-state='ready']", new() { State = WaitForSelectorState.Attached });
        Assert.EndsWith("/en/feed.atom", await page.Locator("#feed-link").EvaluateAsync<string>("a => a.href"));

        await page.GetByLabel("Software & games").CheckAsync();
        await page.WaitForURLAsync("**/en/?subsector=software-games");
        Assert.EndsWith("/en/feed.atom?subsector=software-games", await page.Locator("#feed-link").EvaluateAsync<string>("a => a.href"));
        Assert.EndsWith("/en/feed.atom?subsector=software-games",
            await page.Locator("link[data-feed-alternate]").EvaluateAsync<string>("a => a.href"));

        var feed = await page.Context.APIRequest.GetAsync(await page.Locator("#feed-link").EvaluateAsync<string>("a => a.href"));
        Assert.Contains("Timber meets code", await feed.TextAsync());
        Assert.DoesNotContain("Cinema in the barn", await feed.TextAsync());
    }

    [Fact]
    public async Task Structured_data_on_a_profile_reports_no_CSP_violation()
    {
        var page = await NewPageAsync(site.BaseAddress, "de-DE");
        var problems = new ConcurrentQueue<string>();
        page.Console += (_, message) => { if (message.Type == "error") problems.Enqueue(message.Text); };
        await page.AddInitScriptAsync("window.__csp = []; document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));");
        await page.GotoAsync("/de/cooperations/erz-code");
        Assert.Equal(1, await page.Locator("script[type='application/ld+json']").CountAsync());
        await page.WaitForTimeoutAsync(300);
        Assert.Empty(await page.EvaluateAsync<string[]>("() => window.__csp"));
        Assert.Empty(problems);
    }
}
