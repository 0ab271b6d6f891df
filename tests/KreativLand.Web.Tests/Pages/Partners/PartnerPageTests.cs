using KreativLand.Web.Tests.Infrastructure;

namespace KreativLand.Web.Tests.Pages.Partners;

public class PartnerPageTests(SharedBasicDataWebFixture site) : IClassFixture<SharedBasicDataWebFixture>
{
    [Fact]
    public async Task Partner_page_lists_its_published_cooperations()
    {
        var page = await site.CreateClient().GetDocumentAsync("/de/partners/pixel-studio");

        Assert.Equal("Pixel Studio", page.Text("h1"));
        Assert.Contains("Software- und Games-Industrie", page.Text(".facts-inline"));
        Assert.Contains("Leipzig, Deutschland (städtisch)", page.Text(".facts-inline"));
        var titles = page.QuerySelectorAll(".card-title").Select(t => t.TextContent.Trim()).Order().ToList();
        Assert.Equal(["Bäckerei und Pixel", "Wald geht online"], titles);
    }
}
