using KreativLand.Web.Data;
using KreativLand.Web.Domain;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using KreativLand.Web.Infrastructure;

namespace KreativLand.Web.Pages.Knowledge;

/// <summary>The overview of the knowledge pages.</summary>
[AcceptsQuery]
public class IndexModel(KreativLandDbContext db) : PageModel
{
    public IReadOnlyList<Entry> Pages { get; private set; } = [];

    public sealed record Entry(string Slug, LocalizedText Title, LocalizedText Summary, DateTimeOffset UpdatedAt);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Pages = await db.KnowledgePages.AsNoTracking()
            .OrderBy(k => k.SortOrder).ThenBy(k => k.Slug)
            .Select(k => new Entry(k.Slug, new LocalizedText(k.TitleDe, k.TitleEn), new LocalizedText(k.SummaryDe, k.SummaryEn), k.UpdatedAt))
            .ToListAsync(cancellationToken);
}
