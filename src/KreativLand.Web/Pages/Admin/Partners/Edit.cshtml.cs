using KreativLand.Web.Curation;
using KreativLand.Web.Data;
using KreativLand.Web.Domain;
using KreativLand.Web.Import;
using KreativLand.Web.Pages.Admin.Cooperations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KreativLand.Web.Pages.Admin.Partners;

/// <summary>
/// One partner: its details (a change waits for review while a published listing shows it), the waiting change with
/// approve and discard, the listings that show it, its history, and merging it into a duplicate's original.
/// </summary>
public class EditModel(KreativLandDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty] public ImportPartner Input { get; set; } = new();
    [BindProperty] public TransitionInput Review { get; set; } = new();
    /// <summary>The waiting change the page showed (<see cref="SeenChange"/>), posted by each of its forms.</summary>
    [BindProperty] public string? Seen { get; set; }
    /// <summary>The slug of the partner this one duplicates.</summary>
    [BindProperty] public string? MergeInto { get; set; }
    [TempData] public string? Message { get; set; }
    [TempData] public string? MessageDetail { get; set; }

    public Partner Stored { get; private set; } = null!;
    public Partner? MergedInto { get; private set; }
    public PartnerChange? Pending { get; private set; }
    public IReadOnlyList<FieldChange> PendingDiff { get; private set; } = [];
    public IReadOnlyList<PartnerChange> History { get; private set; } = [];
    public IReadOnlyList<ListingRow> Listings { get; private set; } = [];
    public IReadOnlyList<string> Problems { get; private set; } = [];
    public bool FourEyes { get; private set; }
    public bool OwnChange => FourEyes && Pending is not null && string.Equals(Pending.ProposedBy, User.Identity?.Name, StringComparison.OrdinalIgnoreCase);
    public bool IsAdmin => User.IsInRole(Roles.Admin);

    private Actor Me => Actor.Of(User);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        Input = ToInput(Pending?.Proposed ?? Stored.Details);
        Seen = SeenChange.Write(Stored, Pending);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(int id, CancellationToken cancellationToken)
    {
        var partner = await db.Partners.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (partner is null || partner.MergedIntoId is not null) return NotFound();
        // Read tracked: the proposal below revises this same instance, so its version guards the write as well.
        var waiting = await db.PartnerChanges.SingleOrDefaultAsync(c => c.PartnerId == id && c.Status == PartnerChangeStatus.Pending, cancellationToken);
        if (await OvertakenAsync(partner, waiting, Act.Save, cancellationToken) is { } overtaken) return await RefusedAsync(id, overtaken, cancellationToken, keepInput: true);
        Input.Name = Input.Name?.Trim();
        Input.Website = EditorForm.WithScheme(Input.Website.TrimOrNull());
        Input.Country = Input.Country.TrimOrNull()?.ToUpperInvariant();
        var problems = ModelState.Where(e => e.Value is { Errors.Count: > 0 })
            .SelectMany(e => e.Value!.Errors.Select(error => $"{ValidationText.Field(EditorForm.FormKeyToPath(e.Key), L)}: {error.ErrorMessage}")).ToList();
        problems.AddRange(ImportValidator.PartnerProblems(Input).Select(problem => ValidationText.Localize(problem, L)));
        if (problems.Count > 0)
        {
            await LoadAsync(id, cancellationToken);
            Problems = problems;
            return Page();
        }
        var proposal = await PartnerChanges.ProposeAsync(db, partner, CooperationImporter.DetailsOf(Input), Me, clock.GetUtcNow(), cancellationToken);
        if (!await db.SavedUnlessOvertakenAsync(cancellationToken, PartnerChanges.OnePendingIndex)) return await RefusedAsync(id, L["Partners.SaveChangedMeanwhile"], cancellationToken, keepInput: true);
        (Message, MessageDetail) = proposal.Outcome switch
        {
            PartnerChangeOutcome.Held => ("Partners.Held", string.Join(", ", proposal.PublishedListings)),
            PartnerChangeOutcome.Applied => ("Partners.Applied", null),
            _ => ("Editor.NoChanges", null),
        };
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostApproveAsync(int id, CancellationToken cancellationToken)
    {
        var change = await db.PartnerChanges.Include(c => c.Partner)
            .SingleOrDefaultAsync(c => c.PartnerId == id && c.Status == PartnerChangeStatus.Pending, cancellationToken);
        var partner = change?.Partner ?? await db.Partners.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (partner is null) return NotFound();
        if (await OvertakenAsync(partner, change, Act.Decide, cancellationToken) is { } overtaken) return await RefusedAsync(id, overtaken, cancellationToken);
        var refusal = change is null
            ? new Refusal("Workflow.RevisionGone")
            : await PartnerChanges.ApproveAsync(db, change, Me, clock.GetUtcNow(),
                new ReviewDecision([], await WorkflowSettings.FourEyesAsync(db, cancellationToken), Review.Override, Review.Reason), cancellationToken);
        if (refusal is not null) return await RefusedAsync(id, CriteriaText.Refusal(refusal, L), cancellationToken);
        if (!await db.SavedUnlessOvertakenAsync(cancellationToken, PartnerChanges.OnePendingIndex)) return await RefusedAsync(id, L["Partners.ApproveChangedMeanwhile"], cancellationToken);
        Message = "Partners.Approved";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostDiscardAsync(int id, CancellationToken cancellationToken)
    {
        var partner = await db.Partners.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (partner is null) return NotFound();
        var change = await db.PartnerChanges.SingleOrDefaultAsync(c => c.PartnerId == id && c.Status == PartnerChangeStatus.Pending, cancellationToken);
        if (await OvertakenAsync(partner, change, Act.Decide, cancellationToken) is { } overtaken) return await RefusedAsync(id, overtaken, cancellationToken);
        if (change is null) return await RefusedAsync(id, L["Workflow.RevisionGone"], cancellationToken);
        change.Discard(Me, clock.GetUtcNow(), Review.Reason);
        if (!await db.SavedUnlessOvertakenAsync(cancellationToken, PartnerChanges.OnePendingIndex)) return await RefusedAsync(id, L["Partners.DiscardChangedMeanwhile"], cancellationToken);
        Message = "Partners.Discarded";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostMergeAsync(int id, CancellationToken cancellationToken)
    {
        var duplicate = await db.Partners.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (duplicate is null) return NotFound();
        // Merging discards the duplicate's waiting change: only the one the page showed (tracked: the merge discards this instance).
        var waiting = await db.PartnerChanges.SingleOrDefaultAsync(c => c.PartnerId == id && c.Status == PartnerChangeStatus.Pending, cancellationToken);
        if (await OvertakenAsync(duplicate, waiting, Act.Merge, cancellationToken) is { } overtaken) return await RefusedAsync(id, overtaken, cancellationToken);
        var slug = MergeInto?.Trim();
        var target = string.IsNullOrEmpty(slug) ? null : await db.Partners.SingleOrDefaultAsync(p => p.Slug == slug, cancellationToken);
        if (target is null) return await RefusedAsync(id, L["Partners.MergeUnknown", slug ?? ""], cancellationToken);
        if (await PartnerChanges.MergeAsync(db, duplicate, target, Me, clock.GetUtcNow(), cancellationToken) is { } refusal)
            return await RefusedAsync(id, CriteriaText.Refusal(refusal, L), cancellationToken);
        if (!await db.SavedUnlessOvertakenAsync(cancellationToken, PartnerChanges.OnePendingIndex)) return await RefusedAsync(id, L["Partners.MergeChangedMeanwhile"], cancellationToken);
        Message = "Partners.Merged";
        MessageDetail = duplicate.Name;
        return RedirectToPage(new { id = target.Id });
    }

    /// <summary>What a form of the page does; names the refusal's messages ("Partners.MergeOvertaken", …).</summary>
    private enum Act { Save, Decide, Merge }

    /// <summary>
    /// Why a save, decision or merge is refused when the partner is no longer as the page showed it (<see cref="Seen"/>,
    /// checked by <see cref="SeenChange.OvertakingAsync"/>); null when it is as shown.
    /// </summary>
    private async Task<string?> OvertakenAsync(Partner partner, PartnerChange? waiting, Act act, CancellationToken cancellationToken) =>
        await SeenChange.OvertakingAsync(db, Seen, partner, waiting, cancellationToken) switch
        {
            null => null,
            { How: Overtaken.Unreadable } => L["Partners.SeenUnreadable"].Value,
            { How: Overtaken.Proposed } o => L[$"Partners.{act}Overtaken", o.By ?? "", SeenChange.Shown(o.At)].Value,
            { How: Overtaken.Decided } o => L[$"Partners.{act}AfterDecision", L["Partners.Status." + Code.Of(o.Decision), o.By ?? "", SeenChange.Shown(o.At)]].Value,
            { By: { } by } o => L[act == Act.Save ? "Partners.SaveAfterChange" : "Partners.DecideAfterChange", by, SeenChange.Shown(o.At)].Value,
            _ => L[act == Act.Save ? "Partners.SaveAfterChangeUnnamed" : "Partners.DecideAfterChangeUnnamed"].Value,
        };

    /// <summary>
    /// The page again with the reason, as the partner is now: the page counts as showing the current waiting change, so
    /// a second save deliberately replaces it. The details form keeps what the curator typed when <paramref name="keepInput"/>.
    /// </summary>
    private async Task<IActionResult> RefusedAsync(int id, string reason, CancellationToken cancellationToken, bool keepInput = false)
    {
        db.ChangeTracker.Clear();
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        if (!keepInput) Input = ToInput(Pending?.Proposed ?? Stored.Details);
        Seen = SeenChange.Write(Stored, Pending);
        Problems = [reason];
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var partner = await db.Partners.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (partner is null) return false;
        Stored = partner;
        FourEyes = await WorkflowSettings.FourEyesAsync(db, cancellationToken);
        if (partner.MergedIntoId is { } target) MergedInto = await db.Partners.AsNoTracking().SingleOrDefaultAsync(p => p.Id == target, cancellationToken);
        var changes = await db.PartnerChanges.AsNoTracking().Where(c => c.PartnerId == id).OrderByDescending(c => c.ProposedAt).ThenByDescending(c => c.Id).ToListAsync(cancellationToken);
        Pending = changes.FirstOrDefault(c => c.Status == PartnerChangeStatus.Pending);
        if (Pending is not null) PendingDiff = PartnerDetails.Diff(partner.Details, Pending.Proposed);
        History = changes.Where(c => c.Status != PartnerChangeStatus.Pending).ToList();
        Listings = await AdminQueries.ToRows(db.Cooperations.AsNoTracking()
                .Where(c => c.Partners.Any(p => p.PartnerId == id)).OrderBy(c => c.Slug))
            .ToListAsync(cancellationToken);
        return true;
    }

    private static ImportPartner ToInput(PartnerDetails details)
    {
        var input = new ImportPartner();
        CooperationRecords.FillDetails(input, details);
        return input;
    }
}
