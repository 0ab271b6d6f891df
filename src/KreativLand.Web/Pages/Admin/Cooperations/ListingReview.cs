using KreativLand.Web.Curation;
using KreativLand.Web.Data;
using KreativLand.Web.Domain;
using KreativLand.Web.Import;
using Microsoft.EntityFrameworkCore;

namespace KreativLand.Web.Pages.Admin.Cooperations;

/// <summary>A status change or review decision: the target, the reason, an admin's override and the version the reviewer saw.</summary>
public sealed class TransitionInput
{
    public string? To { get; set; }
    public string? Reason { get; set; }
    public bool Override { get; set; }
    public uint? Version { get; set; }
    /// <summary>The curator has confirmed a destructive change (rejected, archived): asked by a dialog, or without JavaScript by a second step.</summary>
    public bool Confirmed { get; set; }
}

/// <summary>
/// The editor's review actions, apart from its form: status changes (publish, reject, archive …), approving or discarding
/// a pending revision, "checked: still current". The listing's own methods decide (<see cref="Cooperation.TransitionTo"/>,
/// <see cref="Cooperation.ApproveRevisionAsync"/>, <see cref="Cooperation.MarkReviewed"/>) and write history and audit;
/// this class reads what they need, stores their result and tells the curators. Each decision carries the version the
/// reviewer saw; a newer one is refused. The editor page (Edit.Review.cs) shows the outcome.
/// </summary>
public sealed class ListingReview(KreativLandDbContext db, CooperationImporter importer, TimeProvider clock, CuratorMail mail)
{
    /// <summary>What became of a decision.</summary>
    public abstract record Outcome;
    /// <summary>Stored; the notice (a resource key) for the next page, if any.</summary>
    public sealed record Done(string? Notice) : Outcome;
    /// <summary>Refused, nothing stored; <paramref name="Where"/> names the form that shows why ("Transition", "Revision").</summary>
    public sealed record Refused(string Where, Refusal Refusal) : Outcome;
    /// <summary>Allowed, but destructive: nothing stored until the curator confirms.</summary>
    public sealed record AskFirst(CooperationStatus To) : Outcome;
    public sealed record NotFound : Outcome;

    /// <summary>Status changes that take a listing out of use: the editor and the queue's bulk actions ask before them.</summary>
    public static bool IsDestructive(CooperationStatus to) => to is CooperationStatus.Rejected or CooperationStatus.Archived;

    public async Task<Outcome> TransitionAsync(int id, TransitionInput input, Actor me, CancellationToken cancellationToken)
    {
        var cooperation = await EditorQueries.ListingAsync(db, id, tracked: true, cancellationToken);
        if (cooperation is null) return new NotFound();
        var review = new ReviewDecision(
            await ListingCriteria.EvaluateAsync(db, CooperationRecords.ToRecord(cooperation), cancellationToken),
            await WorkflowSettings.FourEyesAsync(db, cancellationToken), input.Override, input.Reason, input.Version);
        var revisionPending = await db.CooperationRevisions.AnyAsync(r => r.CooperationId == id, cancellationToken);
        var refusal = Code.TryParse<CooperationStatus>(input.To, out var to)
            ? cooperation.TransitionTo(to, me, clock.GetUtcNow(), review, revisionPending)
            : new Refusal("Workflow.NotAllowed");
        if (refusal is not null) return new Refused("Transition", refusal);
        // Checked first (a refusal comes before the question), then asked.
        if (IsDestructive(to) && !input.Confirmed) return new AskFirst(to);
        if (!await db.SavedUnlessOvertakenAsync(cancellationToken)) return new Refused("Transition", new Refusal("Workflow.Stale"));
        if (to == CooperationStatus.InReview) await mail.WaitingAsync(cooperation, "Review", me.Name, cancellationToken);
        else await mail.DecidedAsync(cooperation, input.Reason, cancellationToken);
        return new Done("Status." + Code.Of(to));
    }

    public async Task<Outcome> ApproveRevisionAsync(int id, TransitionInput input, Actor me, CancellationToken cancellationToken)
    {
        var cooperation = await EditorQueries.ListingAsync(db, id, tracked: true, cancellationToken);
        if (cooperation is null) return new NotFound();
        var revision = await EditorQueries.RevisionAsync(db, id, tracked: true, cancellationToken);
        if (revision is null) return new Refused("Revision", new Refusal("Workflow.RevisionGone"));

        var content = RevisionContent.Parse(revision.Content);
        var review = new ReviewDecision(
            await ListingCriteria.EvaluateAsync(db, content.Record, cancellationToken),
            await WorkflowSettings.FourEyesAsync(db, cancellationToken), input.Override, input.Reason, input.Version);
        var before = CooperationRecords.Snapshot(CooperationRecords.ToRecord(cooperation));
        async Task<IReadOnlyList<FieldChange>> Apply()
        {
            // Partners are linked as stored: changes to their details wait as partner changes of their own.
            await importer.ApplyRecordAsync(content.Record, cooperation, cancellationToken);
            return CooperationRecords.Diff(before, CooperationRecords.Snapshot(CooperationRecords.ToRecord(cooperation)));
        }
        if (await cooperation.ApproveRevisionAsync(revision, me, clock.GetUtcNow(), review, Apply) is { } refusal)
            return new Refused("Revision", refusal);
        db.CooperationRevisions.Remove(revision);
        if (!await db.SavedUnlessOvertakenAsync(cancellationToken)) return new Refused("Revision", new Refusal("Workflow.RevisionStale"));
        return new Done("Editor.RevisionApproved");
    }

    /// <summary>A published listing checked and still current: it leaves the "due for review" list for another year.</summary>
    public async Task<Outcome> MarkReviewedAsync(int id, Actor me, CancellationToken cancellationToken)
    {
        var cooperation = await db.Cooperations.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (cooperation is null) return new NotFound();
        if (cooperation.MarkReviewed(me, clock.GetUtcNow()) is not null) return new Done(null);
        if (!await db.SavedUnlessOvertakenAsync(cancellationToken)) return new Refused("Transition", new Refusal("Workflow.Stale"));
        return new Done("Editor.ReviewedSaved");
    }

    /// <summary>Drops the pending revision the curator saw (a newer one is refused by the listing) and records it.</summary>
    public async Task<Outcome> DiscardRevisionAsync(int id, TransitionInput input, Actor me, CancellationToken cancellationToken)
    {
        var cooperation = await db.Cooperations.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (cooperation is null) return new NotFound();
        var revision = await EditorQueries.RevisionAsync(db, id, tracked: true, cancellationToken);
        if (revision is null) return new Done(null);
        if (cooperation.DiscardRevision(revision, me, clock.GetUtcNow(), input.Version) is { } refusal) return new Refused("Revision", refusal);
        db.CooperationRevisions.Remove(revision);
        if (!await db.SavedUnlessOvertakenAsync(cancellationToken)) return new Refused("Revision", new Refusal("Workflow.RevisionStale"));
        return new Done("Editor.RevisionDiscarded");
    }
}

/// <summary>What the editor page and its review actions both read: the listing with its partners, and its pending revision.</summary>
public static class EditorQueries
{
    public static Task<Cooperation?> ListingAsync(KreativLandDbContext db, int id, bool tracked, CancellationToken cancellationToken)
    {
        var query = db.Cooperations.Include(c => c.Partners).ThenInclude(p => p.Partner).AsSplitQuery();
        return (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
    }

    public static Task<CooperationRevision?> RevisionAsync(KreativLandDbContext db, int cooperationId, bool tracked, CancellationToken cancellationToken)
    {
        var query = db.CooperationRevisions.Where(r => r.CooperationId == cooperationId);
        return (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync(cancellationToken);
    }
}
