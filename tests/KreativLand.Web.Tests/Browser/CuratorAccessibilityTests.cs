using System.Text.Json;
using KreativLand.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace KreativLand.Web.Tests.Browser;

/// <summary>axe-core finds no WCAG 2.1 A/AA violation on the sign-in, submission and curator pages.</summary>
public class CuratorAccessibilityTests(BasicDataBrowserFixture site) : BrowserTest, IClassFixture<BasicDataBrowserFixture>
{
    private static readonly string AxeScript = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Browser", "axe.min.js"));

    private static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page)
    {
        // axe is injected through the DevTools protocol, so the page's strict CSP stays as it is.
        await page.EvaluateAsync(AxeScript);
        var json = await page.EvaluateAsync<JsonElement>(
            "async () => { const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });" +
            " return { passes: r.passes.length, violations: r.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', ')) }; }");
        Assert.True(json.GetProperty("passes").GetInt32() > 10, "axe checked next to nothing on " + page.Url);
        return json.GetProperty("violations").EnumerateArray().Select(v => v.GetString()!).ToList();
    }

    [Fact]
    public async Task Sign_in_submission_dashboard_listings_editor_and_accounts_have_no_violations()
    {
        var email = await Curators.CreateAsync(site, "admin");
        var page = await NewPageAsync(site.BaseAddress);
        var found = new List<string>();

        foreach (var url in new[] { "/account/login", "/submit", "/en/submit" })
        {
            await page.GotoAsync(url);
            found.AddRange((await ViolationsAsync(page)).Select(v => $"{url}: {v}"));
        }

        await page.GotoAsync("/account/login");
        await page.Locator("#Input_Email").FillAsync(email);
        await page.Locator("#Input_Password").FillAsync(Curators.Password);
        await page.Locator("form button[type=submit]").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin$"));

        foreach (var url in new[] { "/admin", "/admin/cooperations", "/admin/cooperations/edit", "/admin/cooperations/edit/1", "/admin/cooperations/transfer", "/admin/users", "/admin/settings/thresholds", "/admin/settings/regions", "/admin/knowledge", "/admin/knowledge/edit/1", "/account/two-factor" })
        {
            await page.GotoAsync(url);
            found.AddRange((await ViolationsAsync(page)).Select(v => $"{url}: {v}"));
        }
        Assert.Empty(found);
    }
}
