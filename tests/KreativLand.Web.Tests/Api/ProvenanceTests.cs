using System.Text;
using KreativLand.Web.Import;
using KreativLand.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KreativLand.Web.Tests.Api;

/// <summary>Each listing's source (provenance) is stored from the import, shown on the profile and in every export.</summary>
public class ProvenanceTests(MapDataWebFixture site) : IClassFixture<MapDataWebFixture>
{
    private const string Report = "KreativLandTransfer report 2024";

    [Fact]
    public async Task The_source_is_in_the_api_the_downloads_the_ogc_item_and_on_the_profile()
    {
        var client = site.CreateClient();
        Assert.Equal(Report, (await client.GetJsonAsync("/api/v1/cooperations/erz-code")).GetProperty("properties").GetProperty("source").GetString());

        var csv = Rfc4180.Parse(Encoding.UTF8.GetString(await client.GetByteArrayAsync("/api/v1/cooperations.csv?q=Holz")).TrimStart('\uFEFF'));
        Assert.Equal(Report, csv[1][csv[0].IndexOf("source")]);
        var other = Rfc4180.Parse(Encoding.UTF8.GetString(await client.GetByteArrayAsync("/api/v1/cooperations.csv?subsector=film")).TrimStart('\uFEFF'));
        Assert.Equal("", other[1][other[0].IndexOf("source")]); // no source given: empty, not invented

        var geojson = await client.GetJsonAsync("/api/v1/cooperations.geojson?q=Holz");
        var feature = geojson.GetProperty("features")[0];
        Assert.Equal(Report, feature.GetProperty("properties").GetProperty("source").GetString());
        var item = await client.GetJsonAsync($"/ogc/collections/cooperations/items/{feature.GetProperty("id").GetInt32()}");
        Assert.Equal(Report, item.GetProperty("properties").GetProperty("source").GetString());

        var profile = await client.GetDocumentAsync("/en/cooperations/erz-code");
        Assert.Equal(Report, profile.Text("[data-source]"));
        var plain = await client.GetDocumentAsync("/en/cooperations/lausitz-film");
        Assert.Null(plain.QuerySelector("[data-source]"));
    }

    [Fact]
    public async Task An_import_sets_and_changes_the_source_and_refuses_an_overlong_one()
    {
        async Task<ImportResult> ImportAsync(string source)
        {
            var json = $$"""
                { "formatVersion": 1, "cooperations": [ {
                  "slug": "provenance-probe", "status": "draft", "source": "{{source}}",
                  "title": { "de": "Herkunftsprobe" },
                  "location": { "municipality": "Annaberg-Buchholz", "country": "DE", "latitude": 50.58, "longitude": 13.0 },
                  "partners": [
                    { "slug": "probe-saegewerk", "name": "Probe Sägewerk", "kind": "sme", "employees": 12, "sectorCode": "A" },
                    { "slug": "probe-studio", "name": "Probe Studio", "kind": "cci", "subsector": "design" } ] } ] }
                """;
            await using var scope = site.Factory.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<CooperationImporter>()
                .ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), TestImports.Seed);
        }

        var first = await ImportAsync("submitted by the partners");
        Assert.True(first.Succeeded, string.Join("; ", first.Errors));
        await using (var db = site.OpenContext())
            Assert.Equal("submitted by the partners", db.Cooperations.Single(c => c.Slug == "provenance-probe").Source);

        var tooLong = await ImportAsync(new string('x', 201));
        Assert.False(tooLong.Succeeded);
        Assert.Contains(tooLong.Errors, e => e.Contains("source"));
        await using (var db = site.OpenContext())
            Assert.Equal("submitted by the partners", db.Cooperations.Single(c => c.Slug == "provenance-probe").Source); // nothing half-stored

        // The import format round-trips it (the editor's form model and the JSON download).
        await using (var db = site.OpenContext())
        {
            var stored = db.Cooperations.Single(c => c.Slug == "provenance-probe");
            stored.Partners = [];
            Assert.Equal("submitted by the partners", CooperationRecords.ToRecord(stored).Source);
        }
    }
}
