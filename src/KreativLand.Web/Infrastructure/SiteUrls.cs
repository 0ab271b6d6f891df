using KreativLand.Web.Domain;

namespace KreativLand.Web.Infrastructure;

/// <summary>"Site" configuration: the public address absolute links are built from.</summary>
public sealed class SiteOptions
{
    public const string Section = "Site";
    /// <summary>scheme://host[:port] under which the public reaches the site, e.g. https://kreativland.example.org.</summary>
    public string? PublicOrigin { get; set; }
}

/// <summary>Absolute addresses for canonical links, hreflang, OpenGraph, the sitemap, the feed, CSV, OGC and embed snippets.</summary>
public static class SiteUrls
{
    /// <summary>
    /// scheme://host[:port] of the site (the language prefix, kept in PathBase, is left out): the configured
    /// Site:PublicOrigin. Without it the request's own scheme and host are used only when the Host header was checked
    /// (AllowedHosts names hosts) or names this machine (localhost, 127.0.0.1, ::1); a forged Host never reaches a link.
    /// </summary>
    public static string Origin(HttpRequest request)
    {
        // Asked once per row by the sitemap, feed and exports: worked out once per request.
        if (request.HttpContext.Items[OriginItem] is string known) return known;
        var origin = FindOrigin(request);
        request.HttpContext.Items[OriginItem] = origin;
        return origin;
    }

    private const string OriginItem = "kl-site-origin";

    private static string FindOrigin(HttpRequest request)
    {
        var services = request.HttpContext.RequestServices;
        if (services.GetService<Microsoft.Extensions.Options.IOptions<SiteOptions>>()?.Value.PublicOrigin is { Length: > 0 } configured)
            return configured.TrimEnd('/');
        var host = request.Host.Host;
        var checkedHosts = services.GetService<IConfiguration>()?["AllowedHosts"] is { Length: > 0 } allowed && allowed.Trim() != "*";
        var local = host is "localhost" or "127.0.0.1" or "[::1]" or "::1";
        return checkedHosts || local ? $"{request.Scheme}://{request.Host.ToUriComponent()}" : $"{request.Scheme}://localhost";
    }

    /// <summary>The page at <paramref name="path"/> ("/" or "/cooperations/x") in one language: https://host/en/cooperations/x.</summary>
    public static string InLanguage(HttpRequest request, string language, string path, string? query = null) =>
        $"{Origin(request)}/{language}{(path == "/" ? "/" : path)}{query}";

    /// <summary>The unprefixed address, which picks the language from the visitor's choice or browser (hreflang x-default).</summary>
    public static string Neutral(HttpRequest request, string path, string? query = null) => $"{Origin(request)}{path}{query}";

    /// <summary>An address that may be relative to the site ("/img/x.jpg") made absolute; absolute ones stay.</summary>
    public static string Absolute(HttpRequest request, string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https"
            ? absolute.ToString()
            : Origin(request) + (url.StartsWith('/') ? url : "/" + url);

    public static string OpenGraphLocale(string language) => language == Languages.English ? "en_GB" : "de_DE";
}
