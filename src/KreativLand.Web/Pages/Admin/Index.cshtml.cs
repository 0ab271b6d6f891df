using KreativLand.Web.Data;
using KreativLand.Web.Domain;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KreativLand.Web.Pages.Admin;

public class IndexModel(KreativLandDbContext db) : PageModel
{
    public IReadOnlyDictionary<CooperationStatus, int> Counts { get; private set; } = new Dictionary<CooperationStatus, int>();
    public IReadOnlyList<ListingRow> Queue { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var counts = await db.Cooperations.AsNoTracking()
            .GroupBy(c => c.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        Counts = Enum.GetValues<CooperationStatus>().ToDictionary(s => s, s => counts.FirstOrDefault(c => c.Status == s)?.Count ?? 0);

        // Submissions first (nobody has looked at them yet), oldest first within each status.
        Queue = await AdminQueries.ToRows(db.Cooperations.AsNoTracking()
                .Where(c => c.Status == CooperationStatus.Submitted || c.Status == CooperationStatus.InReview)
                .OrderBy(c => c.Status == CooperationStatus.Submitted ? 0 : 1).ThenBy(c => c.UpdatedAt))
            .ToListAsync(cancellationToken);
    }
}
