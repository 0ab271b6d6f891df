using KreativLand.Web.Data;
using KreativLand.Web.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using static KreativLand.Web.Pages.Cooperations.CooperationQueries;

namespace KreativLand.Web.Pages.Cooperations;

public class DetailsModel(KreativLandDbContext db, TimeProvider clock) : PageModel
{
    public Profile Cooperation { get; private set; } = null!;
    public IReadOnlyList<CooperationCard> Related { get; private set; } = [];
    public int CurrentYear => clock.GetUtcNow().Year;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var profile = await CooperationQueries.Published(db)
            .Where(c => c.Slug == slug)
            .Select(c => new Profile(
                c.Id, c.Slug, Text(c.Title), Text(c.Summary), Text(c.Description),
                c.StartYear, c.EndYear, c.Ongoing, c.ContinuousSinceStart,
                c.ContactOrigins, c.RegionValues, c.PartnerValues,
                Text(c.AdviceForSmes), Text(c.AdviceForCreatives), Text(c.AdviceForPolicy),
                c.Quotes, c.Media, c.Images,
                new Profile.Place(c.Location.Municipality, c.Location.Population, c.Location.District, c.Location.Region,
                    c.Location.CountryCode, c.Location.Point.Y, c.Location.Point.X),
                c.Partners.OrderBy(p => p.SortOrder).Select(p => new Profile.PartnerRole(
                    p.Partner.Id, p.Partner.Slug, p.Partner.Name, p.Partner.Kind, Text(p.Role), p.Partner.Website, p.Partner.Sector,
                    p.Partner.Employees, p.Partner.Municipality, p.Partner.IsUrban,
                    p.Partner.Subsector == null ? null : new SubsectorBadge(p.Partner.Subsector.Code, p.Partner.Subsector.NameDe, p.Partner.Subsector.NameEn, p.Partner.Subsector.Colour))).ToList(),
                c.PublishedAt, c.UpdatedAt))
            .SingleOrDefaultAsync(cancellationToken);
        if (profile is null) return NotFound();

        Cooperation = profile;
        Related = await CooperationQueries.PublishedCardsOfPartners(db, profile.Partners.Select(p => p.Id).ToList(), profile.Id, cancellationToken);
        return Page();
    }

    public sealed record Profile(
        int Id, string Slug, LocalizedText Title, LocalizedText Summary, LocalizedText Description,
        int? StartYear, int? EndYear, bool Ongoing, bool? ContinuousSinceStart,
        List<ContactOrigin> ContactOrigins, List<RegionValue> RegionValues, List<PartnerValue> PartnerValues,
        LocalizedText AdviceForSmes, LocalizedText AdviceForCreatives, LocalizedText AdviceForPolicy,
        List<Quote> Quotes, List<MediaLink> Media, List<Image> Images,
        Profile.Place Location, List<Profile.PartnerRole> Partners,
        DateTimeOffset? PublishedAt, DateTimeOffset UpdatedAt)
    {
        public sealed record Place(string Municipality, int? Population, string? District, string? Region, string CountryCode, double Latitude, double Longitude);

        public sealed record PartnerRole(
            int Id, string Slug, string Name, PartnerKind Kind, LocalizedText Role, string? Website, string? Sector,
            int? Employees, string? Municipality, bool? IsUrban, SubsectorBadge? Subsector);

        public bool HasAdvice => !AdviceForSmes.IsEmpty || !AdviceForCreatives.IsEmpty || !AdviceForPolicy.IsEmpty;
    }
}
