using KreativLand.Web.Data;
using KreativLand.Web.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KreativLand.Web.Pages.Admin;

/// <summary>GET /admin/gazetteer?q=…[&amp;country=DE]: places whose name starts with q, largest first, as JSON for the editor.</summary>
public class GazetteerModel(KreativLandDbContext db) : PageModel
{
    public const int MaxResults = 10;

    public sealed record Place(int Id, string Name, string Country, string CountryName, string? Admin1, int? Population, double Lat, double Lon);

    public async Task<IActionResult> OnGetAsync(string? q, string? country, CancellationToken cancellationToken)
    {
        var search = GazetteerPlace.ToSearchName(q ?? "");
        if (search.Length is < 2 or > 100) return new JsonResult(new { attribution = GazetteerPlace.Attribution, places = Array.Empty<Place>() });

        var query = db.GazetteerPlaces.AsNoTracking().Where(p => p.SearchName.StartsWith(search));
        if (country is { Length: 2 } && Countries.IsCode(country.ToUpperInvariant()))
        {
            var code = country.ToUpperInvariant();
            query = query.Where(p => p.CountryCode == code);
        }
        var rows = await query
            .OrderByDescending(p => p.SearchName == search).ThenByDescending(p => p.Population).ThenBy(p => p.Id)
            .Take(MaxResults)
            .Select(p => new { p.Id, p.Name, p.CountryCode, p.Admin1, p.Population, p.Point })
            .ToListAsync(cancellationToken);
        var language = Languages.Current;
        var places = rows.Select(p => new Place(p.Id, p.Name, p.CountryCode, Countries.Name(p.CountryCode, language), p.Admin1,
            p.Population > 0 ? p.Population : null, Math.Round(p.Point.Y, 5), Math.Round(p.Point.X, 5))).ToList();
        return new JsonResult(new { attribution = GazetteerPlace.Attribution, places });
    }
}
