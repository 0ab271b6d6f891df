namespace KreativLand.Web.Domain;

/// <summary>
/// What a history row records besides a plain status transition; stored as its code and shown in the reader's
/// language (resource key "History.{code}" with the row's detail as argument).
/// </summary>
public enum HistoryEvent
{
    /// <summary>A status transition (the default).</summary>
    Transition,
    /// <summary>Created in the editor.</summary>
    Created,
    /// <summary>Sent through the public submission form.</summary>
    Submitted,
    /// <summary>Created or changed by an import; detail: the file.</summary>
    Imported,
    /// <summary>A pending revision approved; detail: who wrote it.</summary>
    RevisionApproved,
    /// <summary>A pending revision dropped unapplied; detail: who wrote it.</summary>
    RevisionDiscarded,
    /// <summary>A published listing checked and still current.</summary>
    Reviewed,
    /// <summary>Assigned to a curator; detail: the curator, empty when unassigned.</summary>
    Assigned,
    /// <summary>The listing's content changed by an import with the admin override; detail: the file.</summary>
    ImportedOverride,
    /// <summary>A partner change approved or applied; detail: the partner's name (audit entries only).</summary>
    PartnerChanged,
    /// <summary>Two partners merged; detail: "old → new" (audit entries only).</summary>
    PartnersMerged,
}
