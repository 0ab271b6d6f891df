using KreativLand.Web.Data;
using KreativLand.Web.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using KreativLand.Web.Infrastructure;

namespace KreativLand.Web.Pages.Legal;

/// <summary>The imprint (/imprint) and the privacy notice (/privacy): the operator's text in the reader's language.</summary>
[AcceptsQuery]
public class DetailsModel(KreativLandDbContext db) : PageModel
{
    public sealed record Shown(string Slug, LocalizedText Title, LocalizedText Body, DateTimeOffset UpdatedAt);

    public Shown Legal { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var page = await db.LegalPages.AsNoTracking().Where(p => p.Slug == slug)
            .Select(p => new Shown(p.Slug, new LocalizedText(p.TitleDe, p.TitleEn), new LocalizedText(p.BodyDe, p.BodyEn), p.UpdatedAt))
            .SingleOrDefaultAsync(cancellationToken);
        if (page is null) return NotFound();
        Legal = page;
        return Page();
    }
}
