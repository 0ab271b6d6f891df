using KreativLand.Web.Data;
using KreativLand.Web.Pages.Cooperations;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KreativLand.Web.Pages;

public class IndexModel(KreativLandDbContext db) : PageModel
{
    private const int LatestCount = 6;

    public CooperationQueries.Counts Counts { get; private set; } = new(0, 0, 0);
    public IReadOnlyList<CooperationCard> Latest { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Counts = await CooperationQueries.PublishedCounts(db, cancellationToken);
        Latest = (await CooperationQueries.PublishedCards(db, 1, LatestCount, cancellationToken)).Items;
    }
}
