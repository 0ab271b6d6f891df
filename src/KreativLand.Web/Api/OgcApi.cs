using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using KreativLand.Web.Data;
using KreativLand.Web.Domain;
using KreativLand.Web.Infrastructure;
using KreativLand.Web.Listings;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;

namespace KreativLand.Web.Api;

/// <summary>
/// OGC API – Features Part 1 (Core, GeoJSON, HTML) at /ogc, so GIS programs (QGIS, GDAL) load the published
/// cooperations as a layer. One collection, "cooperations"; its items take the map's filter parameters too.
/// </summary>
public static class OgcApi
{
    public const string CollectionId = "cooperations";
    public const string Tag = "OGC API – Features";
    public const int DefaultLimit = 10;
    public const int MaxLimit = 1000;
    public const string Crs84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";

    public static readonly string[] ConformanceClasses =
    [
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
    ];

    private const string JsonType = "application/json";
    private const string HtmlType = "text/html";
    /// <summary>The items' and an item's GeoJSON, with its charset named as the OGC API's other JSON answers.</summary>
    private const string FeaturesType = CooperationsApi.GeoJsonContentType + "; charset=utf-8";

    public static IEndpointRouteBuilder MapOgcApi(this IEndpointRouteBuilder endpoints)
    {
        var ogc = endpoints.MapGroup("/ogc").WithTags(Tag);
        ogc.MapGet("", LandingAsync).WithName("OgcLandingPage").WithSummary("OGC API – Features landing page.");
        ogc.MapGet("/conformance", ConformanceAsync).WithName("OgcConformance").WithSummary("The conformance classes this service implements.");
        ogc.MapGet("/collections", CollectionsAsync).WithName("OgcCollections").WithSummary("The feature collections (one: cooperations).");
        ogc.MapGet("/collections/{collectionId}", CollectionAsync).WithName("OgcCollection").WithSummary("The cooperations collection and its extent.");
        ogc.MapGet("/collections/{collectionId}/items", ItemsAsync).WithName("OgcItems")
            .WithSummary("Published cooperations as GeoJSON features: bbox, limit (1–1000, default 10), offset and every filter parameter of /api/v1/cooperations.");
        ogc.MapGet("/collections/{collectionId}/items/{featureId}", ItemAsync).WithName("OgcItem").WithSummary("One published cooperation as a GeoJSON feature.");
        return endpoints;
    }

    private enum Format { Json, Html }

    /// <summary>
    /// The format a request gets, as the output cache's key: a browser's Accept, curl's <c>*/*</c> and a GIS client's
    /// missing header each name one of two answers, so keying on the header itself would store the same body many times
    /// and miss for every new client.
    /// </summary>
    internal static string CacheFormat(HttpContext context) => Negotiate(context)?.ToString() ?? "invalid";

    /// <summary>?f=json|html wins; otherwise HTML only when the Accept header prefers it (browsers), else JSON (GIS clients).</summary>
    private static Format? Negotiate(HttpContext context)
    {
        var requested = context.Request.Query["f"].LastOrDefault();
        if (!string.IsNullOrEmpty(requested))
        {
            return requested.ToLowerInvariant() switch
            {
                "json" or "geojson" => Format.Json,
                "html" => Format.Html,
                _ => null,
            };
        }
        if (MediaTypeHeaderValue.TryParseList(context.Request.Headers.Accept, out var accepted) && accepted.Count > 0)
        {
            var best = accepted.OrderByDescending(a => a.Quality ?? 1).First();
            if (best.MediaType.Equals(HtmlType, StringComparison.OrdinalIgnoreCase)) return Format.Html;
        }
        return Format.Json;
    }

    private static IResult BadFormat(HttpContext context, IStringLocalizer localizer) => ApiProblems.BadParameters(
        new Dictionary<string, string[]> { ["f"] = [string.Format(CultureInfo.InvariantCulture, localizer["Ogc.Error.Format"].Value, context.Request.Query["f"].LastOrDefault())] },
        localizer["Filter.Error.Title"].Value);

    /// <summary>Only CRS84 is served: any other value of these parameters goes into <paramref name="errors"/>.</summary>
    private static void CheckCrs(IQueryCollection query, IStringLocalizer localizer, Dictionary<string, string[]> errors, params string[] parameters)
    {
        foreach (var parameter in parameters)
        {
            if (query[parameter].LastOrDefault() is { } crs && crs != Crs84)
                errors[parameter] = [string.Format(CultureInfo.InvariantCulture, localizer["Ogc.Error.Crs"].Value, crs, Crs84)];
        }
    }

    /// <summary>The site's origin and path base: OGC API links are absolute.</summary>
    private static string Site(HttpContext context) => SiteUrls.Origin(context.Request) + context.Request.PathBase;

    private static string Base(HttpContext context) => Site(context) + "/ogc";

    /// <summary>The data licence as a link (OGC API: rel "license" on the collection, its items and the landing page).</summary>
    private static Link LicenceLink(HttpContext context)
    {
        var licence = DataLicence.Of(context);
        return new(licence.Url, "license", "text/html", $"{licence.Name} – {licence.Attribution}");
    }

    /// <summary>An OGC API link; written straight into a GeoJSON answer, or serialised with the plain JSON documents.</summary>
    private sealed record Link(string Href, string Rel, string Type, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Title = null)
    {
        public void Write(Utf8JsonWriter json)
        {
            json.WriteStartObject();
            json.WriteString("href", Href);
            json.WriteString("rel", Rel);
            json.WriteString("type", Type);
            if (Title is not null) json.WriteString("title", Title);
            json.WriteEndObject();
        }
    }

    // The plain JSON documents, serialised by the API's JSON options (TypedResults.Ok) like /api/v1's.
    private sealed record Landing(string Title, string Description, IReadOnlyList<Link> Links);

    private sealed record Conformance(IReadOnlyList<string> ConformsTo, IReadOnlyList<Link> Links);

    private sealed record CollectionList(IReadOnlyList<Link> Links, IReadOnlyList<Collection> Collections);

    private sealed record Collection(string Id, string Title, string Description, string ItemType, IReadOnlyList<string> Crs, CollectionExtent Extent,
        IReadOnlyList<Link> Links);

    private sealed record CollectionExtent(SpatialExtent Spatial);

    /// <summary>One bounding box: [min longitude, min latitude, max longitude, max latitude].</summary>
    private sealed record SpatialExtent(IReadOnlyList<double[]> Bbox, string Crs);

    private static void WriteLinks(Utf8JsonWriter json, IEnumerable<Link> links)
    {
        json.WriteStartArray("links");
        foreach (var link in links) link.Write(json);
        json.WriteEndArray();
    }

    /// <summary>self in the format served, alternate in the other one.</summary>
    private static IEnumerable<Link> SelfLinks(string url, Format format, string jsonType = JsonType)
    {
        var separator = url.Contains('?') ? '&' : '?';
        yield return new($"{url}{separator}f={(format == Format.Html ? "html" : "json")}", "self", format == Format.Html ? HtmlType : jsonType);
        yield return new($"{url}{separator}f={(format == Format.Html ? "json" : "html")}", "alternate", format == Format.Html ? jsonType : HtmlType);
    }

    private static IResult LandingAsync(HttpContext context, IStringLocalizer<SharedResource> localizer)
    {
        if (Negotiate(context) is not { } format) return BadFormat(context, localizer);
        var root = Base(context);
        if (format == Format.Html)
        {
            return Html(context, localizer["Ogc.Title"].Value,
                new OgcPage.Paragraph(localizer["Ogc.Description"].Value),
                new OgcPage.LinkList([(localizer["Ogc.Collections"].Value, $"{root}/collections?f=html"), (localizer["Ogc.Conformance"].Value, $"{root}/conformance?f=html"),
                    ("OpenAPI", "/openapi/v1.json"), (localizer["Api.Title"].Value, "/api"), ("JSON", $"{root}?f=json")]));
        }
        return TypedResults.Ok(new Landing(localizer["Ogc.Title"].Value, localizer["Ogc.Description"].Value, [.. SelfLinks(root, format),
            new Link($"{Site(context)}/openapi/v1.json", "service-desc", "application/vnd.oai.openapi+json;version=3.1", "OpenAPI"),
            new Link($"{Site(context)}/api", "service-doc", HtmlType, localizer["Api.Title"].Value),
            new Link($"{root}/conformance", "conformance", JsonType, localizer["Ogc.Conformance"].Value),
            new Link($"{root}/collections", "data", JsonType, localizer["Ogc.Collections"].Value),
            LicenceLink(context)]));
    }

    private static IResult ConformanceAsync(HttpContext context, IStringLocalizer<SharedResource> localizer)
    {
        if (Negotiate(context) is not { } format) return BadFormat(context, localizer);
        var url = $"{Base(context)}/conformance";
        if (format == Format.Json) return TypedResults.Ok(new Conformance(ConformanceClasses, [.. SelfLinks(url, format)]));
        return Html(context, localizer["Ogc.Conformance"].Value, new OgcPage.LinkList([.. ConformanceClasses.Select(c => (c, c)), ("JSON", $"{url}?f=json")]));
    }

    private sealed record Extent(double MinLongitude, double MinLatitude, double MaxLongitude, double MaxLatitude);

    private static async Task<Collection> DescribeCollectionAsync(HttpContext context, KreativLandDbContext db, IStringLocalizer localizer, Format format, CancellationToken cancellationToken)
    {
        var extent = await CooperationQueries.Published(db).GroupBy(c => 1)
            .Select(g => new Extent(g.Min(c => c.Location.Point.X), g.Min(c => c.Location.Point.Y), g.Max(c => c.Location.Point.X), g.Max(c => c.Location.Point.Y)))
            .SingleOrDefaultAsync(cancellationToken);
        var url = $"{Base(context)}/collections/{CollectionId}";
        return new Collection(CollectionId, localizer["Ogc.Collection.Title"].Value, localizer["Ogc.Collection.Description"].Value, "feature", [Crs84],
            new CollectionExtent(new SpatialExtent(
                [extent is null ? [-180, -90, 180, 90] : [extent.MinLongitude, extent.MinLatitude, extent.MaxLongitude, extent.MaxLatitude]], Crs84)),
            [.. SelfLinks(url, format),
                LicenceLink(context),
                new Link($"{url}/items?f=json", "items", CooperationsApi.GeoJsonContentType, localizer["Ogc.Items"].Value),
                new Link($"{url}/items?f=html", "items", HtmlType, localizer["Ogc.Items"].Value),
                new Link($"{Base(context)}/collections?f=json", "parent", JsonType)]);
    }

    private static async Task<IResult> CollectionsAsync(HttpContext context, KreativLandDbContext db, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        if (Negotiate(context) is not { } format) return BadFormat(context, localizer);
        var url = $"{Base(context)}/collections";
        if (format == Format.Json)
            return TypedResults.Ok(new CollectionList([.. SelfLinks(url, format)], [await DescribeCollectionAsync(context, db, localizer, Format.Json, cancellationToken)]));
        return Html(context, localizer["Ogc.Collections"].Value,
            new OgcPage.LinkList([(localizer["Ogc.Collection.Title"].Value, $"{url}/{CollectionId}?f=html"), ("JSON", $"{url}?f=json")]));
    }

    private static async Task<IResult> CollectionAsync(string collectionId, HttpContext context, KreativLandDbContext db, IStringLocalizer<SharedResource> localizer,
        CancellationToken cancellationToken)
    {
        if (collectionId != CollectionId) return ApiProblems.NotFound(localizer, collectionId);
        if (Negotiate(context) is not { } format) return BadFormat(context, localizer);
        var collection = await DescribeCollectionAsync(context, db, localizer, format, cancellationToken);
        if (format == Format.Json) return TypedResults.Ok(collection);
        var url = $"{Base(context)}/collections/{CollectionId}";
        return Html(context, localizer["Ogc.Collection.Title"].Value,
            new OgcPage.Paragraph(localizer["Ogc.Collection.Description"].Value),
            new OgcPage.Paragraph("bbox: " + JsonSerializer.Serialize(collection.Extent.Spatial.Bbox[0])),
            new OgcPage.LinkList([(localizer["Ogc.Items"].Value, $"{url}/items?f=html"), ("GeoJSON", $"{url}/items?f=json"), ("JSON", $"{url}?f=json")]));
    }

    /// <summary>RFC 3339 instant or interval ("a/b", "../b", "a/.."); an instant matches that moment only. Null when malformed.</summary>
    public static (DateTimeOffset? From, DateTimeOffset? To)? PublishedInterval(string text)
    {
        static bool Open(string part) => part is "" or "..";
        // A full date-time ("…T…") or a date ("2024-05-01"); nothing looser.
        static DateTimeOffset? Parse(string part) =>
            (part.Length == 10 || part.Contains('T'))
            && DateTimeOffset.TryParse(part, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
                ? value.ToUniversalTime() : null;
        var parts = text.Split('/');
        if (parts.Length == 1) return Parse(parts[0]) is { } instant ? (instant, instant) : null;
        if (parts.Length != 2 || (Open(parts[0]) && Open(parts[1]))) return null;
        var from = Open(parts[0]) ? null : Parse(parts[0]);
        var to = Open(parts[1]) ? null : Parse(parts[1]);
        if ((!Open(parts[0]) && from is null) || (!Open(parts[1]) && to is null) || (from > to)) return null;
        return (from, to);
    }

    private static async Task<IResult> ItemsAsync(string collectionId, ListingRequest listing, HttpContext context, KreativLandDbContext db,
        IStringLocalizer<SharedResource> localizer, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (collectionId != CollectionId) return ApiProblems.NotFound(localizer, collectionId);
        if (Negotiate(context) is not { } format) return BadFormat(context, localizer);
        var query = context.Request.Query;
        var errors = new Dictionary<string, string[]>();
        var limit = DefaultLimit;
        if (query["limit"].LastOrDefault() is { Length: > 0 } limitText)
        {
            // Above the maximum is not an error: OGC API – Features recommends answering with the server's maximum (the
            // next link then carries it). Not a whole number, or below 1, is.
            if (int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) && limit >= 1) limit = Math.Min(limit, MaxLimit);
            else if (limitText.All(char.IsAsciiDigit) && limitText.TrimStart('0').Length > 0) limit = MaxLimit; // beyond int
            else errors["limit"] = [string.Format(CultureInfo.InvariantCulture, localizer["Ogc.Error.Limit"].Value, limitText, MaxLimit)];
        }
        var offset = 0;
        if (query["offset"].LastOrDefault() is { Length: > 0 } offsetText
            && !int.TryParse(offsetText, NumberStyles.None, CultureInfo.InvariantCulture, out offset))
            errors["offset"] = [string.Format(CultureInfo.InvariantCulture, localizer["Ogc.Error.Offset"].Value, offsetText)];
        // A parameter the API does not define is refused before this runs (QueryParameters), as OGC API core requires.
        CheckCrs(query, localizer, errors, "bbox-crs", "crs");
        (DateTimeOffset? From, DateTimeOffset? To)? published = null;
        if (query["datetime"].LastOrDefault() is { } datetime)
        {
            published = PublishedInterval(datetime);
            if (published is null) errors["datetime"] = [string.Format(CultureInfo.InvariantCulture, localizer["Ogc.Error.Datetime"].Value, datetime)];
        }
        // OGC's own parameters and the listing filter's, every bad one named in one answer.
        if (errors.Count > 0 || !listing.IsValid) return listing.Problem(localizer, errors);
        var language = Languages.Current;
        var search = CooperationSearchQuery.Search(db, listing.Filter, clock.GetUtcNow().Year);
        // The features' temporal property is the date of publication.
        if (published is { From: var from, To: var to })
        {
            if (from is { } start) search = search.Where(c => c.PublishedAt >= start);
            if (to is { } end) search = search.Where(c => c.PublishedAt <= end);
        }
        // numberMatched and numberReturned come before the features: counted first, in the snapshot the rows are then read from.
        await CooperationQueries.ReadOneSnapshotAsync(db, cancellationToken);
        var matched = await search.CountAsync(cancellationToken);
        var returned = Math.Clamp(matched - offset, 0, limit);
        var rows = CooperationQueries.OpenDataRows(search.Skip(offset).Take(limit), cancellationToken);

        var url = $"{Base(context)}/collections/{CollectionId}/items";
        string Page(int pageOffset, string f)
        {
            var parameters = query.Where(p => p.Key is not ("offset" or "limit" or "f"))
                .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))
                .Append(new("limit", limit.ToString(CultureInfo.InvariantCulture)))
                .Append(new("offset", pageOffset.ToString(CultureInfo.InvariantCulture)))
                .Append(new("f", f));
            return url + QueryString.Create(parameters);
        }
        var formatCode = format == Format.Html ? "html" : "json";
        var links = new List<Link>
        {
            new(Page(offset, formatCode), "self", format == Format.Html ? HtmlType : CooperationsApi.GeoJsonContentType),
            new(Page(offset, format == Format.Html ? "json" : "html"), "alternate", format == Format.Html ? CooperationsApi.GeoJsonContentType : HtmlType),
            new($"{Base(context)}/collections/{CollectionId}?f=json", "collection", JsonType),
            LicenceLink(context),
        };
        var hasNext = offset + returned < matched;
        var hasPrevious = offset > 0;
        var type = format == Format.Html ? HtmlType : CooperationsApi.GeoJsonContentType;
        if (hasNext) links.Add(new(Page(offset + limit, formatCode), "next", type));
        if (hasPrevious) links.Add(new(Page(Math.Max(0, offset - limit), formatCode), "prev", type));

        if (format == Format.Json)
        {
            context.Response.Headers["Content-Crs"] = $"<{Crs84}>";
            return OpenDataDownloads.Features(context, rows) with
            {
                ContentType = FeaturesType,
                Before = json =>
                {
                    json.WriteString("timeStamp", clock.GetUtcNow().ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
                    json.WriteNumber("numberMatched", matched);
                    json.WriteNumber("numberReturned", returned);
                },
                After = (json, _) => WriteLinks(json, links),
            };
        }
        // An HTML page lists at most the limit's rows (1,000).
        var listed = await rows.ToListAsync(cancellationToken);
        var pager = new List<(string, string)>();
        if (hasPrevious) pager.Add((localizer["Pager.Previous"].Value, Page(Math.Max(0, offset - limit), "html")));
        if (hasNext) pager.Add((localizer["Pager.Next"].Value, Page(offset + limit, "html")));
        pager.Add(("GeoJSON", Page(offset, "json")));
        return Html(context, localizer["Ogc.Items"].Value,
            new OgcPage.Paragraph(string.Format(CultureInfo.CurrentCulture, localizer["Ogc.Items.Range"].Value,
                returned == 0 ? 0 : offset + 1, offset + returned, matched)),
            new OgcPage.LinkList([.. listed.Select(r => ($"{r.Title.In(language).Text} – {r.Municipality}, {r.CountryCode}",
                $"{Base(context)}/collections/{CollectionId}/items/{r.Id}?f=html"))]),
            new OgcPage.LinkList(pager));
    }

    private static async Task<IResult> ItemAsync(string collectionId, string featureId, HttpContext context, KreativLandDbContext db,
        IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        if (collectionId != CollectionId) return ApiProblems.NotFound(localizer, collectionId);
        if (Negotiate(context) is not { } format) return BadFormat(context, localizer);
        var language = Languages.Current;
        var errors = new Dictionary<string, string[]>();
        CheckCrs(context.Request.Query, localizer, errors, "crs");
        if (errors.Count > 0) return ApiProblems.BadParameters(errors, localizer["Filter.Error.Title"].Value);
        if (!int.TryParse(featureId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return ApiProblems.NotFound(localizer, featureId);
        var row = await CooperationQueries.OpenDataRows(CooperationQueries.Published(db).Where(c => c.Id == id), cancellationToken).SingleOrDefaultAsync(cancellationToken);
        if (row is null) return ApiProblems.NotFound(localizer, featureId);

        var url = $"{Base(context)}/collections/{CollectionId}/items/{id}";
        if (format == Format.Json)
        {
            context.Response.Headers["Content-Crs"] = $"<{Crs84}>";
            var links = SelfLinks(url, format, CooperationsApi.GeoJsonContentType)
                .Append(new Link($"{Base(context)}/collections/{CollectionId}?f=json", "collection", JsonType));
            return (OpenDataDownloads.Features(context) with { ContentType = FeaturesType }).Feature(row, json => WriteLinks(json, links));
        }
        return Html(context, row.Title.In(language).Text,
            new OgcPage.Table([.. OpenDataDownloads.PropertyTexts(context, row, language)]),
            new OgcPage.Paragraph($"{row.Latitude.ToString("0.#####", CultureInfo.InvariantCulture)}° N, {row.Longitude.ToString("0.#####", CultureInfo.InvariantCulture)}° E"),
            new OgcPage.LinkList([(localizer["Map.OpenProfile"].Value, OpenDataDownloads.ProfileUrl(context, language, row.Slug)), ("GeoJSON", $"{url}?f=json"),
                (localizer["Ogc.Items"].Value, $"{Base(context)}/collections/{CollectionId}/items?f=html")]));
    }

    /// <summary>The HTML form of an OGC resource, rendered by the Razor component <see cref="OgcPage"/>.</summary>
    private static RazorComponentResult<OgcPage> Html(HttpContext context, string title, params OgcPage.Block[] blocks) => new(new Dictionary<string, object?>
    {
        [nameof(OgcPage.Title)] = title,
        [nameof(OgcPage.Language)] = Languages.Current,
        [nameof(OgcPage.PathBase)] = context.Request.PathBase.Value ?? "",
        [nameof(OgcPage.Blocks)] = blocks,
    });
}
