using Microsoft.AspNetCore.Razor.TagHelpers;

namespace KreativLand.Web.Infrastructure;

/// <summary>
/// Static files are served from one path, never again under /de or /en: one cache entry per file, and a page and the embed it
/// previews load each module once. Pages write "~/css/site.css" as usual; the language prefix that "~" would add is left out.
/// </summary>
public static class SiteAssets
{
    /// <summary>"~/data/x.geojson" → "/data/x.geojson" (with the site's own path base, never the language prefix).</summary>
    public static string Url(HttpContext context, string path) =>
        LanguagePathPrefix.SitePathBase(context) + (path.StartsWith("~/", StringComparison.Ordinal) ? path[1..] : path);

    /// <summary>
    /// Runs after the built-in link and script tag helpers (they resolve "~" and append the fingerprint) and takes the language
    /// prefix out of the resulting address.
    /// </summary>
    [HtmlTargetElement("link", Attributes = "[asp-append-version]")]
    [HtmlTargetElement("script", Attributes = "[asp-append-version]")]
    public sealed class RootPathTagHelper : TagHelper
    {
        public override int Order => 1000;

        [Microsoft.AspNetCore.Mvc.ViewFeatures.ViewContext, HtmlAttributeNotBound]
        public Microsoft.AspNetCore.Mvc.Rendering.ViewContext ViewContext { get; set; } = null!;

        [HtmlAttributeName("asp-append-version")] public bool? AppendVersion { get; set; }

        public override void Process(TagHelperContext context, TagHelperOutput output)
        {
            var http = ViewContext.HttpContext;
            var languageBase = http.Request.PathBase.Value ?? "";
            var siteBase = LanguagePathPrefix.SitePathBase(http).Value ?? "";
            if (languageBase == siteBase) return;
            foreach (var name in new[] { "href", "src" })
            {
                if (!output.Attributes.TryGetAttribute(name, out var attribute)) continue;
                var value = attribute.Value switch
                {
                    string text => text,
                    Microsoft.AspNetCore.Html.IHtmlContent html => Render(html),
                    var other => other?.ToString(),
                };
                if (value is not null && value.StartsWith(languageBase + "/", StringComparison.Ordinal))
                    output.Attributes.SetAttribute(name, siteBase + value[languageBase.Length..]);
            }
        }

        private static string Render(Microsoft.AspNetCore.Html.IHtmlContent html)
        {
            using var writer = new StringWriter();
            html.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
            return System.Net.WebUtility.HtmlDecode(writer.ToString());
        }
    }
}
