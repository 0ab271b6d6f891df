using KreativLand.Web.Data;
using KreativLand.Web.Domain;
using KreativLand.Web.Listings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using KreativLand.Web.Infrastructure;

namespace KreativLand.Web.Pages.Knowledge;

/// <summary>One knowledge page: its Markdown in the reader's language, example profiles and the other pages.</summary>
[AcceptsQuery]
public class DetailsModel(KreativLandDbContext db) : PageModel
{
    public Article Shown { get; private set; } = null!;
    public IReadOnlyList<CooperationCard> Examples { get; private set; } = [];
    public IReadOnlyList<Link> Others { get; private set; } = [];

    public sealed record Article(string Slug, LocalizedText Title, LocalizedText Summary, LocalizedText Body, List<string> ExampleSlugs, DateTimeOffset UpdatedAt);
    public sealed record Link(string Slug, LocalizedText Title);

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var page = await db.KnowledgePages.AsNoTracking()
            .Where(k => k.Slug == slug)
            .Select(k => new Article(k.Slug, new LocalizedText(k.TitleDe, k.TitleEn), new LocalizedText(k.SummaryDe, k.SummaryEn),
                new LocalizedText(k.BodyDe, k.BodyEn), k.ExampleSlugs, k.UpdatedAt))
            .SingleOrDefaultAsync(cancellationToken);
        if (page is null) return NotFound();
        Shown = page;

        var slugs = page.ExampleSlugs;
        var cards = await CooperationQueries.ToCards(CooperationQueries.Published(db).Where(c => slugs.Contains(c.Slug))).ToListAsync(cancellationToken);
        // In the curator's order; unpublished or unknown slugs simply do not appear.
        Examples = cards.OrderBy(c => slugs.IndexOf(c.Slug))
            .Select(CooperationQueries.DistinctSubsectors).ToList();

        Others = await db.KnowledgePages.AsNoTracking()
            .Where(k => k.Slug != slug)
            .OrderBy(k => k.SortOrder).ThenBy(k => k.Slug)
            .Select(k => new Link(k.Slug, new LocalizedText(k.TitleDe, k.TitleEn)))
            .ToListAsync(cancellationToken);
        return Page();
    }
}
