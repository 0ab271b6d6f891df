using KreativLand.Web.Pages.Embed;

namespace KreativLand.Web.Api;

/// <summary>
/// The public paths, each named once by what it answers; the middlewares compose their lists from these (after the
/// language prefix has moved to the path base). A new data endpoint under one of these prefixes gets problem+json, CORS,
/// the rate limit, validators and the output cache without any list to remember.
/// </summary>
public static class PublicPaths
{
    /// <summary>
    /// The data APIs: /api/v1, OGC API – Features and the OpenAPI document. Every answer there, errors included, is data
    /// (problem+json, never the HTML error page); any origin may read them (CORS); the API rate limit applies.
    /// </summary>
    public static readonly PathString[] Api = ["/api/v1", "/ogc", "/openapi"];

    /// <summary>What feed readers and search engines fetch that lists published data: the Atom feed and the sitemap.</summary>
    public static readonly PathString[] Feeds = ["/feed.atom", "/sitemap.xml"];

    /// <summary>HTML pages that show only published data and the request's language (no form, nothing per visitor).</summary>
    public static readonly PathString[] DataPages = ["/cooperations", "/partners", "/evaluation", "/knowledge"];

    /// <summary>
    /// The public data answered with the licence's Link header, HEAD as GET and validators: the APIs, the embedded map and
    /// the feeds (the data pages and the home page get validators too, see <see cref="PublicData"/>).
    /// </summary>
    public static readonly PathString[] Data = [.. Api, EmbedOptions.MapPath, .. Feeds];

    /// <summary>
    /// Everything a visitor without an account can read besides the home page and static files: the data, robots.txt, the
    /// data pages, the embed pages (map and generator) and the API's documentation page /api. Forms that post (submission,
    /// sign-in) and the curator area are not here.
    /// </summary>
    public static readonly PathString[] PublicReads = [.. Api, .. Feeds, "/robots.txt", .. DataPages, "/embed", "/api"];

    public static bool Under(PathString path, IEnumerable<PathString> prefixes) => prefixes.Any(prefix => path.StartsWithSegments(prefix));
}
