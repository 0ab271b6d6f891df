using System.Globalization;
using KreativLand.Web.Data;
using KreativLand.Web.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KreativLand.Web.Pages.Admin;

public class IndexModel(KreativLandDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> L, Curation.CuratorMail mail) : PageModel
{
    public IReadOnlyDictionary<CooperationStatus, int> Counts { get; private set; } = new Dictionary<CooperationStatus, int>();
    public IReadOnlyList<ListingRow> Queue { get; private set; } = [];
    public IReadOnlyList<DueRow> Due { get; private set; } = [];
    public IReadOnlyList<RevisionRow> Revisions { get; private set; } = [];
    public IReadOnlyList<string> Curators { get; private set; } = [];
    public IReadOnlyList<PartnerChangeRow> PartnerChanges { get; private set; } = [];
    public sealed record PartnerChangeRow(int PartnerId, string Name, string ProposedBy, DateTimeOffset ProposedAt);
    [TempData] public string? Message { get; set; }
    public List<string> Problems { get; } = [];

    /// <summary>The queue's filter (the listing table's, without status): in the address, and carried by the bulk form.</summary>
    [BindProperty(SupportsGet = true)] public ListingFilter Filter { get; set; } = new();
    public IReadOnlyDictionary<int, CriteriaState> Criteria { get; private set; } = new Dictionary<int, CriteriaState>();
    public CriteriaState? CriteriaOf(int id) => Criteria.TryGetValue(id, out var state) ? state : null;
    public IReadOnlyList<string> Countries { get; private set; } = [];
    /// <summary>Listings in the queue before the filter.</summary>
    public int QueueTotal { get; private set; }
    [BindProperty] public List<int> Selected { get; set; } = [];
    /// <summary>
    /// The version of each listing as the queue showed it (listing id → version): a listing saved since is refused. Read as
    /// text, so that a value that is no version counts as missing instead of as version 0 ("saved by someone else").
    /// </summary>
    [BindProperty] public Dictionary<int, string> Seen { get; set; } = [];
    [BindProperty] public string? BulkAction { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? Assignee { get; set; }
    /// <summary>Rejecting or archiving was confirmed (by the dialog, or without JavaScript by the second step).</summary>
    [BindProperty] public bool Confirmed { get; set; }
    /// <summary>A checked bulk rejection or archiving waiting for confirmation: how many listings.</summary>
    public int? ConfirmCount { get; private set; }

    public sealed record RevisionRow(int Id, string Slug, LocalizedText Title, string UpdatedBy, DateTimeOffset UpdatedAt);
    public sealed record DueRow(int Id, string Slug, LocalizedText Title, DateTimeOffset? LastReviewedAt);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    /// <summary>Reject, archive or assign several listings of the queue at once; each transition is checked and recorded.</summary>
    public async Task<IActionResult> OnPostBulkAsync(CancellationToken cancellationToken)
    {
        if (Selected.Count == 0) Problems.Add(L["Bulk.NothingSelected"]);
        if (BulkAction is not ("reject" or "archive" or "assign")) Problems.Add(L["Bulk.UnknownAction"]);
        if (BulkAction == "assign" && !string.IsNullOrEmpty(Assignee) && !await db.Users.AnyAsync(u => u.Email == Assignee, cancellationToken)) Problems.Add(L["Bulk.UnknownCurator"]);
        if (Problems.Count > 0)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var listings = await db.Cooperations.Where(c => Selected.Contains(c.Id)).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var actor = Actor.Of(User);
        // Rejecting and archiving need no criteria and no second pair of eyes; the workflow still checks each step.
        var review = new ReviewDecision([], FourEyes: false, Override: false, Reason);
        var newlyAssigned = new List<Cooperation>();
        foreach (var listing in listings)
        {
            // Saved by someone else after the queue was shown (edited, assigned, moved): the curator chose it as it was then.
            // The whole action is refused, naming those listings, and the queue is shown again as it is now with the selection
            // kept: acting on the rest is one click after a look. Acting on the rest at once would leave a mixed result to
            // untangle, while the curator's choice may have depended on the changed one; the other refusals are all or nothing too.
            var shown = Seen.TryGetValue(listing.Id, out var value) && uint.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var version)
                ? version : (uint?)null;
            if (shown is not null && shown != listing.Version)
            {
                Problems.Add($"{listing.Title.InCurrentCulture().Text} ({listing.Slug}): {L["Bulk.ChangedSinceShown"]}");
                continue;
            }
            // Bulk actions are for the queue only; published listings change through their editor.
            if (listing.Status is not (CooperationStatus.Submitted or CooperationStatus.InReview))
            {
                Problems.Add($"{listing.Title.InCurrentCulture().Text} ({listing.Slug}): {L["Bulk.NotInQueue"]}");
                continue;
            }
            // Chosen without the version it was shown with (a page from before versions were carried, an altered or
            // hand-made post): it cannot be checked, so it is refused the same way, as a list to reload.
            if (shown is null)
            {
                Problems.Add($"{listing.Title.InCurrentCulture().Text} ({listing.Slug}): {L["Bulk.ShownVersionMissing"]}");
                continue;
            }
            if (BulkAction == "assign")
            {
                if (!string.IsNullOrEmpty(Assignee) && listing.AssignedTo != Assignee) newlyAssigned.Add(listing);
                listing.AssignTo(string.IsNullOrEmpty(Assignee) ? null : Assignee, actor, now);
                continue;
            }
            var to = BulkAction == "reject" ? CooperationStatus.Rejected : CooperationStatus.Archived;
            if (listing.TransitionTo(to, actor, now, review, revisionPending: false) is { } refusal)
                Problems.Add($"{listing.Title.InCurrentCulture().Text} ({listing.Slug}): {Curation.CriteriaText.Refusal(refusal, L)}");
        }
        if (Problems.Count > 0 || (BulkAction != "assign" && !Confirmed))
        {
            // All or nothing: the selection is shown again with the reasons, or, when every step is allowed, with the
            // question whether to reject or archive them (nothing is stored until confirmed).
            if (Problems.Count == 0) ConfirmCount = listings.Count;
            db.ChangeTracker.Clear();
            await LoadAsync(cancellationToken);
            return Page();
        }
        if (!await db.SavedUnlessOvertakenAsync(cancellationToken))
        {
            // Another curator saved one of the chosen listings between this request's read and its write: nothing is stored.
            Problems.Add(L["Bulk.ChangedMeanwhile"]);
            db.ChangeTracker.Clear();
            await LoadAsync(cancellationToken);
            return Page();
        }
        await mail.AssignedAsync(newlyAssigned, Assignee!, actor, cancellationToken);
        if (BulkAction == "reject")
            foreach (var listing in listings) await mail.DecidedAsync(listing, Reason, cancellationToken);
        Message = listings.Count == 1 ? L["Bulk.DoneOne"] : L["Bulk.Done", listings.Count];
        return RedirectToPage(Filter.RouteValues());
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var counts = await db.Cooperations.AsNoTracking()
            .GroupBy(c => c.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        Counts = Enum.GetValues<CooperationStatus>().ToDictionary(s => s, s => counts.FirstOrDefault(c => c.Status == s)?.Count ?? 0);

        // Submissions first (nobody has looked at them yet), oldest first within each status.
        var queue = db.Cooperations.AsNoTracking().Where(c => c.Status == CooperationStatus.Submitted || c.Status == CooperationStatus.InReview);
        QueueTotal = await queue.CountAsync(cancellationToken);
        // The queue is one status pair: its filter has no status of its own.
        Filter.Status = null;
        queue = await Filter.ApplyAsync(db, queue, User.Identity?.Name, cancellationToken);
        Queue = await AdminQueries.ToRows(queue.OrderBy(c => c.Status == CooperationStatus.Submitted ? 0 : 1).ThenBy(c => c.UpdatedAt))
            .ToListAsync(cancellationToken);
        var shown = Queue.Select(r => r.Id).ToList();
        Criteria = await Filter.StatesOfAsync(db, shown, cancellationToken);
        Countries = await db.Cooperations.AsNoTracking().Select(c => c.Location.CountryCode).Distinct().OrderBy(c => c).ToListAsync(cancellationToken);

        // Edits of published listings wait here, reviewed like new listings.
        Revisions = await db.CooperationRevisions.AsNoTracking()
            .Join(db.Cooperations, r => r.CooperationId, c => c.Id, (r, c) => new { r, c })
            .OrderBy(x => x.r.UpdatedAt)
            .Select(x => new RevisionRow(x.c.Id, x.c.Slug, KreativLand.Web.Listings.CooperationQueries.Text(x.c.Title), x.r.UpdatedBy, x.r.UpdatedAt))
            .ToListAsync(cancellationToken);

        Due = await Curation.ReviewDue.Listings(db.Cooperations.AsNoTracking(), clock.GetUtcNow())
            .Select(c => new DueRow(c.Id, c.Slug, KreativLand.Web.Listings.CooperationQueries.Text(c.Title), c.LastReviewedAt ?? c.PublishedAt))
            .ToListAsync(cancellationToken);

        // Changes to partners that published listings show wait here, like revisions.
        PartnerChanges = await db.PartnerChanges.AsNoTracking()
            .Where(c => c.Status == PartnerChangeStatus.Pending)
            .OrderBy(c => c.ProposedAt)
            .Select(c => new PartnerChangeRow(c.PartnerId, c.Partner.Name, c.ProposedBy, c.ProposedAt))
            .ToListAsync(cancellationToken);

        Curators = await db.Users.AsNoTracking().Where(u => !u.Disabled).OrderBy(u => u.Email).Select(u => u.Email!).ToListAsync(cancellationToken);
    }
}
