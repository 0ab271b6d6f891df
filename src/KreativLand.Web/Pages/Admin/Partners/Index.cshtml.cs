using KreativLand.Web.Data;
using KreativLand.Web.Domain;
using KreativLand.Web.Listings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KreativLand.Web.Pages.Admin.Partners;

/// <summary>The partner area: every organisation with its listings, searchable and paged; and the editor's partner suggestions.</summary>
public class IndexModel(KreativLandDbContext db) : PageModel
{
    public const int PageSize = 50;
    public const int SuggestionCount = 10;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (int)Math.Ceiling(Total / (double)PageSize));

    public sealed record Row(int Id, string Slug, string Name, PartnerKind Kind, string? Municipality, string? CountryCode, string? SubsectorCode,
        int Listings, int Published, bool ChangePending);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var query = Matching(db.Partners.AsNoTracking().Where(p => p.MergedIntoId == null), Q);
        if (Code.TryParse<PartnerKind>(Kind, out var kind)) query = query.Where(p => p.Kind == kind);
        else Kind = null;
        Total = await query.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Rows = await query.OrderBy(p => p.Name).ThenBy(p => p.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(p => new Row(p.Id, p.Slug, p.Name, p.Kind, p.Municipality, p.CountryCode, p.SubsectorCode,
                p.Cooperations.Count, p.Cooperations.Count(c => c.Cooperation.Status == CooperationStatus.Published),
                db.PartnerChanges.Any(c => c.PartnerId == p.Id && c.Status == PartnerChangeStatus.Pending)))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Suggestions for the editor's partner rows: existing partners whose name contains the text, names starting with it first.</summary>
    public async Task<IActionResult> OnGetSuggestAsync(string? q, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(q) || q.Trim().Length < 2) return new JsonResult(Array.Empty<object>());
        var start = LikePatterns.StartingWith(q.Trim());
        var rows = await Matching(db.Partners.AsNoTracking().Where(p => p.MergedIntoId == null), q)
            .OrderBy(p => EF.Functions.ILike(p.Name, start) ? 0 : 1).ThenBy(p => p.Name)
            .Take(SuggestionCount)
            .Select(p => new
            {
                p.Slug, p.Name, p.Kind, p.Website, p.Sector, p.SectorCode, p.Employees, p.SubsectorCode, p.Municipality, p.CountryCode, p.IsUrban, Listings = p.Cooperations.Count,
                p.Version, Pending = db.PartnerChanges.Where(c => c.PartnerId == p.Id && c.Status == PartnerChangeStatus.Pending).Select(c => new { c.Id, c.Version }).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return new JsonResult(rows.Select(p => new
        {
            slug = p.Slug, name = p.Name, kind = Code.Of(p.Kind), website = p.Website, sector = p.Sector, sectorCode = p.SectorCode, employees = p.Employees,
            subsector = p.SubsectorCode, municipality = p.Municipality, country = p.CountryCode, urban = p.IsUrban, listings = p.Listings,
            // The row then carries what it showed of the partner, as a row loaded with it does (SeenChange).
            seen = SeenChange.Write(p.Version, p.Pending?.Id, p.Pending?.Version ?? 0),
            // What the curator reads in the list: name, kind, seat, subsector.
            label = string.Join(" · ", new[]
            {
                p.Name, HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>()["PartnerKind." + Code.Of(p.Kind)].Value,
                string.Join(", ", new[] { p.Municipality, p.CountryCode }.Where(s => !string.IsNullOrEmpty(s))),
                Subsector.Find(p.SubsectorCode)?.Name.InCurrentCulture().Text,
            }.Where(s => !string.IsNullOrEmpty(s))),
        }));
    }

    private static IQueryable<Partner> Matching(IQueryable<Partner> query, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return query;
        var pattern = LikePatterns.Containing(text.Trim());
        return query.Where(p => EF.Functions.ILike(p.Name, pattern) || EF.Functions.ILike(p.Slug, pattern) || EF.Functions.ILike(p.Municipality ?? "", pattern));
    }

}
