using System.Globalization;

namespace KreativLand.Web.Domain;

/// <summary>A text held in German and English; either may be missing and falls back to the other.</summary>
public sealed record LocalizedText(string? De, string? En)
{
    public static LocalizedText Empty { get; } = new(null, null);

    public bool IsEmpty => string.IsNullOrWhiteSpace(De) && string.IsNullOrWhiteSpace(En);

    /// <summary>The text in the requested language, else the other one (then <see cref="Translated.IsFallback"/> is set).</summary>
    public Translated In(string language)
    {
        var (wanted, other, otherLanguage) = language == "en" ? (En, De, "de") : (De, En, "en");
        if (!string.IsNullOrWhiteSpace(wanted)) return new Translated(wanted, language, false);
        if (!string.IsNullOrWhiteSpace(other)) return new Translated(other, otherLanguage, true);
        return Translated.None;
    }

    public Translated InCurrentCulture() => In(Languages.Current);
}

/// <summary>A text picked for display, with the language it is actually in.</summary>
public sealed record Translated(string Text, string Language, bool IsFallback)
{
    public static Translated None { get; } = new("", "", false);
    public bool HasText => Text.Length > 0;
    public override string ToString() => Text;
}

public static class Languages
{
    public const string German = "de";
    public const string English = "en";
    public static readonly string[] All = [German, English];

    public static string Current =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == English ? English : German;

    public static bool IsSupported(string? language) => language is German or English;
}
