namespace KreativLand.Web.Domain;

// Enumerations are stored as their kebab-case code (text columns / text[] arrays), so the database
// reads without a lookup table and the import format uses the same words.

public enum CooperationStatus { Draft, Submitted, InReview, Published, Rejected, Archived }

public enum ContactOrigin { TargetedContact, PreviousCollaboration, JointEvents }

public enum RegionValue { LocationAttractiveness, RegionalInfrastructure, TourismOffer, SkilledWorkers }

public enum PartnerValue { Innovation, QualityImprovement, InterlinkingSkills }

public enum PartnerKind { Sme, Cci, Other }

public enum MediaKind { Video, Podcast, Website }

/// <summary>Converts between enum members and their stable kebab-case codes ("InReview" ⇄ "in-review", "MoreThan2Years" ⇄ "more-than-2-years").</summary>
public static class Code
{
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum => ToKebab(value.ToString());

    public static bool TryParse<TEnum>(string? code, out TEnum value) where TEnum : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(Of(candidate), code, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }
        value = default;
        return false;
    }

    public static TEnum Parse<TEnum>(string code) where TEnum : struct, Enum =>
        TryParse<TEnum>(code, out var value) ? value : throw new FormatException($"'{code}' is not a {typeof(TEnum).Name} code.");

    public static IReadOnlyList<string> All<TEnum>() where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Select(Of).ToArray();

    private static string ToKebab(string pascal)
    {
        var chars = new System.Text.StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            var startsWord = char.IsUpper(pascal[i]) || (char.IsDigit(pascal[i]) && !char.IsDigit(pascal[i - 1 < 0 ? 0 : i - 1]));
            if (startsWord && i > 0) chars.Append('-');
            chars.Append(char.ToLowerInvariant(pascal[i]));
        }
        return chars.ToString();
    }
}
