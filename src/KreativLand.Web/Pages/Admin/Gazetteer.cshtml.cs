using KreativLand.Web.Data;
using KreativLand.Web.Domain;
using KreativLand.Web.Places;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace KreativLand.Web.Pages.Admin;

/// <summary>
/// GET /admin/gazetteer?q=…[&amp;country=DE]: places whose name starts with q, largest first, as JSON for the editor, each
/// with the district and the state (first-level region) where they are known, for the location's District and Region.
/// The bundled gazetteer (GeoNames) has no district names and names states only by code: a district comes from an imported
/// region set of level "district" covering the place; a state from one of level "state", else from the state tables
/// (<see cref="Subdivisions.FromGeoNames"/>: Germany, Austria, Switzerland, UK). Elsewhere both stay empty.
/// </summary>
public class GazetteerModel(KreativLandDbContext db) : PageModel
{
    public const string DistrictLevel = "district";
    public const string StateLevel = "state";

    public async Task<IActionResult> OnGetAsync(string? q, string? country, CancellationToken cancellationToken)
    {
        var places = await PlaceQueries.Suggest(db, q, country, Languages.Current, cancellationToken);
        var located = new List<object>(places.Count);
        foreach (var place in places)
        {
            // At most ten places: one small GiST lookup each.
            var point = new Point(place.Lon, place.Lat) { SRID = 4326 };
            var covering = await db.Regions.AsNoTracking()
                .Where(r => (r.Level == DistrictLevel || r.Level == StateLevel) && r.Boundary.Covers(point))
                .OrderBy(r => r.Boundary.Area)
                .Select(r => new { r.Level, r.Name })
                .ToListAsync(cancellationToken);
            located.Add(new
            {
                place.Id, place.Name, place.Country, place.CountryName, place.Admin1, place.Population, place.Lat, place.Lon,
                place.Region, place.MainName,
                District = covering.FirstOrDefault(r => r.Level == DistrictLevel)?.Name,
                State = covering.FirstOrDefault(r => r.Level == StateLevel)?.Name ?? Subdivisions.RegionText(place.Country, place.Admin1),
            });
        }
        return new JsonResult(new { attribution = GazetteerPlace.Attribution, places = located });
    }
}
