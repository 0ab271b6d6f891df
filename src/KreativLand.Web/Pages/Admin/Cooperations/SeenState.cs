using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using KreativLand.Web.Domain;

namespace KreativLand.Web.Pages.Admin.Cooperations;

/// <summary>
/// What the editor's form was loaded from, carried beside its version in one hidden field: the status, a short hash
/// of each stored field and the newest history entry then. The version only says that someone saved meanwhile; this
/// says what they changed and who: after a refused save, a field whose stored value differs from the one seen is
/// another curator's change, made by the authors of the history entries since; a field stored as seen but different in
/// the form is the curator's own edit. It is shown back only to the curator who sent it, so an altered value misleads
/// nobody else; an unreadable one marks nothing.
/// </summary>
public sealed class SeenState
{
    public string? Status { get; init; }
    /// <summary>Field → hash; null in a value sent back altered ({"Fields":null}), which then marks every stored field.</summary>
    public Dictionary<string, string>? Fields { get; init; }
    /// <summary>The id of the listing's newest audit entry when the form was loaded (0: none yet; null in a form from before it was carried).</summary>
    public long? AuditAfter { get; init; }
    /// <summary>The pending revision when the form was loaded (0: none) and how many saves it had then (null in a form from before they were carried).</summary>
    public int? RevisionId { get; init; }
    public int? RevisionSaves { get; init; }

    public static string Write(CooperationStatus status, IReadOnlyDictionary<string, string> snapshot, IEnumerable<AuditEntry> audit, CooperationRevision? revision) =>
        JsonSerializer.Serialize(new SeenState
        {
            Status = Code.Of(status), Fields = snapshot.ToDictionary(f => f.Key, f => Hash(f.Value)), AuditAfter = audit.Select(a => a.Id).DefaultIfEmpty().Max(),
            RevisionId = revision?.Id ?? 0, RevisionSaves = revision?.Saves.Count ?? 0,
        });

    public static SeenState? Read(string? value)
    {
        if (string.IsNullOrEmpty(value)) return null;
        try
        {
            return JsonSerializer.Deserialize<SeenState>(value);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The stored value of <paramref name="field"/> is not the one the form was loaded with.</summary>
    public bool Changed(string field, IReadOnlyDictionary<string, string> stored) =>
        Fields?.GetValueOrDefault(field) != (stored.TryGetValue(field, out var value) ? Hash(value) : null);

    /// <summary>
    /// Who changed <paramref name="field"/> since the form was loaded: the authors of the audit entries after
    /// <see cref="AuditAfter"/> that changed it, each once, in the order they saved; empty when that is not known.
    /// </summary>
    public IReadOnlyList<string> ChangedBy(string field, IEnumerable<AuditEntry> audit) => AuditAfter is not { } after ? [] :
        audit.Where(a => a.Id > after && a.Changes.Any(c => c.Field == field)).OrderBy(a => a.Id).Select(a => a.ChangedBy).Distinct().ToList();

    /// <summary>
    /// Who changed <paramref name="field"/> in the pending <paramref name="revision"/> since the form was loaded: the authors of
    /// its saves since then that changed it (all of them when it is another revision than the one loaded), each once, in the
    /// order they saved; empty when that is not known.
    /// </summary>
    public IReadOnlyList<string> RevisionChangedBy(string field, CooperationRevision revision) => RevisionSaves is not { } saves ? [] :
        revision.Saves.Skip(RevisionId == revision.Id ? saves : 0).Where(s => s.Fields.Contains(field)).Select(s => s.By).Distinct().ToList();

    /// <summary>Eight characters of SHA-256: enough to tell a changed field, short enough for a form of many fields.</summary>
    private static string Hash(string value) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(value)), 0, 6);
}
