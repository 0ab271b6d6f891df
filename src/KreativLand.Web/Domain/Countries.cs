using System.Globalization;

namespace KreativLand.Web.Domain;

public static class Countries
{
    // German names of the European countries; other codes fall back to .NET's English name.
    private static readonly Dictionary<string, string> GermanNames = new()
    {
        ["AD"] = "Andorra", ["AL"] = "Albanien", ["AT"] = "Österreich", ["BA"] = "Bosnien und Herzegowina", ["BE"] = "Belgien",
        ["BG"] = "Bulgarien", ["BY"] = "Belarus", ["CH"] = "Schweiz", ["CY"] = "Zypern", ["CZ"] = "Tschechien", ["DE"] = "Deutschland",
        ["DK"] = "Dänemark", ["EE"] = "Estland", ["ES"] = "Spanien", ["FI"] = "Finnland", ["FR"] = "Frankreich", ["GB"] = "Vereinigtes Königreich",
        ["GR"] = "Griechenland", ["HR"] = "Kroatien", ["HU"] = "Ungarn", ["IE"] = "Irland", ["IS"] = "Island", ["IT"] = "Italien",
        ["LI"] = "Liechtenstein", ["LT"] = "Litauen", ["LU"] = "Luxemburg", ["LV"] = "Lettland", ["MC"] = "Monaco", ["MD"] = "Moldau",
        ["ME"] = "Montenegro", ["MK"] = "Nordmazedonien", ["MT"] = "Malta", ["NL"] = "Niederlande", ["NO"] = "Norwegen", ["PL"] = "Polen",
        ["PT"] = "Portugal", ["RO"] = "Rumänien", ["RS"] = "Serbien", ["SE"] = "Schweden", ["SI"] = "Slowenien", ["SK"] = "Slowakei",
        ["SM"] = "San Marino", ["TR"] = "Türkei", ["UA"] = "Ukraine", ["XK"] = "Kosovo", ["VA"] = "Vatikanstadt",
    };

    /// <summary>The European countries KreativLand lists, by code.</summary>
    public static IReadOnlyList<string> European { get; } = GermanNames.Keys.Order(StringComparer.Ordinal).ToArray();

    /// <summary>ISO 3166-1 alpha-2: two letters.</summary>
    public const int CodeLength = 2;

    public static bool IsCode(string? code)
    {
        if (code is not { Length: CodeLength } || !code.All(char.IsAsciiLetterUpper)) return false;
        if (code == "XK") return true; // Kosovo: user-assigned code in common use
        try { _ = new RegionInfo(code); return true; }
        catch (ArgumentException) { return false; }
    }

    /// <summary>The country's name in the given language ("de"/"en"), falling back to the code.</summary>
    public static string Name(string code, string language)
    {
        if (language == Languages.German && GermanNames.TryGetValue(code, out var german)) return german;
        if (code == "XK") return "Kosovo";
        return IsCode(code) ? new RegionInfo(code).EnglishName : code;
    }
}
