using KreativLand.Web.Data;
using KreativLand.Web.Listings;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using KreativLand.Web.Infrastructure;

namespace KreativLand.Web.Pages;

/// <summary>The map explorer: filters, the clustered map and the result list, all from the same URL parameters.</summary>
[AcceptsQuery(Filter = true)]
public class IndexModel(KreativLandDbContext db, TimeProvider clock, IOptions<MapOptions> map) : PageModel
{
    /// <summary>The map shows every result; the list beside it the first ones, linking to the paged list for the rest.</summary>
    public const int ListLimit = 200;

    public CooperationQueries.Counts Counts { get; private set; } = new(0, 0, 0);
    public FilterForm Form { get; private set; } = null!;
    public IReadOnlyList<CooperationMapItem> Results { get; private set; } = [];
    public MapOptions Map => map.Value;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var year = clock.GetUtcNow().Year;
        Counts = await CooperationQueries.PublishedCounts(db, cancellationToken);
        Form = await FilterForm.LoadAsync(Request, db, year, cancellationToken);
        // The map loads every marker from the API; the page lists the first ones and takes the total from the counts.
        Results = await CooperationQueries.MapItems(CooperationSearchQuery.Search(db, Form.Filter, year).Take(ListLimit), cancellationToken).ToListAsync(cancellationToken);
        if (Form.Errors.Count > 0) Response.StatusCode = StatusCodes.Status400BadRequest;
    }
}
