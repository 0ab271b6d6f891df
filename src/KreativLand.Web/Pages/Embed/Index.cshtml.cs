using System.Text.Encodings.Web;
using KreativLand.Web.Data;
using KreativLand.Web.Domain;
using KreativLand.Web.Infrastructure;
using KreativLand.Web.Listings;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace KreativLand.Web.Pages.Embed;

/// <summary>
/// The embed-code generator: a partner picks filters, language, size and options, sees the live preview and copies
/// the iframe or the script snippet. Without JavaScript the form reloads the page with fresh snippets;
/// embed-generator.js builds the same snippets live.
/// </summary>
[AcceptsQuery("list", "legend", "height", "width", Filter = true, LanguageIsParameter = true)]
public class IndexModel(KreativLandDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public FilterForm Form { get; private set; } = null!;
    public string EmbedLanguage { get; private set; } = Languages.German;
    public bool List { get; private set; }
    public bool Legend { get; private set; } = true;
    public int Height { get; private set; } = 500;
    public string Width { get; private set; } = "100%";

    public string Origin => SiteUrls.Origin(Request);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Form = await FilterForm.LoadAsync(Request, db, clock.GetUtcNow().Year, cancellationToken);
        // The generator keeps working with its defaults, but says which of the given values it could not use.
        var problems = new List<string>();
        var parameters = new EmbedParameters(Request.Query, localizer, problems);
        EmbedLanguage = parameters.Language() ?? Languages.Current;
        List = parameters.Switch("list", false);
        Legend = parameters.Switch("legend", true);
        Height = parameters.Height(Height);
        if (parameters.Single("width") is { } width)
        {
            if (System.Text.RegularExpressions.Regex.IsMatch(width, @"^\d{1,4}(px|%)?$")) Width = width;
            else parameters.Fail("width", "Embed.Error.Width", width);
        }
        if (problems.Count > 0) Form = Form with { Errors = Form.Errors.Concat(problems).ToList() };
        if (Form.Errors.Count > 0) Response.StatusCode = StatusCodes.Status400BadRequest;
    }

    /// <summary>The embed settings besides the filter, in the order the snippets show them.</summary>
    private IEnumerable<KeyValuePair<string, string>> Options()
    {
        yield return new("lang", EmbedLanguage);
        if (List) yield return new("list", "on");
        if (!Legend) yield return new("legend", "off");
    }

    public string MapUrl =>
        Origin + "/embed/map" + QueryString.Create(Form.Filter.ToQuery().Concat(Options()).Select(p => new KeyValuePair<string, string?>(p.Key, p.Value)));

    public string IframeSnippet
    {
        get
        {
            var e = HtmlEncoder.Default;
            return $"<iframe src=\"{e.Encode(MapUrl)}\" title=\"{e.Encode(localizer["Embed.Map.Title"].Value)}\" width=\"{e.Encode(Width)}\" height=\"{Height}\" "
                + "style=\"border:0\" loading=\"lazy\" referrerpolicy=\"strict-origin-when-cross-origin\"></iframe>";
        }
    }

    public string ScriptSnippet
    {
        get
        {
            var e = HtmlEncoder.Default;
            var attributes = Form.Filter.ToQuery().Concat(Options())
                .GroupBy(p => p.Key)
                .Select(g => $" data-{Kebab(g.Key)}=\"{e.Encode(string.Join(',', g.Select(p => p.Value)))}\"");
            var width = Width == "100%" ? "" : $" data-width=\"{e.Encode(Width)}\"";
            return $"<script src=\"{Origin}/embed.js\"{string.Concat(attributes)} data-height=\"{Height}\"{width} async></script>";
        }
    }

    /// <summary>regionValue → region-value: the data- attribute whose dataset name is the parameter.</summary>
    public static string Kebab(string name) => string.Concat(name.Select(c => char.IsUpper(c) ? "-" + char.ToLowerInvariant(c) : c.ToString()));
}
