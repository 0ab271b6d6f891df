using System.Net;
using System.Text;
using System.Xml.Linq;
using KreativLand.Web.Tests.Infrastructure;

namespace KreativLand.Web.Tests.Api;

/// <summary>The map data with the operator's licence setting changed from the default (CC BY 4.0) to another.</summary>
public class OtherLicenceFixture : MapDataWebFixture
{
    public const string Name = "ODbL 1.0";
    public const string Url = "https://opendatacommons.org/licenses/odbl/1-0/";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["OpenData:Licence:Name"] = Name,
        ["OpenData:Licence:Url"] = Url,
        ["OpenData:Licence:Attribution"] = "Landkreis Testland",
    };
}

/// <summary>Every open-data answer names the data licence, which is an operator setting.</summary>
public class DataLicenceTests(OtherLicenceFixture site) : IClassFixture<OtherLicenceFixture>
{
    [Theory]
    [InlineData("/api/v1/cooperations")]
    [InlineData("/api/v1/cooperations.csv")]
    [InlineData("/api/v1/cooperations.geojson")]
    [InlineData("/api/v1/subsectors")]
    [InlineData("/ogc/collections/cooperations/items")]
    [InlineData("/feed.atom")]
    public async Task Every_data_answer_links_the_licence(string url)
    {
        using var response = await site.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"<{OtherLicenceFixture.Url}>; rel=\"license\"", response.Headers.GetValues("Link"));
    }

    [Fact]
    public async Task Json_and_GeoJSON_bodies_carry_the_licence()
    {
        var client = site.CreateClient();
        foreach (var url in new[] { "/api/v1/cooperations", "/api/v1/cooperations.geojson", "/api/v1/cooperations/erz-code" })
        {
            var licence = (await client.GetJsonAsync(url)).GetProperty("licence");
            Assert.Equal(OtherLicenceFixture.Name, licence.GetProperty("name").GetString());
            Assert.Equal(OtherLicenceFixture.Url, licence.GetProperty("url").GetString());
            Assert.Equal("Landkreis Testland", licence.GetProperty("attribution").GetString());
        }
    }

    [Fact]
    public async Task The_OGC_API_links_the_licence_from_landing_page_collection_and_items()
    {
        var client = site.CreateClient();
        foreach (var url in new[] { "/ogc", "/ogc/collections/cooperations", "/ogc/collections/cooperations/items" })
        {
            var links = (await client.GetJsonAsync(url)).GetProperty("links").EnumerateArray();
            Assert.Contains(links, l => l.GetProperty("rel").GetString() == "license" && l.GetProperty("href").GetString() == OtherLicenceFixture.Url);
        }
    }

    [Fact]
    public async Task The_CSV_names_the_licence_in_a_last_column_of_each_row()
    {
        foreach (var url in new[] { "/api/v1/cooperations.csv", "/api/v1/cooperations.csv?dialect=excel-de" })
        {
            var text = Encoding.UTF8.GetString(await site.CreateClient().GetByteArrayAsync(url)).TrimStart('\uFEFF');
            var table = Rfc4180.Parse(text, url.Contains("excel") ? ';' : ',');
            Assert.Equal("licence", table[0][^1]);
            Assert.All(table.Skip(1), row => Assert.Equal($"{OtherLicenceFixture.Name} ({OtherLicenceFixture.Url}), Landkreis Testland", row[^1]));
        }
    }

    [Fact]
    public async Task The_feed_states_its_rights_and_the_api_page_and_OpenAPI_name_the_licence()
    {
        var client = site.CreateClient();
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var feed = XDocument.Parse(await client.GetStringAsync("/feed.atom"));
        Assert.Contains(OtherLicenceFixture.Name, feed.Root!.Element(atom + "rights")!.Value);
        Assert.Contains(feed.Root.Elements(atom + "link"), l => (string?)l.Attribute("rel") == "license" && (string?)l.Attribute("href") == OtherLicenceFixture.Url);

        var page = await client.GetDocumentAsync("/en/api");
        Assert.Equal(OtherLicenceFixture.Url, page.QuerySelector("a[data-licence]")!.GetAttribute("href"));
        Assert.Contains("Landkreis Testland", page.Text("#licence + p"));

        var info = (await client.GetJsonAsync("/openapi/v1.json")).GetProperty("info").GetProperty("license");
        Assert.Equal(OtherLicenceFixture.Url, info.GetProperty("url").GetString());
    }
}
