using System.Net;
using System.Net.Http.Headers;
using KreativLand.Web.Data;
using KreativLand.Web.Domain;
using KreativLand.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KreativLand.Web.Tests.Api;

/// <summary>CORS, HEAD and HTTP validators on the read-only public data. Its own database: the tests change listings.</summary>
public class PublicDataTests(MapDataWebFixture site) : IClassFixture<MapDataWebFixture>
{
    [Theory]
    [InlineData("/api/v1/cooperations?subsector=design")]
    [InlineData("/api/v1/cooperations.csv")]
    [InlineData("/api/v1/subsectors")]
    [InlineData("/ogc/collections/cooperations/items")]
    [InlineData("/ogc")]
    [InlineData("/openapi/v1.json")]
    public async Task Any_origin_may_read_the_public_data(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Origin", "https://partner.example");
        using var response = await site.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("ETag", string.Join(",", response.Headers.GetValues("Access-Control-Expose-Headers")));
    }

    [Fact]
    public async Task Cors_is_by_path_so_every_public_endpoint_has_it_and_pages_do_not()
    {
        foreach (var (url, expected) in new[] { ("/api/v1/regions", true), ("/en/api/v1/subsectors", true), ("/ogc/conformance", true), ("/en/", false), ("/embed/map", false), ("/api", false) })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Add("Origin", "https://partner.example");
            using var response = await site.CreateClient().SendAsync(request);
            Assert.True(expected == response.Headers.Contains("Access-Control-Allow-Origin"), url);
        }
    }

    [Fact]
    public async Task A_preflight_is_answered_for_GET_and_pages_get_no_CORS_headers()
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/v1/cooperations");
        preflight.Headers.Add("Origin", "https://partner.example");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        preflight.Headers.Add("Access-Control-Request-Headers", "accept");
        using var response = await site.CreateClient().SendAsync(preflight);
        Assert.True(response.StatusCode is HttpStatusCode.NoContent or HttpStatusCode.OK, response.StatusCode.ToString());
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("GET", string.Join(",", response.Headers.GetValues("Access-Control-Allow-Methods")));

        using var page = new HttpRequestMessage(HttpMethod.Get, "/en/cooperations");
        page.Headers.Add("Origin", "https://partner.example");
        using var pageResponse = await site.CreateClient().SendAsync(page);
        Assert.False(pageResponse.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task HEAD_is_answered_like_GET_without_a_body()
    {
        using var response = await site.CreateClient().SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/v1/cooperations"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(response.Headers.ETag);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("/api/v1/cooperations?country=DE")]
    [InlineData("/api/v1/cooperations.csv?country=DE")]
    [InlineData("/api/v1/cooperations/erz-code")]
    [InlineData("/ogc/collections/cooperations/items?limit=2")]
    [InlineData("/embed/map?country=DE")]
    [InlineData("/feed.atom?country=DE")]
    [InlineData("/sitemap.xml")]
    [InlineData("/openapi/v1.json")]
    public async Task A_matching_validator_gets_304(string url)
    {
        var client = site.CreateClient();
        using var first = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag ?? throw new Xunit.Sdk.XunitException("no ETag");
        var lastModified = first.Content.Headers.LastModified ?? throw new Xunit.Sdk.XunitException("no Last-Modified");

        using var byTag = new HttpRequestMessage(HttpMethod.Get, url);
        byTag.Headers.IfNoneMatch.Add(etag);
        using var notModified = await client.SendAsync(byTag);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(etag, notModified.Headers.ETag);
        Assert.Contains("Accept-Language", notModified.Headers.Vary);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        using var byDate = new HttpRequestMessage(HttpMethod.Get, url);
        byDate.Headers.IfModifiedSince = lastModified;
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(byDate)).StatusCode);

        using var otherTag = new HttpRequestMessage(HttpMethod.Get, url);
        otherTag.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\"", true));
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(otherTag)).StatusCode);

        // Another query is another resource with another validator.
        using var other = await client.GetAsync(url + (url.Contains('?') ? "&" : "?") + "lang=en");
        Assert.NotEqual(etag, other.Headers.ETag);
    }

    [Theory]
    [InlineData("/en/")]
    [InlineData("/en/cooperations?country=DE")]
    [InlineData("/de/cooperations/erz-code")]
    [InlineData("/en/evaluation")]
    [InlineData("/en/partners")]
    [InlineData("/de/knowledge")]
    public async Task Pages_that_show_only_published_data_get_validators_and_304(string url)
    {
        var client = site.CreateClient();
        using var first = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag ?? throw new Xunit.Sdk.XunitException("no ETag");
        Assert.NotNull(first.Content.Headers.LastModified);
        using var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(etag);
        using var notModified = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        // The same page in the other language is another representation.
        var other = url.StartsWith("/en", StringComparison.Ordinal) ? "/de" + url[3..] : "/en" + url[3..];
        using var otherLanguage = await client.GetAsync(other);
        Assert.NotEqual(etag, otherLanguage.Headers.ETag);
    }

    [Theory]
    [InlineData("/en/submit")]
    [InlineData("/en/cooperations?subsector=knitting")]
    [InlineData("/account/login")]
    public async Task Forms_and_refused_requests_get_no_validators(string url)
    {
        using var response = await site.CreateClient().GetAsync(url);
        Assert.Null(response.Headers.ETag);
    }

    [Fact]
    public async Task The_sitemap_validator_changes_when_a_knowledge_page_changes()
    {
        var client = site.CreateClient();
        var before = (await client.GetAsync("/sitemap.xml")).Headers.ETag!;
        await using (var db = site.OpenContext())
        {
            var page = await db.KnowledgePages.OrderBy(k => k.Id).FirstAsync();
            page.UpdatedAt = DateTimeOffset.UtcNow.AddMinutes(1);
            await db.SaveChangesAsync();
        }
        using var request = new HttpRequestMessage(HttpMethod.Get, "/sitemap.xml");
        request.Headers.IfNoneMatch.Add(before);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(before, response.Headers.ETag);
    }

    [Fact]
    public async Task The_validator_changes_when_a_listing_changes_or_is_withdrawn()
    {
        const string url = "/api/v1/cooperations?country=DE";
        var client = site.CreateClient();
        var before = (await client.GetAsync(url)).Headers.ETag!;

        await ChangeAsync("vogtland-crafts", c =>
        {
            c.Title = new LocalizedText("Geänderter Titel", c.Title.En);
            c.UpdatedAt = DateTimeOffset.UtcNow;
        });
        using var afterEdit = new HttpRequestMessage(HttpMethod.Get, url);
        afterEdit.Headers.IfNoneMatch.Add(before);
        using var edited = await client.SendAsync(afterEdit);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.NotEqual(before, edited.Headers.ETag);
        var titles = System.Text.Json.JsonDocument.Parse(await edited.Content.ReadAsStringAsync()).RootElement.GetProperty("features")
            .EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("title").GetString());
        Assert.Contains("Geänderter Titel", titles);

        // Withdrawing a listing changes the published count even if nothing touches its time stamps.
        var beforeWithdrawal = edited.Headers.ETag!;
        await SetStatusAsync("lausitz-film", CooperationStatus.Archived);
        using var afterWithdrawal = new HttpRequestMessage(HttpMethod.Get, url);
        afterWithdrawal.Headers.IfNoneMatch.Add(beforeWithdrawal);
        using var withdrawn = await client.SendAsync(afterWithdrawal);
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.DoesNotContain("lausitz-film", await withdrawn.Content.ReadAsStringAsync());

        await SetStatusAsync("lausitz-film", CooperationStatus.Published);
    }

    [Fact]
    public async Task The_data_version_is_one_SQL_statement()
    {
        await using var scope = site.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KreativLandDbContext>();
        var commands = new List<string>();
        // Other test classes run at the same time: count only this context's commands.
        using var listener = new CommandListener(db, commands);
        using var subscription = System.Diagnostics.DiagnosticListener.AllListeners.Subscribe(listener);
        var version = await KreativLand.Web.Api.PublicData.DataVersionAsync(db, CancellationToken.None);
        Assert.Equal(7, version.Published);
        Assert.NotNull(version.LastModified);
        Assert.Single(commands);
    }

    private sealed class CommandListener(DbContext context, List<string> commands) : IObserver<System.Diagnostics.DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly List<IDisposable> subscriptions = [];
        public void OnNext(System.Diagnostics.DiagnosticListener value)
        {
            if (value.Name == DbLoggerCategory.Name) subscriptions.Add(value.Subscribe(this));
        }
        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandExecuted.Name
                && value.Value is Microsoft.EntityFrameworkCore.Diagnostics.CommandExecutedEventData data && data.Context == context)
                lock (commands) commands.Add(data.Command.CommandText);
        }
        public void OnCompleted() { }
        public void OnError(Exception error) { }
        public void Dispose() { foreach (var s in subscriptions) s.Dispose(); }
    }

    /// <summary>A status change straight in the database (the validators must notice it however it happens).</summary>
    private async Task SetStatusAsync(string slug, CooperationStatus status)
    {
        await using var scope = site.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KreativLandDbContext>();
        await db.Database.ExecuteSqlAsync($"UPDATE cooperations SET status = {Code.Of(status)} WHERE slug = {slug}");
    }

    private async Task ChangeAsync(string slug, Action<Cooperation> change)
    {
        await using var scope = site.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KreativLandDbContext>();
        var cooperation = await db.Cooperations.SingleAsync(c => c.Slug == slug);
        change(cooperation);
        await db.SaveChangesAsync();
    }
}
