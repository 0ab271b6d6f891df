using KreativLand.Web.Data;
using KreativLand.Web.Domain;
using KreativLand.Web.Import;
using KreativLand.Web.Regions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KreativLand.Web.Pages.Admin.Settings;

/// <summary>Region boundaries for the map's region filter: upload a GeoJSON set, see and remove the sets (admins only).</summary>
[RequestSizeLimit(RegionImporter.MaxFileBytes + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = RegionImporter.MaxFileBytes + 1024 * 1024)]
public class RegionsModel(KreativLandDbContext db, RegionImporter importer) : PageModel
{
    public sealed record LevelSummary(string Level, int Count, IReadOnlyList<string> Examples);

    public IReadOnlyList<LevelSummary> Levels { get; private set; } = [];
    public List<string> Problems { get; } = [];
    [TempData] public string? Message { get; set; }

    private static readonly ImportMessages L = ImportMessages.Current;

    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public string? Level { get; set; }
    [BindProperty] public string? NameProperty { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostImportAsync(CancellationToken cancellationToken)
    {
        var level = Level?.Trim().ToLowerInvariant();
        if (Upload is null || Upload.Length == 0) Problems.Add("Regions.Error.NoFile");
        else if (Upload.Length > RegionImporter.MaxFileBytes) Problems.Add("Regions.Error.TooLarge");
        if (string.IsNullOrEmpty(level) || level.Length > 40 || !Slugs.IsValid(level)) Problems.Add("Regions.Error.Level");
        if (Problems.Count == 0)
        {
            await using var stream = Upload!.OpenReadStream();
            var result = await importer.ImportAsync(stream,
                new RegionImporter.Options(level, string.IsNullOrWhiteSpace(NameProperty) ? "name" : NameProperty.Trim()), cancellationToken);
            if (result.Succeeded)
            {
                Message = $"{result.Created} + {result.Updated}";
                return RedirectToPage();
            }
            // Importer messages name the feature and field, already in the UI language; they are shown as they are.
            Problems.AddRange(result.Errors.Take(50));
            if (result.Errors.Count > 50) Problems.Add(L["ImportMessage.More", result.Errors.Count - 50]);
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(string level, CancellationToken cancellationToken)
    {
        await db.Regions.Where(r => r.Level == level).ExecuteDeleteAsync(cancellationToken);
        Message = "-" + level;
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var regions = await db.Regions.AsNoTracking().OrderBy(r => r.Level).ThenBy(r => r.Name)
            .Select(r => new { r.Level, r.Name }).ToListAsync(cancellationToken);
        Levels = regions.GroupBy(r => r.Level)
            .Select(g => new LevelSummary(g.Key, g.Count(), g.Take(8).Select(r => r.Name).ToList())).ToList();
    }
}
