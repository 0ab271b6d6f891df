using System.Globalization;
using KreativLand.Web.Data;
using KreativLand.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace KreativLand.Web.Pages.Admin.Partners;

/// <summary>
/// What a page showed of a partner, carried by its forms in one hidden field ("Seen"): the partner's own version and its
/// waiting change, "{partner version}:{change id}.{change version}", or "{partner version}:none" when no change waited.
/// The partner page's counterpart of the editor's version and <see cref="Cooperations.SeenState"/>: a save or decision
/// made on an older page is refused by name instead of silently overwriting details another curator changed (applied at
/// once: no published listing shows the partner) or replacing, approving or discarding a proposal its curator never saw.
/// The listing editor's partner rows carry it too (one per partner shown), checked the same way (<see cref="OvertakingAsync"/>).
/// </summary>
public readonly record struct SeenChange(uint PartnerVersion, int Id, uint Version)
{
    private const string NoneValue = "none";

    public bool IsNone => Id == 0;

    public static string Write(Partner partner, PartnerChange? change) => Write(partner.Version, change?.Id, change?.Version ?? 0);

    public static string Write(uint partnerVersion, int? changeId, uint changeVersion) =>
        string.Create(CultureInfo.InvariantCulture, $"{partnerVersion}:{(changeId is { } id ? $"{id}.{changeVersion}" : NoneValue)}");

    /// <summary>Null when the value is missing or not one <see cref="Write(Partner, PartnerChange?)"/> makes (an altered page, a hand-made post).</summary>
    public static SeenChange? Read(string? value)
    {
        if (value?.Split(':') is not [var partner, var change]
            || !uint.TryParse(partner, NumberStyles.None, CultureInfo.InvariantCulture, out var partnerVersion)) return null;
        if (change == NoneValue) return new SeenChange(partnerVersion, 0, 0);
        return change.Split('.') is [var id, var version]
            && int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var changeId) && changeId > 0
            && uint.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var changeVersion)
            ? new SeenChange(partnerVersion, changeId, changeVersion)
            : null;
    }

    /// <summary><paramref name="waiting"/> (the partner's waiting change now, or null) is the one the page showed.</summary>
    public bool Is(PartnerChange? waiting) => waiting is null ? IsNone : waiting.Id == Id && waiting.Version == Version;

    /// <summary>The partner's details are stored as the page showed them: nobody changed them since.</summary>
    public bool Saw(Partner partner) => partner.Version == PartnerVersion;

    /// <summary>
    /// The check every form showing a partner runs before writing it: why the partner is no longer as the page showed it
    /// (<paramref name="seenValue"/>), or null when it is. Another curator proposed since (another change, or a newer version
    /// of the same), decided the change shown, or changed the details at once (named by the newest change of the partner's
    /// history, which is what moved its version: every write of a partner's details is one, merges aside). A write at the
    /// very same moment is caught by the write itself (the partner's or the change's version, or the one-pending index).
    /// </summary>
    public static async Task<Overtaking?> OvertakingAsync(KreativLandDbContext db, string? seenValue, Partner partner, PartnerChange? waiting,
        CancellationToken cancellationToken)
    {
        if (Read(seenValue) is not { } seen) return new(Overtaken.Unreadable);
        if (seen.Is(waiting))
        {
            // A merged duplicate changed only by its merge: the pages say so themselves.
            if (seen.Saw(partner) || partner.MergedIntoId is not null) return null;
            var newest = await db.PartnerChanges.AsNoTracking().Where(c => c.PartnerId == partner.Id && c.Status == PartnerChangeStatus.Approved)
                .OrderByDescending(c => c.DecidedAt).ThenByDescending(c => c.Id).FirstOrDefaultAsync(cancellationToken);
            return new(Overtaken.DetailsChanged, newest?.DecidedBy, newest?.DecidedAt);
        }
        if (waiting is not null) return new(Overtaken.Proposed, waiting.ProposedBy, waiting.ProposedAt);
        var decided = seen.IsNone ? null
            : await db.PartnerChanges.AsNoTracking().SingleOrDefaultAsync(c => c.Id == seen.Id && c.PartnerId == partner.Id, cancellationToken);
        // "none" seen and none waiting passed above; an id of another partner's change is an altered page.
        return decided?.DecidedAt is { } at ? new(Overtaken.Decided, decided.DecidedBy, at, decided.Status) : new(Overtaken.Unreadable);
    }

    /// <summary>How the messages show a moment ("2026-12-02 12:45").</summary>
    public static string Shown(DateTimeOffset? at) => at?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "";
}

public enum Overtaken { Unreadable, Proposed, Decided, DetailsChanged }

/// <summary>What overtook a page (<see cref="SeenChange.OvertakingAsync"/>): who and when, when known; the decision made.</summary>
public sealed record Overtaking(Overtaken How, string? By = null, DateTimeOffset? At = null, PartnerChangeStatus Decision = PartnerChangeStatus.Pending);
