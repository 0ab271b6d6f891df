using System.Text;
using System.Text.RegularExpressions;

namespace KreativLand.Web.Domain;

/// <summary>Slugs of listings, partners and regions: their rule, how one is made from a text, and the one allocator of free ones.</summary>
public static partial class Slugs
{
    public const int MaxLength = 120;

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Pattern();

    public static bool IsValid(string? slug) => slug is { Length: > 0 and <= MaxLength } && Pattern().IsMatch(slug);

    /// <summary>
    /// Makes a readable slug from any text: "Gölles Erlebniswelt" → "goelles-erlebniswelt", "Ελαιώνας" → "elaionas",
    /// "Пекарня" → "pekarnia". Read character by character as Unicode scalars, so emoji and other characters outside the
    /// Basic Multilingual Plane (and even a lone surrogate) only become separators; what cannot be spelt in a–z and 0–9 is
    /// dropped. May be empty (a title of emoji only): callers then use a fallback word.
    /// </summary>
    public static string From(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            builder.Append(Transliterate(Rune.ToLowerInvariant(rune)));
        }
        var slug = DashRuns().Replace(builder.ToString(), "-").Trim('-');
        return slug.Length > MaxLength ? slug[..MaxLength].TrimEnd('-') : slug;
    }

    /// <summary>
    /// The one slug allocator (editor, submission, region import): the first slug made from <paramref name="text"/> that
    /// <paramref name="isTaken"/> does not report as used. First the text's slug (<paramref name="fallback"/> when the text
    /// spells none, e.g. emoji only), then with the qualifier when one is given, then numbered: "hof", "hof-2", "hof-3";
    /// with a qualifier "oberland", "oberland-district", "oberland-district-2". <paramref name="alwaysQualified"/> skips the
    /// plain slug (a public submission's random qualifier keeps its slugs apart from everyone's without asking first).
    /// Every candidate is a valid slug: at full length its end gives way to the suffix.
    /// </summary>
    public static string Allocate(string text, string fallback, Func<string, bool> isTaken, string? qualifier = null, bool alwaysQualified = false) =>
        Candidates(text, fallback, qualifier, alwaysQualified).First(candidate => !isTaken(candidate));

    /// <inheritdoc cref="Allocate"/>
    public static async Task<string> AllocateAsync(string text, string fallback, Func<string, Task<bool>> isTaken, string? qualifier = null,
        bool alwaysQualified = false)
    {
        foreach (var candidate in Candidates(text, fallback, qualifier, alwaysQualified))
            if (!await isTaken(candidate)) return candidate;
        throw new System.Diagnostics.UnreachableException("The candidates never end.");
    }

    private static IEnumerable<string> Candidates(string text, string fallback, string? qualifier, bool alwaysQualified)
    {
        var basis = From(text);
        if (basis.Length == 0) basis = fallback;
        var stem = qualifier is null ? "" : "-" + From(qualifier);
        if (!alwaysQualified || stem.Length == 0) yield return Fit(basis, "");
        if (stem.Length > 0) yield return Fit(basis, stem);
        for (var n = 2; ; n++) yield return Fit(basis, $"{stem}-{n}");
    }

    private static string Fit(string basis, string suffix) => basis[..Math.Min(basis.Length, MaxLength - suffix.Length)].TrimEnd('-') + suffix;

    private static string Transliterate(Rune rune)
    {
        if (rune.IsAscii) return Rune.IsLetterOrDigit(rune) ? rune.ToString() : "-";
        if (Special.TryGetValue(rune.Value, out var spelt)) return spelt;
        if (rune.Value is >= 0x0370 and <= 0x03FF or >= 0x0400 and <= 0x04FF)
        {
            // Greek and Cyrillic: accents off first (ά → α), then the letter's Latin spelling.
            var bare = rune.ToString().Normalize(System.Text.NormalizationForm.FormD).EnumerateRunes().First();
            return GreekAndCyrillic.TryGetValue(bare.Value, out var latin) ? latin : "-";
        }
        // Latin letters with diacritics: é → e, ő → o, ç → c.
        var basic = rune.ToString().Normalize(System.Text.NormalizationForm.FormD).Where(char.IsAsciiLetterOrDigit).ToArray();
        return basic.Length > 0 ? new string(basic) : "-";
    }

    private static readonly Dictionary<int, string> Special = new()
    {
        ['ä'] = "ae", ['ö'] = "oe", ['ü'] = "ue", ['ß'] = "ss", ['ø'] = "oe", ['æ'] = "ae", ['å'] = "aa", ['œ'] = "oe",
        ['ł'] = "l", ['đ'] = "d", ['ð'] = "d", ['þ'] = "th", ['ı'] = "i", ['ħ'] = "h", ['ŧ'] = "t", ['ŋ'] = "ng", ['ĸ'] = "k",
    };

    private static readonly Dictionary<int, string> GreekAndCyrillic = BuildTransliteration(
        "α a β v γ g δ d ε e ζ z η i θ th ι i κ k λ l μ m ν n ξ x ο o π p ρ r σ s ς s τ t υ y φ f χ ch ψ ps ω o " +
        "а a б b в v г g ґ g д d ђ dj е e ё e є ie ж zh з z и i і i ї i й i ј j к k л l љ lj м m н n њ nj о o п p р r с s т t ћ c " +
        "у u ў u ф f х kh ц ts ч ch џ dz ш sh щ shch ъ - ы y ь - э e ю iu я ia");

    private static Dictionary<int, string> BuildTransliteration(string pairs)
    {
        var parts = pairs.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var table = new Dictionary<int, string>();
        for (var i = 0; i < parts.Length; i += 2) table[char.ConvertToUtf32(parts[i], 0)] = parts[i + 1] == "-" ? "" : parts[i + 1];
        return table;
    }

    [GeneratedRegex("-+")]
    private static partial Regex DashRuns();
}
