using System.Net;
using KreativLand.Web.Tests.Infrastructure;

namespace KreativLand.Web.Tests.Pages.Evaluation;

public class EvaluationPageTests(SharedMapDataWebFixture site) : IClassFixture<SharedMapDataWebFixture>
{
    private static string Share(AngleSharp.Dom.IDocument page, string category, string option) =>
        page.QuerySelectorAll($"[data-category='{category}'] tbody tr")
            .Single(row => row.QuerySelector("th")!.TextContent.Trim() == option)
            .QuerySelector("[data-share]")!.TextContent.Trim();

    [Fact]
    public async Task German_page_prints_shares_the_way_the_report_does()
    {
        var page = await site.CreateClient().GetDocumentAsync("/de/evaluation");
        Assert.Equal("de", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains("7", page.Text("#evaluation-total"));
        Assert.Equal("3 von 7 (42,9 %)", Share(page, "duration", "länger als 2 Jahre"));
        Assert.Equal("2 von 7 (28,6 %)", Share(page, "regionValue", page.QuerySelectorAll("[data-category='regionValue'] tbody th")[2].TextContent.Trim()));
        Assert.Equal("0 von 7 (0 %)", Share(page, "regionValue", page.QuerySelectorAll("[data-category='regionValue'] tbody th")[1].TextContent.Trim()));
        Assert.Equal("3 von 7 (42,9 %)", Share(page, "countries", "Deutschland"));
    }

    [Fact]
    public async Task English_page_uses_a_decimal_point()
    {
        var page = await site.CreateClient().GetDocumentAsync("/en/evaluation");
        Assert.Equal("3 of 7 (42.9 %)", Share(page, "duration", "longer than 2 years"));
        Assert.Equal("1 of 7 (14.3 %)", Share(page, "duration", page.QuerySelectorAll("[data-category='duration'] tbody th")[2].TextContent.Trim()));
    }

    [Fact]
    public async Task Every_category_has_an_accessible_chart_and_its_table()
    {
        var page = await site.CreateClient().GetDocumentAsync("/en/evaluation");
        foreach (var category in new[] { "contact", "regionValue", "partnerValue", "duration", "subsectors", "countries" })
        {
            var section = page.QuerySelector($"[data-category='{category}']") ?? throw new Xunit.Sdk.XunitException("no section " + category);
            var svg = section.QuerySelector("svg[role='img']") ?? throw new Xunit.Sdk.XunitException("no chart in " + category);
            Assert.False(string.IsNullOrWhiteSpace(svg.GetAttribute("aria-label")));
            Assert.Null(svg.GetAttribute("style"));
            var rows = section.QuerySelectorAll("tbody tr").Length;
            Assert.Equal(rows, svg.QuerySelectorAll("rect.chart-bar").Length);
            Assert.Equal(rows, svg.QuerySelectorAll("text.chart-label").Length);
        }
        Assert.Empty(page.QuerySelectorAll("[style]"));
    }

    [Theory]
    [InlineData("/en/evaluation", "Agriculture, forestry and fishing", "Manufacturing", "So the data agrees with the report's finding.")]
    [InlineData("/de/evaluation", "Land- und Forstwirtschaft, Fischerei", "Verarbeitendes Gewerbe", "Die Daten bestätigen damit den Befund des Berichts.")]
    public async Task Pairing_table_counts_by_NACE_section_and_says_whether_the_report_holds(string url, string sectionA, string sectionC, string verdict)
    {
        var page = await site.CreateClient().GetDocumentAsync(url);
        var table = page.QuerySelector("#pairings-table")!;
        // Columns: the sections that occur, in NACE order, then SMEs without a section; each named for screen readers.
        var columns = table.QuerySelectorAll("thead th[data-sector]").Select(th => th.GetAttribute("data-sector")!).ToArray();
        Assert.Equal<string>(["A", "C", "none"], columns);
        Assert.Equal(sectionA, table.QuerySelector("thead th[data-sector='A'] .visually-hidden")!.TextContent.Trim());
        Assert.Contains(page.QuerySelectorAll(".sector-key dd"), dd => dd.TextContent.Trim() == sectionC);
        var rows = table.QuerySelectorAll("tbody tr").ToDictionary(
            row => row.GetAttribute("data-subsector-row")!,
            row => row.QuerySelectorAll("td").Select(td => int.Parse(td.TextContent)).ToArray());
        Assert.Equal([1, 0, 0], rows["software-games"]);
        Assert.Equal([0, 2, 0], rows["design"]);
        Assert.Equal([0, 1, 0], rows["arts-crafts"]);
        Assert.Equal([0, 0, 1], rows["film"]);
        // 1 of 1 forestry cooperation with software & games, 2 of 2 manufacturing ones with crafts or design.
        var finding = page.QuerySelector("#pairing-finding")!;
        Assert.Equal("agrees", finding.GetAttribute("data-verdict"));
        Assert.Contains(verdict, finding.TextContent);
        Assert.Matches(@"\b1\D+1\D+2\D+2\b", finding.TextContent);
    }

    [Fact]
    public async Task Filters_change_the_numbers_and_stay_checked()
    {
        var page = await site.CreateClient().GetDocumentAsync("/en/evaluation?country=AT&subsector=design");
        Assert.Contains("1", page.Text("#evaluation-total"));
        Assert.Equal("1 of 1 (100 %)", Share(page, "countries", "Austria"));
        Assert.True(page.QuerySelector("#e-country-at")!.HasAttribute("checked"));
        Assert.True(page.QuerySelector("#e-subsector-design")!.HasAttribute("checked"));
        Assert.Equal("/en/api/v1/stats?subsector=design&country=AT", page.QuerySelector("a[href*='api/v1/stats']")!.GetAttribute("href"));

        // Parameters the small form does not show are carried along.
        var region = await site.CreateClient().GetDocumentAsync("/en/evaluation?q=Holz");
        Assert.Equal("Holz", region.QuerySelector("input[type=hidden][name=q]")!.GetAttribute("value"));
        Assert.Contains("1", region.Text("#evaluation-total"));
    }

    [Fact]
    public async Task An_empty_selection_says_so_instead_of_drawing_charts()
    {
        var page = await site.CreateClient().GetDocumentAsync("/en/evaluation?country=FR");
        Assert.Contains("0", page.Text("#evaluation-total"));
        Assert.Contains("No published cooperation matches", page.Text(".evaluation-results"));
        Assert.Empty(page.QuerySelectorAll("svg.chart"));
        Assert.Equal("/en/feed.atom?country=FR", page.QuerySelector("link[type='application/atom+xml']")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Bad_parameters_are_named_and_answered_with_400()
    {
        using var response = await site.CreateClient().GetAsync("/en/evaluation?subsector=knitting");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("knitting", page.Text("#filter-errors"));
        Assert.Contains("7", page.Text("#evaluation-total"));
    }
}
