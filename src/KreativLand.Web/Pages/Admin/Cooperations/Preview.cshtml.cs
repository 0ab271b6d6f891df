using KreativLand.Web.Data;
using KreativLand.Web.Domain;
using KreativLand.Web.Import;
using KreativLand.Web.Infrastructure;
using KreativLand.Web.Listings;
using KreativLand.Web.Pages.Cooperations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KreativLand.Web.Pages.Admin.Cooperations;

/// <summary>
/// A listing as its public page will show it, for curators: an unpublished listing as stored, or a published one with its
/// pending revision applied (in memory, through the importer's mapping that approval uses; nothing is saved), beside a
/// labelled diff against the live version. Never indexed.
/// </summary>
public class PreviewModel(KreativLandDbContext db, CooperationImporter importer, TimeProvider clock,
    IOptions<MapOptions> map, IOptions<Pages.Embed.EmbedOptions> embed) : PageModel
{
    [BindProperty(SupportsGet = true)] public bool Revision { get; set; }

    public ProfileView View { get; private set; } = null!;
    public CooperationStatus Status { get; private set; }
    public int Id { get; private set; }
    public bool HasRevision { get; private set; }
    /// <summary>Live version (Before) against the pending revision (After), when the revision is shown.</summary>
    public IReadOnlyList<FieldChange> Diff { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var cooperation = await db.Cooperations
            .Include(c => c.Partners).ThenInclude(p => p.Partner).ThenInclude(p => p.Subsector)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (cooperation is null) return NotFound();
        Id = id;
        Status = cooperation.Status;

        var revision = await db.CooperationRevisions.AsNoTracking().SingleOrDefaultAsync(r => r.CooperationId == id, cancellationToken);
        HasRevision = revision is not null;
        if (Revision && revision is null) Revision = false;
        if (Revision)
        {
            var record = RevisionContent.Parse(revision!.Content).Record;
            var before = CooperationExport.Snapshot(CooperationExport.ToRecord(cooperation));
            await importer.ApplyRecordAsync(record, cooperation, cancellationToken);
            Diff = CooperationExport.Diff(before, CooperationExport.Snapshot(CooperationExport.ToRecord(cooperation)));
        }

        var profile = ProfileOf(cooperation);
        // Nothing of the preview is stored: the applied revision and any partner it would create are dropped.
        db.ChangeTracker.Clear();
        var related = await CooperationQueries.PublishedCardsOfPartners(db,
            profile.Partners.Where(p => p.Id != 0).Select(p => p.Id).ToList(), id, cancellationToken);
        View = new ProfileView(profile, related, map.Value, embed.Value.ConsentRequiredFor(map.Value),
            Pages.Embed.EmbedOptions.TileHost(map.Value), clock.GetUtcNow().Year);
        Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    /// <summary>The profile the public page's query would give for this listing once it is public.</summary>
    private static CooperationProfile ProfileOf(Cooperation c) => new(
        c.Id, c.Slug, c.Title, c.Summary, c.Description,
        c.StartYear, c.EndYear, c.Ongoing, c.ContinuousSinceStart,
        c.ContactOrigins, c.RegionValues, c.PartnerValues,
        c.AdviceForSmes, c.AdviceForCreatives, c.AdviceForPolicy,
        c.Quotes, c.Media, c.Images,
        new CooperationProfile.Place(c.Location.Municipality, c.Location.Population, c.Location.District, c.Location.Region,
            c.Location.CountryCode, c.Location.Point.Y, c.Location.Point.X),
        c.Partners.OrderBy(p => p.SortOrder).Select(p =>
        {
            var partner = p.Partner;
            var subsector = partner.Subsector ?? Subsector.Find(partner.SubsectorCode);
            return new CooperationProfile.PartnerRole(partner.Id, partner.Slug, partner.Name, partner.Kind, p.Role, partner.Website,
                partner.SectorCode, partner.Sector, partner.Employees, partner.Municipality, partner.IsUrban,
                subsector is null ? null : new SubsectorBadge(subsector.Code, subsector.NameDe, subsector.NameEn, subsector.Colour));
        }).ToList(),
        c.PublishedAt, c.UpdatedAt, c.Source);
}
