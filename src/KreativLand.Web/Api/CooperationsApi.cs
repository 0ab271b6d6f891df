using System.Globalization;
using System.Text.Json.Nodes;
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
        var items = await CooperationQueries.MapItems(limit is { } take ? search.Take(take) : search, cancellationToken);
        return new GeoJsonWriter<CooperationMapItem>(items.ToAsyncEnumerable(), item => item.Id, item => (item.Longitude, item.Latitude),
            (json, item) => WriteProperties(json, item, listing.Language))
        {
            After = (json, count) =>
            {
                json.WriteNumber("numberMatched", matched ?? count);
                WriteLicence(json, DataLicence.Of(context));
            },
        };
    }

    internal static void WriteLicence(System.Text.Json.Utf8JsonWriter json, DataLicence licence)
    {
        json.WritePropertyName("licence");
        licence.ToJson().WriteTo(json);
    }

    internal static void WriteProperties(System.Text.Json.Utf8JsonWriter json, CooperationMapItem item, string language)
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

    internal static JsonObject PointGeometry(double longitude, double latitude) => new()
    {
        ["type"] = "Point",
        ["coordinates"] = new JsonArray(Math.Round(longitude, 6), Math.Round(latitude, 6)),
    };

    private static async Task<IResult> DetailsAsync(string slug, HttpContext context, KreativLandDbContext db,
        IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var language = Languages.Current;
        var profile = await CooperationQueries.PublishedProfile(db, slug, cancellationToken);
        if (profile is null)
            return ApiProblems.NotFound(localizer, slug);

        JsonNode? Text(LocalizedText text) => text.IsEmpty ? null : new JsonObject { ["de"] = text.De, ["en"] = text.En };
        var feature = new JsonObject
        {
            ["type"] = "Feature",
            ["id"] = profile.Id,
            ["geometry"] = PointGeometry(profile.Location.Longitude, profile.Location.Latitude),
            ["properties"] = new JsonObject
            {
                ["id"] = profile.Id,
                ["slug"] = profile.Slug,
                ["url"] = CooperationExports.ProfileUrl(context, language, profile.Slug),
                ["title"] = profile.Title.In(language).Text,
                ["summary"] = profile.Summary.In(language).Text,
                ["description"] = profile.Description.In(language).Text,
                ["texts"] = new JsonObject
                {
                    ["title"] = Text(profile.Title), ["summary"] = Text(profile.Summary), ["description"] = Text(profile.Description),
                    ["adviceForSmes"] = Text(profile.AdviceForSmes), ["adviceForCreatives"] = Text(profile.AdviceForCreatives),
                    ["adviceForPolicy"] = Text(profile.AdviceForPolicy),
                },
                ["startYear"] = profile.StartYear,
                ["endYear"] = profile.EndYear,
                ["ongoing"] = profile.Ongoing,
                ["continuousSinceStart"] = profile.ContinuousSinceStart,
                ["contactOrigins"] = Codes(profile.ContactOrigins),
                ["regionValues"] = Codes(profile.RegionValues),
                ["partnerValues"] = Codes(profile.PartnerValues),
                ["location"] = new JsonObject
                {
                    ["municipality"] = profile.Location.Municipality, ["population"] = profile.Location.Population,
                    ["district"] = profile.Location.District, ["region"] = profile.Location.Region, ["country"] = profile.Location.CountryCode,
                },
                ["subsectors"] = new JsonArray(profile.Partners.Where(p => p.Subsector is not null).Select(p => p.Subsector!.Code).Distinct().Select(c => (JsonNode)c).ToArray()),
                ["partners"] = new JsonArray(profile.Partners.Select(p => (JsonNode)new JsonObject
                {
                    ["slug"] = p.Slug, ["name"] = p.Name, ["kind"] = Code.Of(p.Kind), ["role"] = Text(p.Role),
                    ["website"] = p.Website, ["sectorCode"] = p.SectorCode, ["sector"] = p.Sector, ["employees"] = p.Employees, ["subsector"] = p.Subsector?.Code,
                    ["municipality"] = p.Municipality, ["urban"] = p.IsUrban,
                }).ToArray()),
                ["quotes"] = new JsonArray(profile.Quotes.Select(q => (JsonNode)new JsonObject { ["text"] = Text(q.Text), ["person"] = q.Person, ["role"] = q.Role }).ToArray()),
                ["media"] = new JsonArray(profile.Media.Select(m => (JsonNode)new JsonObject { ["kind"] = Code.Of(m.Kind), ["url"] = m.Url, ["title"] = m.Title }).ToArray()),
                ["images"] = new JsonArray(profile.Images.Select(i => (JsonNode)new JsonObject { ["url"] = i.Url, ["alt"] = Text(i.Alt), ["credit"] = i.Credit }).ToArray()),
                ["source"] = profile.Source,
                ["publishedAt"] = profile.PublishedAt,
                ["updatedAt"] = profile.UpdatedAt,
            },
        };
        feature["licence"] = DataLicence.Of(context).ToJson();
        return Results.Text(feature.ToJsonString(), GeoJsonContentType);
    }

    private static JsonArray Codes<TEnum>(IEnumerable<TEnum> values) where TEnum : struct, Enum =>
        new(values.Select(v => (JsonNode)Code.Of(v)).ToArray());

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
