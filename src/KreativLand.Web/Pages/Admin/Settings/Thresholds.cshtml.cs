using KreativLand.Web.Data;
using KreativLand.Web.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KreativLand.Web.Pages.Admin.Settings;

/// <summary>The per-country population thresholds of the municipality criterion (admins only).</summary>
public class ThresholdsModel(KreativLandDbContext db, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> text) : PageModel
{
    public const int MaxThreshold = 10_000_000;

    [BindProperty] public List<Row> Rows { get; set; } = [];
    [TempData] public string? Message { get; set; }
    public List<string> Problems { get; } = [];

    public sealed class Row
    {
        public string? Country { get; set; }
        /// <summary>Empty removes the country's entry (the default applies again).</summary>
        public int? Threshold { get; set; }
    }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        foreach (var (key, entry) in ModelState.Where(e => e.Value is { Errors.Count: > 0 }))
            Problems.Add(entry!.Errors[0].ErrorMessage);
        var rows = Rows.Where(r => !string.IsNullOrWhiteSpace(r.Country)).Select(r => new Row { Country = r.Country!.Trim().ToUpperInvariant(), Threshold = r.Threshold }).ToList();
        foreach (var row in rows)
        {
            if (!Countries.IsCode(row.Country)) Problems.Add(text["Thresholds.BadCountry", row.Country!]);
            if (row.Threshold is < 1 or > MaxThreshold) Problems.Add(text["Thresholds.BadValue", row.Country!, MaxThreshold]);
        }
        foreach (var twice in rows.GroupBy(r => r.Country).Where(g => g.Count() > 1)) Problems.Add(text["Thresholds.Twice", twice.Key!]);
        if (Problems.Count > 0) return Page();

        var stored = await db.CountryThresholds.ToDictionaryAsync(t => t.CountryCode);
        foreach (var row in rows)
        {
            stored.TryGetValue(row.Country!, out var existing);
            if (row.Threshold is null) { if (existing is not null) db.CountryThresholds.Remove(existing); }
            else if (existing is null) db.CountryThresholds.Add(new CountryThreshold { CountryCode = row.Country!, PopulationThreshold = row.Threshold.Value });
            else existing.PopulationThreshold = row.Threshold.Value;
        }
        await db.SaveChangesAsync();
        Message = "Thresholds.Saved";
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        Rows = await db.CountryThresholds.AsNoTracking().OrderBy(t => t.CountryCode)
            .Select(t => new Row { Country = t.CountryCode, Threshold = t.PopulationThreshold }).ToListAsync();
        Rows.Add(new Row());
    }
}
