using KreativLand.Web.Listings;
using KreativLand.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KreativLand.Web.Tests.Listings;

/// <summary>Spatial conditions must run in PostGIS through the GiST indexes, never by loading rows into C#.</summary>
public class CooperationSearchQueryTests(MapDataWebFixture site) : IClassFixture<MapDataWebFixture>
{
    private async Task<string> PlanAsync(CooperationFilter filter)
    {
        await using var db = site.OpenContext();
        var query = CooperationSearchQuery.Apply(db, db.Cooperations, filter, 2026).Select(c => c.Id);
        var command = query.CreateDbCommand();
        await db.Database.OpenConnectionAsync();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        // With so few rows the planner would rightly scan; forbidding scans shows whether an index can serve the query.
        await using (var off = new NpgsqlCommand("SET enable_seqscan = off", connection)) await off.ExecuteNonQueryAsync();
        await using var explain = new NpgsqlCommand("EXPLAIN " + command.CommandText, connection);
        foreach (NpgsqlParameter parameter in command.Parameters) explain.Parameters.Add(parameter.Clone());
        var lines = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync()) lines.Add(reader.GetString(0));
        return string.Join("\n", lines);
    }

    [Fact]
    public async Task Radius_uses_the_geography_index()
    {
        var plan = await PlanAsync(new CooperationFilter { Near = new CooperationFilter.Circle(13.0, 50.58, 30) });
        Assert.Contains("ix_cooperations_location_geography", plan);
    }

    [Fact]
    public async Task Bounding_box_uses_the_point_index()
    {
        var plan = await PlanAsync(new CooperationFilter { Bbox = new CooperationFilter.BoundingBox(11.8, 50.1, 15.1, 51.7) });
        Assert.Contains("ix_cooperations_location_point", plan);
    }

    [Fact]
    public async Task Region_uses_the_boundary_or_point_index()
    {
        await using var db = site.OpenContext();
        var region = await db.Regions.SingleAsync(r => r.Slug == "tirol");
        var plan = await PlanAsync(new CooperationFilter { Region = new CooperationFilter.RegionRef(region.Id, region.Slug, region.Name, region.Level) });
        Assert.Matches("ix_cooperations_location_point|ix_regions_boundary", plan);
    }

    [Fact]
    public async Task Country_uses_its_index()
    {
        var plan = await PlanAsync(new CooperationFilter { Countries = ["AT"] });
        Assert.Contains("ix_cooperations_location_country_code", plan);
    }

    [Fact]
    public async Task Search_document_follows_changes_of_titles_and_partner_names()
    {
        await using var db = site.OpenContext();
        await db.Database.ExecuteSqlRawAsync("UPDATE partners SET name = 'Blaskapelle Zwiebelturm' WHERE slug = 'blasmusik'");
        var found = await db.Cooperations.Where(c => c.Search!.Plain.Contains("zwiebelturm")).Select(c => c.Slug).ToListAsync();
        Assert.Equal(["tirol-music"], found);
        await db.Database.ExecuteSqlRawAsync("UPDATE partners SET name = 'Blasmusik Lab' WHERE slug = 'blasmusik'");
        Assert.Empty(await db.Cooperations.Where(c => c.Search!.Plain.Contains("zwiebelturm")).ToListAsync());
    }
}
