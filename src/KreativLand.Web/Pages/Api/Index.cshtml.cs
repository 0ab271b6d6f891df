using KreativLand.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KreativLand.Web.Pages.Api;

/// <summary>The API page: explains endpoints and parameters; the region example is a region this database really has.</summary>
public class IndexModel(KreativLandDbContext db) : PageModel
{
    public string? RegionExample { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        RegionExample = await db.Regions.AsNoTracking()
            .OrderBy(r => r.Level == Domain.Region.CountryLevel ? 1 : 0).ThenBy(r => r.Name)
            .Select(r => r.Slug).FirstOrDefaultAsync(cancellationToken);
}
