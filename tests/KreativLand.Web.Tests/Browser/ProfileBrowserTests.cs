using System.Collections.Concurrent;
using KreativLand.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace KreativLand.Web.Tests.Browser;

public class ProfileBrowserTests(SharedBasicDataBrowserFixture site) : BrowserTest, IClassFixture<SharedBasicDataBrowserFixture>
{
    [Fact]
    public async Task Opening_a_profile_and_switching_the_language_keeps_the_page()
    {
        var page = await NewPageAsync(site.BaseAddress);
        var failures = new ConcurrentQueue<string>();
        // basic.json's picture is on another site: the CSP (img-src 'self') refuses it, as it would in production.
        Chromium.CollectFailures(page, failures, text => text.Contains("example.org/img/test.jpg"));

        await page.GotoAsync("/cooperations/forest-online");
        Assert.Equal("Wald geht online", (await page.Locator("h1").InnerTextAsync()).Trim());
        Assert.Equal("de", await page.Locator("html").GetAttributeAsync("lang"));
        await Chromium.ScreenshotAsync(page, "profile-de");

        await page.GetByRole(AriaRole.Link, new() { Name = "Auf Englisch lesen" }).ClickAsync();
        await page.WaitForURLAsync("**/en/cooperations/forest-online");
        Assert.Equal("Forest goes online", (await page.Locator("h1").InnerTextAsync()).Trim());
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Contains("Partners", await page.Locator("#partners-heading").InnerTextAsync());
        await Chromium.ScreenshotAsync(page, "profile-en");

        // The choice is remembered: an unprefixed URL now opens in English.
        await page.GotoAsync("/cooperations");
        Assert.Equal("Cooperations", (await page.Locator("h1").InnerTextAsync()).Trim());

        // The stylesheet loads under the strict CSP and nothing is blocked.
        var headerBackground = await page.Locator(".site-header").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
        Assert.Equal("rgb(29, 92, 58)", headerBackground);
        Assert.Empty(failures);
    }
}
