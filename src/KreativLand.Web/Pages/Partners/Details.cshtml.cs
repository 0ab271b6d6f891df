using KreativLand.Web.Data;
using KreativLand.Web.Domain;
using KreativLand.Web.Listings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using KreativLand.Web.Infrastructure;

namespace KreativLand.Web.Pages.Partners;

[AcceptsQuery]
public class DetailsModel(KreativLandDbContext db) : PageModel
{
    public PartnerProfile Partner { get; private set; } = null!;
    public IReadOnlyList<CooperationCard> Cooperations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var partner = await CooperationQueries.PublicPartners(db)
            .Where(p => p.Slug == slug)
            .Select(p => new PartnerProfile(p.Id, p.Slug, p.Name, p.Kind, p.Website, p.SectorCode, p.Sector, p.Employees, p.Municipality, p.CountryCode, p.IsUrban,
                p.Subsector == null ? null : new SubsectorBadge(p.Subsector.Code, p.Subsector.NameDe, p.Subsector.NameEn, p.Subsector.Colour)))
            .SingleOrDefaultAsync(cancellationToken);
        if (partner is null)
        {
            // A duplicate merged into another partner: its address leads there for good.
            var mergedInto = await db.Partners.AsNoTracking().Where(p => p.Slug == slug && p.MergedIntoId != null)
                .Join(db.Partners, p => p.MergedIntoId, target => target.Id, (_, target) => target.Slug).SingleOrDefaultAsync(cancellationToken);
            return mergedInto is null ? NotFound() : RedirectToPagePermanent("/Partners/Details", new { slug = mergedInto });
        }

        Partner = partner;
        Cooperations = await CooperationQueries.PublishedCardsOfPartners(db, [partner.Id], exceptCooperationId: 0, cancellationToken);
        return Page();
    }

    public sealed record PartnerProfile(
        int Id, string Slug, string Name, PartnerKind Kind, string? Website, string? SectorCode, string? Sector, int? Employees,
        string? Municipality, string? CountryCode, bool? IsUrban, SubsectorBadge? Subsector);
}
