using System.Net;

namespace KreativLand.Web.Tests.Infrastructure;

public sealed class TightApiLimitFixture : BasicDataWebFixture
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["RateLimits:ApiPermitsPerMinute"] = "5" };
}

public class RateLimitsTests(TightApiLimitFixture site) : IClassFixture<TightApiLimitFixture>
{
    [Fact]
    public async Task The_public_API_answers_429_with_Retry_After_past_the_limit_while_health_static_files_and_pages_stay_open()
    {
        var client = site.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            using var allowed = await client.GetAsync(i % 2 == 0 ? "/api/v1/cooperations" : "/ogc/collections/cooperations/items");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }
        using (var refused = await client.GetAsync("/api/v1/facets"))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.Contains("Too many requests", await refused.Content.ReadAsStringAsync());
        }
        foreach (var url in new[] { "/health/live", "/health/ready", "/css/site.css", "/js/home.js", "/en/cooperations", "/en/" })
        for (var i = 0; i < 4; i++)
        {
            using var open = await client.GetAsync(url);
            Assert.True(open.StatusCode == HttpStatusCode.OK, $"{url}: {(int)open.StatusCode}");
        }
    }
}
