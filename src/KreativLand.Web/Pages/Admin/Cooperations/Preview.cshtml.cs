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
            var before = CooperationRecords.Snapshot(CooperationRecords.ToRecord(cooperation));
            await importer.ApplyRecordAsync(record, cooperation, cancellationToken);
            Diff = CooperationRecords.Diff(before, CooperationRecords.Snapshot(CooperationRecords.ToRecord(cooperation)));
        }

        // Partners a revision would create are not stored: their subsector comes from the seed list, as it will once stored.
        foreach (var link in cooperation.Partners) link.Partner.Subsector ??= Subsector.Find(link.Partner.SubsectorCode);
        var profile = CooperationQueries.ProfileOf(cooperation);
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
}
