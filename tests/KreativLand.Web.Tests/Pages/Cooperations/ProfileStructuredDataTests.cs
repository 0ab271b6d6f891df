using System.Text.Json;
using KreativLand.Web.Tests.Infrastructure;

namespace KreativLand.Web.Tests.Pages.Cooperations;

/// <summary>OpenGraph image and schema.org JSON-LD on a profile with a picture (TestData/basic.json).</summary>
public class ProfileStructuredDataTests(SharedBasicDataWebFixture site) : IClassFixture<SharedBasicDataWebFixture>
{
    [Fact]
    public async Task Profile_has_its_image_as_OpenGraph_image()
    {
        var page = await site.CreateClient().GetDocumentAsync("/en/cooperations/forest-online");
        Assert.Equal("https://example.org/img/test.jpg", page.QuerySelector("meta[property='og:image']")!.GetAttribute("content"));
        Assert.Equal("A forest", page.QuerySelector("meta[property='og:image:alt']")!.GetAttribute("content"));
        Assert.Equal("article", page.QuerySelector("meta[property='og:type']")!.GetAttribute("content"));
        Assert.Equal("A forestry company sells online with a software studio.", page.QuerySelector("meta[property='og:description']")!.GetAttribute("content"));
    }

    [Fact]
    public async Task Profile_describes_partners_as_organisations_and_the_place_with_coordinates()
    {
        var page = await site.CreateClient().GetDocumentAsync("/de/cooperations/forest-online");
        var script = Assert.Single(page.QuerySelectorAll("script[type='application/ld+json']"));
        var data = JsonDocument.Parse(script.TextContent).RootElement;
        Assert.Equal("https://schema.org", data.GetProperty("@context").GetString());
        Assert.Equal("Project", data.GetProperty("@type").GetString());
        Assert.Equal("Wald geht online", data.GetProperty("name").GetString());
        Assert.Equal("http://localhost/de/cooperations/forest-online", data.GetProperty("url").GetString());

        var place = data.GetProperty("location");
        Assert.Equal("Place", place.GetProperty("@type").GetString());
        Assert.Equal("GeoCoordinates", place.GetProperty("geo").GetProperty("@type").GetString());
        Assert.Equal(50.6, place.GetProperty("geo").GetProperty("latitude").GetDouble());
        Assert.Equal(13.1, place.GetProperty("geo").GetProperty("longitude").GetDouble());
        Assert.Equal("DE", place.GetProperty("address").GetProperty("addressCountry").GetString());

        var members = data.GetProperty("member").EnumerateArray().ToList();
        Assert.All(members, m => Assert.Equal("Organization", m.GetProperty("@type").GetString()));
        Assert.Equal(["Forst Meier", "Pixel Studio"], members.Select(m => m.GetProperty("name").GetString()));
        Assert.Equal("http://localhost/de/partners/forst-meier", members[0].GetProperty("url").GetString());
    }

    [Fact]
    public async Task Text_cannot_break_out_of_the_JSON_LD_script()
    {
        var page = await site.CreateClient().GetDocumentAsync("/de/cooperations/forest-online");
        var raw = page.QuerySelector("script[type='application/ld+json']")!.InnerHtml;
        Assert.DoesNotContain("<", raw);
    }
}
