using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using KreativLand.Web.Import;
using KreativLand.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;
using static KreativLand.Web.Tests.Pages.Admin.Cooperations.EditorTests;

namespace KreativLand.Web.Tests.Media;

/// <summary>The site with a small upload limit (300,000 bytes), so that an oversize file is quick to make.</summary>
public class MediaWebFixture : BasicDataWebFixture
{
    public const long Limit = 300_000;
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Media:MaxUploadBytes"] = Limit.ToString() };
}

/// <summary>Issue 13 item 2: image upload checked by content, re-encoded in web sizes, served from outside wwwroot, carried by export and import.</summary>
public partial class MediaTests(MediaWebFixture site) : IClassFixture<MediaWebFixture>
{
    /// <summary>A picture drawn in code (no binary in the repository): a gradient and shapes, so that sizes and colours can be told apart.</summary>
    public static byte[] Picture(SKEncodedImageFormat format, int width = 1200, int height = 900, SKColor? accent = null)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height));
        var canvas = surface.Canvas;
        using (var gradient = new SKPaint { Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(width, height),
                   [new SKColor(30, 90, 60), new SKColor(220, 200, 120)], SKShaderTileMode.Clamp) })
            canvas.DrawRect(0, 0, width, height, gradient);
        using (var paint = new SKPaint { Color = accent ?? new SKColor(180, 30, 40), IsAntialias = true })
            canvas.DrawCircle(width * 0.3f, height * 0.4f, Math.Min(width, height) * 0.2f, paint);
        using var image = surface.Snapshot();
        using var data = image.Encode(format, 85);
        return data.ToArray();
    }

    /// <summary>A JPEG with an EXIF block holding a GPS note and a comment holding script, as a phone or an attacker might send.</summary>
    public static byte[] JpegWithMetadata(int width, int height)
    {
        var jpeg = Picture(SKEncodedImageFormat.Jpeg, width, height);
        static byte[] Segment(byte marker, byte[] payload) =>
            [0xFF, marker, (byte)((payload.Length + 2) >> 8), (byte)((payload.Length + 2) & 0xFF), .. payload];
        var exif = Segment(0xE1, [.. "Exif\0\0"u8, .. "GPSLatitude 51.1503 N GPSLongitude 14.9871 E"u8]);
        var comment = Segment(0xFE, "<script>alert('x')</script>"u8.ToArray());
        return [.. jpeg[..2], .. exif, .. comment, .. jpeg[2..]];
    }

    public static async Task<(HttpResponseMessage Response, JsonElement Json)> UploadAsync(HttpClient client, byte[] bytes, string fileName,
        string contentType, string language = "en")
    {
        var editor = await client.GetDocumentAsync($"/{language}/admin/cooperations/edit");
        var token = editor.QuerySelector("#editor-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var uploadUrl = editor.QuerySelector("[data-rows=images]")!.GetAttribute("data-upload-url")!;
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        content.Add(file, "file", fileName);
        var response = await client.PostAsync(uploadUrl, content);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        return (response, json);
    }

    private string[] StoredFiles() => Directory.Exists(site.MediaDirectory) ? Directory.GetFiles(site.MediaDirectory) : [];

    [GeneratedRegex(@"^/media/[0-9a-f]{32}\.webp$")]
    private static partial Regex WebSizePath();

    private static SKCodec Decode(byte[] bytes) => SKCodec.Create(new SKMemoryStream(bytes)) ?? throw new Xunit.Sdk.XunitException("not a picture");

    [Fact]
    public async Task An_uploaded_JPEG_is_re_encoded_in_web_sizes_without_its_metadata_and_served_from_outside_wwwroot_with_long_caching()
    {
        var curator = await Curators.SignedInClientAsync(site, "curator");
        var original = JpegWithMetadata(2400, 1800);
        Assert.True(original.Length < MediaWebFixture.Limit, $"the test picture is {original.Length} bytes");
        Assert.NotNull(Decode(original));

        var (response, json) = await UploadAsync(curator, original, "holzlager.jpg", "image/jpeg");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var path = json.GetProperty("url").GetString()!;
        Assert.Matches(WebSizePath(), path);
        Assert.Equal(path.Replace(".webp", "-thumb.webp"), json.GetProperty("thumbnail").GetString());

        // Stored in the configured folder, not under wwwroot.
        var name = path["/media/".Length..];
        Assert.True(File.Exists(Path.Combine(site.MediaDirectory, name)));
        var webRoot = Path.Combine(site.Factory.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.IWebHostEnvironment>().WebRootPath);
        Assert.Empty(Directory.GetFiles(webRoot, name, SearchOption.AllDirectories));

        // Served to anyone with a year's caching, its type and nosniff; each size re-encoded as WebP and scaled down.
        var visitor = site.CreateClient();
        foreach (var (suffix, width, height) in new[] { ("", 1600, 1200), ("-800", 800, 600), ("-thumb", 320, 240) })
        {
            using var served = await visitor.GetAsync(path.Replace(".webp", suffix + ".webp"));
            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
            Assert.Equal("image/webp", served.Content.Headers.ContentType!.MediaType);
            Assert.Equal("public, max-age=31536000, immutable", served.Headers.CacheControl!.ToString());
            Assert.Equal("nosniff", served.Headers.GetValues("X-Content-Type-Options").Single());
            var bytes = await served.Content.ReadAsByteArrayAsync();
            using var codec = Decode(bytes);
            Assert.Equal(SKEncodedImageFormat.Webp, codec.EncodedFormat);
            Assert.Equal((width, height), (codec.Info.Width, codec.Info.Height));
            // Nothing of the original file's metadata survives the re-encoding.
            var text = Encoding.Latin1.GetString(bytes);
            Assert.DoesNotContain("GPSLatitude", text);
            Assert.DoesNotContain("<script>", text);
            Assert.DoesNotContain("Exif", text);
        }

        // The same file again gets the same name (content hash) and no second copy.
        var before = StoredFiles().Length;
        var (again, againJson) = await UploadAsync(curator, original, "copy.jpg", "image/jpeg");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(path, againJson.GetProperty("url").GetString());
        Assert.Equal(before, StoredFiles().Length);

        // No other name opens a file: traversal, other extensions, unknown hashes.
        foreach (var probe in new[] { "/media/..%2Fappsettings.json", "/media/%2e%2e%2f%2e%2e%2fappsettings.json", "/media/..\\appsettings.json",
                     path.Replace(".webp", ".png"), path.Replace(".webp", ".WEBP"), "/media/" + new string('0', 32) + ".webp", "/media/" })
        {
            using var refused = await visitor.GetAsync(probe);
            Assert.True(refused.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{probe}: {(int)refused.StatusCode}");
            Assert.NotEqual("image/webp", refused.Content.Headers.ContentType?.MediaType);
        }
    }

    [Theory]
    [InlineData("en", "not a JPEG, PNG or WebP picture (checked by its content, not its name). Nothing was stored.")]
    [InlineData("de", "kein JPEG-, PNG- oder WebP-Bild (geprüft am Inhalt, nicht am Namen). Nichts wurde gespeichert.")]
    public async Task A_file_that_is_not_a_picture_is_refused_by_its_content_whatever_its_name_and_nothing_is_stored(string language, string message)
    {
        var curator = await Curators.SignedInClientAsync(site, "curator");
        var before = StoredFiles();
        byte[] script = "<html><script>alert(document.cookie)</script></html>"u8.ToArray();
        byte[] fakePng = [0x89, .. "PNG\r\n\u001a\n"u8, .. "<script>alert(1)</script>"u8];
        byte[] gif = [.. "GIF89a"u8, 1, 0, 1, 0, 0, 0, 0, .. "<script>alert(1)</script>"u8];
        foreach (var (bytes, name, type) in new[] { (script, "photo.jpg", "image/jpeg"), (fakePng, "renamed.jpg", "image/jpeg"),
                     (fakePng, "picture.png", "image/png"), (gif, "animation.webp", "image/webp"), ([], "empty.jpg", "image/jpeg") })
        {
            var (response, json) = await UploadAsync(curator, bytes, name, type, language);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(message, json.GetProperty("error").GetString());
        }
        Assert.Equal(before, StoredFiles());
    }

    [Fact]
    public async Task A_real_PNG_with_script_in_it_named_jpg_is_taken_as_the_PNG_it_is_and_served_without_the_script()
    {
        var curator = await Curators.SignedInClientAsync(site, "curator");
        var png = Picture(SKEncodedImageFormat.Png, 640, 480);
        // A tEXt chunk with script before the image end: still a valid PNG, which is re-encoded; nothing of the chunk is served.
        var end = png.Length - 12;
        var text = "Comment\0<script>alert(1)</script>"u8.ToArray();
        byte[] chunk = [(byte)(text.Length >> 24), (byte)(text.Length >> 16), (byte)(text.Length >> 8), (byte)text.Length, .. "tEXt"u8, .. text, 0, 0, 0, 0];
        byte[] polyglot = [.. png[..end], .. chunk, .. png[end..]];
        var (response, json) = await UploadAsync(curator, polyglot, "renamed.jpg", "image/jpeg");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var served = await site.CreateClient().GetAsync(json.GetProperty("url").GetString());
        var bytes = await served.Content.ReadAsByteArrayAsync();
        Assert.Equal(SKEncodedImageFormat.Webp, Decode(bytes).EncodedFormat);
        Assert.DoesNotContain("<script>", Encoding.Latin1.GetString(bytes));
    }

    [Theory]
    [InlineData("en", "The file is larger than 293 KB. Nothing was stored; please choose a smaller picture.")]
    [InlineData("de", "Die Datei ist größer als 293 KB. Nichts wurde gespeichert; bitte ein kleineres Bild wählen.")]
    public async Task An_upload_over_the_limit_is_refused_naming_the_limit_and_nothing_is_stored(string language, string message)
    {
        var curator = await Curators.SignedInClientAsync(site, "curator");
        var before = StoredFiles();
        // A JPEG of noise does not compress: well over the 300,000 bytes of this site's limit.
        var noise = new byte[MediaWebFixture.Limit + 1];
        new Random(13).NextBytes(noise);
        byte[] oversize = [0xFF, 0xD8, 0xFF, 0xE0, .. noise];
        var (response, json) = await UploadAsync(curator, oversize, "big.jpg", "image/jpeg", language);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, json.GetProperty("error").GetString());
        Assert.Equal(before, StoredFiles());
    }

    [Fact]
    public async Task Uploading_needs_a_signed_in_curator_and_the_form_token()
    {
        var anonymous = site.CreateClient();
        using var content = new MultipartFormDataContent { { new ByteArrayContent(Picture(SKEncodedImageFormat.Png, 10, 10)), "file", "a.png" } };
        using var response = await anonymous.PostAsync("/en/admin/cooperations/edit?handler=Image", content);
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        var curator = await Curators.SignedInClientAsync(site, "curator");
        using var content2 = new MultipartFormDataContent { { new ByteArrayContent(Picture(SKEncodedImageFormat.Png, 10, 10)), "file", "a.png" } };
        using var withoutToken = await curator.PostAsync("/en/admin/cooperations/edit?handler=Image", content2);
        Assert.NotEqual(HttpStatusCode.OK, withoutToken.StatusCode);
        Assert.DoesNotContain(StoredFiles(), f => f.Contains(".upload-"));
    }

    [Fact]
    public async Task An_uploaded_image_is_saved_with_both_alt_texts_and_a_credit_shown_on_the_profile_and_carried_by_export_and_import_as_its_site_path()
    {
        var curator = await Curators.SignedInClientAsync(site, "curator");
        var (_, json) = await UploadAsync(curator, Picture(SKEncodedImageFormat.Webp, 1000, 700, SKColors.SteelBlue), "sawmill.webp", "image/webp");
        var path = json.GetProperty("url").GetString()!;

        // The editor's one validation of image rows: alt text in both languages and a credit are required.
        var listing = NewListing("Bild im Sägewerk");
        using (var incomplete = await curator.SubmitFormAsync("/en/admin/cooperations/edit", "#editor-form",
                   With(NewListing("Bild ohne Nachweis"), new() { ["ImageRows[0].Url"] = path, ["ImageRows[0].Alt.De"] = "Sägewerk" })))
        {
            Assert.Equal(HttpStatusCode.OK, incomplete.StatusCode);
            var problems = (await Html.ParseAsync(incomplete)).QuerySelector("#problems")!.TextContent;
            Assert.Contains("Image 1: Alt text (English)", problems);
            Assert.Contains("Image 1: Credit", problems);
        }
        // A site path that the store does not hold is refused in the editor as in the importer.
        using (var unknown = await curator.SubmitFormAsync("/en/admin/cooperations/edit", "#editor-form", With(NewListing("Bild erfunden"), new()
               {
                   ["ImageRows[0].Url"] = "/media/" + new string('a', 32) + ".webp", ["ImageRows[0].Alt.De"] = "x", ["ImageRows[0].Alt.En"] = "x",
                   ["ImageRows[0].Credit"] = "x",
               })))
        {
            var problems = (await Html.ParseAsync(unknown)).QuerySelector("#problems")!.TextContent;
            Assert.Contains("Image 1:", problems);
            Assert.Contains("this is not an uploaded image of this site", problems);
        }

        var id = await CreateAsync(curator, With(listing, new()
        {
            ["ImageRows[0].Url"] = path, ["ImageRows[0].Alt.De"] = "Das Sägewerk von oben", ["ImageRows[0].Alt.En"] = "The sawmill from above",
            ["ImageRows[0].Credit"] = "© Anna Lindner",
        }));
        await using (var db = site.OpenContext())
        {
            var stored = await db.Cooperations.AsNoTracking().SingleAsync(c => c.Id == id);
            Assert.Equal(path, Assert.Single(stored.Images).Url);
        }
        // The editor shows the row's thumbnail; the preview shows the web size with alt text and credit.
        var editor = await curator.GetDocumentAsync($"/en/admin/cooperations/edit/{id}");
        Assert.Equal(path.Replace(".webp", "-thumb.webp"), editor.QuerySelector("[data-image-thumbnail][src]")!.GetAttribute("src"));
        var preview = await curator.GetDocumentAsync($"/en/admin/cooperations/preview/{id}");
        var image = preview.QuerySelector(".profile-image img")!;
        Assert.Equal(path, image.GetAttribute("src"));
        Assert.Equal("The sawmill from above", image.GetAttribute("alt"));
        Assert.Contains(path.Replace(".webp", "-800.webp") + " 800w", image.GetAttribute("srcset"));
        Assert.Contains("© Anna Lindner", preview.QuerySelector(".profile-image figcaption")!.TextContent);

        // The export carries the site path; imported under another slug (published) it is taken, and the profile shows it.
        using var download = await curator.GetAsync("/admin/cooperations/transfer?handler=Download");
        var export = System.Text.Json.Nodes.JsonNode.Parse(await download.Content.ReadAsStringAsync())!;
        var record = export["cooperations"]!.AsArray().Single(c => (string?)c!["slug"] == "bild-im-saegewerk")!;
        Assert.Equal(path, (string?)record["images"]![0]!["url"]);
        record["slug"] = "bild-im-saegewerk-importiert";
        record["status"] = "published";
        record["title"]!["en"] = "Imported picture";
        foreach (var partner in record["partners"]!.AsArray()) partner!["slug"] = (string?)partner["slug"] + "-x";
        var file = new System.Text.Json.Nodes.JsonObject { ["formatVersion"] = 1, ["cooperations"] = new System.Text.Json.Nodes.JsonArray(record.DeepClone()) };
        Assert.True((await ImportAsync(file.ToJsonString())).Succeeded);
        var profile = await site.CreateClient().GetDocumentAsync("/en/cooperations/bild-im-saegewerk-importiert");
        Assert.Equal(path, profile.QuerySelector(".profile-image img")!.GetAttribute("src"));
        Assert.Equal("The sawmill from above", profile.QuerySelector(".profile-image img")!.GetAttribute("alt"));
        Assert.Equal("http://localhost" + path, profile.QuerySelector("meta[property='og:image']")!.GetAttribute("content"));

        // A site path the store does not hold, any other site path, and a record without credit are refused, naming the field.
        foreach (var (url, expected) in new[] { ("/media/" + new string('b', 32) + ".webp", "is not an uploaded image of this site"),
                     ("/img/test.jpg", "is not an uploaded image of this site"), ("javascript:alert(1)", "must be an http(s) URL") })
        {
            record["slug"] = "bild-abgelehnt";
            record["images"]![0]!["url"] = url;
            file["cooperations"] = new System.Text.Json.Nodes.JsonArray(record.DeepClone());
            var refused = await ImportAsync(file.ToJsonString());
            Assert.False(refused.Succeeded);
            Assert.Contains(refused.Errors, e => e.Contains("images[0].url") && e.Contains(expected));
        }
        await using (var db = site.OpenContext()) Assert.False(await db.Cooperations.AnyAsync(c => c.Slug == "bild-abgelehnt"));
    }

    private async Task<ImportResult> ImportAsync(string json)
    {
        using var culture = new CultureScope("en");
        await using var scope = site.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CooperationImporter>().ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), TestImports.Seed);
    }

    private sealed class CultureScope : IDisposable
    {
        private readonly System.Globalization.CultureInfo before = System.Globalization.CultureInfo.CurrentUICulture;
        public CultureScope(string name) => System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo(name);
        public void Dispose() => System.Globalization.CultureInfo.CurrentUICulture = before;
    }
}
