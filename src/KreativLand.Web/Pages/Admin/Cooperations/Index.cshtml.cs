using KreativLand.Web.Data;
using KreativLand.Web.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KreativLand.Web.Pages.Admin.Cooperations;

public class IndexModel(KreativLandDbContext db) : PageModel
{
    public static readonly string[] SortKeys = ["title", "status", "municipality", "updated"];
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true)] public bool Desc { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<ListingRow> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (int)Math.Ceiling(Total / (double)PageSize));

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
            // In workflow order, not alphabetically.
            ("status", false) => query.OrderBy(StatusOrder),
            ("status", true) => query.OrderByDescending(StatusOrder),
            ("municipality", false) => query.OrderBy(c => c.Location.Municipality),
            ("municipality", true) => query.OrderByDescending(c => c.Location.Municipality),
            (_, false) => query.OrderBy(c => c.UpdatedAt),
            _ => query.OrderByDescending(c => c.UpdatedAt),
        };
        Total = await query.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Rows = await AdminQueries.ToRows(ordered.ThenBy(c => c.Slug).Skip((PageNumber - 1) * PageSize).Take(PageSize)).ToListAsync(cancellationToken);
    }

    private static readonly System.Linq.Expressions.Expression<Func<Cooperation, int>> StatusOrder = c =>
        c.Status == CooperationStatus.Submitted ? 0 : c.Status == CooperationStatus.Draft ? 1 : c.Status == CooperationStatus.InReview ? 2
        : c.Status == CooperationStatus.Published ? 3 : c.Status == CooperationStatus.Rejected ? 4 : 5;

    /// <summary>Clicking the current sort column again reverses it.</summary>
    public bool NextDescending(string key) => Sort == key && !Desc;

    public string? AriaSort(string key) => Sort != key ? null : Desc ? "descending" : "ascending";
}
