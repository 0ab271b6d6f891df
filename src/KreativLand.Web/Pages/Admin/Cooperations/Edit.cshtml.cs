using KreativLand.Web.Curation;
using KreativLand.Web.Data;
using KreativLand.Web.Domain;
using KreativLand.Web.Import;
using KreativLand.Web.Pages.Admin.Partners;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KreativLand.Web.Pages.Admin.Cooperations;

/// <summary>
/// Creates and edits a listing. The form is the import format's record (so the importer's validator and mapping are the
/// only rules), plus the curator's attestations; rows of partners, quotes, media and images carry a remove box.
/// The page loads and saves the form (<see cref="EditorForm"/>: the form model with its clean-up, beside this page); a
/// published listing's edits go into its pending revision. Status, history and revisions change only through the
/// listing's own methods (<see cref="Cooperation"/>); the review actions are decided in <see cref="ListingReview"/>
/// (shown by Edit.Review.cs), image uploads in Edit.Images.cs.
/// </summary>
public partial class EditModel(KreativLandDbContext db, CooperationImporter importer, TimeProvider clock, IStringLocalizer<SharedResource> L,
    Curation.CuratorMail mail, Media.MediaStore media) : PageModel
{
    /// <summary>The form, bound without a prefix: its fields are named as the record's ("Input.Title.De", "PartnerRows[0].Name").</summary>
    [BindProperty(Name = "")] public EditorForm Form { get; set; } = new();
    /// <summary>The concurrency token the form was loaded with (the listing's, or its pending revision's).</summary>
    [BindProperty] public uint Version { get; set; }
    /// <summary>What the form was loaded from (<see cref="SeenState"/>): after a conflict it tells another curator's changes from this curator's.</summary>
    [BindProperty] public string? Seen { get; set; }
    [BindProperty] public TransitionInput Transition { get; set; } = new();
    /// <summary>The curator has looked at the similar listings and creates a new one anyway.</summary>
    [BindProperty] public bool ConfirmNotDuplicate { get; set; }
    public IReadOnlyList<SimilarListing> Similar { get; private set; } = [];

    /// <summary>
    /// The notice after a redirect. Not a [TempData] property: those are read by every handler of the page, so a live
    /// criteria check still on its way when a save redirects would take the notice before the page shows it.
    /// </summary>
    public string? Message { get; private set; }
    /// <summary>Further notices of the last save (partner changes held for review), already in the page's language.</summary>
    public IReadOnlyList<string> Notices { get; private set; } = [];

    private const string MessageKey = "Editor.Message";
    private const string NoticesKey = "Editor.Notices";

    private void NoticeForNextPage(string message, IEnumerable<string>? notices = null)
    {
        TempData[MessageKey] = message;
        if (notices?.ToList() is { Count: > 0 } list) TempData[NoticesKey] = string.Join('\n', list);
    }

    public int? Id { get; private set; }
    public CooperationStatus Status { get; private set; } = CooperationStatus.Draft;
    public string? StoredSlug { get; private set; }
    /// <summary>The stored listing's version (for the workflow form; <see cref="Version"/> may be the revision's).</summary>
    public uint ListingVersion { get; private set; }
    /// <summary>The contact of a public submission (never public) and the curator the listing is assigned to.</summary>
    public string? SubmitterEmail { get; private set; }
    public string? AssignedTo { get; private set; }
    /// <summary>Who wrote the current content: under the four-eyes rule someone else publishes it.</summary>
    public string? LastEditedBy { get; private set; }
    /// <summary>When the current content was written (an approved revision: when its author saved it; status changes do not count).</summary>
    public DateTimeOffset? LastEditedAt { get; private set; }
    public bool FourEyes { get; private set; }
    public IReadOnlyList<CriterionResult> Criteria { get; private set; } = [];
    public IReadOnlyList<FormProblem> Problems { get; private set; } = [];
    /// <summary>The messages of each field with problems, by field id (shown beside the field, <see cref="FieldProblemsTagHelper"/>).</summary>
    public FieldProblems FieldProblems => new(Problems.Where(p => p.FieldId is not null).GroupBy(p => p.FieldId!)
        .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(p => p.Message).ToList(), StringComparer.Ordinal));
    /// <summary>Set after a refused save: how the stored listing differs from this form.</summary>
    public IReadOnlyList<FieldChange>? Conflict { get; private set; }
    /// <summary>
    /// After a refused save, when the form said what it was loaded from: the conflict's fields another curator changed
    /// meanwhile, with who did (every one, in order; empty when the data does not say); the other rows are this curator's own edits.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? ChangedMeanwhile { get; private set; }
    /// <summary>After a refused save: the status another curator set since the form was loaded (who and when, if recorded).</summary>
    public StatusMeanwhile? StatusChangedMeanwhile { get; private set; }
    public sealed record StatusMeanwhile(CooperationStatus From, CooperationStatus To, string? By, DateTimeOffset? At);
    public IReadOnlyList<StatusChange> StatusHistory { get; private set; } = [];
    public IReadOnlyList<AuditEntry> Audit { get; private set; } = [];
    /// <summary>The form shows a pending revision of a published listing (the live version is unchanged).</summary>
    public bool HasRevision { get; private set; }
    public string? RevisionBy { get; private set; }
    public DateTimeOffset? RevisionAt { get; private set; }
    public uint RevisionVersion { get; private set; }
    /// <summary>Live version (Before) against the pending revision (After).</summary>
    public IReadOnlyList<FieldChange> RevisionDiff { get; private set; } = [];
    /// <summary>Known partners of the form's rows by slug: how many listings show them, and whether a change of theirs waits.</summary>
    public IReadOnlyDictionary<string, PartnerUse> KnownPartners { get; private set; } = new Dictionary<string, PartnerUse>();
    /// <param name="Seen">What the page shows of the partner (<see cref="SeenChange"/>), for a row that does not carry it yet.</param>
    public sealed record PartnerUse(int Id, int Listings, int Published, bool ChangePending, string Seen);

    public bool IsAdmin => User.IsInRole(Roles.Admin);
    public bool CriteriaPass => InclusionCriteria.AllPass(Criteria);
    /// <summary>The pending revision was last saved by this curator: discarding it drops their own changes, not another's.</summary>
    public bool OwnRevision => HasRevision && string.Equals(RevisionBy, User.Identity?.Name, StringComparison.OrdinalIgnoreCase);
    /// <summary>The signed-in curator wrote the content to be reviewed (the revision's, else the listing's).</summary>
    public bool OwnWork => FourEyes && string.Equals(HasRevision ? RevisionBy : LastEditedBy, User.Identity?.Name, StringComparison.OrdinalIgnoreCase);

    private Actor Me => Actor.Of(User);

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        Message = TempData[MessageKey] as string;
        Notices = (TempData[NoticesKey] as string)?.Split('\n') ?? [];
        if (id is null)
        {
            await PrepareAsync(null, cancellationToken);
            return Page();
        }
        var cooperation = await EditorQueries.ListingAsync(db, id.Value, tracked: false, cancellationToken);
        if (cooperation is null) return NotFound();
        await ShowStoredAsync(cooperation, cancellationToken);
        return Page();
    }

    /// <summary>The form filled with the stored listing, or with its pending revision when there is one.</summary>
    private async Task ShowStoredAsync(Cooperation cooperation, CancellationToken cancellationToken)
    {
        var shown = CooperationRecords.ToRecord(cooperation);
        Version = cooperation.Version;
        var revision = await EditorQueries.RevisionAsync(db, cooperation.Id, tracked: false, cancellationToken);
        if (revision is not null)
        {
            shown = RevisionContent.Parse(revision.Content).Record;
            Version = revision.Version;
        }
        Form.Fill(shown);
        await PrepareAsync(cooperation, cancellationToken, loadedRevision: (true, revision));
        Seen = SeenState.Write(cooperation.Status, CooperationRecords.Snapshot(shown), Audit, revision);
    }

    /// <summary>Checks the form without saving (the button for browsers without JavaScript; also adds empty rows).</summary>
    public async Task<IActionResult> OnPostPreviewAsync(int? id, CancellationToken cancellationToken)
    {
        var cooperation = id is null ? null : await EditorQueries.ListingAsync(db, id.Value, tracked: false, cancellationToken);
        if (id is not null && cooperation is null) return NotFound();
        var (record, _) = await Form.ToRecordAsync(db, id, PostedKeys, withSlugs: true, cancellationToken);
        Problems = await ProblemsAsync(record, id, cancellationToken);
        if (id is null) Similar = await SimilarAsync(record, cancellationToken);
        await PrepareAsync(cooperation, cancellationToken, record);
        return Page();
    }

    /// <summary>The live checklist: the criteria for the form as it stands, as JSON (DE/EN by the request culture).</summary>
    public async Task<IActionResult> OnPostCriteriaAsync(CancellationToken cancellationToken)
    {
        var (record, _) = await Form.ToRecordAsync(db, null, PostedKeys, withSlugs: false, cancellationToken);
        var results = await ListingCriteria.EvaluateAsync(db, record, cancellationToken);
        return new JsonResult(new
        {
            allPass = InclusionCriteria.AllPass(results),
            criteria = results.Select(r => new
            {
                key = r.Key,
                outcome = Code.Of(r.Outcome),
                label = L[r.LabelKey].Value,
                outcomeLabel = L["Criteria.Outcome." + Code.Of(r.Outcome)].Value,
                reason = CriteriaText.Reason(r, L),
            }),
        });
    }

    public async Task<IActionResult> OnPostSaveAsync(int? id, CancellationToken cancellationToken)
    {
        var cooperation = id is null ? null : await EditorQueries.ListingAsync(db, id.Value, tracked: true, cancellationToken);
        if (id is not null && cooperation is null) return NotFound();

        var (record, nameMatches) = await Form.ToRecordAsync(db, id, PostedKeys, withSlugs: true, cancellationToken);
        Problems = await ProblemsAsync(record, id, cancellationToken);
        if (Problems.Count == 0 && cooperation is null && !ConfirmNotDuplicate)
        {
            // Shown before the first save: the curator confirms it is a different cooperation, or opens the existing one.
            Similar = await SimilarAsync(record, cancellationToken);
        }
        if (Problems.Count == 0 && Similar.Count == 0) Problems = Form.LinkByName(record, nameMatches, L);
        if (Problems.Count == 0 && Similar.Count == 0) Problems = await PartnersOvertakenAsync(record, cancellationToken);
        if (Problems.Count > 0 || Similar.Count > 0)
        {
            await PrepareAsync(cooperation, cancellationToken, record);
            return Page();
        }

        var now = clock.GetUtcNow();
        if (cooperation is { Status: CooperationStatus.Published })
            return await SaveRevisionAsync(cooperation, record, now, cancellationToken);

        var before = cooperation is null ? new SortedDictionary<string, string>() : CooperationRecords.Snapshot(CooperationRecords.ToRecord(cooperation));
        if (cooperation is null)
        {
            cooperation = Cooperation.Create(record.Slug!, CooperationStatus.Draft, Me, now, HistoryEvent.Created);
            db.Cooperations.Add(cooperation);
        }
        else
        {
            // Optimistic concurrency: the update only succeeds if nobody saved since this form was loaded.
            db.Entry(cooperation).Property(c => c.Version).OriginalValue = Version;
        }
        // Shared partners: a change to one that a published listing shows waits for review; the rest apply to every listing.
        var proposals = await importer.ProposePartnerDetailsAsync(record, Me, id, listingPublished: false, cancellationToken);
        await importer.ApplyRecordAsync(record, cooperation, cancellationToken);
        cooperation.RecordEdit(Me, now, CooperationRecords.Diff(before, CooperationRecords.Snapshot(CooperationRecords.ToRecord(cooperation))));

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await EditorQueries.ListingAsync(db, id!.Value, tracked: false, cancellationToken);
            if (current is null) return NotFound();
            var stored = CooperationRecords.Snapshot(CooperationRecords.ToRecord(current));
            Conflict = CooperationRecords.Diff(stored, CooperationRecords.Snapshot(record));
            ModelState.Clear();
            await PrepareAsync(current, cancellationToken, record, keepVersion: true);
            MarkConflict(current, stored, revision: null);
            return Page();
        }
        catch (DbUpdateException exception) when (exception.InnerException is Npgsql.PostgresException { SqlState: "23505" } unique)
        {
            db.ChangeTracker.Clear();
            // Another curator proposed a change to one of the partners at this very moment (a partner has one waiting change):
            // named on its row, as when the proposal came before the save. Otherwise a unique slug taken meanwhile by another save.
            Problems = unique.ConstraintName == PartnerChanges.OnePendingIndex ? await PartnersOvertakenAsync(record, cancellationToken) : [];
            if (Problems.Count == 0) Problems = [new(ValidationText.SlugTaken(record.Slug!, L), EditorFields.IdOf("slug"))];
            await PrepareAsync(id is null ? null : await EditorQueries.ListingAsync(db, id.Value, tracked: false, cancellationToken), cancellationToken, record);
            return Page();
        }
        NoticeForNextPage("Editor.Saved", HeldNotices(proposals));
        return RedirectToPage(new { id = cooperation.Id });
    }

    /// <summary>
    /// The rows that would change a stored partner (the form's details differ from its stored ones) checked against what the
    /// page showed of it (the row's Seen, <see cref="SeenChange"/>), as the partner page checks its own forms: one problem per
    /// row another curator's partner change overtook, naming who and when, so that no waiting proposal or change applied at
    /// once is replaced unseen. Such a row then counts as showing the partner as it is now: saving again replaces it deliberately.
    /// </summary>
    private async Task<List<FormProblem>> PartnersOvertakenAsync(CooperationRecord record, CancellationToken cancellationToken)
    {
        var slugs = record.Partners!.Select(p => p!.Slug).ToList();
        var partners = await db.Partners.AsNoTracking().Where(p => slugs.Contains(p.Slug)).ToDictionaryAsync(p => p.Slug, cancellationToken);
        // Only rows that change a stored partner are checked; most saves change none, and then nothing more is read.
        var changing = record.Partners!.Select((row, index) => (Index: index, Partner: partners.GetValueOrDefault(row!.Slug!), Row: row!))
            .Where(r => r.Partner is not null && PartnerDetails.Diff(r.Partner.Details, CooperationImporter.DetailsOf(r.Row)).Count > 0)
            .Select(r => (r.Index, Partner: r.Partner!)).ToList();
        if (changing.Count == 0) return [];
        var ids = changing.Select(r => r.Partner.Id).ToList();
        var waiting = await db.PartnerChanges.AsNoTracking().Where(c => ids.Contains(c.PartnerId) && c.Status == PartnerChangeStatus.Pending)
            .ToDictionaryAsync(c => c.PartnerId, cancellationToken);
        var problems = new List<FormProblem>();
        foreach (var (index, partner) in changing)
        {
            var pending = waiting.GetValueOrDefault(partner.Id);
            var row = Form.PartnerRows[index];
            if (await SeenChange.OvertakingAsync(db, row.Seen, partner, pending, cancellationToken) is not { } overtaking) continue;
            string message = overtaking switch
            {
                { How: Overtaken.Unreadable } => L["Editor.PartnerSeenUnreadable", partner.Name].Value,
                { How: Overtaken.Proposed } o => L["Editor.PartnerProposedMeanwhile", o.By ?? "", partner.Name, SeenChange.Shown(o.At)].Value,
                { How: Overtaken.Decided } o => L["Editor.PartnerDecidedMeanwhile", partner.Name,
                    L["Partners.Status." + Code.Of(o.Decision), o.By ?? "", SeenChange.Shown(o.At)]].Value,
                { By: { } by } o => L["Editor.PartnerChangedMeanwhile", by, partner.Name, SeenChange.Shown(o.At)].Value,
                _ => L["Editor.PartnerChangedMeanwhileUnnamed", partner.Name].Value,
            };
            problems.Add(new(message, EditorFields.IdOf($"partners[{index}].name")));
            row.Seen = SeenChange.Write(partner, pending);
        }
        return problems;
    }

    /// <summary>"The change to X waits for review: published listings a, b show it."</summary>
    private IEnumerable<string> HeldNotices(IEnumerable<PartnerProposal> proposals) =>
        proposals.Where(p => p.Outcome == PartnerChangeOutcome.Held)
            .Select(p => L["Editor.PartnerChangeHeld", p.Partner.Name, p.PublishedListings.Count == 0 ? "–" : string.Join(", ", p.PublishedListings)].Value);

    /// <summary>Edits of a published listing go into its pending revision; the public version stays as it is.</summary>
    private async Task<IActionResult> SaveRevisionAsync(Cooperation live, CooperationRecord record, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var revision = await EditorQueries.RevisionAsync(db, live.Id, tracked: true, cancellationToken);
        var current = revision?.Version ?? live.Version;
        if (Version == current)
        {
            // Partner details are shared: their changes wait as partner changes, the revision shows them as stored. What was
            // typed is kept for a page drawn again when the write fails.
            var typed = record.Partners!.Select(row => CooperationImporter.DetailsOf(row!)).ToList();
            var proposals = await importer.ProposePartnerDetailsAsync(record, Me, live.Id, listingPublished: true, cancellationToken);
            CooperationImporter.KeepStoredPartnerDetails(record, proposals.ToDictionary(p => p.Partner.Slug, p => p.Partner));
            var changedFromLive = CooperationRecords.ChangedFields(CooperationRecords.ToRecord(live), record).ToList();
            var unchanged = changedFromLive.Count == 0;
            string notice;
            if (unchanged)
            {
                // The form equals the live version: nothing to review (an open revision is withdrawn).
                if (revision is not null) db.CooperationRevisions.Remove(revision);
                notice = "Editor.NoChanges";
            }
            else if (revision is null)
            {
                db.CooperationRevisions.Add(CooperationRevision.Create(live.Id, new RevisionContent(record).Serialize(), changedFromLive, Me, now));
                notice = "Editor.RevisionSaved";
            }
            else
            {
                db.Entry(revision).Property(r => r.Version).OriginalValue = Version;
                revision.Replace(new RevisionContent(record).Serialize(), CooperationRecords.ChangedFields(RevisionContent.Parse(revision.Content).Record, record), Me, now);
                notice = "Editor.RevisionSaved";
            }
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                // Reviewers hear of a new revision once, not of every later save of it.
                if (revision is null && !unchanged) await mail.WaitingAsync(live, "Revision", Me.Name, cancellationToken);
                NoticeForNextPage(notice, HeldNotices(proposals));
                return RedirectToPage(new { id = live.Id });
            }
            catch (DbUpdateException exception)
            {
                // Another curator saved the revision (or created the first one) in the meantime, or proposed a change to one of
                // its partners at this very moment (a partner has one waiting change): that is named on the partner's row, as
                // a proposal made before the save is. Either way the page shows the partner details as typed.
                for (var index = 0; index < typed.Count; index++) CooperationRecords.FillDetails(record.Partners![index]!, typed[index]);
                if (exception.InnerException is Npgsql.PostgresException { SqlState: "23505", ConstraintName: PartnerChanges.OnePendingIndex })
                {
                    db.ChangeTracker.Clear();
                    Problems = await PartnersOvertakenAsync(record, cancellationToken);
                    if (Problems.Count > 0)
                    {
                        await PrepareAsync(await EditorQueries.ListingAsync(db, live.Id, tracked: false, cancellationToken), cancellationToken, record);
                        return Page();
                    }
                }
            }
        }

        db.ChangeTracker.Clear();
        var fresh = await EditorQueries.ListingAsync(db, live.Id, tracked: false, cancellationToken);
        if (fresh is null) return NotFound();
        var stored = await EditorQueries.RevisionAsync(db, live.Id, tracked: false, cancellationToken);
        var storedFields = CooperationRecords.Snapshot(stored is null ? CooperationRecords.ToRecord(fresh) : RevisionContent.Parse(stored.Content).Record);
        Conflict = CooperationRecords.Diff(storedFields, CooperationRecords.Snapshot(record));
        ModelState.Clear();
        await PrepareAsync(fresh, cancellationToken, record, loadedRevision: (true, stored));
        Version = stored?.Version ?? fresh.Version;
        MarkConflict(fresh, storedFields, stored);
        return Page();
    }

    /// <summary>
    /// Marks the conflict against what the form was loaded from (<see cref="Seen"/>): the rows another curator changed,
    /// named by every curator whose save of the pending revision changed that field since the form was loaded (else the
    /// revision's last author), else by every curator whose history entry changed it since, else by the newest history
    /// entry of that field, else by the listing's last editor; and a status set meanwhile, with the history row that set it. Then the form counts as loaded from the stored state, like its
    /// version: saving again overwrites deliberately.
    /// </summary>
    private void MarkConflict(Cooperation fresh, IReadOnlyDictionary<string, string> stored, CooperationRevision? revision)
    {
        IReadOnlyList<string> Who(SeenState seen, string field)
        {
            // A revision's saves leave no history entry: it keeps them itself (none kept for one saved before they were).
            if (revision is not null) return seen.RevisionChangedBy(field, revision) is { Count: > 0 } saved ? saved : [revision.UpdatedBy];
            if (seen.ChangedBy(field, Audit) is { Count: > 0 } since) return since;
            return (Audit.FirstOrDefault(a => a.Changes.Any(c => c.Field == field))?.ChangedBy ?? fresh.LastEditedBy) is { } by ? [by] : [];
        }
        if (SeenState.Read(Seen) is { } seen)
        {
            ChangedMeanwhile = Conflict!.Where(change => seen.Changed(change.Field, stored)).ToDictionary(change => change.Field, change => Who(seen, change.Field));
            if (Code.TryParse<CooperationStatus>(seen.Status, out var from) && from != fresh.Status)
            {
                var set = StatusHistory.FirstOrDefault(s => s.To == fresh.Status && s.From != s.To);
                StatusChangedMeanwhile = new(from, fresh.Status, set?.ChangedBy, set?.ChangedAt);
            }
        }
        Seen = SeenState.Write(fresh.Status, stored, Audit, revision);
    }

    private Task<IReadOnlyList<SimilarListing>> SimilarAsync(CooperationRecord record, CancellationToken cancellationToken) =>
        SimilarListings.FindAsync(db, record.Title?.De ?? record.Title?.En, (record.Partners ?? []).Select(p => p?.Name),
            record.Location?.Latitude, record.Location?.Longitude, publishedOnly: false, cancellationToken);

    /// <summary>
    /// Binding errors and the validator's problems, each with the field that shows it. Binding errors name the posted row
    /// key; it is turned into the row's number on the page shown again (<see cref="EditorFields"/>).
    /// </summary>
    private async Task<List<FormProblem>> ProblemsAsync(CooperationRecord record, int? id, CancellationToken cancellationToken)
    {
        var problems = ModelState.Where(e => e.Value is { Errors.Count: > 0 })
            .SelectMany(e => e.Value!.Errors.Select(error =>
            {
                var path = EditorFields.WithRowNumber(EditorForm.FormKeyToPath(e.Key), Form.RowNumbersShown());
                return new FormProblem($"{ValidationText.Field(path, L)}: {error.ErrorMessage}", EditorFields.IdOf(path));
            })).ToList();
        // "At least two partners" points at the first empty row the page shows after the kept ones.
        problems.AddRange(ImportValidator.RecordProblems(record, media.Exists).Select(problem => new FormProblem(ValidationText.Localize(problem, L),
            problem.Field == "partners" ? EditorFields.IdOf($"partners[{record.Partners?.Count ?? 0}].name") : EditorFields.IdOf(problem.Field))));
        if (record.Slug is { } slug && await db.Cooperations.AnyAsync(c => c.Slug == slug && c.Id != id, cancellationToken))
            problems.Add(new(ValidationText.SlugTaken(slug, L), EditorFields.IdOf("slug")));
        return problems;
    }

    /// <summary>The row keys a list's rows were posted with (its "Index" fields), in order.</summary>
    private IReadOnlyList<string>? PostedKeys(string list) =>
        Request.HasFormContentType && Request.Form.TryGetValue(list + ".Index", out var keys) ? keys.Where(k => k is not null).Select(k => k!).ToList() : null;

    /// <summary>Everything the page shows besides the form: status, checklist, history; and one empty row per list.</summary>
    /// <param name="loadedRevision">The listing's pending revision when the caller has read it already (Loaded), so it is not read twice.</param>
    private async Task PrepareAsync(Cooperation? stored, CancellationToken cancellationToken, CooperationRecord? edited = null, bool keepVersion = false,
        (bool Loaded, CooperationRevision? Value) loadedRevision = default)
    {
        FourEyes = await WorkflowSettings.FourEyesAsync(db, cancellationToken);
        if (stored is not null)
        {
            Id = stored.Id;
            Status = stored.Status;
            StoredSlug = stored.Slug;
            SubmitterEmail = stored.SubmitterEmail;
            AssignedTo = stored.AssignedTo;
            LastEditedBy = stored.LastEditedBy;
            LastEditedAt = stored.LastEditedAt;
            ListingVersion = stored.Version;
            if (keepVersion) Version = stored.Version;
            StatusHistory = await db.StatusChanges.AsNoTracking().Where(s => s.CooperationId == stored.Id).OrderByDescending(s => s.ChangedAt).ThenByDescending(s => s.Id).ToListAsync(cancellationToken);
            Audit = await db.AuditEntries.AsNoTracking().Where(a => a.CooperationId == stored.Id).OrderByDescending(a => a.ChangedAt).ThenByDescending(a => a.Id).Take(50).ToListAsync(cancellationToken);
            if ((loadedRevision.Loaded ? loadedRevision.Value : await EditorQueries.RevisionAsync(db, stored.Id, tracked: false, cancellationToken)) is { } revision)
            {
                HasRevision = true;
                RevisionBy = revision.UpdatedBy;
                RevisionAt = revision.UpdatedAt;
                RevisionVersion = revision.Version;
                RevisionDiff = CooperationRecords.Diff(CooperationRecords.Snapshot(CooperationRecords.ToRecord(stored)),
                    CooperationRecords.Snapshot(RevisionContent.Parse(revision.Content).Record));
            }
        }
        var form = edited ?? Form.Input;
        if (edited is null) form.Attestations ??= Form.Attestations();
        Criteria = await ListingCriteria.EvaluateAsync(db, form, cancellationToken);
        var slugs = Form.KeptPartnerSlugs();
        KnownPartners = (await db.Partners.AsNoTracking().Where(p => slugs.Contains(p.Slug))
            .Select(p => new
            {
                p.Slug, p.Id, p.Version, Listings = p.Cooperations.Count, Published = p.Cooperations.Count(cp => cp.Cooperation.Status == CooperationStatus.Published),
                Pending = db.PartnerChanges.Where(c => c.PartnerId == p.Id && c.Status == PartnerChangeStatus.Pending)
                    .Select(c => new { c.Id, c.Version }).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken))
            .ToDictionary(p => p.Slug, p => new PartnerUse(p.Id, p.Listings, p.Published, p.Pending is not null,
                SeenChange.Write(p.Version, p.Pending?.Id, p.Pending?.Version ?? 0)));
        // A row keeps what it was loaded with (a refused or checked save shows the form again); a newly linked one takes it now.
        foreach (var row in Form.PartnerRows.Where(r => r.Seen is null && r.Slug is not null))
            if (KnownPartners.TryGetValue(row.Slug!, out var use)) row.Seen = use.Seen;
        Form.ShowRowsAgain();
    }
}
