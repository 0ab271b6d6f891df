using KreativLand.Web.Data;
using KreativLand.Web.Domain;
using KreativLand.Web.Import;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KreativLand.Web.Pages.Admin.Cooperations;

/// <summary>
/// Creates and edits a listing. The form is the import format's record (so the importer's validator and mapping
/// are the only rules), plus the curator's attestations; rows of partners, quotes, media and images carry a remove box.
/// </summary>
public class EditModel(KreativLandDbContext db, CooperationImporter importer, TimeProvider clock, IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty] public ImportCooperation Input { get; set; } = NewRecord();
    [BindProperty] public List<PartnerRow> PartnerRows { get; set; } = [];
    [BindProperty] public List<QuoteRow> QuoteRows { get; set; } = [];
    [BindProperty] public List<MediaRow> MediaRows { get; set; } = [];
    [BindProperty] public List<ImageRow> ImageRows { get; set; } = [];
    [BindProperty] public AttestationInput EconomicBackground { get; set; } = new();
    [BindProperty] public AttestationInput EqualTerms { get; set; } = new();
    [BindProperty] public AttestationInput RegionalEffects { get; set; } = new();
    /// <summary>The concurrency token the form was loaded with.</summary>
    [BindProperty] public uint Version { get; set; }
    [BindProperty] public TransitionInput Transition { get; set; } = new();
    /// <summary>The curator has looked at the similar listings and creates a new one anyway.</summary>
    [BindProperty] public bool ConfirmNotDuplicate { get; set; }
    public IReadOnlyList<Admin.SimilarListing> Similar { get; private set; } = [];

    /// <summary>
    /// The notice after a redirect. Not a [TempData] property: those are read by every handler of the page, so a live
    /// criteria check or preview still on its way when a save redirects would take the notice before the page shows it.
    /// </summary>
    public string? Message { get; private set; }

    private const string MessageKey = "Editor.Message";

    private void NoticeForNextPage(string message) => TempData[MessageKey] = message;

    public int? Id { get; private set; }
    public CooperationStatus Status { get; private set; } = CooperationStatus.Draft;
    public string? StoredSlug { get; private set; }
    /// <summary>The contact of a public submission (never public) and the curator the listing is assigned to.</summary>
    public string? SubmitterEmail { get; private set; }
    public string? AssignedTo { get; private set; }
    public IReadOnlyList<CriterionResult> Criteria { get; private set; } = [];
    public IReadOnlyList<string> Problems { get; private set; } = [];
    /// <summary>Set after a refused save: how the stored listing differs from this form.</summary>
    public IReadOnlyList<FieldChange>? Conflict { get; private set; }
    public IReadOnlyList<StatusChange> StatusHistory { get; private set; } = [];
    public IReadOnlyList<AuditEntry> Audit { get; private set; } = [];
    /// <summary>The form shows a pending revision of a published listing (the live version is unchanged).</summary>
    public bool HasRevision { get; private set; }
    public string? RevisionBy { get; private set; }
    public DateTimeOffset? RevisionAt { get; private set; }
    /// <summary>Live version (Before) against the pending revision (After).</summary>
    public IReadOnlyList<FieldChange> RevisionDiff { get; private set; } = [];
    public bool IsAdmin => User.IsInRole(Roles.Admin);
    public bool CriteriaPass => InclusionCriteria.AllPass(Criteria);

    // A row counts when it is not marked for removal and holds its essential field: defined once for saving and showing.
    public sealed class PartnerRow : ImportPartner { public bool Remove { get; set; } public bool Kept => !Remove && !string.IsNullOrWhiteSpace(Name); }
    public sealed class QuoteRow : ImportQuote { public bool Remove { get; set; } public bool Kept => !Remove && !(IsBlank(Text) && string.IsNullOrWhiteSpace(Person)); }
    public sealed class MediaRow : ImportMedia { public bool Remove { get; set; } public bool Kept => !Remove && !string.IsNullOrWhiteSpace(Url); }
    public sealed class ImageRow : ImportImage { public bool Remove { get; set; } public bool Kept => !Remove && !string.IsNullOrWhiteSpace(Url); }

    public sealed class AttestationInput
    {
        public bool? Confirmed { get; set; }
        public string? Note { get; set; }
        public Attestation ToAttestation() => new(Confirmed, string.IsNullOrWhiteSpace(Note) ? null : Note.Trim());
        public static AttestationInput From(Attestation a) => new() { Confirmed = a.Confirmed, Note = a.Note };
    }

    public sealed class TransitionInput
    {
        public string? To { get; set; }
        public string? Reason { get; set; }
        public bool Override { get; set; }
    }

    /// <summary>What a pending revision holds: the edited record and the attestations.</summary>
    public sealed record RevisionContent(ImportCooperation Record, Attestation EconomicBackground, Attestation EqualTerms, Attestation RegionalEffects)
    {
        private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web);
        public string Serialize() => System.Text.Json.JsonSerializer.Serialize(this, Json);
        public static RevisionContent Parse(string json) => System.Text.Json.JsonSerializer.Deserialize<RevisionContent>(json, Json)!;
    }

    private static ImportCooperation NewRecord() => new()
    {
        Title = new(), Summary = new(), Description = new(),
        Advice = new() { Smes = new(), Creatives = new(), Policy = new() },
        Location = new() { Country = "DE" },
    };

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        Message = TempData[MessageKey] as string;
        if (id is null)
        {
            await PrepareAsync(null, cancellationToken);
            return Page();
        }
        var cooperation = await LoadAsync(id.Value, tracked: false, cancellationToken);
        if (cooperation is null) return NotFound();
        FillForm(cooperation);
        var revision = await RevisionOfAsync(cooperation.Id, cancellationToken);
        if (revision is not null)
        {
            var content = RevisionContent.Parse(revision.Content);
            FillForm(content.Record, content.EconomicBackground, content.EqualTerms, content.RegionalEffects);
            Version = revision.Version;
        }
        await PrepareAsync(cooperation, cancellationToken, loadedRevision: (true, revision));
        return Page();
    }

    private Task<CooperationRevision?> RevisionOfAsync(int cooperationId, CancellationToken cancellationToken, bool tracked = false)
    {
        var query = db.CooperationRevisions.Where(r => r.CooperationId == cooperationId);
        return (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Checks the form without saving (the button for browsers without JavaScript; also adds empty rows).</summary>
    public async Task<IActionResult> OnPostPreviewAsync(int? id, CancellationToken cancellationToken)
    {
        var cooperation = id is null ? null : await LoadAsync(id.Value, tracked: false, cancellationToken);
        if (id is not null && cooperation is null) return NotFound();
        var record = await NormalisedRecordAsync(id, cancellationToken);
        Problems = await ProblemsAsync(record, id, cancellationToken);
        if (id is null) Similar = await SimilarAsync(record, cancellationToken);
        await PrepareAsync(cooperation, cancellationToken, record);
        return Page();
    }

    private Task<IReadOnlyList<Admin.SimilarListing>> SimilarAsync(ImportCooperation record, CancellationToken cancellationToken) =>
        Admin.SimilarListings.FindAsync(db, record.Title?.De ?? record.Title?.En, (record.Partners ?? []).Select(p => p?.Name),
            record.Location?.Latitude, record.Location?.Longitude, publishedOnly: false, cancellationToken);

    /// <summary>The live checklist: the criteria for the form as it stands, as JSON (DE/EN by the request culture).</summary>
    public async Task<IActionResult> OnPostCriteriaAsync(CancellationToken cancellationToken)
    {
        var record = await NormalisedRecordAsync(null, cancellationToken, withSlugs: false);
        var results = await CriteriaOfFormAsync(record, cancellationToken);
        return new JsonResult(new
        {
            allPass = InclusionCriteria.AllPass(results),
            criteria = results.Select(r => new
            {
                key = r.Key,
                outcome = Code.Of(r.Outcome),
                label = L[r.LabelKey].Value,
                outcomeLabel = L["Criteria.Outcome." + Code.Of(r.Outcome)].Value,
                reason = L[r.ReasonKey, r.Arguments].Value,
            }),
        });
    }

    public async Task<IActionResult> OnPostSaveAsync(int? id, CancellationToken cancellationToken)
    {
        var cooperation = id is null ? null : await LoadAsync(id.Value, tracked: true, cancellationToken);
        if (id is not null && cooperation is null) return NotFound();

        var record = await NormalisedRecordAsync(id, cancellationToken);
        Problems = await ProblemsAsync(record, id, cancellationToken);
        if (Problems.Count == 0 && cooperation is null && !ConfirmNotDuplicate)
        {
            // Shown before the first save: the curator confirms it is a different cooperation, or opens the existing one.
            Similar = await SimilarAsync(record, cancellationToken);
        }
        if (Problems.Count > 0 || Similar.Count > 0)
        {
            await PrepareAsync(cooperation, cancellationToken, record);
            return Page();
        }

        var now = clock.GetUtcNow();
        var who = User.Identity!.Name!;
        if (cooperation is { Status: CooperationStatus.Published })
            return await SaveRevisionAsync(cooperation, record, who, now, cancellationToken);

        var before = cooperation is null ? new SortedDictionary<string, string>() : Snapshot(cooperation);
        if (cooperation is null)
        {
            cooperation = new Cooperation { Slug = record.Slug!, Status = CooperationStatus.Draft, CreatedAt = now };
            db.Cooperations.Add(cooperation);
            cooperation.StatusChanges.Add(new StatusChange { To = CooperationStatus.Draft, ChangedBy = who, ChangedAt = now });
        }
        else
        {
            // Optimistic concurrency: the update only succeeds if nobody saved since this form was loaded.
            db.Entry(cooperation).Property(c => c.Version).OriginalValue = Version;
        }
        record.Status = Code.Of(cooperation.Status);
        await importer.ApplyRecordAsync(record, cooperation, cancellationToken);
        cooperation.EconomicBackground = EconomicBackground.ToAttestation();
        cooperation.EqualTerms = EqualTerms.ToAttestation();
        cooperation.RegionalEffects = RegionalEffects.ToAttestation();

        var changes = CooperationExport.Diff(before, Snapshot(cooperation));
        if (changes.Count > 0) cooperation.AuditEntries.Add(new AuditEntry { ChangedBy = who, ChangedAt = now, Changes = changes });

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await LoadAsync(id!.Value, tracked: false, cancellationToken);
            if (current is null) return NotFound();
            Conflict = CooperationExport.Diff(Snapshot(current), SnapshotOfForm(record));
            ModelState.Clear();
            await PrepareAsync(current, cancellationToken, record, keepVersion: true);
            return Page();
        }
        catch (DbUpdateException exception) when (exception.InnerException is Npgsql.PostgresException { SqlState: "23505" })
        {
            // A unique slug taken in the meantime by another save.
            db.ChangeTracker.Clear();
            Problems = [ValidationText.SlugTaken(record.Slug!, L)];
            await PrepareAsync(id is null ? null : await LoadAsync(id.Value, tracked: false, cancellationToken), cancellationToken, record);
            return Page();
        }
        NoticeForNextPage("Editor.Saved");
        return RedirectToPage(new { id = cooperation.Id });
    }

    public async Task<IActionResult> OnPostTransitionAsync(int id, CancellationToken cancellationToken)
    {
        var cooperation = await LoadAsync(id, tracked: true, cancellationToken);
        if (cooperation is null) return NotFound();
        var criteria = await CriteriaAsync(CooperationExport.ToRecord(cooperation), cooperation.EconomicBackground, cooperation.EqualTerms, cooperation.RegionalEffects, cancellationToken);
        var refusal = Code.TryParse<CooperationStatus>(Transition.To, out var to)
            ? Workflow.Refusal(cooperation.Status, to, InclusionCriteria.AllPass(criteria), IsAdmin, Transition.Override, Transition.Reason)
            : "Workflow.NotAllowed";
        if (refusal is null && await db.CooperationRevisions.AnyAsync(r => r.CooperationId == id, cancellationToken)) refusal = "Editor.RevisionPendingRefusal";
        if (refusal is not null)
        {
            ModelState.Clear();
            ModelState.AddModelError("Transition", L[refusal]);
            FillForm(cooperation);
            await PrepareAsync(cooperation, cancellationToken);
            return Page();
        }

        var now = clock.GetUtcNow();
        var overridden = to == CooperationStatus.Published && !InclusionCriteria.AllPass(criteria);
        cooperation.StatusChanges.Add(new StatusChange
        {
            From = cooperation.Status, To = to, ChangedBy = User.Identity!.Name!, ChangedAt = now,
            Reason = string.IsNullOrWhiteSpace(Transition.Reason) ? null : Transition.Reason.Trim(),
            CriteriaOverridden = overridden,
        });
        cooperation.Status = to;
        cooperation.UpdatedAt = now;
        if (to == CooperationStatus.Published)
        {
            cooperation.PublishedAt ??= now;
            cooperation.LastReviewedAt = now;
        }
        await db.SaveChangesAsync(cancellationToken);
        NoticeForNextPage("Status." + Code.Of(to));
        return RedirectToPage(new { id });
    }

    /// <summary>Edits of a published listing go into its pending revision; the public version stays as it is.</summary>
    private async Task<IActionResult> SaveRevisionAsync(Cooperation live, ImportCooperation record, string who, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var revision = await RevisionOfAsync(live.Id, cancellationToken, tracked: true);
        var content = new RevisionContent(record, EconomicBackground.ToAttestation(), EqualTerms.ToAttestation(), RegionalEffects.ToAttestation());
        var current = revision?.Version ?? live.Version;
        var saved = false;
        // The form equals the live version: nothing to review (an open revision is withdrawn).
        var unchanged = CooperationExport.Diff(Snapshot(live), Snapshot(content)).Count == 0;
        if (Version == current && unchanged)
        {
            if (revision is not null)
            {
                db.CooperationRevisions.Remove(revision);
                await db.SaveChangesAsync(cancellationToken);
            }
            NoticeForNextPage("Editor.NoChanges");
            return RedirectToPage(new { id = live.Id });
        }
        if (Version == current)
        {
            if (revision is null)
            {
                db.CooperationRevisions.Add(new CooperationRevision
                {
                    CooperationId = live.Id, Content = content.Serialize(), CreatedBy = who, CreatedAt = now, UpdatedBy = who, UpdatedAt = now,
                });
            }
            else
            {
                db.Entry(revision).Property(r => r.Version).OriginalValue = Version;
                revision.Content = content.Serialize();
                revision.UpdatedBy = who;
                revision.UpdatedAt = now;
            }
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                saved = true;
            }
            catch (DbUpdateException)
            {
                // Another curator saved the revision (or created the first one) in the meantime.
            }
        }
        if (saved)
        {
            NoticeForNextPage("Editor.RevisionSaved");
            return RedirectToPage(new { id = live.Id });
        }

        db.ChangeTracker.Clear();
        var fresh = await LoadAsync(live.Id, tracked: false, cancellationToken);
        if (fresh is null) return NotFound();
        var stored = await RevisionOfAsync(live.Id, cancellationToken);
        var storedSnapshot = stored is null ? Snapshot(fresh) : Snapshot(RevisionContent.Parse(stored.Content));
        Conflict = CooperationExport.Diff(storedSnapshot, SnapshotOfForm(record));
        ModelState.Clear();
        await PrepareAsync(fresh, cancellationToken, record, loadedRevision: (true, stored));
        Version = stored?.Version ?? fresh.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostApproveRevisionAsync(int id, CancellationToken cancellationToken)
    {
        var cooperation = await LoadAsync(id, tracked: true, cancellationToken);
        if (cooperation is null) return NotFound();
        var revision = await RevisionOfAsync(id, cancellationToken, tracked: true);
        if (revision is null || cooperation.Status != CooperationStatus.Published) return RedirectToPage(new { id });

        var content = RevisionContent.Parse(revision.Content);
        var criteriaPass = InclusionCriteria.AllPass(
            await CriteriaAsync(content.Record, content.EconomicBackground, content.EqualTerms, content.RegionalEffects, cancellationToken));
        // Reviewed like a new listing: the same rule as publishing from review.
        if (Workflow.Refusal(CooperationStatus.InReview, CooperationStatus.Published, criteriaPass, IsAdmin, Transition.Override, Transition.Reason) is { } refusal)
        {
            ModelState.Clear();
            ModelState.AddModelError("Revision", L[refusal]);
            FillForm(cooperation);
            FillForm(content.Record, content.EconomicBackground, content.EqualTerms, content.RegionalEffects);
            Version = revision.Version;
            await PrepareAsync(cooperation, cancellationToken, loadedRevision: (true, revision));
            return Page();
        }

        var now = clock.GetUtcNow();
        var who = User.Identity!.Name!;
        var before = Snapshot(cooperation);
        content.Record.Status = Code.Of(CooperationStatus.Published);
        await importer.ApplyRecordAsync(content.Record, cooperation, cancellationToken);
        cooperation.EconomicBackground = content.EconomicBackground;
        cooperation.EqualTerms = content.EqualTerms;
        cooperation.RegionalEffects = content.RegionalEffects;
        cooperation.LastReviewedAt = now;
        var changes = CooperationExport.Diff(before, Snapshot(cooperation));
        if (changes.Count > 0) cooperation.AuditEntries.Add(new AuditEntry { ChangedBy = who, ChangedAt = now, Changes = changes });
        var note = $"revision by {revision.UpdatedBy} approved";
        cooperation.StatusChanges.Add(new StatusChange
        {
            From = CooperationStatus.Published, To = CooperationStatus.Published, ChangedBy = who, ChangedAt = now,
            Reason = string.IsNullOrWhiteSpace(Transition.Reason) ? note : $"{note}: {Transition.Reason.Trim()}",
            CriteriaOverridden = !criteriaPass,
        });
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
        if (cooperation.Status == CooperationStatus.Published)
        {
            var now = clock.GetUtcNow();
            cooperation.LastReviewedAt = now;
            cooperation.StatusChanges.Add(new StatusChange
            {
                From = CooperationStatus.Published, To = CooperationStatus.Published, ChangedBy = User.Identity!.Name!, ChangedAt = now, Reason = "checked: still current",
            });
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

    private Task<Cooperation?> LoadAsync(int id, bool tracked, CancellationToken cancellationToken)
    {
        var query = db.Cooperations.Include(c => c.Partners).ThenInclude(p => p.Partner).AsSplitQuery();
        return (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
    }

    private void FillForm(Cooperation cooperation) =>
        FillForm(CooperationExport.ToRecord(cooperation), cooperation.EconomicBackground, cooperation.EqualTerms, cooperation.RegionalEffects, cooperation.Version);

    private void FillForm(ImportCooperation record, Attestation economic, Attestation equal, Attestation regional, uint? version = null)
    {
        Input = record;
        PartnerRows = (Input.Partners ?? []).Select(p => Copy<PartnerRow, ImportPartner>(p!)).ToList();
        QuoteRows = (Input.Quotes ?? []).Select(q => Copy<QuoteRow, ImportQuote>(q!)).ToList();
        MediaRows = (Input.Media ?? []).Select(m => Copy<MediaRow, ImportMedia>(m!)).ToList();
        ImageRows = (Input.Images ?? []).Select(i => Copy<ImageRow, ImportImage>(i!)).ToList();
        EconomicBackground = AttestationInput.From(economic);
        EqualTerms = AttestationInput.From(equal);
        RegionalEffects = AttestationInput.From(regional);
        if (version is { } token) Version = token;
    }

    private static TRow Copy<TRow, TBase>(TBase source) where TRow : TBase, new()
    {
        var row = new TRow();
        foreach (var property in typeof(TBase).GetProperties()) property.SetValue(row, property.GetValue(source));
        return row;
    }

    /// <summary>
    /// The form as one import record: removed and empty rows dropped and, unless <paramref name="withSlugs"/> is false
    /// (the live checklist needs none), slugs made for new listings and partners.
    /// </summary>
    private async Task<ImportCooperation> NormalisedRecordAsync(int? id, CancellationToken cancellationToken, bool withSlugs = true)
    {
        var record = Input;
        record.Title ??= new(); record.Summary ??= new(); record.Description ??= new();
        record.Advice ??= new();
        record.Location ??= new();
        record.Location.Country = record.Location.Country?.Trim().ToUpperInvariant();
        record.ContactOrigins ??= []; record.RegionValues ??= []; record.PartnerValues ??= [];
        record.Slug = string.IsNullOrWhiteSpace(record.Slug) ? null : record.Slug.Trim();
        if (record.Slug is null && withSlugs && (record.Title.De ?? record.Title.En) is { } title && !string.IsNullOrWhiteSpace(title))
            record.Slug = await FreeSlugAsync(Slugs.From(title), "listing", candidate => db.Cooperations.AnyAsync(c => c.Slug == candidate && c.Id != id, cancellationToken));

        var partners = PartnerRows.Where(p => p.Kept).ToList();
        var names = partners.Where(p => string.IsNullOrWhiteSpace(p.Slug)).Select(p => p.Name!.Trim().ToLower()).ToList();
        // A new row naming an organisation that exists already joins that partner instead of duplicating it.
        var known = withSlugs
            ? await db.Partners.AsNoTracking().Where(p => names.Contains(p.Name.ToLower())).Select(p => new { p.Name, p.Slug }).ToListAsync(cancellationToken)
            : [];
        var taken = new HashSet<string>();
        foreach (var partner in partners)
        {
            if (withSlugs && string.IsNullOrWhiteSpace(partner.Slug))
            {
                partner.Slug = known.FirstOrDefault(k => string.Equals(k.Name, partner.Name!.Trim(), StringComparison.OrdinalIgnoreCase))?.Slug
                    ?? await FreeSlugAsync(Slugs.From(partner.Name!), "partner",
                        async candidate => taken.Contains(candidate) || await db.Partners.AnyAsync(p => p.Slug == candidate, cancellationToken));
            }
            if (partner.Slug is not null) taken.Add(partner.Slug);
            partner.Website = Blank(partner.Website); partner.Sector = Blank(partner.Sector); partner.Subsector = Blank(partner.Subsector);
            partner.Municipality = Blank(partner.Municipality); partner.Country = Blank(partner.Country)?.ToUpperInvariant();
        }
        record.Partners = partners.Cast<ImportPartner?>().ToList();
        record.Quotes = QuoteRows.Where(q => q.Kept).Cast<ImportQuote?>().ToList();
        record.Media = MediaRows.Where(m => m.Kept).Cast<ImportMedia?>().ToList();
        record.Images = ImageRows.Where(i => i.Kept).Cast<ImportImage?>().ToList();
        return record;
    }

    private static bool IsBlank(ImportText? text) => string.IsNullOrWhiteSpace(text?.De) && string.IsNullOrWhiteSpace(text?.En);
    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>The slug, or the first of slug-2, slug-3 … that <paramref name="taken"/> does not report as used.</summary>
    private static async Task<string> FreeSlugAsync(string slug, string fallback, Func<string, Task<bool>> taken)
    {
        if (slug.Length == 0) slug = fallback;
        for (var n = 1; ; n++)
        {
            var suffix = n == 1 ? "" : $"-{n}";
            // The number replaces the end of a slug at full length, so the result stays a valid slug.
            var candidate = slug[..Math.Min(slug.Length, Slugs.MaxLength - suffix.Length)].TrimEnd('-') + suffix;
            if (!await taken(candidate)) return candidate;
        }
    }

    private async Task<List<string>> ProblemsAsync(ImportCooperation record, int? id, CancellationToken cancellationToken)
    {
        var problems = ModelState.Where(e => e.Value is { Errors.Count: > 0 })
            .SelectMany(e => e.Value!.Errors.Select(error => $"{ValidationText.Field(FormKeyToPath(e.Key), L)}: {error.ErrorMessage}")).ToList();
        problems.AddRange(ImportValidator.RecordProblems(record).Select(problem => ValidationText.Localize(problem, L)));
        if (record.Slug is { } slug && await db.Cooperations.AnyAsync(c => c.Slug == slug && c.Id != id, cancellationToken))
            problems.Add(ValidationText.SlugTaken(slug, L));
        foreach (var (name, attestation) in new[] { ("economicBackground", EconomicBackground), ("equalTerms", EqualTerms), ("regionalEffects", RegionalEffects) })
            if (attestation.Note?.Length > 2000) problems.Add(ValidationText.Localize(new ImportProblem("ImportMessage.MaxLength", [$"{name}.note", 2000]), L));
        return problems;
    }

    /// <summary>"Input.Location.Latitude" → "location.latitude", "PartnerRows[0].Employees" → "partners[0].employees".</summary>
    private static string FormKeyToPath(string key)
    {
        var path = key.StartsWith("Input.", StringComparison.Ordinal) ? key["Input.".Length..]
            : key.Replace("PartnerRows", "partners").Replace("QuoteRows", "quotes").Replace("MediaRows", "media").Replace("ImageRows", "images");
        return string.Join('.', path.Split('.').Select(part => part.Length > 0 ? char.ToLowerInvariant(part[0]) + part[1..] : part));
    }

    /// <summary>The criteria of a listing (as edited, stored or revised) with the attestations that go with it.</summary>
    private async Task<IReadOnlyList<CriterionResult>> CriteriaAsync(ImportCooperation record,
        Attestation economic, Attestation equal, Attestation regional, CancellationToken cancellationToken)
    {
        // The population a municipality must stay below in this country: the admins' table, else the default.
        var country = (record.Location?.Country ?? "").ToUpperInvariant();
        var threshold = await db.CountryThresholds.AsNoTracking()
            .Where(t => t.CountryCode == country)
            .Select(t => (int?)t.PopulationThreshold)
            .SingleOrDefaultAsync(cancellationToken) ?? InclusionCriteria.DefaultPopulationThreshold;
        var partners = (record.Partners ?? []).Where(p => p is not null).Select(p => new CriteriaFacts.PartnerFacts(
            p!.Name ?? "?", Code.TryParse<PartnerKind>(p.Kind, out var kind) ? kind : PartnerKind.Other, p.Employees, p.Subsector, p.Urban)).ToList();
        return InclusionCriteria.Evaluate(new CriteriaFacts(partners, record.Location?.Population, record.Location?.Country, threshold, economic, equal, regional));
    }

    /// <summary>The criteria of the form as it stands.</summary>
    private Task<IReadOnlyList<CriterionResult>> CriteriaOfFormAsync(ImportCooperation record, CancellationToken cancellationToken) =>
        CriteriaAsync(record, EconomicBackground.ToAttestation(), EqualTerms.ToAttestation(), RegionalEffects.ToAttestation(), cancellationToken);

    private static SortedDictionary<string, string> Snapshot(Cooperation c) =>
        Flatten(CooperationExport.ToRecord(c), c.EconomicBackground, c.EqualTerms, c.RegionalEffects);

    private static SortedDictionary<string, string> Snapshot(RevisionContent content) =>
        Flatten(content.Record, content.EconomicBackground, content.EqualTerms, content.RegionalEffects);

    private SortedDictionary<string, string> SnapshotOfForm(ImportCooperation record) =>
        Flatten(record, EconomicBackground.ToAttestation(), EqualTerms.ToAttestation(), RegionalEffects.ToAttestation());

    private static SortedDictionary<string, string> Flatten(ImportCooperation record, Attestation economic, Attestation equal, Attestation regional)
    {
        var fields = CooperationExport.Flatten(record,
            ("economicBackground.confirmed", economic.Confirmed?.ToString().ToLowerInvariant()), ("economicBackground.note", economic.Note),
            ("equalTerms.confirmed", equal.Confirmed?.ToString().ToLowerInvariant()), ("equalTerms.note", equal.Note),
            ("regionalEffects.confirmed", regional.Confirmed?.ToString().ToLowerInvariant()), ("regionalEffects.note", regional.Note));
        fields.Remove("status"); // status changes have their own history
        return fields;
    }

    /// <summary>Everything the page shows besides the form: status, checklist, history; and one empty row per list.</summary>
    /// <param name="loadedRevision">The listing's pending revision when the caller has read it already (Loaded), so it is not read twice.</param>
    private async Task PrepareAsync(Cooperation? stored, CancellationToken cancellationToken, ImportCooperation? edited = null, bool keepVersion = false,
        (bool Loaded, CooperationRevision? Value) loadedRevision = default)
    {
        if (stored is not null)
        {
            Id = stored.Id;
            Status = stored.Status;
            StoredSlug = stored.Slug;
            SubmitterEmail = stored.SubmitterEmail;
            AssignedTo = stored.AssignedTo;
            if (keepVersion) Version = stored.Version;
            StatusHistory = await db.StatusChanges.AsNoTracking().Where(s => s.CooperationId == stored.Id).OrderByDescending(s => s.ChangedAt).ThenByDescending(s => s.Id).ToListAsync(cancellationToken);
            Audit = await db.AuditEntries.AsNoTracking().Where(a => a.CooperationId == stored.Id).OrderByDescending(a => a.ChangedAt).ThenByDescending(a => a.Id).Take(50).ToListAsync(cancellationToken);
            if ((loadedRevision.Loaded ? loadedRevision.Value : await RevisionOfAsync(stored.Id, cancellationToken)) is { } revision)
            {
                HasRevision = true;
                RevisionBy = revision.UpdatedBy;
                RevisionAt = revision.UpdatedAt;
                RevisionDiff = CooperationExport.Diff(Snapshot(stored), Snapshot(RevisionContent.Parse(revision.Content)));
            }
        }
        Criteria = await CriteriaOfFormAsync(edited ?? Input, cancellationToken);
        // Kept rows as entered, then one empty row each: without JavaScript that is how a row is added.
        var partners = PartnerRows.Where(p => p.Kept).ToList();
        PartnerRows = partners.Count == 0
            ? [new() { Kind = Code.Of(PartnerKind.Sme) }, new() { Kind = Code.Of(PartnerKind.Cci) }]
            : [.. partners, new PartnerRow()];
        QuoteRows = QuoteRows.Where(q => q.Kept).Append(new QuoteRow()).ToList();
        MediaRows = MediaRows.Where(m => m.Kept).Append(new MediaRow()).ToList();
        ImageRows = ImageRows.Where(i => i.Kept).Append(new ImageRow()).ToList();
        Input.Title ??= new(); Input.Summary ??= new(); Input.Description ??= new();
        Input.Advice ??= new();
        Input.Advice.Smes ??= new(); Input.Advice.Creatives ??= new(); Input.Advice.Policy ??= new();
        Input.Location ??= new();
    }
}
