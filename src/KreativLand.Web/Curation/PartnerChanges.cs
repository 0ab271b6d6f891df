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
    /// <summary>
    /// A partner has at most one waiting change: a second curator proposing one at the same moment is refused by this
    /// index, as a save of a row another curator changed meanwhile is by its version.
    /// </summary>
    public const string OnePendingIndex = "ix_partner_changes_partner_id";

    /// <param name="editedListing">The listing being saved with this partner: it records the change in its own audit entry.</param>
    /// <param name="editedListingPublished">That listing is published (its edit becomes a revision): the partner is public through it.</param>
    /// <param name="overrideReason">An admin's recorded override (imports): applied at once, with this reason.</param>
    public static async Task<PartnerProposal> ProposeAsync(KreativLandDbContext db, Partner partner, PartnerDetails proposed, Actor actor,
        DateTimeOffset now, CancellationToken cancellationToken, int? editedListing = null, bool editedListingPublished = false, string? overrideReason = null) =>
        (await ProposeAllAsync(db, [(partner, proposed)], actor, now, cancellationToken, editedListing, editedListingPublished, overrideReason))[0];

    /// <summary>
    /// <see cref="ProposeAsync"/> for several partners at once (the rows of one listing): what the rule needs is read in at
    /// most three statements however many partners changed — the published listings showing them, their waiting changes,
    /// and the listings that record a change applied at once — instead of up to three per partner.
    /// </summary>
    public static async Task<IReadOnlyList<PartnerProposal>> ProposeAllAsync(KreativLandDbContext db, IReadOnlyList<(Partner Partner, PartnerDetails Proposed)> rows,
        Actor actor, DateTimeOffset now, CancellationToken cancellationToken, int? editedListing = null, bool editedListingPublished = false,
        string? overrideReason = null)
    {
        var changed = rows.Where(r => PartnerDetails.Diff(r.Partner.Details, r.Proposed).Count > 0).Select(r => r.Partner.Id).Distinct().ToList();
        var published = changed.Count == 0 ? Enumerable.Empty<int>().ToLookup(id => id, id => "") : (await db.CooperationPartners.AsNoTracking()
            .Where(cp => changed.Contains(cp.PartnerId) && cp.Cooperation.Status == CooperationStatus.Published)
            .OrderBy(cp => cp.Cooperation.Slug)
            .Select(cp => new { cp.PartnerId, cp.Cooperation.Slug })
            .ToListAsync(cancellationToken))
            .ToLookup(x => x.PartnerId, x => x.Slug);
        var overridden = overrideReason is not null && actor.IsAdmin;
        bool Held(int partnerId) => (published[partnerId].Any() || editedListingPublished) && !overridden;
        var held = changed.Where(Held).ToList();
        var applied = changed.Where(id => !Held(id) && id != 0).ToList();
        var pending = held.Count == 0 ? [] : await db.PartnerChanges
            .Where(c => held.Contains(c.PartnerId) && c.Status == PartnerChangeStatus.Pending)
            .ToDictionaryAsync(c => c.PartnerId, cancellationToken);
        var showing = applied.Count == 0 ? Enumerable.Empty<int>().ToLookup(id => id, id => (Cooperation)null!) : (await db.CooperationPartners
            .Where(cp => applied.Contains(cp.PartnerId) && cp.CooperationId != editedListing)
            .Select(cp => new { cp.PartnerId, cp.Cooperation })
            .ToListAsync(cancellationToken))
            .ToLookup(x => x.PartnerId, x => x.Cooperation);

        var proposals = new List<PartnerProposal>();
        foreach (var (partner, proposed) in rows)
        {
            if (PartnerDetails.Diff(partner.Details, proposed).Count == 0) { proposals.Add(new(partner, PartnerChangeOutcome.Unchanged, [])); continue; }
            var publishedSlugs = published[partner.Id].ToList();
            if (Held(partner.Id))
            {
                // A change proposed earlier in the same unit of work (two records of one import) is not in the database yet.
                var waiting = db.PartnerChanges.Local.FirstOrDefault(c => c.Partner == partner && c.Status == PartnerChangeStatus.Pending)
                    ?? pending.GetValueOrDefault(partner.Id);
                if (waiting is null) db.PartnerChanges.Add(new PartnerChange { Partner = partner, Proposed = proposed, ProposedBy = actor.Name, ProposedAt = now });
                else waiting.Revise(proposed, actor, now);
                proposals.Add(new(partner, PartnerChangeOutcome.Held, publishedSlugs));
                continue;
            }
            var change = PartnerChange.AppliedAtOnce(partner, proposed, actor, now, overrideReason);
            db.PartnerChanges.Add(change);
            if (change.Applied.Count > 0 && partner.Id != 0)
                foreach (var listing in showing[partner.Id]) listing.RecordPartnerChange(partner.Slug, change.Applied, actor.Name, now, HistoryEvent.PartnerChanged, partner.Name);
            proposals.Add(new(partner, PartnerChangeOutcome.Applied, publishedSlugs));
        }
        return proposals;
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
