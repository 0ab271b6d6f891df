using KreativLand.Web.Data;
using KreativLand.Web.Domain;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KreativLand.Web.Pages.Admin.Settings;

/// <summary>Admins write the imprint and the privacy notice (Markdown, German and English) with a sanitised preview.</summary>
public class LegalModel(KreativLandDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public sealed class PageInput
    {
        public string? TitleDe { get; set; }
        public string? TitleEn { get; set; }
        public string? BodyDe { get; set; }
        public string? BodyEn { get; set; }
    }

    [BindProperty] public PageInput Input { get; set; } = new();
    [BindProperty] public uint Version { get; set; }
    [TempData] public string? Message { get; set; }

    public string Slug { get; private set; } = LegalPage.Imprint;
    public List<string> Problems { get; } = [];
    public (IHtmlContent De, IHtmlContent En)? Preview { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public string? UpdatedBy { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? slug, CancellationToken cancellationToken)
    {
        if (!Select(slug)) return NotFound();
        var page = await db.LegalPages.AsNoTracking().SingleOrDefaultAsync(p => p.Slug == Slug, cancellationToken);
        if (page is null) return NotFound();
        Version = page.Version;
        UpdatedAt = page.UpdatedAt;
        UpdatedBy = page.UpdatedBy;
        Input = new PageInput { TitleDe = page.TitleDe, TitleEn = page.TitleEn, BodyDe = page.BodyDe, BodyEn = page.BodyEn };
        return Page();
    }

    public IActionResult OnPostPreview(string? slug)
    {
        if (!Select(slug)) return NotFound();
        Preview = (Infrastructure.MarkdownHtml.Render(Input.BodyDe), Infrastructure.MarkdownHtml.Render(Input.BodyEn));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? slug, CancellationToken cancellationToken)
    {
        if (!Select(slug)) return NotFound();
        if (string.IsNullOrWhiteSpace(Input.TitleDe) || string.IsNullOrWhiteSpace(Input.TitleEn)) Problems.Add(localizer["LegalEditor.Error.Title"]);
        if (string.IsNullOrWhiteSpace(Input.BodyDe) || string.IsNullOrWhiteSpace(Input.BodyEn)) Problems.Add(localizer["LegalEditor.Error.Body"]);
        foreach (var (field, value, max) in new[]
        {
            ("TitleDe", Input.TitleDe, LegalPage.MaxTitleLength), ("TitleEn", Input.TitleEn, LegalPage.MaxTitleLength),
            ("BodyDe", Input.BodyDe, LegalPage.MaxBodyLength), ("BodyEn", Input.BodyEn, LegalPage.MaxBodyLength),
        })
        {
            if ((value?.Trim().Length ?? 0) > max) Problems.Add(localizer["KnowledgeEditor.Error.TooLong", localizer["KnowledgeEditor.Field." + field], max]);
        }
        if (Problems.Count > 0) return Page();

        var page = await db.LegalPages.SingleOrDefaultAsync(p => p.Slug == Slug, cancellationToken);
        if (page is null) return NotFound();
        db.Entry(page).Property(p => p.Version).OriginalValue = Version;
        page.TitleDe = Input.TitleDe!.Trim();
        page.TitleEn = Input.TitleEn!.Trim();
        page.BodyDe = Input.BodyDe!.Trim();
        page.BodyEn = Input.BodyEn!.Trim();
        page.UpdatedAt = clock.GetUtcNow();
        page.UpdatedBy = User.Identity?.Name;
        if (!await db.SavedUnlessOvertakenAsync(cancellationToken))
        {
            // Another admin saved in between: this admin's text stays in the form.
            Problems.Add(localizer["KnowledgeEditor.Error.Conflict"]);
            Version = await db.LegalPages.AsNoTracking().Where(p => p.Slug == Slug).Select(p => p.Version).SingleAsync(cancellationToken);
            return Page();
        }
        Message = "LegalEditor.Saved";
        return RedirectToPage(new { slug = Slug });
    }

    private bool Select(string? slug)
    {
        Slug = slug ?? LegalPage.Imprint;
        return LegalPage.Slugs.Contains(Slug);
    }
}
