using System.Net;
using System.Text;
using KreativLand.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KreativLand.Web.Tests.Pages.Admin.Settings;

public class RegionsTests(BasicDataWebFixture site) : IClassFixture<BasicDataWebFixture>
{
    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string json, string level, string language = "en")
    {
        var page = await client.GetDocumentAsync($"/{language}/admin/settings/regions");
        var token = page.QuerySelector("#regions-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(level), "Level" },
            { new StringContent("name"), "NameProperty" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(json)), "Upload", "regions.geojson" },
        };
        return await client.PostAsync($"/{language}/admin/settings/regions?handler=Import", content);
    }

    [Fact]
    public async Task An_admin_uploads_a_region_set_and_the_map_filter_offers_it()
    {
        var admin = await Curators.SignedInClientAsync(site, "admin");
        var json = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "TestData", "regions.geojson"));
        using var uploaded = await UploadAsync(admin, json, "upload-test");
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);

        await using (var db = site.OpenContext())
            Assert.Equal(2, await db.Regions.CountAsync(r => r.Level == "upload-test"));
        var page = await admin.GetDocumentAsync("/en/admin/settings/regions");
        Assert.Contains("Regions imported", page.Text("[role=status]"));
        Assert.Contains("Westsachsen Testgebiet", page.Text(".admin-table"));
        // The public filter now knows the region; the basic data's Saxon listing lies inside.
        var map = await site.CreateClient().GetDocumentAsync("/en/?region=westsachsen-testgebiet");
        Assert.Equal(["Forest goes online"], map.QuerySelectorAll("#result-list .result-title").Select(e => e.TextContent.Trim()));
    }

    [Fact]
    public async Task A_bad_file_is_refused_naming_the_feature_and_nothing_is_stored()
    {
        var admin = await Curators.SignedInClientAsync(site, "admin");
        var json = """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"Punkt"},"geometry":{"type":"Point","coordinates":[12,50]}}]}""";
        using var refused = await UploadAsync(admin, json, "bad-upload");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await Html.ParseAsync(refused);
        Assert.Contains("feature 1 (\"Punkt\"): geometry is a Point", page.Text("#problems"));
        using var german = await UploadAsync(admin, json, "bad-upload", "de");
        Assert.Contains("Feature 1 (\"Punkt\"): die Geometrie ist ein Point; eine Region braucht ein Polygon oder MultiPolygon", (await Html.ParseAsync(german)).Text("#problems"));
        using var badLevel = await UploadAsync(admin, json, "Not A Level!");
        Assert.Contains("The level must be a short lower-case word", (await Html.ParseAsync(badLevel)).Text("#problems"));
        await using var db = site.OpenContext();
        Assert.Equal(0, await db.Regions.CountAsync(r => r.Level == "bad-upload"));
    }

    [Fact]
    public async Task Curators_cannot_manage_regions()
    {
        var curator = await Curators.SignedInClientAsync(site, "curator");
        using var response = await curator.GetAsync("/admin/settings/regions");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
