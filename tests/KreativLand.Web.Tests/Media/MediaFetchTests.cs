using System.Net;
using System.Text;
using KreativLand.Web.Media;
using KreativLand.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace KreativLand.Web.Tests.Media;

/// <summary>
/// The site with a stand-in web server for pictures.example.org (no test reaches outside this machine); every other
/// address goes through the real guarded handler.
/// </summary>
public class MediaFetchWebFixture : BasicDataWebFixture
{
    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddHttpClient(MediaFetch.ClientName).ConfigurePrimaryHttpMessageHandler(() => new PictureHost(MediaFetch.CreateHandler()));

    private sealed class PictureHost(HttpMessageHandler real) : DelegatingHandler(real)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri!.Host != "pictures.example.org") return await base.SendAsync(request, cancellationToken);
            return request.RequestUri.AbsolutePath switch
            {
                "/sawmill.png" => new(HttpStatusCode.OK) { Content = new ByteArrayContent(MediaTests.Picture(SKEncodedImageFormat.Png, 800, 600, SKColors.Orange)) },
                "/page.jpg" => new(HttpStatusCode.OK) { Content = new StringContent("<html><script>alert(1)</script></html>", Encoding.UTF8, "image/jpeg") },
                "/moved.png" => new(HttpStatusCode.Found) { Headers = { Location = new Uri("http://10.0.0.1/secret.png") } },
                _ => new(HttpStatusCode.NotFound),
            };
        }
    }
}

/// <summary>Issue 13 item 2: a picture given by web address is copied into the store, so the profile can show it; the fetch cannot reach internal addresses.</summary>
public class MediaFetchTests(MediaFetchWebFixture site) : IClassFixture<MediaFetchWebFixture>
{
    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.16.0.1", false)]
    [InlineData("172.31.255.255", false)]
    [InlineData("192.168.1.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("224.0.0.1", false)]
    [InlineData("255.255.255.255", false)]
    [InlineData("192.0.2.10", false)]
    [InlineData("::1", false)]
    [InlineData("::", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("2001:db8::1", false)]
    [InlineData("2002:0a00:0001::1", false)]
    [InlineData("93.184.216.34", true)]
    [InlineData("172.32.0.1", true)]
    [InlineData("8.8.8.8", true)]
    [InlineData("::ffff:8.8.8.8", true)]
    [InlineData("2606:4700:4700::1111", true)]
    public void Only_addresses_of_the_public_internet_are_public(string address, bool expected) =>
        Assert.Equal(expected, MediaFetch.IsPublic(IPAddress.Parse(address)));

    private async Task<(HttpStatusCode Status, System.Text.Json.JsonElement Json)> CopyAsync(HttpClient curator, string address, string language = "en")
    {
        var editor = await curator.GetDocumentAsync($"/{language}/admin/cooperations/edit");
        var token = editor.QuerySelector("#editor-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var copyUrl = editor.QuerySelector("[data-rows=images]")!.GetAttribute("data-copy-url")!;
        using var response = await curator.PostAsync(copyUrl, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["address"] = address,
        }));
        return (response.StatusCode, System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    [Fact]
    public async Task A_picture_given_by_web_address_is_copied_to_the_site_and_served_from_there()
    {
        var curator = await Curators.SignedInClientAsync(site, "curator");
        var (status, json) = await CopyAsync(curator, "https://pictures.example.org/sawmill.png");
        Assert.Equal(HttpStatusCode.OK, status);
        var path = json.GetProperty("url").GetString()!;
        Assert.Matches(@"^/media/[0-9a-f]{32}\.webp$", path);
        using var served = await site.CreateClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/webp", served.Content.Headers.ContentType!.MediaType);
        // The row for a web address offers the copy (the button appears with the script).
        await using var db = site.OpenContext();
        var withAddress = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Cooperations, c => c.Slug == "forest-online");
        var editor = await curator.GetDocumentAsync($"/en/admin/cooperations/edit/{withAddress.Id}");
        Assert.NotNull(editor.QuerySelector("[data-image-row] [data-image-copy]"));
    }

    [Theory]
    [InlineData("https://pictures.example.org/page.jpg", "The file is not a JPEG, PNG or WebP picture")]
    [InlineData("https://pictures.example.org/missing.png", "The picture could not be fetched from that address")]
    [InlineData("https://pictures.example.org/moved.png", "The picture could not be fetched from that address")]
    [InlineData("http://pictures.example.org/sawmill.png", "Only https:// addresses can be copied.")]
    [InlineData("javascript:alert(1)", "Only https:// addresses can be copied.")]
    [InlineData("https://127.0.0.1/x.png", "That address is not on the public internet; nothing was fetched.")]
    [InlineData("https://localhost:5432/x.png", "That address is not on the public internet; nothing was fetched.")]
    [InlineData("https://[::1]/x.png", "That address is not on the public internet; nothing was fetched.")]
    [InlineData("https://169.254.169.254/latest/meta-data/", "That address is not on the public internet; nothing was fetched.")]
    [InlineData("https://10.0.0.1/x.png", "That address is not on the public internet; nothing was fetched.")]
    [InlineData("https://[::ffff:192.168.0.1]/x.png", "That address is not on the public internet; nothing was fetched.")]
    public async Task An_address_that_is_not_a_public_https_picture_is_refused_with_a_message_and_nothing_is_stored(string address, string message)
    {
        var curator = await Curators.SignedInClientAsync(site, "curator");
        var before = Directory.Exists(site.MediaDirectory) ? Directory.GetFiles(site.MediaDirectory) : [];
        var (status, json) = await CopyAsync(curator, address);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(message, json.GetProperty("error").GetString());
        Assert.Equal(before, Directory.Exists(site.MediaDirectory) ? Directory.GetFiles(site.MediaDirectory) : []);
    }
}
