using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using KreativLand.Web.Data;
using KreativLand.Web.Domain;
using KreativLand.Web.Infrastructure;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KreativLand.Web.Tests.Infrastructure;

/// <summary>The site as ./run.sh serves it: the build output in Production, on a real port that curl talks to.</summary>
public class ProductionSiteFixture : MapDataWebFixture
{
    protected override bool UseRealServer => true;
    protected override string EnvironmentName => "Production";
}

/// <summary>
/// Public reads come from the output cache, compressed; static assets are served precompressed; a change made through the
/// application is visible at the next request; a matching conditional GET runs no query. Its own database: tests change listings.
/// </summary>
public class PublicReadCacheTests(ProductionSiteFixture site) : IClassFixture<ProductionSiteFixture>
{
    private sealed record Fetched(int Status, IReadOnlyDictionary<string, string> Headers, byte[] Body);

    /// <summary>curl, so the bytes on the wire are exactly what the server sent (no client-side decompression).</summary>
    private async Task<Fetched> CurlAsync(string path, string? acceptEncoding, params string[] extraHeaders)
    {
        var bodyFile = Path.GetTempFileName();
        var headerFile = Path.GetTempFileName();
        try
        {
            var start = new ProcessStartInfo("curl") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[] { "-s", "-o", bodyFile, "-D", headerFile, "-w", "%{http_code}" }) start.ArgumentList.Add(argument);
            if (acceptEncoding is not null) { start.ArgumentList.Add("-H"); start.ArgumentList.Add("Accept-Encoding: " + acceptEncoding); }
            foreach (var header in extraHeaders) { start.ArgumentList.Add("-H"); start.ArgumentList.Add(header); }
            start.ArgumentList.Add(new Uri(site.BaseAddress, path).ToString());
            using var curl = Process.Start(start)!;
            var status = await curl.StandardOutput.ReadToEndAsync();
            await curl.WaitForExitAsync();
            Assert.Equal(0, curl.ExitCode);
            var headers = (await File.ReadAllLinesAsync(headerFile)).Skip(1).Where(line => line.Contains(':'))
                .Select(line => line.Split(':', 2)).GroupBy(p => p[0].Trim(), StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => string.Join(", ", g.Select(p => p[1].Trim())), StringComparer.OrdinalIgnoreCase);
            return new Fetched(int.Parse(status), headers, await File.ReadAllBytesAsync(bodyFile));
        }
        finally
        {
            File.Delete(bodyFile);
            File.Delete(headerFile);
        }
    }

    private static byte[] Decode(Fetched response)
    {
        using var input = new MemoryStream(response.Body);
        using Stream decoder = response.Headers.GetValueOrDefault("Content-Encoding") switch
        {
            "br" => new BrotliStream(input, CompressionMode.Decompress),
            "gzip" => new GZipStream(input, CompressionMode.Decompress),
            null => input,
            var other => throw new Xunit.Sdk.XunitException("unexpected Content-Encoding " + other),
        };
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }

    [Theory]
    [InlineData("gzip, deflate, br, zstd", "br")]
    [InlineData("gzip", "gzip")]
    public async Task Static_assets_are_really_compressed_on_the_run_sh_path(string acceptEncoding, string expected)
    {
        var leaflet = await File.ReadAllBytesAsync(Path.Combine(SourceTree.WebProject, "wwwroot", "lib", "leaflet", "dist", "leaflet.js"));
        var response = await CurlAsync("/lib/leaflet/dist/leaflet.js", acceptEncoding);
        Assert.Equal(200, response.Status);
        Assert.Equal(expected, response.Headers.GetValueOrDefault("Content-Encoding"));
        // gzip -9 gives 42 KB of the 147 KB, Brotli less: a stored-not-compressed copy would be larger than the file.
        Assert.True(response.Body.Length < leaflet.Length * 0.35, $"{expected}: {response.Body.Length} bytes of {leaflet.Length}");
        Assert.Equal(leaflet, Decode(response));

        var plain = await CurlAsync("/lib/leaflet/dist/leaflet.js", null);
        Assert.False(plain.Headers.ContainsKey("Content-Encoding"));
        Assert.Equal(leaflet, plain.Body);
    }

    [Theory]
    [InlineData("/api/v1/cooperations")]
    [InlineData("/en/")]
    [InlineData("/en/cooperations")]
    [InlineData("/api/v1/facets?country=DE")]
    [InlineData("/api/v1/cooperations.csv")]
    [InlineData("/feed.atom")]
    [InlineData("/ogc/collections/cooperations/items?limit=5")]
    public async Task Public_reads_are_compressed_with_Brotli_or_gzip_and_decode_to_the_plain_answer(string path)
    {
        var plain = await CurlAsync(path, null);
        Assert.Equal(200, plain.Status);
        Assert.False(plain.Headers.ContainsKey("Content-Encoding"));
        foreach (var (offered, expected) in new[] { ("gzip, deflate, br, zstd", "br"), ("gzip, deflate", "gzip"), ("br;q=0, gzip", "gzip") })
        {
            var compressed = await CurlAsync(path, offered);
            Assert.Equal(200, compressed.Status);
            Assert.Equal(expected, compressed.Headers.GetValueOrDefault("Content-Encoding"));
            Assert.Contains("Accept-Encoding", compressed.Headers.GetValueOrDefault("Vary"));
            Assert.Equal(System.Text.Encoding.UTF8.GetString(plain.Body), System.Text.Encoding.UTF8.GetString(Decode(compressed)));
        }
    }

    [Theory]
    [InlineData("/ogc/collections/cooperations/items?limit=1000")]
    [InlineData("/api/v1/cooperations")]
    public async Task Cached_Brotli_bodies_are_smaller_than_at_the_default_quality_and_decode_to_the_plain_answer(string path)
    {
        var plain = await CurlAsync(path, null);
        var compressed = await CurlAsync(path, "gzip, deflate, br, zstd");
        Assert.Equal("br", compressed.Headers.GetValueOrDefault("Content-Encoding"));
        Assert.Equal(plain.Body, Decode(compressed));
        // CompressionLevel.Optimal, ASP.NET Core's default for Brotli, is quality 4; the cache compresses at 6, once per entry.
        var atDefault = new byte[BrotliEncoder.GetMaxCompressedLength(plain.Body.Length)];
        Assert.True(BrotliEncoder.TryCompress(plain.Body, atDefault, out var defaultLength, quality: 4, window: 22));
        Assert.True(compressed.Body.Length < defaultLength, $"{compressed.Body.Length} bytes served, {defaultLength} at quality 4, of {plain.Body.Length}");
    }

    [Fact]
    public async Task Curator_pages_and_form_posts_are_never_compressed_nor_cached()
    {
        var login = await CurlAsync("/en/account/login", "gzip, deflate, br");
        Assert.Equal(200, login.Status);
        Assert.False(login.Headers.ContainsKey("Content-Encoding"));
    }

    private Task<List<string>> StatementsDuringAsync(Func<Task> action) => StatementCounter.StatementsAsync(site.DatabaseName, action);

    [Fact]
    public async Task A_second_read_is_answered_from_the_cache_without_a_query()
    {
        var client = site.CreateClient();
        (await client.GetAsync("/en/evaluation?country=AT")).EnsureSuccessStatusCode();
        var statements = await StatementsDuringAsync(async () =>
        {
            using var again = await client.GetAsync("/en/evaluation?country=AT");
            again.EnsureSuccessStatusCode();
        });
        Assert.Empty(statements);
    }

    [Fact]
    public async Task A_reader_waiting_on_a_read_whose_client_left_still_gets_the_answer()
    {
        // The cache's locking: concurrent misses of one address wait for the first. A lock on the table holds the first in
        // its query while the second arrives and waits on it; then the first's client leaves.
        const string path = "/api/v1/map?q=left-early";
        await using var db = site.OpenContext();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.Database.ExecuteSqlRawAsync("LOCK TABLE cooperations IN ACCESS EXCLUSIVE MODE");
        using var leaving = new CancellationTokenSource();
        var first = site.CreateClient().GetAsync(path, leaving.Token);
        await Task.Delay(500);
        var second = site.CreateClient().GetAsync(path);
        await Task.Delay(500);
        await leaving.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        await Task.Delay(300);
        await transaction.RollbackAsync();

        using var answer = await second;
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains("FeatureCollection", await answer.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OGC_answers_are_cached_by_the_format_negotiated_not_by_the_Accept_header_text()
    {
        const string items = "/ogc/collections/cooperations/items?limit=3";
        var client = site.CreateClient();
        using (var first = new HttpRequestMessage(HttpMethod.Get, items))
        {
            first.Headers.Accept.ParseAdd("*/*");
            (await client.SendAsync(first)).EnsureSuccessStatusCode();
        }
        // No Accept at all (wrk, many GIS clients) and application/geo+json get the same JSON: the entry just stored.
        foreach (var accept in new[] { null, "application/geo+json" })
        {
            var statements = await StatementsDuringAsync(async () =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, items);
                if (accept is not null) request.Headers.Accept.ParseAdd(accept);
                using var response = await client.SendAsync(request);
                response.EnsureSuccessStatusCode();
                Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
            });
            Assert.Empty(statements);
        }
        // A browser's Accept gets the HTML page, never the cached JSON.
        using var browser = new HttpRequestMessage(HttpMethod.Get, items);
        browser.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        using var html = await client.SendAsync(browser);
        html.EnsureSuccessStatusCode();
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_conditional_GET_whose_validator_matches_runs_no_query()
    {
        const string url = "/api/v1/cooperations?subsector=design";
        var client = site.CreateClient();
        using var first = await client.GetAsync(url);
        var etag = first.Headers.ETag ?? throw new Xunit.Sdk.XunitException("no ETag");

        // Stored: the cache answers the 304 itself.
        HttpResponseMessage? answer = null;
        var statements = await StatementsDuringAsync(async () => answer = await client.SendAsync(Conditional(url, etag)));
        Assert.Equal(HttpStatusCode.NotModified, answer!.StatusCode);
        Assert.Empty(statements);

        // Not stored (another instance, or evicted): one statement reads the data version; the listing query never runs.
        await using (var scope = site.Factory.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(PublicReadCache.Tag, default);
        statements = await StatementsDuringAsync(async () => answer = await client.SendAsync(Conditional(url, etag)));
        Assert.Equal(HttpStatusCode.NotModified, answer!.StatusCode);
        Assert.Equal(etag, answer.Headers.ETag);
        var statement = Assert.Single(statements);
        Assert.DoesNotContain("cooperation_partners", statement);
    }

    private static HttpRequestMessage Conditional(string url, EntityTagHeaderValue etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfNoneMatch.Add(etag);
        return request;
    }

    [Fact]
    public async Task A_change_saved_through_the_application_is_visible_at_the_next_request()
    {
        var client = site.CreateClient();
        const string profile = "/en/cooperations/karakoje";
        Assert.DoesNotContain("Renamed by a curator", await client.GetStringAsync(profile));
        Assert.DoesNotContain("Renamed by a curator", await client.GetStringAsync("/api/v1/cooperations"));

        // An edit saved with SaveChanges (editor, importer, revision approval).
        await using (var scope = site.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KreativLandDbContext>();
            var listing = await db.Cooperations.SingleAsync(c => c.Slug == "karakoje");
            listing.Title = new LocalizedText("Umbenannt", "Renamed by a curator");
            listing.UpdatedAt = DateTimeOffset.UtcNow;
            await db.SaveChangesAsync();
        }
        Assert.Contains("Renamed by a curator", await client.GetStringAsync(profile));
        Assert.Contains("Renamed by a curator", await client.GetStringAsync("/api/v1/cooperations"));

        // A partner shown on the public page, changed inside a transaction: evicted when it commits.
        Assert.Contains("Stage North", await client.GetStringAsync(profile));
        await using (var scope = site.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KreativLandDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var partner = await db.Partners.SingleAsync(p => p.Slug == "stage-north");
            partner.Name = "Stage Nord";
            await db.SaveChangesAsync();
            // Not yet committed: a read now renders the old name and must not keep it after the commit.
            Assert.Contains("Stage North", await client.GetStringAsync(profile));
            await transaction.CommitAsync();
        }
        Assert.Contains("Stage Nord", await client.GetStringAsync(profile));

        // A withdrawal by a bulk statement (ExecuteUpdate): gone from the profile, the list and the map data.
        Assert.Contains("karakoje", await client.GetStringAsync("/en/cooperations?country=NO"));
        await using (var scope = site.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KreativLandDbContext>();
            await db.Cooperations.Where(c => c.Slug == "karakoje").ExecuteUpdateAsync(c => c.SetProperty(x => x.Status, CooperationStatus.Archived));
        }
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(profile)).StatusCode);
        Assert.DoesNotContain("karakoje", await client.GetStringAsync("/en/cooperations?country=NO"));
        Assert.DoesNotContain("karakoje", await client.GetStringAsync("/api/v1/cooperations"));
    }

    [Fact]
    public async Task Only_writes_to_tables_public_pages_read_count_as_changes()
    {
        Assert.True(PublicDataChanges.ChangesPublicData("INSERT INTO cooperations (slug) VALUES (@p0) RETURNING id;"));
        Assert.True(PublicDataChanges.ChangesPublicData("UPDATE partners SET name = @p0\nWHERE id = @p1;"));
        Assert.True(PublicDataChanges.ChangesPublicData("UPDATE cooperations AS c\nSET status = 'archived'"));
        Assert.True(PublicDataChanges.ChangesPublicData("DELETE FROM cooperation_partners\nWHERE cooperation_id = @p0;"));
        Assert.True(PublicDataChanges.ChangesPublicData("UPDATE \"regions\" SET name = 'x'"));
        Assert.False(PublicDataChanges.ChangesPublicData("SELECT c.id FROM cooperations AS c WHERE c.status = 'published'"));
        Assert.False(PublicDataChanges.ChangesPublicData("INSERT INTO audit_entries (text) VALUES (@p0);"));
        Assert.False(PublicDataChanges.ChangesPublicData("UPDATE cooperation_revisions SET payload = @p0;"));
        await Task.CompletedTask;
    }
}
