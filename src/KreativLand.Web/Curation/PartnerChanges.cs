using KreativLand.Web.Data;
using KreativLand.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace KreativLand.Web.Curation;

/// <summary>What happened to a proposed change of a stored partner's details.</summary>
public enum PartnerChangeOutcome { Unchanged, Applied, Held }

/// <summary>The outcome and, when held, the published listings that show the partner (named to the curator).</summary>
public sealed record PartnerProposal(Partner Partner, PartnerChangeOutcome Outcome, IReadOnlyList<string> PublishedListings);

/// <summary>
/// Partners are shared between listings, so a change to one changes every listing that shows it. The rule, for the
/// editor, the importer and the partner area alike: a partner no published listing shows changes at once; otherwise the
/// change waits for review (<see cref="PartnerChange"/>) and the public pages stay as they are until it is approved.
/// Every applied change is written to the audit trail of each listing that shows the partner.
/// </summary>
public static class PartnerChanges
{
    /// <param name="editedListing">The listing being saved with this partner: it records the change in its own audit entry.</param>
    /// <param name="editedListingPublished">That listing is published (its edit becomes a revision): the partner is public through it.</param>
    /// <param name="overrideReason">An admin's recorded override (imports): applied at once, with this reason.</param>
    public static async Task<PartnerProposal> ProposeAsync(KreativLandDbContext db, Partner partner, PartnerDetails proposed, Actor actor,
        DateTimeOffset now, CancellationToken cancellationToken, int? editedListing = null, bool editedListingPublished = false, string? overrideReason = null)
    {
        if (PartnerDetails.Diff(partner.Details, proposed).Count == 0) return new(partner, PartnerChangeOutcome.Unchanged, []);
        var published = await db.CooperationPartners.AsNoTracking()
            .Where(cp => cp.PartnerId == partner.Id && cp.Cooperation.Status == CooperationStatus.Published)
            .OrderBy(cp => cp.Cooperation.Slug)
            .Select(cp => cp.Cooperation.Slug)
            .ToListAsync(cancellationToken);
        var overridden = overrideReason is not null && actor.IsAdmin;
        if ((published.Count > 0 || editedListingPublished) && !overridden)
        {
            // A change proposed earlier in the same unit of work (two records of one import) is not in the database yet.
            var pending = db.PartnerChanges.Local.FirstOrDefault(c => c.Partner == partner && c.Status == PartnerChangeStatus.Pending)
                ?? await db.PartnerChanges.SingleOrDefaultAsync(c => c.PartnerId == partner.Id && c.Status == PartnerChangeStatus.Pending, cancellationToken);
            if (pending is null) db.PartnerChanges.Add(new PartnerChange { Partner = partner, Proposed = proposed, ProposedBy = actor.Name, ProposedAt = now });
            else pending.Revise(proposed, actor, now);
            return new(partner, PartnerChangeOutcome.Held, published);
        }
        var change = PartnerChange.AppliedAtOnce(partner, proposed, actor, now, overrideReason);
        db.PartnerChanges.Add(change);
        await RecordOnListingsAsync(db, partner, change.Applied, actor.Name, now, HistoryEvent.PartnerChanged, partner.Name, editedListing, cancellationToken);
        return new(partner, PartnerChangeOutcome.Applied, published);
    }

    /// <summary>Approves a held change (four-eyes rule against its proposer) and records it on every listing showing the partner.</summary>
    public static async Task<Refusal?> ApproveAsync(KreativLandDbContext db, PartnerChange change, Actor actor, DateTimeOffset now, ReviewDecision review,
        CancellationToken cancellationToken)
    {
        if (change.Approve(actor, now, review) is { } refusal) return refusal;
        await RecordOnListingsAsync(db, change.Partner, change.Applied, change.ProposedBy, now, HistoryEvent.PartnerChanged, change.Partner.Name, null, cancellationToken);
        return null;
    }

    /// <summary>
    /// Merges a duplicate into the partner it duplicates: every link moves (a listing that already shows both keeps one),
    /// a waiting change of the duplicate is discarded, and each affected listing records the merge. The duplicate stays
    /// as a record with its history, marked as merged, and its address leads to the other partner.
    /// </summary>
    public static async Task<Refusal?> MergeAsync(KreativLandDbContext db, Partner duplicate, Partner target, Actor actor, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (duplicate.Id == target.Id) return new("Partners.MergeSelf");
        if (duplicate.MergedIntoId is not null || target.MergedIntoId is not null) return new("Partners.MergeMerged");
        var links = await db.CooperationPartners.Include(cp => cp.Cooperation)
            .Where(cp => cp.PartnerId == duplicate.Id).ToListAsync(cancellationToken);
        var listingsWithTarget = await db.CooperationPartners.Where(cp => cp.PartnerId == target.Id).Select(cp => cp.CooperationId).ToListAsync(cancellationToken);
        var detail = $"{duplicate.Name} ({duplicate.Slug}) → {target.Name} ({target.Slug})";
        foreach (var link in links)
        {
            db.CooperationPartners.Remove(link);
            if (!listingsWithTarget.Contains(link.CooperationId))
                db.CooperationPartners.Add(new CooperationPartner { CooperationId = link.CooperationId, PartnerId = target.Id, Role = link.Role, SortOrder = link.SortOrder });
            link.Cooperation.RecordPartnerChange(duplicate.Slug, [new FieldChange("slug", duplicate.Slug, target.Slug)], actor.Name, now, HistoryEvent.PartnersMerged, detail);
        }
        var pending = await db.PartnerChanges.SingleOrDefaultAsync(c => c.PartnerId == duplicate.Id && c.Status == PartnerChangeStatus.Pending, cancellationToken);
        pending?.Discard(actor, now, detail);
        duplicate.MergeInto(target);
        return null;
    }

    private static async Task RecordOnListingsAsync(KreativLandDbContext db, Partner partner, IReadOnlyList<FieldChange> changes, string by,
        DateTimeOffset now, HistoryEvent how, string detail, int? except, CancellationToken cancellationToken)
    {
        if (changes.Count == 0 || partner.Id == 0) return;
        var listings = await db.Cooperations.Where(c => c.Partners.Any(p => p.PartnerId == partner.Id) && c.Id != except).ToListAsync(cancellationToken);
        foreach (var listing in listings) listing.RecordPartnerChange(partner.Slug, changes, by, now, how, detail);
    }
}
