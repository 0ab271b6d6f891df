using KreativLand.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KreativLand.Web.Pages.Cooperations;

public class IndexModel(KreativLandDbContext db) : PageModel
{
    public const int PageSize = 20;

    /// <summary>Page number; out-of-range values are clamped rather than refused.</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public Page<CooperationCard> Results { get; private set; } = new([], 1, PageSize, 0);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Results = await CooperationQueries.PublishedCards(db, PageNumber, PageSize, cancellationToken);
    }
}
