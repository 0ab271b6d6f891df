using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using KreativLand.Web.Tests.Infrastructure;
using KreativLand.Web.Tests.Media;
using Microsoft.Playwright;
using SkiaSharp;
using static KreativLand.Web.Tests.Pages.Admin.Cooperations.EditorTests;

namespace KreativLand.Web.Tests.Browser;

/// <summary>Issue 13 item 2 in Chromium: a curator uploads pictures in the editor, sees their thumbnails and the profile's preview; a disguised file is refused.</summary>
public partial class EditorImagesBrowserTests(BasicDataBrowserFixture site) : BrowserTest, IClassFixture<BasicDataBrowserFixture>
{
    [GeneratedRegex(@"^/media/[0-9a-f]{32}\.webp$")]
    private static partial Regex WebSizePath();

    private async Task<(int Id, string Email)> DraftAsync(string title)
    {
        var email = await Curators.CreateAsync(site, "curator");
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new() }) { BaseAddress = site.BaseAddress };
        using var signedIn = await Curators.SignInAsync(client, email, Curators.Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return (await CreateAsync(client, NewListing(title)), email);
    }

    private static async Task UploadAsync(ILocator row, string name, string type, byte[] bytes) =>
        await row.Locator("[data-image-file]").SetInputFilesAsync(new FilePayload { Name = name, MimeType = type, Buffer = bytes });

    /// <summary>
    /// The image rows alone: the whole editor is too tall to look at, and a full-page shot of it at 360 px (29,000 device
    /// pixels high) timed out on the loaded test machine.
    /// </summary>
    private static async Task ScreenshotOfImagesAsync(IPage page, string name)
    {
        var folder = Path.Combine(Environment.GetEnvironmentVariable("KL_TEST_ARTIFACTS") ?? Path.Combine(AppContext.BaseDirectory, "artifacts"), "screenshots");
        Directory.CreateDirectory(folder);
        await page.Locator("[data-rows=images]").ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png") });
    }

    private static Task<int> NaturalWidthAsync(ILocator image) => image.EvaluateAsync<int>("i => i.complete ? i.naturalWidth : 0");

    [Fact]
    public async Task A_curator_uploads_a_JPEG_and_a_WebP_sees_their_thumbnails_saves_and_the_preview_shows_them_with_alt_text_and_credit()
    {
        var (id, email) = await DraftAsync("Bilder aus dem Sägewerk");
        var failures = new ConcurrentQueue<string>();
        // Signed in on the German form (the helper's labels), then working under /en.
        var page = await NewPageAsync(site.BaseAddress, "de-DE", Chromium.Desktop);
        Chromium.CollectFailures(page, failures);
        await CuratorBrowserTests.SignInAsync(page, email);
        await page.GotoAsync($"/en/admin/cooperations/edit/{id}");

        var rows = page.Locator("[data-rows=images] [data-image-row]");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        var first = rows.Nth(0);
        await UploadAsync(first, "sawmill.jpg", "image/jpeg", MediaTests.Picture(SKEncodedImageFormat.Jpeg, 2000, 1500));
        await Assertions.Expect(first.Locator("[data-image-status]")).ToHaveTextAsync("Uploaded. Fill in the alt texts and the credit, then save.");
        await Assertions.Expect(first.Locator("[data-image-thumbnail]")).ToBeVisibleAsync();
        var jpegPath = await first.Locator("[data-image-url]").InputValueAsync();
        Assert.Matches(WebSizePath(), jpegPath);
        await Assertions.Expect(first.Locator("[data-image-thumbnail]")).ToHaveAttributeAsync("src", jpegPath.Replace(".webp", "-thumb.webp"));
        Assert.Equal(320, await Chromium.EventuallyAsync(() => NaturalWidthAsync(first.Locator("[data-image-thumbnail]")), w => w == 320));
        await first.Locator("[name$='.Alt.De']").FillAsync("Das Sägewerk im Winter");
        await first.Locator("[name$='.Alt.En']").FillAsync("The sawmill in winter");
        await first.Locator("[name$='.Credit']").FillAsync("© Anna Lindner");

        // By keyboard: a mouse click raced the row's growing status text on the loaded machine (the button moved under it).
        await page.Locator("[data-add-row=images]").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        var second = rows.Nth(1);
        await UploadAsync(second, "studio.webp", "image/webp", MediaTests.Picture(SKEncodedImageFormat.Webp, 900, 1200, SKColors.SteelBlue));
        await Assertions.Expect(second.Locator("[data-image-thumbnail]")).ToBeVisibleAsync();
        var webpPath = await second.Locator("[data-image-url]").InputValueAsync();
        Assert.Matches(WebSizePath(), webpPath);
        Assert.NotEqual(jpegPath, webpPath);
        // Portrait: the thumbnail's longest side is its height.
        Assert.Equal(240, await Chromium.EventuallyAsync(() => NaturalWidthAsync(second.Locator("[data-image-thumbnail]")), w => w == 240));
        await second.Locator("[name$='.Alt.De']").FillAsync("Das Tonstudio");
        await second.Locator("[name$='.Alt.En']").FillAsync("The sound studio");
        await second.Locator("[name$='.Credit']").FillAsync("© Klangraum");
        await ScreenshotOfImagesAsync(page, "editor-images-rows-1366");

        await page.Locator("#save").ClickAsync();
        await Assertions.Expect(page.Locator("p.notice[role=status]")).ToHaveTextAsync("Saved.");
        // After saving, the editor shows both rows with their thumbnails (server-drawn) and one empty row.
        await Assertions.Expect(rows).ToHaveCountAsync(3);
        await Assertions.Expect(rows.Nth(0).Locator("[data-image-thumbnail]")).ToHaveAttributeAsync("src", jpegPath.Replace(".webp", "-thumb.webp"));
        await Assertions.Expect(rows.Nth(1).Locator("[data-image-thumbnail]")).ToHaveAttributeAsync("src", webpPath.Replace(".webp", "-thumb.webp"));
        await Assertions.Expect(rows.Nth(2).Locator("[data-image-thumbnail]")).ToBeHiddenAsync();

        foreach (var width in new[] { 1366, 360 })
        {
            await page.SetViewportSizeAsync(width, 800);
            await page.GotoAsync($"/en/admin/cooperations/preview/{id}");
            var images = page.Locator(".profile-image img");
            await Assertions.Expect(images).ToHaveCountAsync(2);
            await Assertions.Expect(images.Nth(0)).ToHaveAttributeAsync("src", jpegPath);
            await Assertions.Expect(images.Nth(0)).ToHaveAttributeAsync("alt", "The sawmill in winter");
            await Assertions.Expect(images.Nth(1)).ToHaveAttributeAsync("alt", "The sound studio");
            await Assertions.Expect(page.Locator(".profile-image figcaption").Nth(0)).ToContainTextAsync("© Anna Lindner");
            await Assertions.Expect(page.Locator(".profile-image figcaption").Nth(1)).ToContainTextAsync("© Klangraum");
            foreach (var i in new[] { 0, 1 })
            {
                await images.Nth(i).ScrollIntoViewIfNeededAsync();
                Assert.True(await Chromium.EventuallyAsync(() => NaturalWidthAsync(images.Nth(i)), w => w > 0) > 0, $"picture {i} not shown at {width}");
            }
            Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1"));
            await Chromium.ScreenshotAsync(page, $"preview-images-{width}");
        }
        Assert.Empty(failures);
    }

    [Fact]
    public async Task A_script_named_jpg_or_a_fake_PNG_is_refused_in_the_editor_with_a_message_and_nothing_is_stored()
    {
        var (id, email) = await DraftAsync("Kein Bild");
        var failures = new ConcurrentQueue<string>();
        var page = await NewPageAsync(site.BaseAddress, "de-DE", o => Chromium.Phone(o));
        // The refusals answer 400 by design; anything else failing is a defect.
        Chromium.CollectFailures(page, failures, text => text.Contains("handler=Image") || text.Contains("400 (Bad Request)"));
        await CuratorBrowserTests.SignInAsync(page, email);
        await page.GotoAsync($"/admin/cooperations/edit/{id}");
        var row = page.Locator("[data-rows=images] [data-image-row]").First;
        var before = Directory.Exists(site.MediaDirectory) ? Directory.GetFiles(site.MediaDirectory) : [];

        byte[] fakePng = [0x89, .. "PNG\r\n\u001a\n"u8, .. "<script>alert(document.cookie)</script>"u8];
        foreach (var (name, type, bytes) in new[] { ("foto.jpg", "image/jpeg", fakePng), ("seite.jpg", "image/jpeg", "<html><script>alert(1)</script></html>"u8.ToArray()) })
        {
            await UploadAsync(row, name, type, bytes);
            var status = row.Locator("[data-image-status]");
            await Assertions.Expect(status).ToHaveTextAsync("Die Datei ist kein JPEG-, PNG- oder WebP-Bild (geprüft am Inhalt, nicht am Namen). Nichts wurde gespeichert.");
            await Assertions.Expect(status).ToHaveClassAsync(new Regex(@"\berror\b"));
            await Assertions.Expect(row.Locator("[data-image-url]")).ToHaveValueAsync("");
            await Assertions.Expect(row.Locator("[data-image-thumbnail]")).ToBeHiddenAsync();
        }
        await row.Locator("[data-image-status]").ScrollIntoViewIfNeededAsync();
        await ScreenshotOfImagesAsync(page, "editor-image-refused-rows-360");
        Assert.Equal(before, Directory.Exists(site.MediaDirectory) ? Directory.GetFiles(site.MediaDirectory) : []);
        Assert.Empty(failures);
    }
}
