using System.Net;
using KreativLand.Web.Tests.Infrastructure;

namespace KreativLand.Web.Tests.SampleData;

/// <summary>
/// The shipped SampleData/cooperations.json: WebFixture imports it (and fails on any refused record),
/// so ./run.sh's first start cannot break unnoticed.
/// </summary>
public class SampleDataTests(WebFixture site) : IClassFixture<WebFixture>
{
    private readonly HttpClient client = site.CreateClient();

    [Fact]
    public async Task The_published_sample_cooperations_are_listed()
    {
        var page = await client.GetDocumentAsync("/en/cooperations");

        var titles = page.QuerySelectorAll(".result-list .card-title").Select(e => e.TextContent.Trim()).ToList();
        Assert.Equal(11, titles.Count);
        Assert.Contains(titles, t => t.StartsWith("MACARONIE Design Studio × Elldus Resort"));
        Assert.Contains(titles, t => t.StartsWith("Gölles"));
        Assert.Contains(titles, t => t.StartsWith("KaraKøje"));
    }

    [Fact]
    public async Task Listings_the_sources_leave_incomplete_stay_out_of_public_view()
    {
        using var response = await client.GetAsync("/cooperations/timberstore-silentgate");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var profile = await client.GetDocumentAsync("/en/cooperations/karakoeje");
        Assert.Contains("Bludenz", profile.Text(".profile-facts"));
    }

    [Theory]
    [InlineData("/de/", "illustrativer Beispieldatensatz")]
    [InlineData("/en/", "illustrative sample set")]
    public async Task The_footer_says_the_sample_is_illustrative(string url, string expected)
    {
        var page = await client.GetDocumentAsync(url);
        Assert.Contains(expected, page.Text("footer .sample-note"));
    }
}
