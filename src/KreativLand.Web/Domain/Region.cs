using NetTopologySuite.Geometries;

namespace KreativLand.Web.Domain;

/// <summary>
/// A named boundary (country, federal state, district, LEADER region, …) imported from GeoJSON;
/// the map's region filter keeps the cooperations whose point it covers.
/// </summary>
public class Region
{
    public int Id { get; set; }
    /// <summary>Unique across all levels; what the URL carries (<c>?region=sachsen</c>).</summary>
    public string Slug { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>Free label of the set it came from, e.g. "country", "state", "district", "leader".</summary>
    public string Level { get; set; } = "";
    /// <summary>ISO 3166-1 alpha-2 of the country it lies in, when known.</summary>
    public string? CountryCode { get; set; }
    /// <summary>SRID 4326, always a MultiPolygon.</summary>
    public MultiPolygon Boundary { get; set; } = MultiPolygon.Empty;
    public DateTimeOffset ImportedAt { get; set; }

    public const string CountryLevel = "country";
}
