using System.Text.Json;
using KreativLand.Web.Data;
using KreativLand.Web.Operations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KreativLand.Web.Pages.Admin.Settings;

/// <summary>An admin answers a submitter's request under the GDPR: shows, exports (art. 15/20) and erases (art. 17) their data.</summary>
public class PrivacyModel(KreativLandDbContext db, TimeProvider clock, ILogger<PrivacyModel> logger) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Email { get; set; }
    public IReadOnlyList<Privacy.Submission> Submissions { get; private set; } = [];
    public int? Erased { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(Email)) Submissions = await Privacy.FindAsync(db, Email, cancellationToken);
    }

    /// <summary>Everything stored about the submitter, as JSON: contact, consent, and each listing they sent with its texts and history.</summary>
    public async Task<IActionResult> OnPostExportAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Email)) return RedirectToPage();
        var found = await Privacy.FindAsync(db, Email, cancellationToken);
        var ids = found.Select(s => s.Id).ToList();
        var listings = await db.Cooperations.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new
            {
                c.Slug, c.Status, c.SubmitterEmail, c.SubmitterConsentAt, c.CreatedAt,
                Title = new { c.Title.De, c.Title.En }, Summary = new { c.Summary.De, c.Summary.En }, Description = new { c.Description.De, c.Description.En },
                Partners = c.Partners.Select(p => new { p.Partner.Name, p.Partner.Website, p.Partner.Employees, p.Partner.Sector }),
                History = c.StatusChanges.OrderBy(s => s.ChangedAt).Select(s => new { s.To, s.ChangedAt, s.ChangedBy }),
            })
            .ToListAsync(cancellationToken);
        logger.LogInformation("Privacy export of {Count} submissions by {Admin}", listings.Count, User.Identity?.Name);
        var json = JsonSerializer.SerializeToUtf8Bytes(new { subject = Email.Trim(), exportedAt = clock.GetUtcNow(), submissions = listings },
            new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true, Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } });
        return File(json, "application/json", $"kreativland-personal-data-{clock.GetUtcNow():yyyy-MM-dd}.json");
    }

    /// <summary>Erases the submitter's contact address and consent from every listing; the listings themselves stay (they describe the cooperation, not the person).</summary>
    public async Task<IActionResult> OnPostEraseAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Email)) return RedirectToPage();
        Erased = await Privacy.EraseSubmitterAsync(db, Email, cancellationToken);
        logger.LogInformation("Privacy erasure: contact data removed from {Count} submissions by {Admin}", Erased, User.Identity?.Name);
        Submissions = await Privacy.FindAsync(db, Email, cancellationToken);
        return Page();
    }
}
