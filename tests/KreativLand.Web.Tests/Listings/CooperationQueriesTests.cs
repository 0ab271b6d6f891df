using KreativLand.Web.Domain;
using KreativLand.Web.Listings;
using KreativLand.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KreativLand.Web.Tests.Listings;

/// <summary>
/// The open-data rows and the list's map items stream from one SQL statement each, in the search's order, folding a
/// listing's partner rows into its partners and distinct subsectors. A collection projection (split queries: one
/// statement per collection, every row buffered) fails the statement count.
/// </summary>
public class CooperationQueriesTests(MapDataWebFixture site) : IClassFixture<MapDataWebFixture>
{
    private sealed record Expected(int Id, List<string> Partners, List<string> Subsectors);

    private static async Task<List<Expected>> ExpectedAsync(IQueryable<Cooperation> search)
    {
        var listings = await search.Select(c => new
        {
            c.Id,
            Partners = c.Partners.OrderBy(p => p.SortOrder).Select(p => new { p.Partner.Name, p.Partner.SubsectorCode }).ToList(),
        }).ToListAsync();
        return listings.Select(l => new Expected(l.Id, l.Partners.Select(p => p.Name).ToList(),
            l.Partners.Where(p => p.SubsectorCode != null).Select(p => p.SubsectorCode!).Distinct().ToList())).ToList();
    }

    [Fact]
    public async Task Open_data_rows_stream_from_one_statement_in_the_search_order_with_their_partners()
    {
        await using var db = site.OpenContext();
        var search = CooperationSearchQuery.Search(db, CooperationFilter.None, 2026);
        var expected = await ExpectedAsync(search);
        Assert.Contains(expected, e => e.Partners.Count > 1);
        List<OpenDataRow> rows = [];
        var statements = await StatementCounter.StatementsAsync(site.DatabaseName, async () => rows = await CooperationQueries.OpenDataRows(search).ToListAsync());
        Assert.True(statements.Count == 1, string.Join("\n---\n", statements));
        Assert.Equal(expected, rows.Select(r => new Expected(r.Id, [.. r.Partners], [.. r.Subsectors])), new ExpectedComparer());
    }

    [Fact]
    public async Task Map_items_stream_from_one_statement_in_the_search_order_with_their_partners()
    {
        await using var db = site.OpenContext();
        var search = CooperationSearchQuery.Search(db, CooperationFilter.None, 2026).Skip(1).Take(5);
        var expected = await ExpectedAsync(search);
        Assert.Equal(5, expected.Count);
        List<CooperationMapItem> items = [];
        var statements = await StatementCounter.StatementsAsync(site.DatabaseName, async () => items = await CooperationQueries.MapItems(search).ToListAsync());
        Assert.True(statements.Count == 1, string.Join("\n---\n", statements));
        Assert.Equal(expected, items.Select(i => new Expected(i.Id, [.. i.Partners], [.. i.Subsectors])), new ExpectedComparer());
    }

    /// <summary>A page of cards (home, the list) reads the columns it shows, not every text of every listing.</summary>
    [Fact]
    public async Task Cards_read_only_the_columns_they_show()
    {
        await using var db = site.OpenContext();
        Page<CooperationCard>? page = null;
        var statements = await StatementCounter.StatementsAsync(site.DatabaseName,
            async () => page = await CooperationQueries.Cards(CooperationSearchQuery.Search(db, CooperationFilter.None, 2026), 1, 20));
        Assert.NotEmpty(page!.Items);
        Assert.All(page.Items, card => Assert.False(card.Title.IsEmpty));
        Assert.All(statements, statement => Assert.DoesNotContain("description_de", statement));
    }

    private sealed class ExpectedComparer : IEqualityComparer<Expected>
    {
        public bool Equals(Expected? x, Expected? y) =>
            x is not null && y is not null && x.Id == y.Id && x.Partners.SequenceEqual(y.Partners) && x.Subsectors.SequenceEqual(y.Subsectors);
        public int GetHashCode(Expected obj) => obj.Id;
    }
}
