using KreativLand.Web.Data;
using KreativLand.Web.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KreativLand.Web.Pages.Admin.Cooperations;

public class IndexModel(KreativLandDbContext db) : PageModel
{
    public static readonly string[] SortKeys = ["title", "status", "municipality", "updated"];

    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true)] public bool Desc { get; set; }

    public IReadOnlyList<ListingRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var query = AdminQueries.Matching(db.Cooperations.AsNoTracking(), Q);
        if (Code.TryParse<CooperationStatus>(Status, out var status)) query = query.Where(c => c.Status == status);
        else Status = null;
        if (!SortKeys.Contains(Sort)) Sort = "updated";

        IOrderedQueryable<Cooperation> ordered = (Sort, Desc) switch
        {
            ("title", false) => query.OrderBy(c => c.Title.De ?? c.Title.En),
            ("title", true) => query.OrderByDescending(c => c.Title.De ?? c.Title.En),
            ("status", false) => query.OrderBy(c => c.Status),
            ("status", true) => query.OrderByDescending(c => c.Status),
            ("municipality", false) => query.OrderBy(c => c.Location.Municipality),
            ("municipality", true) => query.OrderByDescending(c => c.Location.Municipality),
            (_, false) => query.OrderBy(c => c.UpdatedAt),
            _ => query.OrderByDescending(c => c.UpdatedAt),
        };
        Rows = await AdminQueries.ToRows(ordered.ThenBy(c => c.Slug)).ToListAsync(cancellationToken);
    }

    /// <summary>Clicking the current sort column again reverses it.</summary>
    public bool NextDescending(string key) => Sort == key && !Desc;

    public string? AriaSort(string key) => Sort != key ? null : Desc ? "descending" : "ascending";
}
