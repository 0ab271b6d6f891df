using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace KreativLand.Web.Tests.Infrastructure;

/// <summary>Hostile input gets a 400 naming what is wrong, never a 500; API errors are problem+json.</summary>
public class InputGuardTests(MapDataWebFixture site) : IClassFixture<MapDataWebFixture>
{
    [Theory]
    [InlineData("/api/v1/cooperations?q=%00", "q")]
    [InlineData("/api/v1/facets?region=%00", "region")]
    [InlineData("/api/v1/places?q=G%00", "q")]
    [InlineData("/api/v1/regions?level=%00", "level")]
    [InlineData("/api/v1/cooperations.csv?q=a%01b", "q")]
    [InlineData("/ogc/collections/cooperations/items?q=%00", "q")]
    public async Task Control_characters_in_the_API_are_a_problem_naming_the_parameter(string url, string parameter)
    {
        using var response = await site.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Theory]
    [InlineData("/en/?q=%00", "q")]
    [InlineData("/en/cooperations?region=%00", "region")]
    [InlineData("/en/evaluation?q=x%00", "q")]
    [InlineData("/en/feed.atom?q=%00", "q")]
    [InlineData("/en/embed?q=%00", "q")]
    public async Task Control_characters_on_pages_get_a_400_page_naming_the_parameter(string url, string parameter)
    {
        using var response = await site.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("Invalid request", page.Text("h1"));
        Assert.Contains($"The value of '{parameter}' is not allowed", page.Text("#bad-parameter"));
    }

    [Fact]
    public async Task Control_characters_in_a_form_are_refused_before_anything_is_stored()
    {
        var client = site.CreateClient();
        using var response = await client.PostAsync("/en/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = "a\0b@example.org", ["Input.Password"] = "x",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(body.Contains("The value of &#x27;form&#x27; is not allowed"), body);
    }

    [Fact]
    public async Task A_form_without_its_antiforgery_token_is_explained()
    {
        using var response = await site.CreateClient().PostAsync("/en/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = "someone@example.org", ["Input.Password"] = "x",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(body.Contains("The form has expired"), body);
    }

    [Theory]
    [InlineData("GET", "/api/v1/nothing-here", HttpStatusCode.NotFound)]
    [InlineData("POST", "/api/v1/cooperations", HttpStatusCode.MethodNotAllowed)]
    [InlineData("GET", "/api/v1/cooperations/karakoje?lang=xx", HttpStatusCode.BadRequest)]
    public async Task API_errors_are_problem_json(string method, string url, HttpStatusCode expected)
    {
        using var response = await site.CreateClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), url));
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/api/v1/cooperations?subsector=bogus", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/cooperations/no-such-slug", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/nothing-here", HttpStatusCode.NotFound)]
    public async Task Conditional_requests_only_turn_successes_into_304(string url, HttpStatusCode expected)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("If-None-Match", "*");
        request.Headers.TryAddWithoutValidation("If-Modified-Since", "Fri, 31 Dec 9999 23:59:59 GMT");
        using var response = await site.CreateClient().SendAsync(request);
        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Removing_a_region_set_changes_the_validator()
    {
        var client = site.CreateClient();
        using var before = await client.GetAsync("/api/v1/regions");
        var etag = before.Headers.ETag!;
        await using (var db = site.OpenContext())
            await db.Regions.Where(r => r.Slug == "westsachsen-testgebiet").ExecuteDeleteAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/regions");
        request.Headers.IfNoneMatch.Add(etag);
        using var after = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.DoesNotContain("westsachsen", await after.Content.ReadAsStringAsync());
        await site.ImportRegionsAsync(Path.Combine(AppContext.BaseDirectory, "TestData", "regions.geojson"));
    }
}
