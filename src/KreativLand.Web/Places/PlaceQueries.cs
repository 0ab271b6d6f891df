using KreativLand.Web.Data;
using KreativLand.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace KreativLand.Web.Places;

/// <summary>A populated place from the bundled gazetteer, as the editor and the map's distance filter offer it.</summary>
/// <param name="Admin1">GeoNames' code of the first-level division (often numeric, e.g. "13").</param>
/// <param name="Region">The smallest imported region (state, district, LEADER region …) that covers the place, when one does.</param>
/// <param name="Name">The name that matched: the main one, or the local or English one the visitor typed ("München").</param>
/// <param name="MainName">GeoNames' main name when <paramref name="Name"/> is another one ("Munich"), else null.</param>
public sealed record PlaceSuggestion(int Id, string Name, string Country, string CountryName, string? Admin1, int? Population, double Lat, double Lon,
    string? Region = null, string? MainName = null);

public static class PlaceQueries
{
    public const int MaxResults = 10;

    /// <summary>Places whose name starts with the text (ignoring case and accents), exact names first, then the largest.</summary>
    public static async Task<IReadOnlyList<PlaceSuggestion>> Suggest(
        KreativLandDbContext db, string? text, string? country, string language, CancellationToken cancellationToken = default)
    {
        var search = GazetteerPlace.ToSearchName(text ?? "");
        if (search.Length is < 2 or > 100) return [];

        // The main name (GeoNames' often English "Munich") or another name ("München", "Cologne") starts with the text.
        var query = db.GazetteerPlaces.AsNoTracking()
            .Where(p => p.SearchName.StartsWith(search) || p.OtherNames.Any(n => n.SearchName.StartsWith(search)));
        if (country is { Length: 2 } && Countries.IsCode(country.ToUpperInvariant()))
        {
            var code = country.ToUpperInvariant();
            query = query.Where(p => p.CountryCode == code);
        }
        var rows = await query
            .OrderByDescending(p => p.SearchName == search || p.OtherNames.Any(n => n.SearchName == search))
            .ThenByDescending(p => p.Population).ThenBy(p => p.Id)
            .Take(MaxResults)
            .Select(p => new
            {
                p.Id, p.Name, p.CountryCode, p.Admin1, p.Population, p.Point,
                // The name the visitor was typing, when it is not the main one: "München" stays "München".
                Typed = p.SearchName.StartsWith(search) ? null : p.OtherNames.Where(n => n.SearchName.StartsWith(search)).OrderBy(n => n.Name).Select(n => n.Name).FirstOrDefault(),
                // The gazetteer names no regions; the region sets an admin imported do (GiST on the boundary).
                Region = db.Regions
                    .Where(r => r.Level != Region.CountryLevel && r.Boundary.Covers(p.Point))
                    .OrderBy(r => r.Boundary.Area)
                    .Select(r => r.Name)
                    .FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return rows.Select(p => new PlaceSuggestion(p.Id, p.Typed ?? p.Name, p.CountryCode, Countries.Name(p.CountryCode, language), p.Admin1,
            p.Population > 0 ? p.Population : null, Math.Round(p.Point.Y, 5), Math.Round(p.Point.X, 5), p.Region,
            p.Typed is null ? null : p.Name)).ToList();
    }
}
