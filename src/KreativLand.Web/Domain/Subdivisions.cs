using System.Globalization;
using System.Text;

namespace KreativLand.Web.Domain;

/// <summary>
/// A country's first-level subdivision (German Land, Austrian Bundesland, Swiss canton, UK nation, Italian regione …) as
/// the state facet shows it: <see cref="Key"/> is "country-slug" ("DE-sachsen", "AT-tirol"), the one form in URLs.
/// </summary>
/// <param name="IsoCode">ISO 3166-2 where the subdivision comes from the known tables ("DE-SN"), else null.</param>
public sealed record Subdivision(string Key, string CountryCode, string NameDe, string NameEn, string? IsoCode = null)
{
    public LocalizedText Name => new(NameDe, NameEn);
    public string NameIn(string language) => language == Languages.English ? NameEn : NameDe;
}

/// <summary>
/// Normalises the free-text region of a listing's location to a <see cref="Subdivision"/>: for Germany, Austria,
/// Switzerland and the United Kingdom through a table of names (German, English, local, ISO 3166-2 and GeoNames codes:
/// "Freistaat Sachsen", "Saxony", "SN" and "DE-SN" are all Sachsen); elsewhere by the text itself, compared without case,
/// accents and punctuation ("Toscana" and "toscana " are one region).
/// </summary>
public static class Subdivisions
{
    private sealed record Known(string Iso, string GeoNames, string NameDe, string NameEn, params string[] Aliases);

    // ISO 3166-2 code, GeoNames admin1 code, German name, English name, other names.
    private static readonly Dictionary<string, Known[]> Tables = new()
    {
        ["DE"] =
        [
            new("BW", "01", "Baden-Württemberg", "Baden-Württemberg"),
            new("BY", "02", "Bayern", "Bavaria", "Freistaat Bayern"),
            new("BE", "16", "Berlin", "Berlin"),
            new("BB", "11", "Brandenburg", "Brandenburg"),
            new("HB", "03", "Bremen", "Bremen", "Freie Hansestadt Bremen"),
            new("HH", "04", "Hamburg", "Hamburg", "Freie und Hansestadt Hamburg"),
            new("HE", "05", "Hessen", "Hesse"),
            new("MV", "12", "Mecklenburg-Vorpommern", "Mecklenburg-Western Pomerania", "Mecklenburg-West Pomerania"),
            new("NI", "06", "Niedersachsen", "Lower Saxony"),
            new("NW", "07", "Nordrhein-Westfalen", "North Rhine-Westphalia", "NRW"),
            new("RP", "08", "Rheinland-Pfalz", "Rhineland-Palatinate"),
            new("SL", "09", "Saarland", "Saarland"),
            new("SN", "13", "Sachsen", "Saxony", "Freistaat Sachsen"),
            new("ST", "14", "Sachsen-Anhalt", "Saxony-Anhalt"),
            new("SH", "10", "Schleswig-Holstein", "Schleswig-Holstein"),
            new("TH", "15", "Thüringen", "Thuringia", "Freistaat Thüringen"),
        ],
        ["AT"] =
        [
            new("1", "01", "Burgenland", "Burgenland"),
            new("2", "02", "Kärnten", "Carinthia"),
            new("3", "03", "Niederösterreich", "Lower Austria"),
            new("4", "04", "Oberösterreich", "Upper Austria"),
            new("5", "05", "Salzburg", "Salzburg"),
            new("6", "06", "Steiermark", "Styria"),
            new("7", "07", "Tirol", "Tyrol"),
            new("8", "08", "Vorarlberg", "Vorarlberg"),
            new("9", "09", "Wien", "Vienna"),
        ],
        ["CH"] =
        [
            new("AG", "AG", "Aargau", "Aargau"),
            new("AI", "AI", "Appenzell Innerrhoden", "Appenzell Innerrhoden"),
            new("AR", "AR", "Appenzell Ausserrhoden", "Appenzell Ausserrhoden"),
            new("BE", "BE", "Bern", "Bern", "Berne"),
            new("BL", "BL", "Basel-Landschaft", "Basel-Landschaft"),
            new("BS", "BS", "Basel-Stadt", "Basel-Stadt"),
            new("FR", "FR", "Freiburg", "Fribourg"),
            new("GE", "GE", "Genf", "Geneva", "Genève"),
            new("GL", "GL", "Glarus", "Glarus"),
            new("GR", "GR", "Graubünden", "Grisons", "Grigioni", "Grischun"),
            new("JU", "JU", "Jura", "Jura"),
            new("LU", "LU", "Luzern", "Lucerne"),
            new("NE", "NE", "Neuenburg", "Neuchâtel"),
            new("NW", "NW", "Nidwalden", "Nidwalden"),
            new("OW", "OW", "Obwalden", "Obwalden"),
            new("SG", "SG", "St. Gallen", "St. Gallen", "Sankt Gallen", "Saint Gall"),
            new("SH", "SH", "Schaffhausen", "Schaffhausen"),
            new("SO", "SO", "Solothurn", "Solothurn"),
            new("SZ", "SZ", "Schwyz", "Schwyz"),
            new("TG", "TG", "Thurgau", "Thurgau"),
            new("TI", "TI", "Tessin", "Ticino"),
            new("UR", "UR", "Uri", "Uri"),
            new("VD", "VD", "Waadt", "Vaud"),
            new("VS", "VS", "Wallis", "Valais"),
            new("ZG", "ZG", "Zug", "Zug"),
            new("ZH", "ZH", "Zürich", "Zurich"),
        ],
        ["GB"] =
        [
            new("ENG", "ENG", "England", "England"),
            new("NIR", "NIR", "Nordirland", "Northern Ireland"),
            new("SCT", "SCT", "Schottland", "Scotland"),
            new("WLS", "WLS", "Wales", "Wales"),
        ],
    };

    /// <summary>Folded name → subdivision, per country, for the known tables.</summary>
    private static readonly Dictionary<string, Dictionary<string, Subdivision>> ByName = Tables.ToDictionary(t => t.Key, t =>
    {
        var names = new Dictionary<string, Subdivision>();
        foreach (var known in t.Value)
        {
            // The key is the name in the country's language (for Switzerland the German one, as for the federal authorities).
            var keyName = t.Key == "GB" ? known.NameEn : known.NameDe;
            var subdivision = new Subdivision($"{t.Key}-{Slug(keyName)}", t.Key, known.NameDe, known.NameEn, $"{t.Key}-{known.Iso}");
            foreach (var name in new[] { known.NameDe, known.NameEn, known.Iso, $"{t.Key}-{known.Iso}", known.GeoNames }.Concat(known.Aliases))
                names.TryAdd(Fold(name), subdivision);
        }
        return names;
    });

    private static readonly Dictionary<string, Subdivision> ByKey =
        ByName.Values.SelectMany(names => names.Values).DistinctBy(s => s.Key).ToDictionary(s => s.Key, StringComparer.OrdinalIgnoreCase);

    /// <summary>The countries whose subdivisions come from a table; elsewhere any region text makes a subdivision.</summary>
    public static IReadOnlyCollection<string> TabledCountries => Tables.Keys;

    /// <summary>The subdivisions of a tabled country, in the table's order (empty elsewhere).</summary>
    public static IEnumerable<Subdivision> Of(string countryCode) =>
        ByName.TryGetValue(countryCode, out var names) ? names.Values.DistinctBy(s => s.Key) : [];

    /// <summary>
    /// The subdivision a listing's region text names, or null when the text is empty. In a tabled country a text that names
    /// no known subdivision still becomes one of its own (a curator's "Erzgebirge" stays visible rather than vanishing).
    /// </summary>
    public static Subdivision? Normalise(string countryCode, string? region)
    {
        var text = region?.Trim();
        if (string.IsNullOrEmpty(text) || !Countries.IsCode(countryCode)) return null;
        if (ByName.TryGetValue(countryCode, out var names))
        {
            var folded = Fold(text);
            if (names.TryGetValue(folded, out var known)) return known;
            // "Land Salzburg", "Freistaat Sachsen", "Kanton Zürich", "State of Bavaria" …
            foreach (var prefix in Prefixes)
                if (folded.StartsWith(prefix, StringComparison.Ordinal) && names.TryGetValue(folded[prefix.Length..], out known)) return known;
        }
        var slug = Slug(text);
        return slug.Length == 0 ? null : new Subdivision($"{countryCode}-{slug}", countryCode, text, text);
    }

    /// <summary>The subdivision for GeoNames' admin1 code (synthetic listings, gazetteer places), or null.</summary>
    public static Subdivision? FromGeoNames(string countryCode, string? admin1)
    {
        if (admin1 is null || !Tables.TryGetValue(countryCode, out var known)) return null;
        var entry = known.FirstOrDefault(k => k.GeoNames == admin1);
        return entry is null ? null : Normalise(countryCode, entry.NameDe);
    }

    /// <summary>
    /// A location's region text for GeoNames' admin1 code: the state's name where the tables know it (in German, in the UK in
    /// English), else the code only when it is a name (GeoNames' codes are mostly numbers); null when none.
    /// </summary>
    public static string? RegionText(string countryCode, string? admin1) =>
        FromGeoNames(countryCode, admin1) is { } state ? state.NameIn(state.CountryCode == "GB" ? Languages.English : Languages.German)
            : admin1 is { Length: > 2 } && !admin1.All(char.IsAsciiDigit) ? admin1 : null;

    /// <summary>A known subdivision by its key ("DE-sachsen"), its ISO 3166-2 code ("DE-SN") or, without country, a name
    /// that only one tabled country knows ("Tirol", "Saxony"); null when none.</summary>
    public static Subdivision? FindKnown(string value)
    {
        if (ByKey.TryGetValue(value, out var byKey)) return byKey;
        if (value.Length > 3 && value[2] == '-' && ByName.TryGetValue(value[..2].ToUpperInvariant(), out var names))
        {
            if (names.TryGetValue(Fold(value), out var byIso) && byIso.IsoCode!.Equals(value, StringComparison.OrdinalIgnoreCase)) return byIso;
            if (names.TryGetValue(Fold(value[3..]), out var byName)) return byName;
        }
        var matches = ByName.Values.Select(n => n.GetValueOrDefault(Fold(value))).OfType<Subdivision>().DistinctBy(s => s.Key).ToList();
        return matches.Count == 1 ? matches[0] : null;
    }

    /// <summary>Whether a key could name a subdivision: "CC-slug" with a country code (a tabled country's key must be in its table).</summary>
    public static bool IsWellFormedKey(string key) =>
        key.Length > 3 && key[2] == '-' && Countries.IsCode(key[..2]) && key[3..] == Slug(key[3..])
        && (!Tables.ContainsKey(key[..2]) || ByKey.ContainsKey(key));

    private static readonly string[] Prefixes = ["freistaat", "bundesland", "land", "kanton", "canton", "stateof", "freestateof"];

    /// <summary>Lower case, no accents, umlauts as in German transcription (ä = ae), no spaces or punctuation.</summary>
    private static string Fold(string text)
    {
        var lower = text.ToLowerInvariant().Replace("ä", "a").Replace("ö", "o").Replace("ü", "u").Replace("ß", "ss")
            .Replace("ae", "a").Replace("oe", "o").Replace("ue", "u");
        var builder = new StringBuilder(lower.Length);
        foreach (var c in lower.Normalize(NormalizationForm.FormD))
            if (char.IsLetterOrDigit(c)) builder.Append(c);
        return builder.ToString();
    }

    /// <summary>Lower-case words without accents joined by hyphens ("Baden-Württemberg" → "baden-wuerttemberg", "Île-de-France" → "ile-de-france").</summary>
    public static string Slug(string text)
    {
        var lower = text.Trim().ToLowerInvariant().Replace("ä", "ae").Replace("ö", "oe").Replace("ü", "ue").Replace("ß", "ss")
            // Letters that do not decompose into a base letter and an accent.
            .Replace("ø", "o").Replace("æ", "ae").Replace("œ", "oe").Replace("ł", "l").Replace("đ", "d").Replace("ð", "d").Replace("þ", "th").Replace("ı", "i");
        var builder = new StringBuilder(lower.Length);
        var hyphen = false;
        foreach (var c in lower.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(c))
            {
                if (hyphen && builder.Length > 0) builder.Append('-');
                builder.Append(c);
                hyphen = false;
            }
            else hyphen = true;
        }
        return builder.ToString();
    }
}
