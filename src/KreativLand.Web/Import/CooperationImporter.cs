using System.Text.Json;
using System.Text.RegularExpressions;
using KreativLand.Web.Curation;
using KreativLand.Web.Data;
using KreativLand.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace KreativLand.Web.Import;

/// <summary>How far an import is: records read, bytes read of the file's length (when known) and the time taken.</summary>
public sealed record ImportProgress(int Records, long BytesRead, long? Length, TimeSpan Elapsed)
{
    public double RecordsPerSecond => Elapsed.TotalSeconds > 0 ? Records / Elapsed.TotalSeconds : 0;
    /// <summary>Estimated from the share of the file read so far; null when the length is unknown.</summary>
    public TimeSpan? TimeLeft => Length is > 0 && BytesRead > 0 ? Elapsed * ((double)(Length.Value - BytesRead) / BytesRead) : null;
}

public sealed record ImportResult(int Created, int Updated, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Errors.Count == 0;
    /// <summary>Records for published listings that became pending revisions (counted in <see cref="Updated"/>).</summary>
    public int Revisions { get; init; }
    /// <summary>Changes to partners that published listings show, held for review.</summary>
    public int HeldPartnerChanges { get; init; }
    public static ImportResult Failed(params string[] errors) => new(0, 0, errors);
}

/// <summary>
/// Who imports, from which file, and an admin's override: with a reason, records for published listings replace them
/// at once instead of becoming revisions, and listings may be created as published (both recorded with the reason).
/// </summary>
public sealed record ImportOptions(Actor Actor, string Source, string? OverrideReason = null)
{
    public bool Override => !string.IsNullOrWhiteSpace(OverrideReason);
}

/// <summary>
/// Reads a file in the import format, validates every record and, only when all are valid and every status change is one
/// the workflow allows, creates or updates the cooperations (matched by slug) and partners (matched by slug) in one
/// transaction. Imports go through the listings' own workflow methods: each imported listing gets a history entry naming
/// who imported it from which file; a record for a published listing becomes a pending revision; changes to partners
/// that published listings show wait for review (<see cref="PartnerChanges"/>).
/// </summary>
/// <param name="media">The store of uploaded images: an image's site path is taken only when it holds that image.</param>
public sealed partial class CooperationImporter(KreativLandDbContext db, TimeProvider clock, Media.MediaStore? media = null)
{
    public const int SupportedFormatVersion = 1;

    private static readonly ImportMessages L = ImportMessages.Current;

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 16,
    };

    /// <summary>The PostgreSQL advisory lock an import holds for its transaction ("KL" "IM" as a number).</summary>
    public const long ImportLockKey = 0x4B4C_494D;

    /// <summary>Records applied and written per step: the change tracker is cleared after each, so memory stays bounded.</summary>
    public const int BatchSize = 500;

    /// <summary>
    /// Imports a file all or nothing. It is read record by record (<see cref="ImportFileReader"/>) and written in batches of
    /// <see cref="BatchSize"/> inside one transaction, so a file of any size needs the memory of one batch; a problem
    /// anywhere rolls everything back. <paramref name="progress"/> hears after each batch. A curator who saves a listing of
    /// the file while the import writes it makes the import fail whole, with a message, for every caller (upload, command line).
    /// </summary>
    public async Task<ImportResult> ImportAsync(Stream json, ImportOptions options, CancellationToken cancellationToken = default,
        IProgress<ImportProgress>? progress = null)
    {
        try
        {
            return await ImportAllOrNothingAsync(json, options, cancellationToken, progress);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The listing's version changed between the import's read and its write; the transaction was rolled back.
            db.ChangeTracker.Clear();
            return ImportResult.Failed(L["ImportMessage.ChangedMeanwhile"]);
        }
    }

    private async Task<ImportResult> ImportAllOrNothingAsync(Stream json, ImportOptions options, CancellationToken cancellationToken,
        IProgress<ImportProgress>? progress)
    {
        if (options.Override && !options.Actor.IsAdmin) return ImportResult.Failed(L["ImportMessage.OverrideAdminOnly"]);
        if (options.OverrideReason?.Trim().Length > Workflow.MaxReasonLength) return ImportResult.Failed(L["Workflow.ReasonTooLong"]);

        // One import at a time, read and written in one transaction: a second import reading while the first writes
        // would create the same slugs twice or link partners the first one is replacing. It is told to try again.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({ImportLockKey}) AS \"Value\"").SingleAsync(cancellationToken))
            return ImportResult.Failed(L["ImportMessage.AnotherImportRunning"]);

        var reader = new ImportFileReader(json, JsonOptions);
        var check = new ImportValidator.FileCheck(media is null ? null : media.Exists);
        var batch = new List<CooperationRecord>(BatchSize);
        var refusals = new List<string>();
        int read = 0, created = 0, updated = 0, revised = 0, held = 0;
        var started = System.Diagnostics.Stopwatch.StartNew();

        async Task WriteBatchAsync()
        {
            var outcome = await ApplyAsync(batch, read - batch.Count, options, cancellationToken);
            (created, updated, revised, held) = (created + outcome.Created, updated + outcome.Updated, revised + outcome.Revisions, held + outcome.HeldPartnerChanges);
            refusals.AddRange(outcome.Errors.Take(Math.Max(0, ImportValidator.MaxListedProblems - refusals.Count)));
            // Written inside the transaction even after a refusal, so later records are checked against the workflow too;
            // the refusal rolls everything back at the end.
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            batch.Clear();
            progress?.Report(new ImportProgress(read, reader.Position, reader.Length, started.Elapsed));
        }

        try
        {
            await foreach (var record in reader.RecordsAsync(cancellationToken))
            {
                // Another format version: its records cannot be read as this one's.
                if (ImportValidator.FileCheck.VersionUnsupported(reader.FormatVersion)) break;
                check.Record(read++, record);
                if (check.HasProblems) { batch.Clear(); continue; }
                batch.Add(record!);
                if (batch.Count == BatchSize) await WriteBatchAsync();
            }
        }
        catch (JsonException exception)
        {
            db.ChangeTracker.Clear();
            return ImportResult.Failed(DescribeJsonError(exception));
        }
        check.Header(reader.FormatVersion, reader.SawCooperations);
        if (check.HasProblems)
        {
            db.ChangeTracker.Clear();
            return new ImportResult(0, 0, check.Problems());
        }
        if (batch.Count > 0) await WriteBatchAsync();
        if (refusals.Count > 0)
        {
            // Nothing is stored when one record is refused (the transaction is rolled back).
            return new ImportResult(created, updated, refusals) { Revisions = revised, HeldPartnerChanges = held };
        }
        await transaction.CommitAsync(cancellationToken);
        return new ImportResult(created, updated, []) { Revisions = revised, HeldPartnerChanges = held };
    }

    public async Task<ImportResult> ImportFileAsync(string path, ImportOptions options, CancellationToken cancellationToken = default,
        IProgress<ImportProgress>? progress = null)
    {
        if (!File.Exists(path)) return ImportResult.Failed(L["ImportMessage.FileNotFound", path]);
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        return await ImportAsync(stream, options, cancellationToken, progress);
    }

    /// <summary>Turns "$.cooperations[2].partners[0].employees" into "record 3: partners[0].employees …".</summary>
    private static string DescribeJsonError(JsonException exception)
    {
        var path = exception.Path ?? "$";
        // The serializer's own message is English and technical: only its kind is passed on.
        var what = exception.Message.Contains("could not be mapped", StringComparison.Ordinal)
            ? "ImportMessage.Json.UnknownField"
            : exception.Message.Contains("could not be converted", StringComparison.Ordinal)
                ? "ImportMessage.Json.WrongType"
                : "ImportMessage.Json.Invalid";
        string Described(string subject)
        {
            var message = L[what, subject];
            return exception.LineNumber is { } line ? L["ImportMessage.Json.AtLine", message, line + 1] : message;
        }
        var match = RecordPath().Match(path);
        if (match.Success)
        {
            var record = int.Parse(match.Groups[1].Value) + 1;
            var field = match.Groups[2].Value.TrimStart('.');
            return $"{L["ImportMessage.Record", record]}: {Described(field.Length > 0 ? field : L["ImportMessage.Json.TheRecord"])}";
        }
        return Described(path.TrimStart('$').TrimStart('.') switch { "" => L["ImportMessage.Json.TheFile"], var p => p });
    }

    [GeneratedRegex(@"^\$\.cooperations\[(\d+)\](.*)$")]
    private static partial Regex RecordPath();

    private async Task<ImportResult> ApplyAsync(List<CooperationRecord> records, int firstIndex, ImportOptions options, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var actor = options.Actor;
        var slugs = records.Select(r => r.Slug!).ToList();
        var existing = await db.Cooperations
            .Include(c => c.Partners).ThenInclude(p => p.Partner)
            .AsSplitQuery()
            .Where(c => slugs.Contains(c.Slug))
            .ToDictionaryAsync(c => c.Slug, cancellationToken);
        var existingIds = existing.Values.Select(c => c.Id).ToList();
        var revisions = await db.CooperationRevisions.Where(r => existingIds.Contains(r.CooperationId)).ToDictionaryAsync(r => r.CooperationId, cancellationToken);

        var partnerSlugs = records.SelectMany(r => r.Partners!).Select(p => p!.Slug!).Distinct().ToList();
        var partners = await db.Partners
            .Where(p => partnerSlugs.Contains(p.Slug))
            .ToDictionaryAsync(p => p.Slug, cancellationToken);
        var thresholds = await ListingCriteria.AdminThresholdsAsync(db, cancellationToken);
        var fourEyes = await WorkflowSettings.FourEyesAsync(db, cancellationToken);
        var source = options.Source;

        var errors = new List<string>();
        int created = 0, updated = 0, revised = 0, held = 0;
        for (var index = 0; index < records.Count; index++)
        {
            var record = records[index];
            string Named(Refusal refusal) => $"{ImportValidator.RecordName(firstIndex + index, record)}: {Describe(refusal)}";
            ReviewDecision Review() => new(ListingCriteria.Evaluate(record, thresholds), fourEyes, options.Override, options.OverrideReason);

            if (!existing.TryGetValue(record.Slug!, out var cooperation))
            {
                var status = record.Status is null ? CooperationStatus.Draft : Code.Parse<CooperationStatus>(record.Status);
                var review = status == CooperationStatus.Published || options.Override ? Review() : null;
                if (Cooperation.CreationRefusal(status, actor, review) is { } refused) { errors.Add(Named(refused)); continue; }
                cooperation = Cooperation.Create(record.Slug!, status, actor, now, HistoryEvent.Imported, source, review);
                db.Cooperations.Add(cooperation);
                existing[cooperation.Slug] = cooperation;
                MapCooperation(record, cooperation, now);
                LinkPartners(record, cooperation, partners);
                created++;
                continue;
            }

            updated++;
            var target = record.Status is null ? cooperation.Status : Code.Parse<CooperationStatus>(record.Status);
            if (cooperation.Status == CooperationStatus.Published && !options.Override)
            {
                // The live version stays until a curator approves the imported one.
                if (target != CooperationStatus.Published) { errors.Add(Named(new Refusal("ImportMessage.PublishedStatusChange", Code.Of(target)))); continue; }
                held += Held(await ProposePartnerDetailsAsync(record, actor, cooperation.Id, listingPublished: true, cancellationToken, partners, now));
                KeepStoredPartnerDetails(record, partners);
                var content = new RevisionContent(record);
                if (revisions.TryGetValue(cooperation.Id, out var revision))
                    revision.Replace(content.Serialize(), CooperationRecords.ChangedFields(RevisionContent.Parse(revision.Content).Record, record), actor, now);
                else db.CooperationRevisions.Add(revisions[cooperation.Id] = CooperationRevision.Create(cooperation.Id, content.Serialize(),
                    CooperationRecords.ChangedFields(CooperationRecords.ToRecord(cooperation), record), actor, now));
                revised++;
                continue;
            }

            held += Held(await ProposePartnerDetailsAsync(record, actor, cooperation.Id, cooperation.Status == CooperationStatus.Published, cancellationToken,
                partners, now, options.Override ? options.OverrideReason : null));
            var before = CooperationRecords.Snapshot(CooperationRecords.ToRecord(cooperation));
            MapCooperation(record, cooperation, now);
            LinkPartners(record, cooperation, partners);
            var changes = CooperationRecords.Diff(before, CooperationRecords.Snapshot(CooperationRecords.ToRecord(cooperation)));
            var how = options.Override && cooperation.Status == CooperationStatus.Published ? HistoryEvent.ImportedOverride : HistoryEvent.Imported;
            cooperation.RecordEdit(actor, now, changes, how, source);
            if (target != cooperation.Status)
            {
                if (cooperation.TransitionTo(target, actor, now, Review(), revisions.ContainsKey(cooperation.Id), HistoryEvent.Imported, source) is { } refusal)
                    errors.Add(Named(refusal));
            }
            else
            {
                cooperation.RecordImport(actor, now, source, how == HistoryEvent.ImportedOverride ? options.OverrideReason!.Trim() : null);
            }
        }
        return new ImportResult(created, updated, errors) { Revisions = revised, HeldPartnerChanges = held };
    }

    /// <summary>A refusal of the workflow in the current UI culture, naming the criteria that failed.</summary>
    private static string Describe(Refusal refusal) => CriteriaText.Refusal(refusal, (key, arguments) => L[key, arguments]);

    /// <summary>
    /// Applies one valid record's content to a (tracked or new) cooperation: texts, tags, place, attestations, and its
    /// partners in order — known ones (by slug) linked as they are stored, new ones created. Status and history are the
    /// caller's (through the listing's workflow methods); changes to a known partner's details go through
    /// <see cref="ProposePartnerDetailsAsync"/> first.
    /// </summary>
    public async Task ApplyRecordAsync(CooperationRecord record, Cooperation cooperation, CancellationToken cancellationToken = default)
    {
        var slugs = record.Partners!.Select(p => p!.Slug!).ToList();
        var partners = await db.Partners.Where(p => slugs.Contains(p.Slug)).ToDictionaryAsync(p => p.Slug, cancellationToken);
        MapCooperation(record, cooperation, clock.GetUtcNow());
        LinkPartners(record, cooperation, partners);
    }

    /// <summary>
    /// For each row naming a known partner whose details differ: the change is applied at once, or held for review when a
    /// published listing shows the partner (<see cref="PartnerChanges"/>). Returns the proposals. The editor saves one record;
    /// an import passes the partners it has read for its whole batch (<paramref name="known"/>, new ones not stored yet).
    /// </summary>
    /// <param name="overrideReason">An admin's recorded override of an import: changes apply at once, with this reason.</param>
    public async Task<IReadOnlyList<PartnerProposal>> ProposePartnerDetailsAsync(CooperationRecord record, Actor actor, int? listingId, bool listingPublished,
        CancellationToken cancellationToken, IReadOnlyDictionary<string, Partner>? known = null, DateTimeOffset? now = null, string? overrideReason = null)
    {
        if (known is null)
        {
            var slugs = record.Partners!.Select(p => p!.Slug!).ToList();
            known = await db.Partners.Where(p => slugs.Contains(p.Slug)).ToDictionaryAsync(p => p.Slug, cancellationToken);
        }
        var rows = record.Partners!.Where(row => known.TryGetValue(row!.Slug!, out var partner) && partner.Id != 0)
            .Select(row => (known[row!.Slug!], DetailsOf(row))).ToList();
        return await PartnerChanges.ProposeAllAsync(db, rows, actor, now ?? clock.GetUtcNow(), cancellationToken, listingId, listingPublished, overrideReason);
    }

    private static int Held(IReadOnlyList<PartnerProposal> proposals) => proposals.Count(p => p.Outcome == PartnerChangeOutcome.Held);

    /// <summary>Rows of known partners show their stored details (a revision's changes to them wait as partner changes).</summary>
    public static void KeepStoredPartnerDetails(CooperationRecord record, IReadOnlyDictionary<string, Partner> partners)
    {
        foreach (var row in record.Partners!)
            if (partners.TryGetValue(row!.Slug!, out var partner) && partner.Id != 0) CooperationRecords.FillDetails(row, partner.Details);
    }

    /// <summary>The record's partners, in its order: known ones (by slug) linked without touching their details, new ones created.</summary>
    private void LinkPartners(CooperationRecord record, Cooperation cooperation, Dictionary<string, Partner> partners)
    {
        cooperation.Partners.Clear();
        var order = 0;
        foreach (var importPartner in record.Partners!)
        {
            if (!partners.TryGetValue(importPartner!.Slug!, out var partner))
            {
                partner = Partner.Create(importPartner.Slug!, DetailsOf(importPartner));
                db.Partners.Add(partner);
                partners[partner.Slug] = partner;
            }
            cooperation.Partners.Add(new CooperationPartner { Partner = partner, Cooperation = cooperation, Role = Text(importPartner.Role), SortOrder = order++ });
        }
    }

    private static void MapCooperation(CooperationRecord record, Cooperation cooperation, DateTimeOffset now)
    {
        cooperation.Title = Text(record.Title);
        cooperation.Summary = Text(record.Summary);
        cooperation.Description = Text(record.Description);
        cooperation.StartYear = record.StartYear;
        cooperation.EndYear = record.EndYear;
        cooperation.Ongoing = record.Ongoing ?? false;
        cooperation.Source = record.Source.TrimOrNull();
        cooperation.ContinuousSinceStart = record.ContinuousSinceStart;
        cooperation.ContactOrigins = Codes<ContactOrigin>(record.ContactOrigins);
        cooperation.RegionValues = Codes<RegionValue>(record.RegionValues);
        cooperation.PartnerValues = Codes<PartnerValue>(record.PartnerValues);
        cooperation.AdviceForSmes = Text(record.Advice?.Smes);
        cooperation.AdviceForCreatives = Text(record.Advice?.Creatives);
        cooperation.AdviceForPolicy = Text(record.Advice?.Policy);
        cooperation.Quotes = (record.Quotes ?? []).Select(q => new Quote { Text = Text(q!.Text), Person = q.Person!.Trim(), Role = q.Role.TrimOrNull() }).ToList();
        cooperation.Media = (record.Media ?? []).Select(m => new MediaLink { Kind = Code.Parse<MediaKind>(m!.Kind!), Url = m.Url!.Trim(), Title = m.Title.TrimOrNull() }).ToList();
        cooperation.Images = (record.Images ?? []).Select(i => new Image { Url = i!.Url!.Trim(), Alt = Text(i.Alt), Credit = i.Credit.TrimOrNull() }).ToList();
        Attestations.Apply(record.Attestations, cooperation);

        var location = record.Location!;
        cooperation.Location = new Location
        {
            Municipality = location.Municipality!.Trim(),
            Population = location.Population,
            District = location.District.TrimOrNull(),
            Region = location.Region.TrimOrNull(),
            CountryCode = location.Country!,
            Point = GeoPoints.Create(location.Longitude!.Value, location.Latitude!.Value),
        };
        cooperation.UpdatedAt = now;
    }

    /// <summary>A record's partner row as details (trimmed, empty values as none).</summary>
    public static PartnerDetails DetailsOf(ImportPartner source) => new(
        source.Name!.Trim(), Code.Parse<PartnerKind>(source.Kind!), source.Website.TrimOrNull(), source.Sector.TrimOrNull(), source.SectorCode.TrimOrNull()?.ToUpperInvariant(), source.Employees,
        source.Subsector.TrimOrNull(), source.Municipality.TrimOrNull(), source.Country.TrimOrNull()?.ToUpperInvariant(), source.Urban);

    private static LocalizedText Text(ImportText? text) => text is null ? LocalizedText.Empty : new(text.De.TrimOrNull(), text.En.TrimOrNull());


    private static List<TEnum> Codes<TEnum>(List<string?>? codes) where TEnum : struct, Enum =>
        (codes ?? []).Select(c => Code.Parse<TEnum>(c!)).ToList();
}
