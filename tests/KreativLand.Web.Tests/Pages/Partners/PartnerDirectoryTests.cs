using System.Net;
using KreativLand.Web.Tests.Infrastructure;

namespace KreativLand.Web.Tests.Pages.Partners;

/// <summary>/partners: every partner with a published cooperation, searchable, filterable by kind, subsector and NACE section, paged.</summary>
public class PartnerDirectoryTests(SharedMapDataWebFixture site) : IClassFixture<SharedMapDataWebFixture>
{
    private static string[] Slugs(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll("#partner-directory [data-partner]").Select(e => e.GetAttribute("data-partner")!).ToArray();

    [Fact]
    public async Task Lists_only_partners_of_published_cooperations_with_their_count()
    {
        var page = await site.CreateClient().GetDocumentAsync("/en/partners");
        var slugs = Slugs(page);
        Assert.Equal(14, slugs.Length);
        Assert.DoesNotContain("hidden-sme", slugs); // only in a draft
        Assert.Equal("14 partners", page.Text("#partner-count"));
        // Studio Form takes part in two published cooperations.
        Assert.Equal("2", page.QuerySelector("[data-partner='studio-form'] [data-cooperations]")!.GetAttribute("data-cooperations"));
        Assert.Equal(slugs.Order(StringComparer.Ordinal).Count(), slugs.Length);
    }

    [Theory]
    [InlineData("?kind=cci", new[] { "atelier-faden", "atelier-norte", "blasmusik", "filmkollektiv-ost", "pixelwald", "stage-north", "studio-form" })]
    [InlineData("?subsector=design", new[] { "studio-form" })]
    [InlineData("?sector=A", new[] { "saegewerk-mueller" })]
    [InlineData("?sector=c&kind=sme", new[] { "manufaktur-goelles", "spitzenweberei" })]
    [InlineData("?q=studio", new[] { "studio-form" })]
    [InlineData("?q=atelier&kind=cci", new[] { "atelier-faden", "atelier-norte" })]
    [InlineData("?q=sagewerk", new[] { "saegewerk-mueller" })]
    public async Task Filters_narrow_the_directory(string query, string[] expected)
    {
        var page = await site.CreateClient().GetDocumentAsync("/de/partners" + query);
        Assert.Equal(expected.Order(StringComparer.Ordinal), Slugs(page).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Options_count_partners_under_the_other_conditions_and_stay_selected()
    {
        var page = await site.CreateClient().GetDocumentAsync("/en/partners?kind=cci&subsector=design");
        Assert.Contains("(1)", page.QuerySelector("#pf-kind option[value='cci']")!.TextContent); // CCI partners in design
        Assert.True(page.QuerySelector("#pf-kind option[value='cci']")!.HasAttribute("selected"));
        Assert.Contains("(1)", page.QuerySelector("#pf-subsector option[value='design']")!.TextContent);
        Assert.Contains("(1)", page.QuerySelector("#pf-subsector option[value='music']")!.TextContent);
    }

    [Theory]
    [InlineData("?kind=robot", "kind")]
    [InlineData("?subsector=cooking", "subsector")]
    [InlineData("?sector=Z", "sector")]
    [InlineData("?p=0", "p")]
    [InlineData("?p=9", "p")]
    public async Task A_value_it_cannot_use_is_named_with_status_400(string query, string parameter)
    {
        using var response = await site.CreateClient().GetAsync("/en/partners" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.StartsWith(parameter + ":", page.QuerySelector("#filter-errors li")!.TextContent.Trim());
        Assert.NotEmpty(Slugs(page));
    }

    [Fact]
    public async Task The_directory_is_in_the_sitemap_and_partner_pages_lead_back_to_it()
    {
        var sitemap = await site.CreateClient().GetStringAsync("/sitemap.xml");
        Assert.Contains("/en/partners</loc>", sitemap);
        Assert.Contains("/de/partners</loc>", sitemap);
        var partner = await site.CreateClient().GetDocumentAsync("/en/partners/studio-form");
        var crumbs = partner.QuerySelectorAll(".breadcrumb a").Select(a => a.GetAttribute("href")).ToArray();
        Assert.Contains("/en/partners", crumbs);
    }
}
