using Ganss.Xss;
using Markdig;
using Microsoft.AspNetCore.Html;

namespace KreativLand.Web.Infrastructure;

/// <summary>
/// Markdown written by curators → HTML that is safe to show: Markdig renders, HtmlSanitizer then removes
/// scripts, event handlers, javascript: links and inline styles (which the CSP would refuse anyway).
/// </summary>
public static class MarkdownHtml
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedTags.Remove("form");
        sanitizer.AllowedTags.Remove("input");
        sanitizer.AllowedTags.Remove("button");
        sanitizer.AllowedTags.Remove("textarea");
        sanitizer.AllowedTags.Remove("select");
        sanitizer.AllowedSchemes.Add("mailto");
        return sanitizer;
    }

    public static string ToSafeHtml(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? "" : Sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline));

    public static IHtmlContent Render(string? markdown) => new HtmlString(ToSafeHtml(markdown));
}
