using KreativLand.Web.Domain;

namespace KreativLand.Web.Infrastructure;

/// <summary>Absolute addresses for canonical links, hreflang, OpenGraph, the sitemap and the feed.</summary>
public static class SiteUrls
{
    /// <summary>scheme://host[:port] of the request (the language prefix, kept in PathBase, is left out).</summary>
    public static string Origin(HttpRequest request) => $"{request.Scheme}://{request.Host.ToUriComponent()}";

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
