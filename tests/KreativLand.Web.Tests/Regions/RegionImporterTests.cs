using System.Text;
using KreativLand.Web.Regions;
using KreativLand.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KreativLand.Web.Tests.Regions;

public class RegionImporterTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private const string Square = """{"type":"Polygon","coordinates":[[[12,50],[13,50],[13,51],[12,51],[12,50]]]}""";

    private async Task<KreativLand.Web.Import.ImportResult> ImportAsync(string json, string? level = "test")
    {
        await using var db = database.OpenContext();
        return await new RegionImporter(db, TimeProvider.System)
            .ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), new RegionImporter.Options(level));
    }

    private static string Collection(params string[] features) => $$"""{"type":"FeatureCollection","features":[{{string.Join(",", features)}}]}""";

    private static string Feature(string name, string geometry = Square, string extra = "") =>
        $$"""{"type":"Feature","properties":{"name":"{{name}}"{{extra}}},"geometry":{{geometry}}}""";

    private async Task<int> CountAsync(string level)
    {
        await using var db = database.OpenContext();
        return await db.Regions.CountAsync(r => r.Level == level);
    }

    [Fact]
    public async Task Imports_polygons_as_multipolygons_and_updates_by_level_and_name()
    {
        var first = await ImportAsync(Collection(Feature("Erzgebirge"), Feature("Vogtland", extra: ""","country":"de" """)), "leader");
        Assert.True(first.Succeeded, string.Join("; ", first.Errors));
        Assert.Equal(2, first.Created);

        var moved = """{"type":"Polygon","coordinates":[[[14,50],[15,50],[15,51],[14,51],[14,50]]]}""";
        var second = await ImportAsync(Collection(Feature("Erzgebirge", moved)), "leader");
        Assert.Equal((0, 1), (second.Created, second.Updated));

        await using var db = database.OpenContext();
        var erzgebirge = await db.Regions.SingleAsync(r => r.Slug == "erzgebirge");
        Assert.Equal("MultiPolygon", erzgebirge.Boundary.GeometryType);
        Assert.Equal(4326, erzgebirge.Boundary.SRID);
        Assert.Equal(14, erzgebirge.Boundary.EnvelopeInternal.MinX);
        Assert.Equal("DE", (await db.Regions.SingleAsync(r => r.Slug == "vogtland")).CountryCode);
    }

    [Fact]
    public async Task The_same_name_on_another_level_gets_its_own_slug()
    {
        Assert.True((await ImportAsync(Collection(Feature("Oberland")), "state")).Succeeded);
        Assert.True((await ImportAsync(Collection(Feature("Oberland")), "district")).Succeeded);
        await using var db = database.OpenContext();
        Assert.Equal(["oberland", "oberland-district"], await db.Regions.Where(r => r.Name == "Oberland").OrderBy(r => r.Slug).Select(r => r.Slug).ToListAsync());
    }

    [Fact]
    public async Task A_self_touching_boundary_is_repaired()
    {
        var bowTie = """{"type":"Polygon","coordinates":[[[0,0],[2,2],[2,0],[0,2],[0,0]]]}""";
        var result = await ImportAsync(Collection(Feature("Schleife", bowTie)), "repair");
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        await using var db = database.OpenContext();
        Assert.True((await db.Regions.SingleAsync(r => r.Level == "repair")).Boundary.IsValid);
    }

    [Theory]
    [InlineData("not json", "not a GeoJSON FeatureCollection")]
    [InlineData("""{"type":"FeatureCollection","features":[]}""", "no features")]
    public async Task Unreadable_files_are_refused(string json, string expected)
    {
        var result = await ImportAsync(json, "broken");
        Assert.False(result.Succeeded);
        Assert.Contains(expected, result.Errors.Single());
    }

    [Fact]
    public async Task One_bad_feature_refuses_the_whole_file_naming_it()
    {
        var point = """{"type":"Point","coordinates":[12,50]}""";
        var swapped = """{"type":"Polygon","coordinates":[[[50,120],[51,120],[51,121],[50,121],[50,120]]]}""";
        var result = await ImportAsync(Collection(
            Feature("Gut"),
            Feature("Punkt", point),
            """{"type":"Feature","properties":{"kind":"x"},"geometry":""" + Square + "}",
            Feature("Vertauscht", swapped),
            Feature("Gut")), "bad");
        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.StartsWith("feature 2 (\"Punkt\"): geometry is a Point"));
        Assert.Contains(result.Errors, e => e.StartsWith("feature 3: property \"name\""));
        Assert.Contains(result.Errors, e => e.StartsWith("feature 4 (\"Vertauscht\"): coordinates must be [longitude, latitude]"));
        Assert.Contains(result.Errors, e => e.Contains("\"Gut\" appears more than once"));
        Assert.Equal(0, await CountAsync("bad"));
    }

    [Fact]
    public async Task A_level_is_required()
    {
        var result = await ImportAsync(Collection(Feature("Ohne Ebene")), level: null);
        Assert.Contains(result.Errors, e => e.Contains("no level"));
    }
}
