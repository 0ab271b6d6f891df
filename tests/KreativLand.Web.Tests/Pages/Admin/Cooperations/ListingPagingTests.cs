using System.Text.Json;
using KreativLand.Web.Tests.Infrastructure;

namespace KreativLand.Web.Tests.Pages.Admin.Cooperations;

public class ListingPagingTests(BasicDataWebFixture site) : IClassFixture<BasicDataWebFixture>
{
    [Fact]
    public async Task The_listing_table_shows_fifty_per_page_and_keeps_the_filter_across_pages()
    {
        var records = Enumerable.Range(1, 55).Select(i => new
        {
            slug = $"bulk-{i:D2}", status = "draft", title = new { de = $"Massenentwurf {i:D2}" },
            location = new { municipality = "Irgendwo", country = "DE", latitude = 50.0, longitude = 10.0 },
            partners = new object[] { new { slug = $"bulk-sme-{i}", name = $"KMU {i}", kind = "sme" }, new { slug = $"bulk-cci-{i}", name = $"Studio {i}", kind = "cci", subsector = "design" } },
        });
        var path = Path.Combine(Path.GetTempPath(), $"kl-paging-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(new { formatVersion = 1, cooperations = records }));
        try { await site.ImportFileAsync(path); } finally { File.Delete(path); }

        var client = await Curators.SignedInClientAsync(site, "curator");
        var first = await client.GetDocumentAsync("/en/admin/cooperations?q=massenentwurf&sort=title");
        Assert.Equal(50, first.QuerySelectorAll(".listing-table tbody tr").Length);
        Assert.Contains("55 listings", first.Text("[role=status]"));
        var next = first.QuerySelector(".pagination a[rel=next]")!.GetAttribute("href")!;
        var second = await client.GetDocumentAsync(next);
        Assert.Equal(["Massenentwurf 51", "Massenentwurf 52", "Massenentwurf 53", "Massenentwurf 54", "Massenentwurf 55"],
            second.QuerySelectorAll(".listing-table tbody td:first-child").Select(td => td.TextContent.Trim()));
        Assert.Contains("Page 2 of 2", second.Text(".pagination"));
    }
}
