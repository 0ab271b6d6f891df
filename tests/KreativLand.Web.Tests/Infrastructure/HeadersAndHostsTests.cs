using System.Net;

namespace KreativLand.Web.Tests.Infrastructure;

/// <summary>The site on a real port (requests come from 127.0.0.1, a trusted proxy), with a public origin configured.</summary>
public sealed class PublicOriginFixture : BasicDataWebFixture
{
    protected override bool UseRealServer => true;
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Site:PublicOrigin"] = "https://kreativland.example.org" };
}

public class HeadersAndHostsTests(PublicOriginFixture site) : IClassFixture<PublicOriginFixture>
{
    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, string? host = null, bool https = false)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = site.BaseAddress };
        var request = new HttpRequestMessage(method, url);
        if (host is not null) request.Headers.Host = host;
        if (https) request.Headers.Add("X-Forwarded-Proto", "https");
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Behind_a_TLS_proxy_answers_carry_HSTS_and_every_cookie_is_Secure()
    {
        using var page = await SendAsync(HttpMethod.Get, "/en/submit", host: "kreativland.example.org", https: true);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.StartsWith("max-age=31536000", page.Headers.GetValues("Strict-Transport-Security").Single());
        var cookies = page.Headers.GetValues("Set-Cookie").ToList();
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Antiforgery"));
        Assert.All(cookies, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));

        using var plain = await SendAsync(HttpMethod.Get, "/en/submit", host: "kreativland.example.org");
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
        Assert.All(plain.Headers.GetValues("Set-Cookie"), c => Assert.DoesNotContain("secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("/data/countries-europe.geojson", "application/geo+json")]
    [InlineData("/js/home.js", "text/javascript")]
    [InlineData("/css/site.css", "text/css")]
    [InlineData("/favicon.ico", "image/x-icon")]
    [InlineData("/embed.js", "text/javascript")]
    [InlineData("/lib/leaflet/dist/leaflet.js", "text/javascript")]
    public async Task Static_files_have_their_content_type(string url, string contentType)
    {
        using var response = await SendAsync(HttpMethod.Get, url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_country_outlines_are_served_compressed()
    {
        // 228 KB raw, part of every map page's load: the build compresses .geojson like the scripts (the SDK's patterns
        // know .json only).
        using var client = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = site.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/data/countries-europe.geojson");
        request.Headers.AcceptEncoding.ParseAdd("gzip, deflate, br, zstd");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("br", response.Content.Headers.ContentEncoding.SingleOrDefault());
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        var raw = new FileInfo(Path.Combine(SourceTree.WebProject, "wwwroot", "data", "countries-europe.geojson")).Length;
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length < raw / 3, "not compressed");
    }

    [Fact]
    public async Task No_file_under_wwwroot_is_served_as_octet_stream()
    {
        var root = Path.Combine(SourceTree.WebProject, "wwwroot");
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains("LICENSE", StringComparison.OrdinalIgnoreCase) && !f.Contains("LICENCE", StringComparison.OrdinalIgnoreCase) && !f.EndsWith(".md"))
            .Select(f => "/" + Path.GetRelativePath(root, f).Replace('\\', '/')).ToList();
        Assert.NotEmpty(files);
        foreach (var url in files)
        {
            using var response = await SendAsync(HttpMethod.Head, url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
            Assert.NotEqual("application/octet-stream", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Theory]
    [InlineData("PUT", "/", "GET, HEAD")]
    [InlineData("DELETE", "/en/cooperations/forest-online", "GET, HEAD")]
    [InlineData("PATCH", "/submit", "GET, HEAD, POST")]
    [InlineData("PUT", "/api/v1/cooperations", "GET")]
    [InlineData("DELETE", "/feed.atom", "GET")]
    public async Task Unsupported_methods_answer_405_with_Allow(string method, string url, string allowStartsWith)
    {
        using var response = await SendAsync(new HttpMethod(method), url);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.StartsWith(allowStartsWith, string.Join(", ", response.Content.Headers.Allow));
    }

    [Fact]
    public async Task An_oversize_submission_gets_a_friendly_413_in_the_readers_language()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = site.BaseAddress };
        var form = await client.GetDocumentAsync("/en/submit");
        var fields = Pages.Submit.SubmissionTests.Proposal("Too long");
        fields["Input.Description"] = new string('x', 200_000);
        using var submitted = await client.PostFormAsync(form, "/en/submit", "#submission-form", fields);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, submitted.StatusCode);
        Assert.Equal("Too large", (await Html.ParseAsync(submitted)).QuerySelector("h1")?.TextContent);
    }

    [Theory]
    [InlineData("en", "Too large")]
    [InlineData("de", "Zu groß")]
    public async Task An_import_upload_over_the_pages_limit_gets_the_friendly_413_page_on_a_real_server(string language, string heading)
    {
        // A real Kestrel server refuses a body over [RequestSizeLimit] itself once it is read; the page must answer first.
        var email = await Curators.CreateAsync(site, "admin");
        // "Expect: 100-continue" with a long wait: the client sends the 201 MB only if the server asks for them. Without it the
        // client may still be writing when the server, having answered, closes the connection, and HttpClient then reports
        // the reset instead of the answer (seen under load; browsers read the early answer).
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, Expect100ContinueTimeout = TimeSpan.FromSeconds(60) })
        {
            BaseAddress = site.BaseAddress,
            DefaultRequestHeaders = { ExpectContinue = true },
        };
        using (var signedIn = await Curators.SignInAsync(client, email, Curators.Password)) Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var page = await client.GetDocumentAsync($"/{language}/admin/cooperations/transfer");
        var token = page.QuerySelector("#upload-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StreamContent(new OversizeFile(KreativLand.Web.Pages.Admin.Cooperations.TransferModel.MaxUploadBytes + 1024 * 1024)), "upload", "huge.json" },
        };
        using var response = await client.PostAsync($"/{language}/admin/cooperations/transfer", content);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var answer = await Html.ParseAsync(response);
        Assert.True(heading == answer.QuerySelector("h1")?.TextContent, answer.QuerySelector("main")?.TextContent);
    }

    /// <summary>A file of spaces that is never held in memory, with a known length (browsers send Content-Length).</summary>
    private sealed class OversizeFile(long length) : Stream
    {
        private long position;
        public override bool CanRead => true;
        // Seekable, so the multipart content knows its length and the request carries Content-Length.
        public override bool CanSeek => true;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => position; set => position = value; }
        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - position);
            buffer.AsSpan(offset, n).Fill((byte)' ');
            position += n;
            return n;
        }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) =>
            position = origin switch { SeekOrigin.Begin => offset, SeekOrigin.Current => position + offset, _ => length + offset };
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Fact]
    public async Task Absolute_links_use_the_public_origin_never_a_forged_Host()
    {
        foreach (var url in new[] { "/sitemap.xml", "/feed.atom", "/en/cooperations", "/api/v1/cooperations.csv", "/ogc/collections/cooperations/items", "/en/embed", "/en/api", "/robots.txt" })
        {
            using var response = await SendAsync(HttpMethod.Get, url, host: "evil.example.net");
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
            Assert.DoesNotContain("evil.example.net", body);
            if (url is "/sitemap.xml" or "/feed.atom" or "/en/cooperations" or "/api/v1/cooperations.csv") Assert.Contains("https://kreativland.example.org/", body);
        }
    }
}

/// <summary>Without Site:PublicOrigin and with AllowedHosts=*: a forged Host still never reaches a link.</summary>
public class UnconfiguredOriginTests(SharedBasicDataWebFixture site) : IClassFixture<SharedBasicDataWebFixture>
{
    [Fact]
    public async Task A_forged_Host_does_not_flow_into_sitemap_feed_canonical_links_or_CSV()
    {
        var client = site.CreateClient();
        foreach (var url in new[] { "/sitemap.xml", "/feed.atom", "/en/cooperations", "/api/v1/cooperations.csv" })
        {
            var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Host = "evil.example.net";
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain("evil.example.net", await response.Content.ReadAsStringAsync());
        }
    }
}
