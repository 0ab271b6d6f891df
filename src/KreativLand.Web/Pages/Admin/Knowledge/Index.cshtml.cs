using KreativLand.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KreativLand.Web.Pages.Admin.Knowledge;

/// <summary>The knowledge pages curators maintain.</summary>
public class IndexModel(KreativLandDbContext db) : PageModel
{
    public sealed record Row(int Id, string Slug, Domain.LocalizedText Title, int SortOrder, DateTimeOffset UpdatedAt);

    public IReadOnlyList<Row> Pages { get; private set; } = [];
    [Microsoft.AspNetCore.Mvc.TempData] public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Pages = await db.KnowledgePages.AsNoTracking().OrderBy(k => k.SortOrder).ThenBy(k => k.Slug)
            .Select(k => new Row(k.Id, k.Slug, new Domain.LocalizedText(k.TitleDe, k.TitleEn), k.SortOrder, k.UpdatedAt))
            .ToListAsync(cancellationToken);
}
