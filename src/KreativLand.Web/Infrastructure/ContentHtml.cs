using System.Text.Encodings.Web;
using KreativLand.Web.Domain;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace KreativLand.Web.Infrastructure;

/// <summary>Renders listing content in the reader's language, marking text shown in the other language.</summary>
public static class ContentHtml
{
    public static IHtmlContent Text(this IHtmlHelper html, LocalizedText text) => Render(html, text.InCurrentCulture(), paragraphs: false);

    /// <summary>Plain text with blank-line separated paragraphs, each as &lt;p&gt;.</summary>
    public static IHtmlContent Paragraphs(this IHtmlHelper html, LocalizedText text) => Render(html, text.InCurrentCulture(), paragraphs: true);

    private static IHtmlContent Render(IHtmlHelper html, Translated text, bool paragraphs)
    {
        if (!text.HasText) return HtmlString.Empty;
        var encoder = HtmlEncoder.Default;
        var builder = new HtmlContentBuilder();
        if (paragraphs)
        {
            var tag = text.IsFallback ? $"<div lang=\"{text.Language}\" class=\"fallback\">" : "<div>";
            builder.AppendHtml(tag);
            foreach (var paragraph in text.Text.Split(["\r\n\r\n", "\n\n"], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                builder.AppendHtml("<p>").AppendHtml(encoder.Encode(paragraph).Replace("&#xA;", "<br>")).AppendHtml("</p>");
            builder.AppendHtml("</div>");
        }
        else if (text.IsFallback)
        {
            builder.AppendHtml($"<span lang=\"{text.Language}\" class=\"fallback\">").Append(text.Text).AppendHtml("</span>");
        }
        else
        {
            builder.Append(text.Text);
        }
        if (text.IsFallback) builder.AppendHtml(FallbackNote(html, text.Language));
        return builder;
    }

    private static string FallbackNote(IHtmlHelper html, string language)
    {
        var localizer = html.ViewContext.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        return $" <small class=\"fallback-note\">({HtmlEncoder.Default.Encode(localizer["Content.OnlyIn." + language])})</small>";
    }
}
