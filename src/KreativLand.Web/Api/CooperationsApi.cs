using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using KreativLand.Web.Data;
using KreativLand.Web.Domain;
using KreativLand.Web.Pages.Cooperations;
using KreativLand.Web.Pages.Places;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KreativLand.Web.Api;

/// <summary>The public read-only API under /api/v1: GeoJSON (RFC 7946, [longitude, latitude]) and plain JSON.</summary>
public static class CooperationsApi
{
    public const string GeoJsonContentType = "application/geo+json";
    public const string LanguageParameter = "lang";

    public static IEndpointRouteBuilder MapCooperationsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").WithTags("KreativLand API v1");
        api.MapCooperationExports();
        api.MapGet("/cooperations", ListAsync).WithName("ListCooperations")
            .WithSummary("Published cooperations matching the filter, as a GeoJSON FeatureCollection.");
        api.MapGet("/cooperations/{slug}", DetailsAsync).WithName("GetCooperation")
            .WithSummary("Everything public about one published cooperation, as a GeoJSON Feature.");
        api.MapGet("/subsectors", SubsectorsAsync).WithName("ListSubsectors")
            .WithSummary("The twelve sub-markets of the cultural and creative industries with codes, names and colours.");
        api.MapGet("/facets", FacetsAsync).WithName("GetFacets")
            .WithSummary("Counts per filter option for the current filter, each dimension counted under all other conditions.");
        api.MapGet("/places", PlacesAsync).WithName("SuggestPlaces")
            .WithSummary("Populated places (GeoNames, CC BY 4.0) whose name starts with q, for the distance filter.");
        api.MapGet("/regions", RegionsApi.ListAsync).WithName("ListRegions")
            .WithSummary("The imported regions (countries, states, districts, LEADER regions …) usable as region filter.");
        api.MapGet("/regions/{slug}", RegionsApi.OutlineAsync).WithName("GetRegion")
            .WithSummary("One region with its (simplified) boundary, as a GeoJSON Feature.");
        return endpoints;
    }

    /// <summary>The filter from the query string, or a 400 problem naming every bad parameter.</summary>
    internal static async Task<(CooperationFilter? Filter, string Language, IResult? Problem)> ReadRequestAsync(
        HttpContext context, KreativLandDbContext db, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var language = ReadLanguage(context, localizer, errors);
        var (filter, filterErrors) = await CooperationFilter.ParseAsync(context.Request.Query, db, cancellationToken);
        foreach (var group in filterErrors.GroupBy(e => e.Parameter))
            errors[group.Key] = group.Select(e => localizer[e.MessageKey, e.Arguments].Value).ToArray();
        if (errors.Count > 0)
        {
            return (null, language, TypedResults.ValidationProblem(errors,
                title: localizer["Filter.Error.Title"].Value, type: "https://tools.ietf.org/html/rfc9110#section-15.5.1"));
        }
        return (filter, language, null);
    }

    /// <summary>The <c>lang</c> parameter, else the request's language; a value other than de or en goes into <paramref name="errors"/>.</summary>
    internal static string ReadLanguage(HttpContext context, IStringLocalizer<SharedResource> localizer, Dictionary<string, string[]> errors)
    {
        if (context.Request.Query[LanguageParameter].LastOrDefault() is not { } requested) return Languages.Current;
        if (Languages.IsSupported(requested)) return requested;
        errors[LanguageParameter] = [string.Format(CultureInfo.InvariantCulture, localizer["Filter.Error.Language"].Value, requested)];
        return Languages.Current;
    }

    private static async Task<IResult> ListAsync(HttpContext context, KreativLandDbContext db, IStringLocalizer<SharedResource> localizer,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var (filter, language, problem) = await ReadRequestAsync(context, db, localizer, cancellationToken);
        if (problem is not null) return problem;
        var items = await CooperationQueries.MapItems(CooperationSearchQuery.Search(db, filter!, clock.GetUtcNow().Year), cancellationToken);
        var collection = new JsonObject
        {
            ["type"] = "FeatureCollection",
            ["numberMatched"] = items.Count,
            ["features"] = new JsonArray(items.Select(item => (JsonNode)Feature(item, language)).ToArray()),
        };
        return Results.Text(collection.ToJsonString(), GeoJsonContentType);
    }

    internal static JsonObject Feature(CooperationMapItem item, string language) => new()
    {
        ["type"] = "Feature",
        ["id"] = item.Id,
        ["geometry"] = PointGeometry(item.Longitude, item.Latitude),
        ["properties"] = new JsonObject
        {
            ["id"] = item.Id,
            ["slug"] = item.Slug,
            ["title"] = item.Title.In(language).Text,
            ["subsectors"] = new JsonArray(item.Subsectors.Select(s => (JsonNode)s).ToArray()),
            ["partners"] = new JsonArray(item.Partners.Select(p => (JsonNode)p).ToArray()),
            ["municipality"] = item.Municipality,
            ["country"] = item.CountryCode,
        },
    };

    internal static JsonObject PointGeometry(double longitude, double latitude) => new()
    {
        ["type"] = "Point",
        ["coordinates"] = new JsonArray(Math.Round(longitude, 6), Math.Round(latitude, 6)),
    };

    private static async Task<IResult> DetailsAsync(string slug, HttpContext context, KreativLandDbContext db,
        IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var language = ReadLanguage(context, localizer, errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: localizer["Filter.Error.Title"].Value);
        var profile = await CooperationQueries.PublishedProfile(db, slug, cancellationToken);
        if (profile is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: localizer["Api.NotFound"].Value, detail: slug);

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
                    ["website"] = p.Website, ["sector"] = p.Sector, ["employees"] = p.Employees, ["subsector"] = p.Subsector?.Code,
                    ["municipality"] = p.Municipality, ["urban"] = p.IsUrban,
                }).ToArray()),
                ["quotes"] = new JsonArray(profile.Quotes.Select(q => (JsonNode)new JsonObject { ["text"] = Text(q.Text), ["person"] = q.Person, ["role"] = q.Role }).ToArray()),
                ["media"] = new JsonArray(profile.Media.Select(m => (JsonNode)new JsonObject { ["kind"] = Code.Of(m.Kind), ["url"] = m.Url, ["title"] = m.Title }).ToArray()),
                ["images"] = new JsonArray(profile.Images.Select(i => (JsonNode)new JsonObject { ["url"] = i.Url, ["alt"] = Text(i.Alt), ["credit"] = i.Credit }).ToArray()),
                ["publishedAt"] = profile.PublishedAt,
                ["updatedAt"] = profile.UpdatedAt,
            },
        };
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

    private static async Task<IResult> FacetsAsync(HttpContext context, KreativLandDbContext db, IStringLocalizer<SharedResource> localizer,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var (filter, _, problem) = await ReadRequestAsync(context, db, localizer, cancellationToken);
        if (problem is not null) return problem;
        return TypedResults.Ok(await FacetCounts.CountAsync(db, filter!, clock.GetUtcNow().Year, cancellationToken));
    }
}
