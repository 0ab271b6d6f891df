using System.Collections.Concurrent;
using System.Net;
using KreativLand.Web.Tests.Infrastructure;
using KreativLand.Web.Tests.Pages.Admin.Cooperations;
using Microsoft.Playwright;
using static KreativLand.Web.Tests.Pages.Admin.Cooperations.EditorTests;

namespace KreativLand.Web.Tests.Browser;

/// <summary>Issue 13 item 1 in Chromium: a curator opens the preview of a draft and of a pending revision from the editor.</summary>
public class CuratorPreviewBrowserTests(BasicDataBrowserFixture site) : BrowserTest, IClassFixture<BasicDataBrowserFixture>
{
    [Fact]
    public async Task A_curator_previews_a_draft_and_a_revision_in_German_and_English_never_indexed()
    {
        // The listings are set up over HTTP like a browser without JavaScript, against the real server the browser uses.
        var (client, email) = await SignedInAsync();
        var (reviewer, _) = await SignedInAsync();
        var draft = await CreateAsync(client, With(NewListing("Vorschau im Browser"), new() { ["Input.Title.En"] = "Preview in the browser" }));
        var published = await PreviewTests.PublishedAsync(client, reviewer, "Live im Browser");
        var editor = await client.GetDocumentAsync($"/admin/cooperations/edit/{published}");
        using (var saved = await client.PostFormAsync(editor, $"/admin/cooperations/edit/{published}", "#editor-form", new() { ["Input.Title.De"] = "Revision im Browser" }))
            Assert.True(saved.StatusCode == HttpStatusCode.Redirect, (await Html.ParseAsync(saved)).QuerySelector(".error-summary")?.TextContent);

        var failures = new ConcurrentQueue<string>();
        foreach (var (width, language) in new[] { (1366, "de"), (360, "en") })
        {
            var page = await NewPageAsync(site.BaseAddress, language == "de" ? "de-DE" : "en-GB", o => o.ViewportSize = new() { Width = width, Height = 800 });
            Chromium.CollectFailures(page, failures);
            await page.GotoAsync("/account/login");
            await page.Locator("[name='Input.Email']").FillAsync(email);
            await page.Locator("[name='Input.Password']").FillAsync(Curators.Password);
            await page.Locator("[name='Input.Password']").PressAsync("Enter");
            await page.WaitForURLAsync("**/admin");
            var prefix = language == "de" ? "" : "/en";

            await page.GotoAsync($"{prefix}/admin/cooperations/edit/{draft}");
            await page.Locator("#editor-preview").ClickAsync();
            await page.WaitForURLAsync($"**/admin/cooperations/preview/{draft}");
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(language == "de" ? "Vorschau im Browser" : "Preview in the browser");
            await Assertions.Expect(page.Locator("#preview-banner")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("meta[name=robots]")).ToHaveAttributeAsync("content", "noindex");
            await Chromium.ScreenshotAsync(page, $"preview-draft-{language}-{width}");

            await page.GotoAsync($"{prefix}/admin/cooperations/edit/{published}");
            await page.Locator("#editor-preview-revision").ClickAsync();
            await page.WaitForURLAsync($"**/admin/cooperations/preview/{published}?revision=true");
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Revision im Browser"));
            await Assertions.Expect(page.Locator("#preview-diff tr[data-field='title.de'] th")).ToHaveTextAsync(language == "de" ? "Titel (Deutsch)" : "Title (German)");
            await Assertions.Expect(page.Locator("meta[name=robots]")).ToHaveAttributeAsync("content", "noindex");
            // The banner stays in view while the curator scrolls down the profile.
            await page.Locator(".profile-facts").ScrollIntoViewIfNeededAsync();
            await Assertions.Expect(page.Locator("#preview-banner")).ToBeInViewportAsync();
            // Nothing overflows the narrow screen: the diff scrolls in its own box.
            Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1"));
            await Chromium.ScreenshotAsync(page, $"preview-revision-{language}-{width}");
            await page.Locator("#preview-live").ClickAsync();
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Live im Browser"));
        }
        Assert.Empty(failures);
    }

    /// <summary>A curator's HTTP client against the real server the browser uses (its own cookies, redirects not followed).</summary>
    private async Task<(HttpClient Client, string Email)> SignedInAsync()
    {
        var email = await Curators.CreateAsync(site, "curator");
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new() }) { BaseAddress = site.BaseAddress };
        using var signedIn = await Curators.SignInAsync(client, email, Curators.Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return (client, email);
    }
}
