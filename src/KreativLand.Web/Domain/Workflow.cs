namespace KreativLand.Web.Domain;

/// <summary>The review workflow: which status may follow which, and what a transition needs.</summary>
public static class Workflow
{
    private static readonly Dictionary<CooperationStatus, CooperationStatus[]> Allowed = new()
    {
        [CooperationStatus.Draft] = [CooperationStatus.InReview, CooperationStatus.Archived],
        [CooperationStatus.Submitted] = [CooperationStatus.InReview, CooperationStatus.Rejected, CooperationStatus.Archived],
        [CooperationStatus.InReview] = [CooperationStatus.Published, CooperationStatus.Rejected, CooperationStatus.Draft, CooperationStatus.Archived],
        [CooperationStatus.Published] = [CooperationStatus.InReview, CooperationStatus.Archived],
        [CooperationStatus.Rejected] = [CooperationStatus.Draft, CooperationStatus.Archived],
        [CooperationStatus.Archived] = [CooperationStatus.Draft],
    };

    public static IReadOnlyList<CooperationStatus> NextStates(CooperationStatus from) => Allowed[from];

    /// <summary>Leaves room within the stored 2,000 characters for the note the editor puts in front of it.</summary>
    public const int MaxReasonLength = 1500;

    /// <summary>
    /// Null when <paramref name="actor"/> may move a listing from <paramref name="from"/> to <paramref name="to"/>, else why not.
    /// Publishing needs every inclusion criterion to pass and, under the four-eyes rule, a reviewer other than
    /// <paramref name="lastEditor"/> (who wrote the content or sent the submission); an admin may override either with a reason.
    /// </summary>
    public static Refusal? Refusal(CooperationStatus from, CooperationStatus to, ReviewDecision review, Actor actor, string? lastEditor)
    {
        if (review.CleanReason?.Length > MaxReasonLength) return new("Workflow.ReasonTooLong");
        if (!Allowed[from].Contains(to)) return new("Workflow.NotAllowed");
        if (to == CooperationStatus.Rejected && review.CleanReason is null) return new("Workflow.RejectReasonRequired");
        if (to != CooperationStatus.Published) return null;
        var criteriaFail = !review.CriteriaPass;
        var ownWork = FourEyesApplies(review, actor, lastEditor);
        if (!criteriaFail && !ownWork) return null;
        if (!review.Override)
        {
            // Both reasons are named, so nobody fixes one and runs into the other.
            if (criteriaFail) return new("Workflow.CriteriaNotMet", [], review.FailingCriteria) { FourEyesToo = ownWork };
            return new("Workflow.FourEyes");
        }
        if (!actor.IsAdmin) return new("Workflow.OverrideAdminOnly");
        if (review.CleanReason is null) return new("Workflow.OverrideReasonRequired");
        return null;
    }

    /// <summary>Whether the four-eyes rule stands in the way: it is on and the reviewer wrote the content themselves.</summary>
    public static bool FourEyesApplies(ReviewDecision review, Actor actor, string? lastEditor) =>
        review.FourEyes && lastEditor is not null && string.Equals(lastEditor, actor.Name, StringComparison.OrdinalIgnoreCase);
}

/// <summary>One recorded status transition of a listing.</summary>
public class StatusChange
{
    public long Id { get; set; }
    public int CooperationId { get; set; }
    public CooperationStatus? From { get; set; }
    public CooperationStatus To { get; set; }
    public string ChangedBy { get; set; } = "";
    public DateTimeOffset ChangedAt { get; set; }
    public string? Reason { get; set; }
    /// <summary>Published although a criterion failed or was unknown (admins only; the reason says why).</summary>
    public bool CriteriaOverridden { get; set; }
    /// <summary>Published or approved by the content's own author, an admin overriding the four-eyes rule (the reason says why).</summary>
    public bool FourEyesOverridden { get; set; }
    /// <summary>What happened besides the transition (created, imported, revision approved, checked, assigned).</summary>
    public HistoryEvent Event { get; set; }
    /// <summary>The event's argument: the import file, the revision's author, the assignee.</summary>
    public string? Detail { get; set; }
}

/// <summary>One save of a listing: which fields changed, from what to what.</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public int CooperationId { get; set; }
    public string ChangedBy { get; set; } = "";
    public DateTimeOffset ChangedAt { get; set; }
    public List<FieldChange> Changes { get; set; } = [];
    /// <summary>Null for an edit in the editor; else how the change came (import, approved revision, partner change).</summary>
    public HistoryEvent? Event { get; set; }
    public string? Detail { get; set; }
}

public sealed record FieldChange(string Field, string? Before, string? After);

/// <summary>
/// A pending edit of a published listing: the live version stays public until a curator approves the revision.
/// At most one per listing; it disappears when approved (applied, with an audit entry) or discarded.
/// </summary>
public class CooperationRevision
{
    public int Id { get; set; }
    public int CooperationId { get; set; }
    /// <summary>The edited listing as a record of the import format plus the attestations (jsonb).</summary>
    public string Content { get; set; } = "";
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Optimistic-concurrency token (PostgreSQL xmin).</summary>
    public uint Version { get; set; }
    /// <summary>
    /// Every save of the revision in order, with the fields it changed (jsonb): the saves leave no history entry until the
    /// revision is approved, so this is how an editor conflict names each curator who changed a field since the page was loaded.
    /// Empty for a revision saved before this was kept.
    /// </summary>
    public List<RevisionSave> Saves { get; private set; } = [];

    /// <param name="changedFields">The fields the revision changes against the live listing (the record's paths, "title.de").</param>
    public static CooperationRevision Create(int cooperationId, string content, IEnumerable<string> changedFields, Actor actor, DateTimeOffset now) => new()
    {
        CooperationId = cooperationId, Content = content, CreatedBy = actor.Name, CreatedAt = now, UpdatedBy = actor.Name, UpdatedAt = now,
        Saves = [new RevisionSave(actor.Name, now, [.. changedFields])],
    };

    /// <summary>A later edit replaces the waiting one; its author is then the one the four-eyes rule keeps from approving it.</summary>
    /// <param name="changedFields">The fields this edit changes against the waiting content.</param>
    public void Replace(string content, IEnumerable<string> changedFields, Actor actor, DateTimeOffset now)
    {
        Content = content;
        UpdatedBy = actor.Name;
        UpdatedAt = now;
        Saves = [.. Saves, new RevisionSave(actor.Name, now, [.. changedFields])];
    }
}

/// <summary>One save of a pending revision: who, when, and the fields it changed.</summary>
public sealed record RevisionSave(string By, DateTimeOffset At, List<string> Fields);
