using System.Net;
using KreativLand.Web.Tests.Infrastructure;

namespace KreativLand.Web.Tests.Pages.Cooperations;

/// <summary>The home map's list and /cooperations honour the filter without JavaScript.</summary>
public class FilteredPagesTests(SharedMapDataWebFixture site) : IClassFixture<SharedMapDataWebFixture>
{
    private readonly HttpClient client = site.CreateClient();

    [Theory]
    [InlineData("/en/?subsector=software-games", "#result-list .result-title", new[] { "Timber meets code" })]
    [InlineData("/en/cooperations?subsector=software-games", ".result-list .card-title", new[] { "Timber meets code" })]
    [InlineData("/en/cooperations?country=AT&duration=more-than-2-years", ".result-list .card-title", new[] { "Gölles experience" })]
    [InlineData("/en/?q=Koje", "#result-list .result-title", new[] { "KaraKøje" })]
    [InlineData("/en/?region=tirol", "#result-list .result-title", new[] { "Alpine sound" })]
    public async Task Pages_list_what_the_filter_selects(string url, string selector, string[] expected)
    {
        var page = await client.GetDocumentAsync(url);
        Assert.Equal(expected, page.QuerySelectorAll(selector).Select(e => e.TextContent.Trim()));
    }

    [Fact]
    public async Task The_form_shows_the_current_filter_and_counts()
    {
        var page = await client.GetDocumentAsync("/en/?subsector=design&country=AT&q=Form&region=tirol");
        Assert.NotNull(page.QuerySelector("input[name=subsector][value=design][checked]"));
        Assert.Null(page.QuerySelector("input[name=subsector][value=film][checked]"));
        Assert.NotNull(page.QuerySelector("input[name=country][value=AT][checked]"));
        Assert.Equal("Form", page.QuerySelector("#f-q")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("#f-region option[value=tirol][selected]"));

        var counts = await client.GetDocumentAsync("/en/?country=AT");
        Assert.Equal("(1)", counts.Text("[data-count-for='subsector:music']"));
        Assert.Equal("(1)", counts.Text("[data-count-for='subsector:design']"));
        Assert.Equal("(0)", counts.Text("[data-count-for='subsector:film']"));
        Assert.Equal("(3)", counts.Text("[data-count-for='country:DE']")); // the country facet ignores country=AT
        Assert.Equal("(2)", counts.Text("[data-count-for='country:AT']"));
    }

    [Fact]
    public async Task Invalid_parameters_are_named_on_the_page_and_the_rest_still_applies()
    {
        using var response = await client.GetAsync("/en/cooperations?subsector=opera&country=AT");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("subsector: Unknown subsector 'opera'.", page.Text("#filter-errors"));
        Assert.Equal(2, page.QuerySelectorAll(".result-list .card-title").Length); // country=AT still applies
    }

    [Fact]
    public async Task List_pages_keep_the_filter()
    {
        var page = await client.GetDocumentAsync("/en/cooperations?country=DE&p=1");
        Assert.Equal(3, page.QuerySelectorAll(".result-list .card").Length);
        Assert.Null(page.QuerySelector(".pager")); // one page only
    }
}
