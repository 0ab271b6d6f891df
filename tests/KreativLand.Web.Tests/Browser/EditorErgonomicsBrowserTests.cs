using System.Collections.Concurrent;
using KreativLand.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace KreativLand.Web.Tests.Browser;

/// <summary>Issue 13 item 3 in Chromium: the checklist stays in view, leaving with unsaved changes asks first, removing looks destructive.</summary>
public class EditorErgonomicsBrowserTests(BasicDataBrowserFixture site) : BrowserTest, IClassFixture<BasicDataBrowserFixture>
{
    [Fact]
    public async Task The_checklist_stays_in_view_while_partners_are_edited_on_wide_and_narrow_screens()
    {
        var email = await Curators.CreateAsync(site, "curator");
        var failures = new ConcurrentQueue<string>();
        foreach (var width in new[] { 1366, 360 })
        {
            var page = await NewPageAsync(site.BaseAddress, configure: o => o.ViewportSize = new() { Width = width, Height = 900 });
            Chromium.CollectFailures(page, failures);
            await CuratorBrowserTests.SignInAsync(page, email);
            await page.GotoAsync("/admin/cooperations/edit");
            await page.Locator("#partner-0-name").ScrollIntoViewIfNeededAsync();
            await page.Locator("#partner-0-name").FillAsync("Tischlerei Sichtbar");
            await page.Locator("#partner-0-employees").FillAsync("300");
            if (width > 1024)
            {
                await Assertions.Expect(page.Locator("#criteria-list")).ToBeInViewportAsync();
                await Assertions.Expect(page.Locator("#criteria-bar")).ToBeHiddenAsync();
                // The refreshed checklist names the failing SME criterion beside the partner being edited.
                await Assertions.Expect(page.Locator("#criteria-list [data-criterion=sme]")).ToHaveAttributeAsync("data-outcome", "fail");
            }
            else
            {
                var bar = page.Locator("#criteria-bar");
                await Assertions.Expect(bar).ToBeInViewportAsync();
                // The employees typed make the SME criterion fail; the bar is refreshed with the checklist.
                await Assertions.Expect(bar).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^Kriterien: \d von 7 erfüllt, [1-9] nicht erfüllt$"));
            }
            // Nothing is wider than the screen (the admin navigation wraps).
            Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1"),
                await page.EvaluateAsync<string>("[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1).slice(0, 5).map(e => e.tagName + '.' + e.className + '#' + e.id).join(', ')"));
            await Chromium.ScreenshotAsync(page, $"editor-checklist-in-view-{width}");
        }
        Assert.Empty(failures);
    }

    [Fact]
    public async Task Leaving_with_unsaved_changes_asks_first_and_remove_buttons_look_destructive()
    {
        var email = await Curators.CreateAsync(site, "curator");
        var page = await NewPageAsync(site.BaseAddress);
        await CuratorBrowserTests.SignInAsync(page, email);
        await page.GotoAsync("/admin/cooperations/edit");
        // Untouched: leaving asks nothing.
        var dialogs = new ConcurrentQueue<string>();
        page.Dialog += async (_, dialog) => { dialogs.Enqueue(dialog.Type); await dialog.DismissAsync(); };
        await page.GetByRole(AriaRole.Link, new() { Name = "Einträge", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/admin/cooperations");
        Assert.Empty(dialogs);

        await page.GotoAsync("/admin/cooperations/edit");
        await page.Locator("#Input_Title_De").ClickAsync();
        await page.Locator("#Input_Title_De").PressSequentiallyAsync("Nicht gespeichert");
        await page.GetByRole(AriaRole.Link, new() { Name = "Einträge", Exact = true }).ClickAsync();
        // The dialog is dismissed: the page and the typed text stay.
        await Assertions.Expect(page.Locator("#Input_Title_De")).ToHaveValueAsync("Nicht gespeichert");
        Assert.Contains("beforeunload", dialogs);
        Assert.EndsWith("/admin/cooperations/edit", page.Url);

        // Remove buttons of rows are styled apart from "Save".
        var remove = page.Locator("[data-rows] .remove-row, .partner-row .remove-row").First;
        var (removeColour, saveColour) = (await remove.EvaluateAsync<string>("b => getComputedStyle(b).color"), await page.Locator("#save").EvaluateAsync<string>("b => getComputedStyle(b).backgroundColor"));
        Assert.Equal("rgb(164, 22, 26)", removeColour);
        Assert.NotEqual(removeColour, saveColour);
    }
}
