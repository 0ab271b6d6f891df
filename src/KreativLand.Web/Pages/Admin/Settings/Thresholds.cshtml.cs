using KreativLand.Web.Data;
using KreativLand.Web.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KreativLand.Web.Pages.Admin.Settings;

/// <summary>
/// The population thresholds of the municipality criterion (admins only): every European country with its derived value
/// (<see cref="PopulationThresholds"/>), the admins' own value where one is set, and which applies.
/// </summary>
public class ThresholdsModel(KreativLandDbContext db, TimeProvider clock, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> text) : PageModel
{
    public const int MaxThreshold = 10_000_000;

    /// <summary>The admins' values by country; an empty field removes the country's value (the derived one applies again).</summary>
    [BindProperty] public Dictionary<string, int?> Set { get; set; } = [];
    [TempData] public string? Message { get; set; }
    public List<string> Problems { get; } = [];
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public sealed record Row(string Country, PopulationThresholds.CountryFigures? Figures, int? Derived, int? AdminValue, string? SetBy, DateTimeOffset? SetAt)
    {
        public PopulationThreshold? Applies => PopulationThresholds.For(Country, AdminValue);
    }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        foreach (var (key, entry) in ModelState.Where(e => e.Value is { Errors.Count: > 0 }))
            Problems.Add(text["Thresholds.BadValue", key.Replace("Set[", "").TrimEnd(']'), MaxThreshold]);
        foreach (var (country, value) in Set)
        {
            if (!Countries.European.Contains(country)) Problems.Add(text["Thresholds.BadCountry", country]);
            else if (value is < 1 or > MaxThreshold) Problems.Add(text["Thresholds.BadValue", country, MaxThreshold]);
        }
        if (Problems.Count > 0)
        {
            await LoadAsync();
            return Page();
        }

        var stored = await db.CountryThresholds.ToDictionaryAsync(t => t.CountryCode);
        var now = clock.GetUtcNow();
        foreach (var (country, value) in Set)
        {
            stored.TryGetValue(country, out var existing);
            if (value is null) { if (existing is not null) db.CountryThresholds.Remove(existing); continue; }
            if (existing?.PopulationThreshold == value) continue;
            if (existing is null) db.CountryThresholds.Add(existing = new CountryThreshold { CountryCode = country });
            existing.PopulationThreshold = value.Value;
            existing.SetBy = User.Identity!.Name;
            existing.SetAt = now;
        }
        await db.SaveChangesAsync();
        Message = "Thresholds.Saved";
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        var admin = await db.CountryThresholds.AsNoTracking().ToDictionaryAsync(t => t.CountryCode);
        Rows = Countries.European.Select(code =>
        {
            admin.TryGetValue(code, out var set);
            var figures = PopulationThresholds.Figures.FirstOrDefault(f => f.CountryCode == code);
            return new Row(code, figures, PopulationThresholds.Derived(code), set?.PopulationThreshold, set?.SetBy, set?.SetAt);
        }).ToList();
    }
}
