using KreativLand.Web.Curation;
using KreativLand.Web.Domain;
using Microsoft.AspNetCore.Mvc;

namespace KreativLand.Web.Pages.Admin.Cooperations;

// The editor's review actions (decided in ListingReview) and how the page shows their outcome: a redirect with a notice,
// or the stored listing again with the refusal beside its form, or the question before a destructive status change.
public partial class EditModel
{
    /// <summary>A checked destructive status change waiting for the curator's confirmation (the second step without JavaScript).</summary>
    public CooperationStatus? ConfirmTransition { get; private set; }

    private ListingReview Review => new(db, importer, clock, mail);

    public async Task<IActionResult> OnPostTransitionAsync(int id, CancellationToken cancellationToken) =>
        await ShowAsync(await Review.TransitionAsync(id, Transition, Me, cancellationToken), id, cancellationToken);

    public async Task<IActionResult> OnPostApproveRevisionAsync(int id, CancellationToken cancellationToken) =>
        await ShowAsync(await Review.ApproveRevisionAsync(id, Transition, Me, cancellationToken), id, cancellationToken);

    public async Task<IActionResult> OnPostReviewedAsync(int id, CancellationToken cancellationToken) =>
        await ShowAsync(await Review.MarkReviewedAsync(id, Me, cancellationToken), id, cancellationToken);

    public async Task<IActionResult> OnPostDiscardRevisionAsync(int id, CancellationToken cancellationToken) =>
        await ShowAsync(await Review.DiscardRevisionAsync(id, Transition, Me, cancellationToken), id, cancellationToken);

    private async Task<IActionResult> ShowAsync(ListingReview.Outcome outcome, int id, CancellationToken cancellationToken)
    {
        switch (outcome)
        {
            case ListingReview.Done done:
                if (done.Notice is not null) NoticeForNextPage(done.Notice);
                return RedirectToPage(new { id });
            case ListingReview.Refused refused:
                // The page again with the stored state (nothing changed) and why the decision was refused, beside its form.
                ModelState.Clear();
                ModelState.AddModelError(refused.Where, CriteriaText.Refusal(refused.Refusal, L));
                return await StoredPageAsync(id, cancellationToken);
            case ListingReview.AskFirst ask:
                ModelState.Clear();
                ConfirmTransition = ask.To;
                return await StoredPageAsync(id, cancellationToken);
            default:
                return NotFound();
        }
    }

    /// <summary>The page with the stored listing (and its pending revision in the form); changes of this request are dropped.</summary>
    private async Task<IActionResult> StoredPageAsync(int id, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var cooperation = await EditorQueries.ListingAsync(db, id, tracked: false, cancellationToken);
        if (cooperation is null) return NotFound();
        await ShowStoredAsync(cooperation, cancellationToken);
        return Page();
    }
}
