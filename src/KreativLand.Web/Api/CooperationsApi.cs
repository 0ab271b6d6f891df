using System.Globalization;
using System.Text.Json;
using KreativLand.Web.Data;
using KreativLand.Web.Domain;
using KreativLand.Web.Listings;
using KreativLand.Web.Places;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KreativLand.Web.Api;

/// <summary>The public read-only API under /api/v1: GeoJSON (RFC 7946, [longitude, latitude]) and plain JSON.</summary>
public static class CooperationsApi
{
    public const string GeoJsonContentType = "application/geo+json";
    public const string Tag = "KreativLand API v1";

    public static IEndpointRouteBuilder MapCooperationsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").WithTags(Tag);
        api.MapCooperationExports();
        api.MapGet("/cooperations", ListAsync).WithName("ListCooperations")
            .WithSummary("Published cooperations matching the filter, as a GeoJSON FeatureCollection (newest first, or by relevance with q).");
        api.MapGet("/map", MapPoints).WithName("ListMapPoints").AddEndpointFilter(ListingRequest.RefuseInvalid)
            .WithSummary("The map's data: every published cooperation matching the filter as a point with its subsector codes, nothing else (GeoJSON). "
                + "Titles and details come from /ogc/collections/cooperations/items/{id} when a marker is opened.");
        api.MapGet("/cooperations/{slug}", DetailsAsync).WithName("GetCooperation")
            .WithSummary("Everything public about one published cooperation, as a GeoJSON Feature.");
        api.MapGet("/subsectors", SubsectorsAsync).WithName("ListSubsectors")
            .WithSummary("The twelve sub-markets of the cultural and creative industries with codes, names and colours.");
        api.MapGet("/facets", FacetsAsync).WithName("GetFacets").AddEndpointFilter(ListingRequest.RefuseInvalid)
            .WithSummary("Counts per filter option for the current filter, each dimension counted under all other conditions.");
        api.MapGet("/places", PlacesAsync).WithName("SuggestPlaces")
            .WithSummary("Populated places (GeoNames, CC BY 4.0) whose name starts with q, for the distance filter.");
        api.MapGet("/regions", RegionsApi.ListAsync).WithName("ListRegions")
            .WithSummary("The imported regions (countries, states, districts, LEADER regions …) usable as region filter.");
        api.MapGet("/regions/{slug}", RegionsApi.OutlineAsync).WithName("GetRegion")
            .WithSummary("One region with its (simplified) boundary, as a GeoJSON Feature.");
        return endpoints;
    }

    public const string LimitParameter = "limit";
    public const int MaxLimit = 1000;

    private static async Task<IResult> ListAsync(ListingRequest listing, HttpContext context, KreativLandDbContext db, IStringLocalizer<SharedResource> localizer,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        int? limit = null;
        var errors = new Dictionary<string, string[]>();
        if (context.Request.Query[LimitParameter].LastOrDefault() is { Length: > 0 } limitText)
        {
            if (int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= 1 and <= MaxLimit) limit = value;
            else errors[LimitParameter] = [string.Format(CultureInfo.InvariantCulture, localizer["Ogc.Error.Limit"].Value, limitText, MaxLimit)];
        }
        // The limit's problem and the filter's, named together.
        if (errors.Count > 0 || !listing.IsValid) return listing.Problem(localizer, errors);
        var search = CooperationSearchQuery.Search(db, listing.Filter, clock.GetUtcNow().Year);
        // With a limit, numberMatched counts all matches (the home page's list shows the first ones and the total).
        var matched = limit is null ? (int?)null : await search.CountAsync(cancellationToken);
        var items = CooperationQueries.MapItems(limit is { } take ? search.Take(take) : search, cancellationToken);
        return new GeoJsonWriter<CooperationMapItem>(items, item => item.Id, item => (item.Longitude, item.Latitude),
            (json, item) => WriteProperties(json, item, Languages.Current))
        {
            After = (json, count) =>
            {
                json.WriteNumber("numberMatched", matched ?? count);
                DataLicence.Of(context).WriteJson(json);
            },
        };
    }

    internal static void WriteProperties(Utf8JsonWriter json, CooperationMapItem item, string language)
    {
        json.WriteNumber("id", item.Id);
        json.WriteString("slug", item.Slug);
        json.WriteString("title", item.Title.In(language).Text);
        json.WriteStrings("subsectors", item.Subsectors);
        json.WriteStrings("partners", item.Partners);
        json.WriteString("municipality", item.Municipality);
        json.WriteString("country", item.CountryCode);
    }

    /// <summary>
    /// The map's points: id, position (1 m precision) and subsector codes, streamed from one SQL query. Everything else a
    /// marker shows is fetched when it is opened, so the bytes per listing stay a few dozen.
    /// </summary>
    private static IResult MapPoints(ListingRequest listing, KreativLandDbContext db, TimeProvider clock)
    {
        var points = CooperationQueries.MapPoints(
            CooperationSearchQuery.Apply(db, CooperationQueries.Published(db), listing.Filter, clock.GetUtcNow().Year));
        return new GeoJsonWriter<CooperationMapPoint>(points, point => point.Id, point => (point.Longitude, point.Latitude),
            (json, point) => json.WriteStrings("subsectors", point.Subsectors))
        {
            CoordinateDecimals = 5,
            After = (json, count) => json.WriteNumber("numberMatched", count),
        };
    }

    private static async Task<IResult> DetailsAsync(string slug, HttpContext context, KreativLandDbContext db,
        IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var profile = await CooperationQueries.PublishedProfile(db, slug, cancellationToken);
        if (profile is null)
            return ApiProblems.NotFound(localizer, slug);
        var details = new GeoJsonWriter<CooperationProfile>(p => p.Id, p => (p.Location.Longitude, p.Location.Latitude),
            (json, p) => WriteDetails(json, p, context, Languages.Current))
        {
            WriterOptions = GeoJsonWriter.EscapedOptions,
        };
        return details.Feature(profile, json => DataLicence.Of(context).WriteJson(json));
    }

    /// <summary>Everything public about a listing: texts in the answer's language and in both, codes, place, partners, quotes, media, images.</summary>
    private static void WriteDetails(Utf8JsonWriter json, CooperationProfile profile, HttpContext context, string language)
    {
        json.WriteNumber("id", profile.Id);
        json.WriteString("slug", profile.Slug);
        json.WriteString("url", OpenDataDownloads.ProfileUrl(context, language, profile.Slug));
        json.WriteString("title", profile.Title.In(language).Text);
        json.WriteString("summary", profile.Summary.In(language).Text);
        json.WriteString("description", profile.Description.In(language).Text);
        json.WriteStartObject("texts");
        WriteText(json, "title", profile.Title);
        WriteText(json, "summary", profile.Summary);
        WriteText(json, "description", profile.Description);
        WriteText(json, "adviceForSmes", profile.AdviceForSmes);
        WriteText(json, "adviceForCreatives", profile.AdviceForCreatives);
        WriteText(json, "adviceForPolicy", profile.AdviceForPolicy);
        json.WriteEndObject();
        WriteNumber(json, "startYear", profile.StartYear);
        WriteNumber(json, "endYear", profile.EndYear);
        json.WriteBoolean("ongoing", profile.Ongoing);
        WriteBoolean(json, "continuousSinceStart", profile.ContinuousSinceStart);
        json.WriteStrings("contactOrigins", profile.ContactOrigins.Select(v => Code.Of(v)));
        json.WriteStrings("regionValues", profile.RegionValues.Select(v => Code.Of(v)));
        json.WriteStrings("partnerValues", profile.PartnerValues.Select(v => Code.Of(v)));
        json.WriteStartObject("location");
        json.WriteString("municipality", profile.Location.Municipality);
        WriteNumber(json, "population", profile.Location.Population);
        json.WriteString("district", profile.Location.District);
        json.WriteString("region", profile.Location.Region);
        json.WriteString("country", profile.Location.CountryCode);
        json.WriteEndObject();
        json.WriteStrings("subsectors", profile.Partners.Where(p => p.Subsector is not null).Select(p => p.Subsector!.Code).Distinct());
        json.WriteStartArray("partners");
        foreach (var p in profile.Partners)
        {
            json.WriteStartObject();
            json.WriteString("slug", p.Slug);
            json.WriteString("name", p.Name);
            json.WriteString("kind", Code.Of(p.Kind));
            WriteText(json, "role", p.Role);
            json.WriteString("website", p.Website);
            json.WriteString("sectorCode", p.SectorCode);
            json.WriteString("sector", p.Sector);
            WriteNumber(json, "employees", p.Employees);
            json.WriteString("subsector", p.Subsector?.Code);
            json.WriteString("municipality", p.Municipality);
            WriteBoolean(json, "urban", p.IsUrban);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("quotes");
        foreach (var q in profile.Quotes)
        {
            json.WriteStartObject();
            WriteText(json, "text", q.Text);
            json.WriteString("person", q.Person);
            json.WriteString("role", q.Role);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("media");
        foreach (var m in profile.Media)
        {
            json.WriteStartObject();
            json.WriteString("kind", Code.Of(m.Kind));
            json.WriteString("url", m.Url);
            json.WriteString("title", m.Title);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("images");
        foreach (var i in profile.Images)
        {
            json.WriteStartObject();
            json.WriteString("url", i.Url);
            WriteText(json, "alt", i.Alt);
            json.WriteString("credit", i.Credit);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteString("source", profile.Source);
        WriteTime(json, "publishedAt", profile.PublishedAt);
        WriteTime(json, "updatedAt", profile.UpdatedAt);
    }

    /// <summary>A text in both languages ({"de", "en"}), null when it has none.</summary>
    private static void WriteText(Utf8JsonWriter json, string name, LocalizedText text)
    {
        if (text.IsEmpty)
        {
            json.WriteNull(name);
            return;
        }
        json.WriteStartObject(name);
        json.WriteString("de", text.De);
        json.WriteString("en", text.En);
        json.WriteEndObject();
    }

    private static void WriteNumber(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } number) json.WriteNumber(name, number);
        else json.WriteNull(name);
    }

    private static void WriteBoolean(Utf8JsonWriter json, string name, bool? value)
    {
        if (value is { } yes) json.WriteBoolean(name, yes);
        else json.WriteNull(name);
    }

    private static void WriteTime(Utf8JsonWriter json, string name, DateTimeOffset? value)
    {
        if (value is { } time) json.WriteString(name, GeoJsonWriter.Timestamp(time));
        else json.WriteNull(name);
    }

    private static async Task<IResult> SubsectorsAsync(KreativLandDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.Subsectors.AsNoTracking().OrderBy(s => s.SortOrder)
            .Select(s => new SubsectorResource(s.Code, new NameResource(s.NameDe, s.NameEn), s.Colour))
            .ToListAsync(cancellationToken));

    private static async Task<IResult> PlacesAsync(string? q, string? country, string? lang, KreativLandDbContext db, CancellationToken cancellationToken)
    {
        var language = Languages.IsSupported(lang) ? lang! : Languages.Current;
        return TypedResults.Ok(new { attribution = GazetteerPlace.Attribution, places = await PlaceQueries.Suggest(db, q, country, language, cancellationToken) });
    }

    public sealed record NameResource(string De, string En);
    public sealed record SubsectorResource(string Code, NameResource Name, string Colour);

    private static async Task<IResult> FacetsAsync(ListingRequest listing, KreativLandDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        TypedResults.Ok(await FacetCounts.CountAsync(db, listing.Filter, clock.GetUtcNow().Year, cancellationToken));
}
