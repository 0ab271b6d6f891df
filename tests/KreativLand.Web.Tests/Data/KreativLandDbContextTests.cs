using KreativLand.Web.Import;
using KreativLand.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KreativLand.Web.Tests.Data;

/// <summary>What the migrations and the model configuration put into PostgreSQL, read back with plain SQL.</summary>
public class KreativLandDbContextTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await using var db = database.OpenContext();
        await db.Database.ExecuteSqlRawAsync("TRUNCATE cooperation_partners, cooperations, partners RESTART IDENTITY CASCADE");
        var result = await new CooperationImporter(db, TimeProvider.System)
            .ImportFileAsync(Path.Combine(AppContext.BaseDirectory, "TestData", "basic.json"), TestImports.Seed);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<List<object?[]>> QueryAsync(string sql)
    {
        await using var db = database.OpenContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    [Fact]
    public async Task Enumerations_are_stored_as_readable_codes()
    {
        var cooperation = Assert.Single(await QueryAsync(
            "SELECT status, contact_origins, region_values, partner_values, media::text FROM cooperations WHERE slug = 'forest-online'"));
        Assert.Equal("published", cooperation[0]);
        Assert.Equal(["targeted-contact"], (string[])cooperation[1]!);
        Assert.Equal(["location-attractiveness", "regional-infrastructure"], (string[])cooperation[2]!);
        Assert.Equal(["innovation"], (string[])cooperation[3]!);
        Assert.Contains("\"kind\": \"website\"", (string)cooperation[4]!);

        var kinds = (await QueryAsync("SELECT kind FROM partners WHERE slug IN ('forst-meier', 'pixel-studio') ORDER BY slug")).Select(r => r[0]);
        Assert.Equal(["sme", "cci"], kinds);
    }

    [Fact]
    public async Task Saving_over_a_concurrent_change_is_refused()
    {
        await using var first = database.OpenContext();
        await using var second = database.OpenContext();
        var mine = await first.Cooperations.SingleAsync(c => c.Slug == "forest-online");
        var theirs = await second.Cooperations.SingleAsync(c => c.Slug == "forest-online");

        theirs.StartYear = 2019;
        await second.SaveChangesAsync();
        mine.StartYear = 2020;

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => first.SaveChangesAsync());
        await using var check = database.OpenContext();
        Assert.Equal(2019, (await check.Cooperations.SingleAsync(c => c.Slug == "forest-online")).StartYear);
    }

    [Fact]
    public async Task Migrations_create_postgis_point_with_gist_index_extensions_and_subsectors()
    {
        var column = Assert.Single(await QueryAsync(
            "SELECT type, srid FROM geometry_columns WHERE f_table_name = 'cooperations' AND f_geometry_column = 'location_point'"));
        Assert.Equal(("POINT", 4326), ((string)column[0]!, (int)column[1]!));

        var gistIndexes = (await QueryAsync("SELECT indexdef FROM pg_indexes WHERE tablename = 'cooperations'"))
            .Select(r => (string)r[0]!).Where(d => d.Contains("USING gist", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(gistIndexes, d => d.Contains("location_point"));

        var extensions = (await QueryAsync("SELECT extname FROM pg_extension")).Select(r => (string)r[0]!).ToList();
        Assert.Contains("postgis", extensions);
        Assert.Contains("unaccent", extensions);

        var subsectors = (await QueryAsync("SELECT code FROM subsectors ORDER BY sort_order")).Select(r => (string)r[0]!).ToList();
        Assert.Equal(12, subsectors.Count);
        Assert.Equal("music", subsectors[0]);
        Assert.Equal("arts-crafts", subsectors[^1]);
    }
}
