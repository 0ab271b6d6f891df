using NetTopologySuite.Geometries;

namespace KreativLand.Web.Domain;

/// <summary>A populated place from the bundled GeoNames extract (SampleData/gazetteer-europe.tsv.gz, CC BY 4.0).</summary>
public class GazetteerPlace
{
    /// <summary>The GeoNames id.</summary>
    public int Id { get; set; }
    public string Name { get; set; } = "";
    /// <summary>Lower case without diacritics, for prefix search ("Görlitz" → "gorlitz").</summary>
    public string SearchName { get; set; } = "";
    public string CountryCode { get; set; } = "";
    public string? Admin1 { get; set; }
    public int Population { get; set; }
    public Point Point { get; set; } = GeoPoints.Create(0, 0);
    /// <summary>Local and English names besides <see cref="Name"/> (München, Cologne …).</summary>
    public List<GazetteerName> OtherNames { get; set; } = [];

    public const string Attribution = "GeoNames (www.geonames.org), CC BY 4.0";

    public static string ToSearchName(string name)
    {
        var decomposed = name.Trim().ToLowerInvariant()
            .Replace("ß", "ss").Replace("ø", "o").Replace("æ", "ae").Replace("ł", "l").Replace("đ", "d")
            .Normalize(System.Text.NormalizationForm.FormD);
        return new string(decomposed.Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark).ToArray());
    }
}
