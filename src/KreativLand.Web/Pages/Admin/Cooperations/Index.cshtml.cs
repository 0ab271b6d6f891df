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
    /// <summary>The curator's last chosen sort ("title" or "title:desc"), used when an address names none.</summary>
    public const string SortCookie = "kl-listing-sort";

    /// <summary>Bound from the plain query names (q, status, mine, subsector, country, criteria).</summary>
    [BindProperty(SupportsGet = true)] public ListingFilter Filter { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true)] public bool? Desc { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<ListingRow> Rows { get; private set; } = [];
    public IReadOnlyDictionary<int, CriteriaState> Criteria { get; private set; } = new Dictionary<int, CriteriaState>();
    public IReadOnlyList<string> Countries { get; private set; } = [];
    public CriteriaState? CriteriaOf(int id) => Criteria.TryGetValue(id, out var state) ? state : null;
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (int)Math.Ceiling(Total / (double)PageSize));
    public bool Descending => Desc == true;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        RememberOrRecallSort();
        var query = await Filter.ApplyAsync(db, db.Cooperations.AsNoTracking(), User.Identity?.Name, cancellationToken);

        IOrderedQueryable<Cooperation> ordered = (Sort, Descending) switch
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
        var shown = Rows.Select(r => r.Id).ToList();
        Criteria = await Filter.StatesOfAsync(db, shown, cancellationToken);
        Countries = await db.Cooperations.AsNoTracking().Select(c => c.Location.CountryCode).Distinct().OrderBy(c => c).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// A sort chosen in the address is remembered for this browser (a cookie under /admin); an address without one
    /// takes the remembered sort, so the table opens as the curator left it.
    /// </summary>
    private void RememberOrRecallSort()
    {
        if (SortKeys.Contains(Sort))
        {
            Response.Cookies.Append(SortCookie, Descending ? Sort + ":desc" : Sort!, new CookieOptions
            {
                Path = "/", HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = Request.IsHttps, IsEssential = true,
                MaxAge = TimeSpan.FromDays(365),
            });
            return;
        }
        var saved = Request.Cookies[SortCookie]?.Split(':');
        if (saved is [var key, ..] && SortKeys.Contains(key))
        {
            Sort = key;
            Desc ??= saved is [_, "desc"];
        }
        else Sort = "updated";
    }

    private static readonly System.Linq.Expressions.Expression<Func<Cooperation, int>> StatusOrder = c =>
        c.Status == CooperationStatus.Submitted ? 0 : c.Status == CooperationStatus.Draft ? 1 : c.Status == CooperationStatus.InReview ? 2
        : c.Status == CooperationStatus.Published ? 3 : c.Status == CooperationStatus.Rejected ? 4 : 5;

    /// <summary>Clicking the current sort column again reverses it.</summary>
    public bool NextDescending(string key) => Sort == key && !Descending;

    public string? AriaSort(string key) => Sort != key ? null : Descending ? "descending" : "ascending";

    /// <summary>The filter's route values plus the sort and page, for links.</summary>
    public Dictionary<string, string?> Route(string? sort = null, bool? desc = null, int? page = null)
    {
        var values = Filter.RouteValues();
        values["sort"] = sort ?? Sort;
        values["desc"] = (desc ?? Descending) ? "true" : "false";
        if (page is { } p) values["p"] = p.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return values;
    }
}
