using KreativLand.Web.Data;
using KreativLand.Web.Domain;
using KreativLand.Web.Places;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KreativLand.Web.Pages.Admin;

/// <summary>GET /admin/gazetteer?q=…[&amp;country=DE]: places whose name starts with q, largest first, as JSON for the editor.</summary>
public class GazetteerModel(KreativLandDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? q, string? country, CancellationToken cancellationToken) =>
        new JsonResult(new
        {
            attribution = GazetteerPlace.Attribution,
            places = await PlaceQueries.Suggest(db, q, country, Languages.Current, cancellationToken),
        });
}
