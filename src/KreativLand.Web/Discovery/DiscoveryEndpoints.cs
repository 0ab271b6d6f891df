using System.Globalization;
using System.Text;
using System.Xml.Linq;
using KreativLand.Web.Api;
using KreativLand.Web.Data;
using KreativLand.Web.Domain;
using KreativLand.Web.Infrastructure;
using KreativLand.Web.Listings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KreativLand.Web.Discovery;

/// <summary>What search engines and feed readers fetch: /sitemap.xml, /robots.txt and the Atom feed /feed.atom.</summary>
public static class DiscoveryEndpoints
{
    public const int FeedSize = 50;
    public const string FeedTag = "Feeds";
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    /// <summary>Pages that exist once per language, without a database lookup.</summary>
    public static readonly string[] FixedPages = ["/", "/cooperations", "/partners", "/evaluation", "/knowledge", "/imprint", "/privacy"];

    public static IEndpointRouteBuilder MapDiscovery(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/sitemap.xml", SitemapAsync).ExcludeFromDescription().WithMetadata(new AcceptsQueryAttribute());
        endpoints.MapGet("/robots.txt", Robots).ExcludeFromDescription().WithMetadata(new AcceptsQueryAttribute());
        endpoints.MapGet("/feed.atom", FeedAsync).WithName("FeedOfNewCooperations").WithTags(FeedTag).AddEndpointFilter(ListingRequest.RefuseInvalid)
            .WithSummary("Newly published cooperations matching the map's filter parameters, as an Atom feed.");
        return endpoints;
    }

    private static IResult Robots(HttpContext context)
    {
        var origin = SiteUrls.Origin(context.Request);
        var lines = new StringBuilder()
            .Append("User-agent: *\n")
            .Append("Disallow: /admin\n");
        foreach (var language in Languages.All) lines.Append($"Disallow: /{language}/admin\n");
        lines.Append($"\nSitemap: {origin}/sitemap.xml\n");
        return Results.Text(lines.ToString(), "text/plain; charset=utf-8");
    }

    private static async Task<IResult> SitemapAsync(HttpContext context, KreativLandDbContext db, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var pages = FixedPages.Select(path => (Path: path, LastModified: (DateTimeOffset?)null)).ToList();

        var profiles = await CooperationQueries.Published(db)
            .OrderBy(c => c.Slug)
            .Select(c => new { c.Slug, c.UpdatedAt })
            .ToListAsync(cancellationToken);
        pages.AddRange(profiles.Select(p => ($"/cooperations/{p.Slug}", (DateTimeOffset?)p.UpdatedAt)));

        var partners = await CooperationQueries.PublicPartners(db)
            .OrderBy(p => p.Slug)
            .Select(p => p.Slug)
            .ToListAsync(cancellationToken);
        pages.AddRange(partners.Select(slug => ($"/partners/{slug}", (DateTimeOffset?)null)));


        var knowledge = await db.KnowledgePages.AsNoTracking()
            .OrderBy(k => k.SortOrder).ThenBy(k => k.Slug)
            .Select(k => new { k.Slug, k.UpdatedAt })
            .ToListAsync(cancellationToken);
        pages.AddRange(knowledge.Select(k => ($"/knowledge/{k.Slug}", (DateTimeOffset?)k.UpdatedAt)));

        XElement Alternate(string hreflang, string href) =>
            new(Xhtml + "link", new XAttribute("rel", "alternate"), new XAttribute("hreflang", hreflang), new XAttribute("href", href));

        var urlset = new XElement(Sitemap + "urlset", new XAttribute(XNamespace.Xmlns + "xhtml", Xhtml),
            pages.SelectMany(page => Languages.All.Select(language => new XElement(Sitemap + "url",
                new XElement(Sitemap + "loc", SiteUrls.InLanguage(request, language, page.Path)),
                page.LastModified is { } modified ? new XElement(Sitemap + "lastmod", modified.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) : null,
                Languages.All.Select(other => Alternate(other, SiteUrls.InLanguage(request, other, page.Path))),
                Alternate("x-default", SiteUrls.Neutral(request, page.Path))))));
        // Only addresses: the site's origin and slugs (a–z, 0–9, hyphens; checked wherever one is written), no stored free text.
        return Xml(new XDocument(new XDeclaration("1.0", "utf-8", null), urlset), "application/xml");
    }

    private static async Task<IResult> FeedAsync(ListingRequest listing, HttpContext context, KreativLandDbContext db, IStringLocalizer<SharedResource> localizer,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        // The map's parameters through the map's parser (ListingRequest): a bad one is a 400 naming it, as in the API.
        var (filter, language) = (listing.Filter, Languages.Current);
        var year = clock.GetUtcNow().Year;
        var entries = await CooperationSearchQuery.Apply(db, CooperationQueries.Published(db), filter!, year)
            .OrderByDescending(c => c.PublishedAt).ThenBy(c => c.Slug)
            .Take(FeedSize)
            .Select(c => new
            {
                c.Slug,
                Title = CooperationQueries.Text(c.Title),
                Summary = CooperationQueries.Text(c.Summary),
                c.Location.Municipality,
                c.Location.CountryCode,
                c.PublishedAt,
                c.UpdatedAt,
                Partners = c.Partners.OrderBy(p => p.SortOrder).Select(p => p.Partner.Name).ToList(),
                Subsectors = c.Partners.Where(p => p.Partner.Subsector != null).OrderBy(p => p.SortOrder)
                    .Select(p => new SubsectorBadge(p.Partner.Subsector!.Code, p.Partner.Subsector.NameDe, p.Partner.Subsector.NameEn, p.Partner.Subsector.Colour)).ToList(),
            })
            .ToListAsync(cancellationToken);

        var request = context.Request;
        var licence = DataLicence.Of(context);
        var query = filter!.ToQueryString();
        var selfQuery = query.Length == 0 ? "?lang=" + language : query + "&lang=" + language;
        static string Date(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var updated = entries.Count == 0 ? clock.GetUtcNow() : entries.Max(e => e.UpdatedAt > (e.PublishedAt ?? e.UpdatedAt) ? e.UpdatedAt : e.PublishedAt ?? e.UpdatedAt);

        var feed = new XElement(Atom + "feed",
            new XAttribute(XNamespace.Xml + "lang", language),
            new XElement(Atom + "id", SiteUrls.Neutral(request, "/feed.atom", query.Length == 0 ? null : query)),
            // A filtered feed says what it follows: feed readers show the title, and two feeds of one site must be told apart.
            new XElement(Atom + "title", query.Length == 0 ? localizer["Feed.Title"].Value : localizer["Feed.TitleFiltered", filter.Describe(localizer, language)].Value),
            new XElement(Atom + "subtitle", query.Length == 0 ? localizer["Feed.SubtitleAll"].Value : localizer["Feed.SubtitleFiltered", Uri.UnescapeDataString(query.TrimStart('?'))].Value),
            new XElement(Atom + "updated", Date(updated)),
            new XElement(Atom + "link", new XAttribute("rel", "self"), new XAttribute("type", "application/atom+xml"),
                new XAttribute("href", SiteUrls.Neutral(request, "/feed.atom", selfQuery))),
            new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"),
                new XAttribute("href", SiteUrls.InLanguage(request, language, "/", query.Length == 0 ? null : query))),
            new XElement(Atom + "author", new XElement(Atom + "name", localizer["Site.Name"].Value)),
            new XElement(Atom + "rights", $"{licence.Name} – {licence.Attribution} ({licence.Url})"),
            new XElement(Atom + "link", new XAttribute("rel", "license"), new XAttribute("href", licence.Url)),
            new XElement(Atom + "generator", "KreativLand"),
            entries.Select(e =>
            {
                var published = e.PublishedAt ?? e.UpdatedAt;
                var summary = e.Summary.In(language) is { HasText: true } text ? text.Text
                    : $"{e.Municipality}, {Countries.Name(e.CountryCode, language)} – {string.Join(", ", e.Partners)}";
                return new XElement(Atom + "entry",
                    new XElement(Atom + "id", SiteUrls.Neutral(request, $"/cooperations/{e.Slug}")),
                    new XElement(Atom + "title", e.Title.In(language).Text),
                    new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"),
                        new XAttribute("href", SiteUrls.InLanguage(request, language, $"/cooperations/{e.Slug}"))),
                    new XElement(Atom + "published", Date(published)),
                    new XElement(Atom + "updated", Date(e.UpdatedAt > published ? e.UpdatedAt : published)),
                    new XElement(Atom + "summary", summary),
                    e.Subsectors.DistinctBy(s => s.Code).Select(s => new XElement(Atom + "category",
                        new XAttribute("term", s.Code), new XAttribute("label", s.Name(language)))));
            }));
        return Xml(WithoutXmlIllegalCharacters(new XDocument(new XDeclaration("1.0", "utf-8", null), feed)), "application/atom+xml");
    }

    /// <summary>
    /// Stored text may hold characters XML 1.0 cannot (a control character from before the input guard): they are replaced,
    /// never a 500 for everyone. For documents that carry listing texts (the feed).
    /// </summary>
    private static XDocument WithoutXmlIllegalCharacters(XDocument document)
    {
        foreach (var text in document.DescendantNodes().OfType<XText>()) text.Value = Infrastructure.TextGuard.ForXml(text.Value);
        foreach (var attribute in document.Descendants().Attributes()) attribute.Value = Infrastructure.TextGuard.ForXml(attribute.Value);
        return document;
    }

    private static IResult Xml(XDocument document, string mediaType)
    {
        using var writer = new Utf8StringWriter();
        document.Save(writer, SaveOptions.None);
        return Results.Text(writer.ToString(), mediaType + "; charset=utf-8");
    }

    private sealed class Utf8StringWriter : StringWriter
    {
        public override Encoding Encoding => Encoding.UTF8;
    }
}
