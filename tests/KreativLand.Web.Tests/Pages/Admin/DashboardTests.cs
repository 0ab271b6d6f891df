using KreativLand.Web.Tests.Infrastructure;

namespace KreativLand.Web.Tests.Pages.Admin;

public class DashboardTests(BasicDataWebFixture site) : IClassFixture<BasicDataWebFixture>
{
    [Fact]
    public async Task The_dashboard_counts_listings_by_status()
    {
        var client = await Curators.SignedInClientAsync(site, "curator");
        var page = await client.GetDocumentAsync("/admin");
        Assert.Equal("2", page.Text(".count[data-status=published]"));
        Assert.Equal("1", page.Text(".count[data-status=draft]"));
        Assert.Equal("0", page.Text(".count[data-status=submitted]"));
    }

    [Fact]
    public async Task The_listing_table_filters_by_status_and_text_and_sorts()
    {
        var client = await Curators.SignedInClientAsync(site, "curator");

        var drafts = await client.GetDocumentAsync("/admin/cooperations?status=draft");
        Assert.Equal(["Geheimer Entwurf"], drafts.QuerySelectorAll(".listing-table tbody td:first-child").Select(td => td.TextContent.Trim()));

        // The text filter also finds partner names and ignores case.
        var byPartner = await client.GetDocumentAsync("/admin/cooperations?q=pixel%20STUDIO");
        Assert.Equal(2, byPartner.QuerySelectorAll(".listing-table tbody tr").Length);
        var byMunicipality = await client.GetDocumentAsync("/admin/cooperations?q=testdorf");
        Assert.Single(byMunicipality.QuerySelectorAll(".listing-table tbody tr"));

        var ascending = await client.GetDocumentAsync("/admin/cooperations?sort=title");
        var titles = ascending.QuerySelectorAll(".listing-table tbody td:first-child").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["Bäckerei und Pixel", "Geheimer Entwurf", "Wald geht online"], titles);
        Assert.Equal("ascending", ascending.QuerySelector("th[aria-sort]")!.GetAttribute("aria-sort"));
        var descending = await client.GetDocumentAsync("/admin/cooperations?sort=title&desc=true");
        Assert.Equal(titles.AsEnumerable().Reverse(), descending.QuerySelectorAll(".listing-table tbody td:first-child").Select(td => td.TextContent.Trim()));

        // Status sorts in workflow order: draft before published.
        var byStatus = await client.GetDocumentAsync("/admin/cooperations?sort=status");
        Assert.Equal("Geheimer Entwurf", byStatus.QuerySelector(".listing-table tbody td:first-child")!.TextContent.Trim());

        // Unknown filter values fall back instead of failing.
        var odd = await client.GetDocumentAsync("/admin/cooperations?status=nonsense&sort=%27;drop&p=-4");
        Assert.Equal(3, odd.QuerySelectorAll(".listing-table tbody tr").Length);
    }
}
