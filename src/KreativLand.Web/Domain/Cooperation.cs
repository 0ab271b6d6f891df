using NetTopologySuite.Geometries;

namespace KreativLand.Web.Domain;

/// <summary>A listing: one cooperation between an SME and a partner from the cultural and creative industries.</summary>
public class Cooperation
{
    public int Id { get; set; }
    public string Slug { get; set; } = "";
    /// <summary>Changes only through <see cref="TransitionTo"/> and the other workflow methods below, which write the history.</summary>
    public CooperationStatus Status { get; private set; } = CooperationStatus.Draft;

    public LocalizedText Title { get; set => field = value ?? LocalizedText.Empty; } = LocalizedText.Empty;
    public LocalizedText Summary { get; set => field = value ?? LocalizedText.Empty; } = LocalizedText.Empty;
    public LocalizedText Description { get; set => field = value ?? LocalizedText.Empty; } = LocalizedText.Empty;

    public int? StartYear { get; set; }
    public int? EndYear { get; set; }
    public bool Ongoing { get; set; }
    /// <summary>Null when unknown.</summary>
    public bool? ContinuousSinceStart { get; set; }

    public List<ContactOrigin> ContactOrigins { get; set; } = [];
    public List<RegionValue> RegionValues { get; set; } = [];
    public List<PartnerValue> PartnerValues { get; set; } = [];

    public LocalizedText AdviceForSmes { get; set => field = value ?? LocalizedText.Empty; } = LocalizedText.Empty;
    public LocalizedText AdviceForCreatives { get; set => field = value ?? LocalizedText.Empty; } = LocalizedText.Empty;
    public LocalizedText AdviceForPolicy { get; set => field = value ?? LocalizedText.Empty; } = LocalizedText.Empty;

    public List<Quote> Quotes { get; set; } = [];
    public List<MediaLink> Media { get; set; } = [];
    public List<Image> Images { get; set; } = [];

    public Location Location { get; set; } = new();

    public List<CooperationPartner> Partners { get; set; } = [];

    /// <summary>Maintained by the database; only for queries.</summary>
    public CooperationSearch? Search { get; set; }

    // Inclusion criteria the curator attests (the others are read from the data: see InclusionCriteria).
    public Attestation EconomicBackground { get; set => field = value ?? Attestation.Empty; } = Attestation.Empty;
    public Attestation EqualTerms { get; set => field = value ?? Attestation.Empty; } = Attestation.Empty;
    public Attestation RegionalEffects { get; set => field = value ?? Attestation.Empty; } = Attestation.Empty;
    /// <summary>The SME's size (at most 250 employees) confirmed by the curator when no employee count is known.</summary>
    public Attestation SmeSize { get; set => field = value ?? Attestation.Empty; } = Attestation.Empty;

    /// <summary>
    /// Where the listing comes from (provenance), e.g. "KreativLandTransfer report 2024" or "submitted by the partners";
    /// shown on the profile and in every export.
    /// </summary>
    public string? Source { get; set; }

    /// <summary>Contact address of a public submission; never shown on public pages.</summary>
    public string? SubmitterEmail { get; set; }
    /// <summary>When the submitter agreed to the contact address being stored (the form's consent box); erased with the address.</summary>
    public DateTimeOffset? SubmitterConsentAt { get; set; }
    /// <summary>When a curator last published (checked) the listing; drives the "due for review" list.</summary>
    public DateTimeOffset? LastReviewedAt { get; private set; }
    /// <summary>The curator (e-mail) a listing in the queue is assigned to.</summary>
    public string? AssignedTo { get; private set; }
    /// <summary>Who wrote the current content (editor, import, submission, approved revision): the four-eyes rule compares it with the reviewer.</summary>
    public string? LastEditedBy { get; private set; }
    public DateTimeOffset? LastEditedAt { get; private set; }

    public List<StatusChange> StatusChanges { get; set; } = [];
    public List<AuditEntry> AuditEntries { get; set; } = [];

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>The first publication; set by <see cref="TransitionTo"/> only.</summary>
    public DateTimeOffset? PublishedAt { get; private set; }

    /// <summary>Optimistic-concurrency token (PostgreSQL xmin).</summary>
    public uint Version { get; set; }

    /// <summary>Statuses a listing may be created in without a review (imports may create listings in these).</summary>
    private static readonly CooperationStatus[] StartsWithoutReview =
        [CooperationStatus.Draft, CooperationStatus.Submitted, CooperationStatus.InReview, CooperationStatus.Archived];

    /// <summary>
    /// Null when a listing may be created in <paramref name="status"/>: draft, submitted, in review and archived need no
    /// review; published or rejected only by an admin's recorded override (an import of an already vetted listing).
    /// </summary>
    public static Refusal? CreationRefusal(CooperationStatus status, Actor actor, ReviewDecision? review)
    {
        if (StartsWithoutReview.Contains(status)) return null;
        if (review is not { Override: true } || !actor.IsAdmin) return new("Workflow.CreateNeedsOverride", Code.Of(status));
        if (review.CleanReason is null) return new("Workflow.OverrideReasonRequired");
        if (review.CleanReason.Length > Workflow.MaxReasonLength) return new("Workflow.ReasonTooLong");
        return null;
    }

    /// <summary>A new listing with its first history row; throws when <see cref="CreationRefusal"/> refuses (check it first).</summary>
    public static Cooperation Create(string slug, CooperationStatus status, Actor actor, DateTimeOffset now,
        HistoryEvent how, string? detail = null, ReviewDecision? review = null, string? submitterEmail = null)
    {
        if (CreationRefusal(status, actor, review) is { } refusal) throw new InvalidOperationException($"refused: {refusal.Key}");
        var cooperation = new Cooperation
        {
            Slug = slug, Status = status, CreatedAt = now, UpdatedAt = now, SubmitterEmail = submitterEmail,
            LastEditedBy = actor.Name, LastEditedAt = now,
        };
        var reviewed = status == CooperationStatus.Published;
        if (reviewed)
        {
            cooperation.PublishedAt = now;
            cooperation.LastReviewedAt = now;
        }
        cooperation.StatusChanges.Add(new StatusChange
        {
            To = status, ChangedBy = actor.Name, ChangedAt = now, Event = how, Detail = detail,
            Reason = review?.CleanReason,
            CriteriaOverridden = reviewed && review is { CriteriaPass: false },
        });
        return cooperation;
    }

    /// <summary>
    /// Moves the listing along the workflow (<see cref="Workflow"/>): publishing needs the criteria to pass and, under the
    /// four-eyes rule, a reviewer other than the last editor — an admin may override either with a written reason.
    /// Writes the history row; null when done, else why not (nothing changed).
    /// </summary>
    public Refusal? TransitionTo(CooperationStatus to, Actor actor, DateTimeOffset now, ReviewDecision review, bool revisionPending,
        HistoryEvent how = HistoryEvent.Transition, string? detail = null)
    {
        if (review.SeenVersion is { } seen && seen != Version) return new("Workflow.Stale");
        if (Workflow.Refusal(Status, to, review, actor, LastEditedBy) is { } refusal) return refusal;
        // While an edit waits for review, the listing stays as published (approve or discard the revision first).
        if (revisionPending) return new("Workflow.RevisionPending");
        var publishing = to == CooperationStatus.Published;
        StatusChanges.Add(new StatusChange
        {
            From = Status, To = to, ChangedBy = actor.Name, ChangedAt = now, Event = how, Detail = detail,
            Reason = review.CleanReason,
            CriteriaOverridden = publishing && !review.CriteriaPass,
            FourEyesOverridden = publishing && Workflow.FourEyesApplies(review, actor, LastEditedBy),
        });
        Status = to;
        UpdatedAt = now;
        if (publishing)
        {
            PublishedAt ??= now;
            LastReviewedAt = now;
        }
        return null;
    }

    /// <summary>
    /// Records a content change (the audit entry with the changed fields) and its author, whom the four-eyes rule then
    /// keeps from publishing it alone. Nothing is recorded when nothing changed.
    /// </summary>
    public void RecordEdit(Actor actor, DateTimeOffset now, IReadOnlyList<FieldChange> changes, HistoryEvent? how = null, string? detail = null)
    {
        if (changes.Count == 0) return;
        AuditEntries.Add(new AuditEntry { ChangedBy = actor.Name, ChangedAt = now, Changes = [.. changes], Event = how, Detail = detail });
        LastEditedBy = actor.Name;
        LastEditedAt = now;
        UpdatedAt = now;
    }

    /// <summary>
    /// Records on this listing that one of its partners changed (shared details, a merge): the listing's content is the
    /// same, so its author for the four-eyes rule stays. Fields read "partner[slug].name".
    /// </summary>
    public void RecordPartnerChange(string partnerSlug, IReadOnlyList<FieldChange> changes, string by, DateTimeOffset now, HistoryEvent how, string detail)
    {
        if (changes.Count == 0) return;
        AuditEntries.Add(new AuditEntry
        {
            ChangedBy = by, ChangedAt = now, Event = how, Detail = detail,
            Changes = changes.Select(c => c with { Field = $"partner[{partnerSlug}].{c.Field}" }).ToList(),
        });
        UpdatedAt = now;
    }

    /// <summary>
    /// Applies a pending revision of this published listing: the same rule as publishing (criteria, four eyes against the
    /// revision's last author, admin override), and the reviewer must have seen the revision's current version.
    /// <paramref name="apply"/> maps the revision's content onto the listing and returns the changed fields.
    /// </summary>
    public async Task<Refusal?> ApproveRevisionAsync(CooperationRevision revision, Actor actor, DateTimeOffset now, ReviewDecision review,
        Func<Task<IReadOnlyList<FieldChange>>> apply)
    {
        if (Status != CooperationStatus.Published) return new("Workflow.NotAllowed");
        if (review.SeenVersion is { } seen && seen != revision.Version) return new("Workflow.RevisionStale");
        if (Workflow.Refusal(CooperationStatus.InReview, CooperationStatus.Published, review, actor, revision.UpdatedBy) is { } refusal) return refusal;
        var changes = await apply();
        if (changes.Count > 0)
        {
            AuditEntries.Add(new AuditEntry
            {
                ChangedBy = revision.UpdatedBy, ChangedAt = now, Changes = [.. changes], Event = HistoryEvent.RevisionApproved, Detail = actor.Name,
            });
        }
        LastEditedBy = revision.UpdatedBy;
        LastEditedAt = revision.UpdatedAt;
        UpdatedAt = now;
        LastReviewedAt = now;
        StatusChanges.Add(new StatusChange
        {
            From = Status, To = Status, ChangedBy = actor.Name, ChangedAt = now, Event = HistoryEvent.RevisionApproved, Detail = revision.UpdatedBy,
            Reason = review.CleanReason,
            CriteriaOverridden = !review.CriteriaPass,
            FourEyesOverridden = Workflow.FourEyesApplies(review, actor, revision.UpdatedBy),
        });
        return null;
    }

    /// <summary>
    /// Drops a pending revision of this listing unapplied. The curator must have seen its current version: a revision
    /// saved again after they opened it is refused, so nobody discards work they have not seen. The history names whose
    /// revision it was.
    /// </summary>
    public Refusal? DiscardRevision(CooperationRevision revision, Actor actor, DateTimeOffset now, uint? seenVersion)
    {
        if (seenVersion is { } seen && seen != revision.Version) return new("Workflow.RevisionStale");
        StatusChanges.Add(new StatusChange
        {
            From = Status, To = Status, ChangedBy = actor.Name, ChangedAt = now, Event = HistoryEvent.RevisionDiscarded, Detail = revision.UpdatedBy,
        });
        return null;
    }

    /// <summary>An import that changed nothing about the status still leaves its mark: who imported the listing from which file.</summary>
    public void RecordImport(Actor actor, DateTimeOffset now, string source, string? overrideReason = null) =>
        StatusChanges.Add(new StatusChange
        {
            From = Status, To = Status, ChangedBy = actor.Name, ChangedAt = now, Detail = source, Reason = overrideReason,
            Event = overrideReason is null ? HistoryEvent.Imported : HistoryEvent.ImportedOverride,
        });

    /// <summary>A published listing checked and still current: it leaves the "due for review" list for another year.</summary>
    public Refusal? MarkReviewed(Actor actor, DateTimeOffset now)
    {
        if (Status != CooperationStatus.Published) return new("Workflow.NotAllowed");
        LastReviewedAt = now;
        StatusChanges.Add(new StatusChange { From = Status, To = Status, ChangedBy = actor.Name, ChangedAt = now, Event = HistoryEvent.Reviewed });
        return null;
    }

    /// <summary>Assigns the listing to a curator (null: nobody), recorded in the history.</summary>
    public void AssignTo(string? curator, Actor actor, DateTimeOffset now)
    {
        if (curator == AssignedTo) return;
        AssignedTo = curator;
        StatusChanges.Add(new StatusChange { From = Status, To = Status, ChangedBy = actor.Name, ChangedAt = now, Event = HistoryEvent.Assigned, Detail = curator ?? "" });
    }

    /// <summary>Years the cooperation has lasted, counting to <paramref name="currentYear"/> while it goes on; null when the start is unknown.</summary>
    public int? DurationYears(int currentYear) => Duration.Years(StartYear, EndYear, Ongoing, currentYear);
}

public static class Duration
{
    public static int? Years(int? startYear, int? endYear, bool ongoing, int currentYear)
    {
        if (startYear is null) return null;
        var end = ongoing ? currentYear : endYear ?? currentYear;
        return Math.Max(0, end - startYear.Value);
    }
}

public class Location
{
    public string Municipality { get; set; } = "";
    public int? Population { get; set; }
    public string? District { get; set; }
    public string? Region { get; set; }
    /// <summary>ISO 3166-1 alpha-2, upper case.</summary>
    public string CountryCode { get; set; } = "";
    /// <summary>SRID 4326; X is longitude, Y latitude.</summary>
    public Point Point { get; set; } = GeoPoints.Create(0, 0);

    public double Latitude => Point.Y;
    public double Longitude => Point.X;
}

public static class GeoPoints
{
    public const int Wgs84 = 4326;
    private static readonly GeometryFactory Factory = NetTopologySuite.NtsGeometryServices.Instance.CreateGeometryFactory(Wgs84);

    public static Point Create(double longitude, double latitude) => Factory.CreatePoint(new Coordinate(longitude, latitude));
}

public class Quote
{
    public LocalizedText Text { get; set => field = value ?? LocalizedText.Empty; } = LocalizedText.Empty;
    public string Person { get; set; } = "";
    public string? Role { get; set; }
}

public class MediaLink
{
    public MediaKind Kind { get; set; }
    public string Url { get; set; } = "";
    public string? Title { get; set; }
}

public class Image
{
    public string Url { get; set; } = "";
    public LocalizedText Alt { get; set => field = value ?? LocalizedText.Empty; } = LocalizedText.Empty;
    public string? Credit { get; set; }
}
