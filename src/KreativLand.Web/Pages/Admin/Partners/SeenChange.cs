using System.Globalization;
using KreativLand.Web.Domain;

namespace KreativLand.Web.Pages.Admin.Partners;

/// <summary>
/// What a page showed of a partner, carried by its forms in one hidden field ("Seen"): the partner's own version and its
/// waiting change, "{partner version}:{change id}.{change version}", or "{partner version}:none" when no change waited.
/// The partner page's counterpart of the editor's version and <see cref="Cooperations.SeenState"/>: a save or decision
/// made on an older page is refused by name instead of silently overwriting details another curator changed (applied at
/// once: no published listing shows the partner) or replacing, approving or discarding a proposal its curator never saw.
/// </summary>
public readonly record struct SeenChange(uint PartnerVersion, int Id, uint Version)
{
    private const string NoneValue = "none";

    public bool IsNone => Id == 0;

    public static string Write(Partner partner, PartnerChange? change) =>
        string.Create(CultureInfo.InvariantCulture, $"{partner.Version}:{(change is null ? NoneValue : $"{change.Id}.{change.Version}")}");

    /// <summary>Null when the value is missing or not one <see cref="Write"/> makes (an altered page, a hand-made post).</summary>
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
}
