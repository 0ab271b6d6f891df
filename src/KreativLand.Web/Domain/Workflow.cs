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
    /// Null when the transition may happen, else the resource key of the reason it may not.
    /// Publishing needs every inclusion criterion to pass — or an admin's override with a written reason.
    /// </summary>
    public static string? Refusal(CooperationStatus from, CooperationStatus to, bool criteriaPass, bool isAdmin, bool overrideCriteria, string? reason)
    {
        if (reason is not null && reason.Trim().Length > MaxReasonLength) return "Workflow.ReasonTooLong";
        if (!Allowed[from].Contains(to)) return "Workflow.NotAllowed";
        if (to == CooperationStatus.Rejected && string.IsNullOrWhiteSpace(reason)) return "Workflow.RejectReasonRequired";
        if (to == CooperationStatus.Published && !criteriaPass)
        {
            if (!overrideCriteria) return "Workflow.CriteriaNotMet";
            if (!isAdmin) return "Workflow.OverrideAdminOnly";
            if (string.IsNullOrWhiteSpace(reason)) return "Workflow.OverrideReasonRequired";
        }
        return null;
    }
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
}

/// <summary>One save of a listing: which fields changed, from what to what.</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public int CooperationId { get; set; }
    public string ChangedBy { get; set; } = "";
    public DateTimeOffset ChangedAt { get; set; }
    public List<FieldChange> Changes { get; set; } = [];
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
}
