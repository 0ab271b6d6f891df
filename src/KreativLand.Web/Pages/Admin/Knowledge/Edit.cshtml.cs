using System.ComponentModel.DataAnnotations;
using KreativLand.Web.Data;
using KreativLand.Web.Domain;
using KreativLand.Web.Infrastructure;
using KreativLand.Web.Listings;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KreativLand.Web.Pages.Admin.Knowledge;

/// <summary>Create and edit a knowledge page: Markdown in German and English with a sanitised preview.</summary>
public class EditModel(KreativLandDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const int MaxBodyLength = 50_000;

    public sealed class PageInput
    {
        public string? Slug { get; set; }
        public string? TitleDe { get; set; }
        public string? TitleEn { get; set; }
        public string? SummaryDe { get; set; }
        public string? SummaryEn { get; set; }
        public string? BodyDe { get; set; }
        public string? BodyEn { get; set; }
        /// <summary>Cooperation slugs, one per line or separated by commas.</summary>
        public string? Examples { get; set; }
        [Range(0, 1000)] public int SortOrder { get; set; }
    }

    [BindProperty] public PageInput Input { get; set; } = new();
    [BindProperty] public uint Version { get; set; }
    [TempData] public string? Message { get; set; }

    public int? Id { get; private set; }
    public List<string> Problems { get; } = [];
    public List<string> Warnings { get; } = [];
    public (IHtmlContent De, IHtmlContent En)? Preview { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        if (id is null) return Page();
        var page = await db.KnowledgePages.AsNoTracking().SingleOrDefaultAsync(k => k.Id == id, cancellationToken);
        if (page is null) return NotFound();
        Id = page.Id;
        Version = page.Version;
        Input = new PageInput
        {
            Slug = page.Slug, TitleDe = page.TitleDe, TitleEn = page.TitleEn, SummaryDe = page.SummaryDe, SummaryEn = page.SummaryEn,
            BodyDe = page.BodyDe, BodyEn = page.BodyEn, Examples = string.Join("\n", page.ExampleSlugs), SortOrder = page.SortOrder,
        };
        return Page();
    }

    public IActionResult OnPostPreview(int? id)
    {
        Id = id;
        Preview = (MarkdownHtml.Render(Input.BodyDe), MarkdownHtml.Render(Input.BodyEn));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        Id = id;
        var slug = Input.Slug?.Trim().ToLowerInvariant() ?? "";
        var examples = (Input.Examples ?? "").Split([',', '\n', '\r', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct().ToList();
        Validate(slug, examples);
        if (Problems.Count == 0 && await db.KnowledgePages.AnyAsync(k => k.Slug == slug && k.Id != id, cancellationToken))
            Problems.Add(localizer["KnowledgeEditor.Error.SlugTaken", slug]);
        if (Problems.Count > 0) return Page();

        KnowledgePage page;
        if (id is null)
        {
            page = new KnowledgePage();
            db.KnowledgePages.Add(page);
        }
        else
        {
            var stored = await db.KnowledgePages.SingleOrDefaultAsync(k => k.Id == id, cancellationToken);
            if (stored is null) return NotFound();
            page = stored;
            db.Entry(page).Property(k => k.Version).OriginalValue = Version;
        }
        page.Slug = slug;
        page.TitleDe = Input.TitleDe?.Trim() ?? "";
        page.TitleEn = Input.TitleEn?.Trim() ?? "";
        page.SummaryDe = Input.SummaryDe?.Trim() ?? "";
        page.SummaryEn = Input.SummaryEn?.Trim() ?? "";
        page.BodyDe = Input.BodyDe?.Trim() ?? "";
        page.BodyEn = Input.BodyEn?.Trim() ?? "";
        page.ExampleSlugs = examples;
        page.SortOrder = Input.SortOrder;
        page.UpdatedAt = clock.GetUtcNow();
        if (!await db.SavedUnlessOvertakenAsync(cancellationToken))
        {
            // Someone saved in between: keep this curator's input, show that the stored page changed.
            Problems.Add(localizer["KnowledgeEditor.Error.Conflict"]);
            Version = await db.KnowledgePages.AsNoTracking().Where(k => k.Id == id).Select(k => k.Version).SingleOrDefaultAsync(cancellationToken);
            return Page();
        }
        // Unknown or unpublished examples are kept (a listing may be published later) but named to the curator.
        var published = await CooperationQueries.Published(db).Where(c => examples.Contains(c.Slug)).Select(c => c.Slug).ToListAsync(cancellationToken);
        var unpublished = examples.Except(published).ToList();
        Message = unpublished.Count == 0 ? "KnowledgeEditor.Saved" : "KnowledgeEditor.SavedWithHidden";
        TempData["Hidden"] = string.Join(", ", unpublished);
        return RedirectToPage(new { id = page.Id });
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        await db.KnowledgePages.Where(k => k.Id == id).ExecuteDeleteAsync(cancellationToken);
        TempData["Message"] = "KnowledgeEditor.Deleted";
        return RedirectToPage("/Admin/Knowledge/Index");
    }

    private void Validate(string slug, List<string> examples)
    {
        foreach (var (key, entry) in ModelState.Where(e => e.Value is { Errors.Count: > 0 }))
            Problems.Add($"{key}: {entry!.Errors[0].ErrorMessage}");
        if (!Slugs.IsValid(slug)) Problems.Add(localizer["KnowledgeEditor.Error.Slug"]);
        if (string.IsNullOrWhiteSpace(Input.TitleDe) && string.IsNullOrWhiteSpace(Input.TitleEn)) Problems.Add(localizer["KnowledgeEditor.Error.Title"]);
        if (string.IsNullOrWhiteSpace(Input.BodyDe) && string.IsNullOrWhiteSpace(Input.BodyEn)) Problems.Add(localizer["KnowledgeEditor.Error.Body"]);
        foreach (var (label, value, max) in new[]
        {
            ("TitleDe", Input.TitleDe, KnowledgePage.MaxTitleLength), ("TitleEn", Input.TitleEn, KnowledgePage.MaxTitleLength),
            ("SummaryDe", Input.SummaryDe, KnowledgePage.MaxSummaryLength), ("SummaryEn", Input.SummaryEn, KnowledgePage.MaxSummaryLength),
            ("BodyDe", Input.BodyDe, MaxBodyLength), ("BodyEn", Input.BodyEn, MaxBodyLength),
        })
        {
            if ((value?.Trim().Length ?? 0) > max) Problems.Add(localizer["KnowledgeEditor.Error.TooLong", localizer["KnowledgeEditor.Field." + label], max]);
        }
        if (examples.Count > 20) Problems.Add(localizer["KnowledgeEditor.Error.TooManyExamples", 20]);
    }
}
