using KreativLand.Web.Curation;
using KreativLand.Web.Domain;
using KreativLand.Web.Import;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace KreativLand.Web.Pages.Admin.Cooperations;

// The editor's review actions: status changes, approving or discarding a pending revision, "checked: still current".
// Each decision carries the version the reviewer saw; a newer one is refused with the current state shown.
public partial class EditModel
{
    /// <summary>A checked destructive status change waiting for the curator's confirmation (the second step without JavaScript).</summary>
    public CooperationStatus? ConfirmTransition { get; private set; }

    public async Task<IActionResult> OnPostTransitionAsync(int id, CancellationToken cancellationToken)
    {
        var cooperation = await LoadAsync(id, tracked: true, cancellationToken);
        if (cooperation is null) return NotFound();
        var review = new ReviewDecision(
            await ListingCriteria.EvaluateAsync(db, CooperationExport.ToRecord(cooperation), cancellationToken),
            await WorkflowSettings.FourEyesAsync(db, cancellationToken), Transition.Override, Transition.Reason, Transition.Version);
        var revisionPending = await db.CooperationRevisions.AnyAsync(r => r.CooperationId == id, cancellationToken);
        var refusal = Code.TryParse<CooperationStatus>(Transition.To, out var to)
            ? cooperation.TransitionTo(to, Me, clock.GetUtcNow(), review, revisionPending)
            : new Refusal("Workflow.NotAllowed");
        if (refusal is not null) return await RefusedAsync("Transition", refusal, id, cancellationToken);
        if (EditorForm.IsDestructive(to) && !Transition.Confirmed)
        {
            // Checked first (a refusal comes before the question), then asked: nothing is stored until confirmed.
            ModelState.Clear();
            ConfirmTransition = to;
            return await StoredPageAsync(id, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        if (to == CooperationStatus.InReview) await mail.WaitingAsync(cooperation, "Review", Me.Name, cancellationToken);
        else await mail.DecidedAsync(cooperation, Transition.Reason, cancellationToken);
        NoticeForNextPage("Status." + Code.Of(to));
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostApproveRevisionAsync(int id, CancellationToken cancellationToken)
    {
        var cooperation = await LoadAsync(id, tracked: true, cancellationToken);
        if (cooperation is null) return NotFound();
        var revision = await RevisionOfAsync(id, cancellationToken, tracked: true);
        if (revision is null) return await RefusedAsync("Revision", new Refusal("Workflow.RevisionGone"), id, cancellationToken);

        var content = RevisionContent.Parse(revision.Content);
        var review = new ReviewDecision(
            await ListingCriteria.EvaluateAsync(db, content.Record, cancellationToken),
            await WorkflowSettings.FourEyesAsync(db, cancellationToken), Transition.Override, Transition.Reason, Transition.Version);
        var before = CooperationExport.Snapshot(CooperationExport.ToRecord(cooperation));
        async Task<IReadOnlyList<FieldChange>> Apply()
        {
            // Partners are linked as stored: changes to their details wait as partner changes of their own.
            await importer.ApplyRecordAsync(content.Record, cooperation, cancellationToken);
            return CooperationExport.Diff(before, CooperationExport.Snapshot(CooperationExport.ToRecord(cooperation)));
        }
        if (await cooperation.ApproveRevisionAsync(revision, Me, clock.GetUtcNow(), review, Apply) is { } refusal)
            return await RefusedAsync("Revision", refusal, id, cancellationToken);
        db.CooperationRevisions.Remove(revision);
        await db.SaveChangesAsync(cancellationToken);
        NoticeForNextPage("Editor.RevisionApproved");
        return RedirectToPage(new { id });
    }

    /// <summary>A published listing checked and still current: it leaves the "due for review" list for another year.</summary>
    public async Task<IActionResult> OnPostReviewedAsync(int id, CancellationToken cancellationToken)
    {
        var cooperation = await db.Cooperations.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (cooperation is null) return NotFound();
        if (cooperation.MarkReviewed(Me, clock.GetUtcNow()) is null)
        {
            await db.SaveChangesAsync(cancellationToken);
            NoticeForNextPage("Editor.ReviewedSaved");
        }
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostDiscardRevisionAsync(int id, CancellationToken cancellationToken)
    {
        var revision = await RevisionOfAsync(id, cancellationToken, tracked: true);
        if (revision is not null)
        {
            db.CooperationRevisions.Remove(revision);
            await db.SaveChangesAsync(cancellationToken);
            NoticeForNextPage("Editor.RevisionDiscarded");
        }
        return RedirectToPage(new { id });
    }

    /// <summary>The page again with the stored state (nothing changed) and why the decision was refused, beside its form.</summary>
    private async Task<IActionResult> RefusedAsync(string where, Refusal refusal, int id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        ModelState.AddModelError(where, CriteriaText.Refusal(refusal, L));
        return await StoredPageAsync(id, cancellationToken);
    }

    /// <summary>The page with the stored listing (and its pending revision in the form); changes of this request are dropped.</summary>
    private async Task<IActionResult> StoredPageAsync(int id, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var cooperation = await LoadAsync(id, tracked: false, cancellationToken);
        if (cooperation is null) return NotFound();
        FillForm(cooperation);
        var revision = await RevisionOfAsync(id, cancellationToken);
        if (revision is not null)
        {
            FillForm(RevisionContent.Parse(revision.Content).Record);
            Version = revision.Version;
        }
        await PrepareAsync(cooperation, cancellationToken, loadedRevision: (true, revision));
        return Page();
    }
}
