using KreativLand.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using KreativLand.Web.Infrastructure;

namespace KreativLand.Web.Pages.Api;

/// <summary>The API page: explains endpoints and parameters; the region example is a region this database really has.</summary>
[AcceptsQuery]
public class IndexModel(KreativLandDbContext db) : PageModel
{
    public string? RegionExample { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        RegionExample = await db.Regions.AsNoTracking()
            .OrderBy(r => r.Level == Domain.Region.CountryLevel ? 1 : 0).ThenBy(r => r.Name)
            .Select(r => r.Slug).FirstOrDefaultAsync(cancellationToken);
}
