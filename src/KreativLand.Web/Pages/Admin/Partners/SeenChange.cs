using System.Globalization;
using KreativLand.Web.Domain;

namespace KreativLand.Web.Pages.Admin.Partners;

/// <summary>
/// The partner's waiting change as the page showed it, carried by the page's forms in one hidden field ("Seen"):
/// "{id}.{version}", or "none" when no change waited. The partner page's counterpart of the editor's version and
/// <see cref="Cooperations.SeenState"/>: a save or decision made on an older page than the current waiting change is
/// refused by name instead of silently replacing, approving or discarding a proposal its curator never saw.
/// </summary>
public readonly record struct SeenChange(int Id, uint Version)
{
    private const string NoneValue = "none";

    public bool IsNone => Id == 0;

    public static string Write(PartnerChange? change) =>
        change is null ? NoneValue : string.Create(CultureInfo.InvariantCulture, $"{change.Id}.{change.Version}");

    /// <summary>Null when the value is missing or not one <see cref="Write"/> makes (an altered page, a hand-made post).</summary>
    public static SeenChange? Read(string? value)
    {
        if (value == NoneValue) return default(SeenChange);
        var parts = value?.Split('.');
        return parts is [var id, var version]
            && int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var changeId) && changeId > 0
            && uint.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var changeVersion)
            ? new SeenChange(changeId, changeVersion)
            : null;
    }

    /// <summary><paramref name="waiting"/> (the partner's waiting change now, or null) is the one the page showed.</summary>
    public bool Is(PartnerChange? waiting) => waiting is null ? IsNone : waiting.Id == Id && waiting.Version == Version;
}
