using KreativLand.Web.Import;
using KreativLand.Web.Listings;
using KreativLand.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KreativLand.Web.Tests.Listings;

/// <summary>The sample data plus 2,000 generated listings (./run.sh generate), analysed: enough rows for the planner's own choices.</summary>
public class ScaleDataFixture : WebFixture
{
    /// <summary>The sample data and 2,000 generated listings, for this class only.</summary>
    protected override string? DataSet => null;

    protected override async Task SeedAsync()
    {
        await base.SeedAsync();
        Assert.Equal(0, await SyntheticListings.GenerateAsync(Factory.Services, 2000, TextWriter.Null));
        await using var db = OpenContext();
        // VACUUM too: it moves the GIN indexes' pending lists (fastupdate) into the indexes, which a plain ANALYZE leaves to
        // autovacuum; with a long pending list the planner prices the GIN indexes above a scan, depending on autovacuum's timing.
        await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE");
    }
}

/// <summary>
/// With a few thousand listings and fresh statistics: the free-text condition can be answered through the two GIN indexes of
/// the search document (a list of LIKE patterns used to become a subquery that made PostgreSQL read every document), and
/// the facet counts take three statements whatever the filter.
/// </summary>
public class SearchAtScaleTests(ScaleDataFixture site) : IClassFixture<ScaleDataFixture>
{
    private async Task<string> PlanAsync(CooperationFilter filter)
    {
        await using var db = site.OpenContext();
        var command = CooperationSearchQuery.Apply(db, CooperationQueries.Published(db), filter, 2026).Select(c => c.Id).CreateDbCommand();
        await db.Database.OpenConnectionAsync();
        // At a few thousand rows reading every document costs about as much as the indexes (at 50,000 the planner picks the
        // indexes by itself): forbidding plain scans shows whether the generated SQL can be served by an index at all.
        // A full scan of the primary key with the text as a filter reads every document as well: with some samples of ANALYZE
        // the planner preferred it to the GIN indexes, so plain index scans are off too (bitmap scans stay allowed).
        await using (var off = new NpgsqlCommand("SET enable_seqscan = off; SET enable_indexscan = off", (NpgsqlConnection)db.Database.GetDbConnection())) await off.ExecuteNonQueryAsync();
        await using var explain = new NpgsqlCommand("EXPLAIN " + command.CommandText, (NpgsqlConnection)db.Database.GetDbConnection());
        foreach (NpgsqlParameter parameter in command.Parameters) explain.Parameters.Add(parameter.Clone());
        var lines = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync()) lines.Add(reader.GetString(0));
        return string.Join("\n", lines);
    }

    [Theory]
    [InlineData("Brauerei")]
    [InlineData("Weberei Lehmann")]
    [InlineData("Muehle")]
    public async Task Free_text_is_answered_through_the_GIN_indexes(string text)
    {
        var plan = await PlanAsync(new CooperationFilter { Text = text });
        Assert.True(plan.Contains("ix_cooperation_search_document") && plan.Contains("ix_cooperation_search_plain"), plan);
        Assert.DoesNotContain("Seq Scan on cooperation_search", plan);
    }

    private static readonly CooperationFilter.StateRef Bavaria = new("DE-bayern", ["DE:Bayern"]);

    [Fact]
    public async Task Facet_counts_take_three_statements_whatever_the_filter()
    {
        var filters = new[]
        {
            CooperationFilter.None,
            new CooperationFilter { Subsectors = ["design"], Countries = ["DE"] },
            new CooperationFilter { ContactOrigins = [KreativLand.Web.Domain.ContactOrigin.JointEvents], Durations = [DurationOption.MoreThan5Years], Text = "Brauerei" },
            // Generated German listings name their Land (GeoNames' admin1 through the state table).
            new CooperationFilter { Countries = ["DE", "AT"], States = [Bavaria] },
        };
        foreach (var filter in filters)
        {
            await using var db = site.OpenContext();
            FacetCounts? counts = null;
            var statements = await StatementCounter.StatementsAsync(site.DatabaseName, async () => counts = await FacetCounts.CountAsync(db, filter, 2026));
            Assert.True(statements.Count == 3, string.Join("\n---\n", statements));
            // The same numbers as counting each option on its own.
            var joint = await CooperationSearchQuery.Apply(db, CooperationQueries.Published(db), filter with { ContactOrigins = [KreativLand.Web.Domain.ContactOrigin.JointEvents] }, 2026).CountAsync();
            Assert.Equal(joint, counts!.Contact["joint-events"]);
            var design = await CooperationSearchQuery.Apply(db, CooperationQueries.Published(db), filter with { Subsectors = ["design"] }, 2026).CountAsync();
            Assert.Equal(design, counts.Subsector.GetValueOrDefault("design"));
            Assert.Equal(await CooperationSearchQuery.Apply(db, CooperationQueries.Published(db), filter, 2026).CountAsync(), counts.Total);
            // Countries and states are counted in one statement, each under the other's condition.
            var austria = await CooperationSearchQuery.Apply(db, CooperationQueries.Published(db), filter with { Countries = ["AT"] }, 2026).CountAsync();
            Assert.Equal(austria, counts.Country.GetValueOrDefault("AT"));
            var bavaria = await CooperationSearchQuery.Apply(db, CooperationQueries.Published(db), filter with { States = [Bavaria] }, 2026).CountAsync();
            Assert.Equal(bavaria, counts.State.GetValueOrDefault("DE-bayern"));
            if (filter == CooperationFilter.None) Assert.True(bavaria > 0 && austria > 0);
        }
    }

    /// <summary>
    /// The statements a cache miss of the map data, the facets and the validators runs unfiltered read the listings' few
    /// columns from the indexes (Data/Migrations/…PublicReadsCoveringIndex), never from the table with its texts.
    /// </summary>
    [Fact]
    public async Task Map_points_facets_and_the_data_version_read_the_covering_index_not_the_table()
    {
        await using var db = site.OpenContext();
        var statements = await StatementCounter.StatementsAsync(site.DatabaseName, async () =>
        {
            await foreach (var _ in CooperationQueries.MapPoints(CooperationQueries.Published(db))) { }
            await FacetCounts.CountAsync(db, CooperationFilter.None, 2026);
            await KreativLand.Web.Api.PublicData.DataVersionAsync(db, default);
        });
        // The tag counts' statement carries parameters (the codes), which the command text alone cannot be explained without.
        var plain = statements.Where(s => !s.Contains('@')).ToList();
        Assert.True(plain.Count >= 4, string.Join("\n---\n", statements));
        await db.Database.OpenConnectionAsync();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        // As at 50,000 listings, where reading the table costs far more than the index; a few thousand rows fit in memory either way.
        await using (var off = new NpgsqlCommand("SET enable_seqscan = off", connection)) await off.ExecuteNonQueryAsync();
        foreach (var statement in plain)
        {
            await using var explain = new NpgsqlCommand("EXPLAIN " + statement, connection);
            var plan = string.Join("\n", await ReadLinesAsync(explain));
            // Every read of the listings is index-only (the narrow list index serves where only the id is needed).
            var reads = plan.Split('\n').Where(line => line.Contains(" on cooperations ", StringComparison.Ordinal)).ToList();
            Assert.True(reads.Count > 0 && reads.All(line => line.Contains("Index Only Scan using ix_cooperations_public_reads", StringComparison.Ordinal)
                || line.Contains("Index Only Scan using ix_cooperations_newest", StringComparison.Ordinal)), statement + "\n" + plan);
        }
    }

    [Fact]
    public async Task A_page_of_the_newest_listings_is_read_in_index_order_without_sorting_them_all()
    {
        await using var db = site.OpenContext();
        var command = CooperationSearchQuery.Search(db, CooperationFilter.None, 2026).Skip(40).Take(20).Select(c => c.Id).CreateDbCommand();
        await db.Database.OpenConnectionAsync();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using (var off = new NpgsqlCommand("SET enable_seqscan = off", connection)) await off.ExecuteNonQueryAsync();
        await using var explain = new NpgsqlCommand("EXPLAIN " + command.CommandText, connection);
        foreach (NpgsqlParameter parameter in command.Parameters) explain.Parameters.Add(parameter.Clone());
        var plan = string.Join("\n", await ReadLinesAsync(explain));
        Assert.Contains("using ix_cooperations_newest on cooperations", plan);
        Assert.DoesNotContain("Sort", plan);
    }

    private static async Task<List<string>> ReadLinesAsync(NpgsqlCommand command)
    {
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) lines.Add(reader.GetString(0));
        return lines;
    }
}
