using KreativLand.Web.Domain;
using KreativLand.Web.Infrastructure;
using KreativLand.Web.Listings;
using Names = KreativLand.Web.Listings.CooperationFilter.Parameter;

namespace KreativLand.Web.Api;

/// <summary>
/// The query parameters of the public API, described once: the OpenAPI document and the API page (/api) both
/// read this list; descriptions are resources ("Api.Param.NAME"), so the page explains them in German and English.
/// </summary>
public static class ApiParameters
{
    /// <param name="Key">The description's resource key when the name means something else here (e.g. q of the place search).</param>
    public sealed record Parameter(string Name, string Example, bool Repeatable = false, IReadOnlyList<string>? Values = null, bool Integer = false,
        int? Default = null, string? Key = null)
    {
        public string DescriptionKey => "Api.Param." + (Key ?? Name);
    }

    public static readonly IReadOnlyList<Parameter> Filter =
    [
        new(Names.Subsector, "design", Repeatable: true, Values: Subsector.Seed.Select(s => s.Code).ToList()),
        new(Names.Country, "AT", Repeatable: true),
        new(Names.State, "DE-sachsen", Repeatable: true),
        new(Names.Region, "sachsen"),
        new(Names.RegionValue, "tourism-offer", Repeatable: true, Values: Code.All<RegionValue>()),
        new(Names.PartnerValue, "innovation", Repeatable: true, Values: Code.All<PartnerValue>()),
        new(Names.Contact, "joint-events", Repeatable: true, Values: Code.All<ContactOrigin>()),
        new(Names.Duration, "more-than-5-years", Repeatable: true, Values: Code.All<DurationOption>()),
        new(Names.Text, "Gölles"),
        new(Names.Bbox, "9.5,46.3,17.2,49.1"),
        new(Names.Near, "13.0,50.6"),
        new(Names.RadiusKm, "50"),
    ];

    public static readonly Parameter Language = new(QueryParameters.Language, "en", Values: Languages.All);

    public static readonly Parameter Format = new("f", "html", Values: ["json", "html"]);

    public static readonly IReadOnlyList<Parameter> Ogc =
    [
        new("limit", "100", Integer: true, Default: OgcApi.DefaultLimit),
        new("offset", "100", Integer: true),
        Format,
    ];

    public static readonly Parameter Dialect = new(OpenDataDownloads.DialectParameter, OpenDataDownloads.ExcelDe, Values: OpenDataDownloads.Dialects);

    public static readonly Parameter Crs = new("crs", OgcApi.Crs84, Values: [OgcApi.Crs84]);

    /// <summary>What the OGC items take besides the filter, paging and format: the two CRS parameters (CRS84 only) and datetime.</summary>
    public static readonly IReadOnlyList<Parameter> OgcItemsExtra =
    [
        new("bbox-crs", OgcApi.Crs84, Values: [OgcApi.Crs84], Key: "bboxCrs"),
        Crs,
        new("datetime", "2024-01-01T00:00:00Z/.."),
    ];

    public static readonly IReadOnlyList<Parameter> Places =
    [
        new("q", "Görl", Key: "places.q"),
        new(Names.Country, "DE", Key: "places.country"),
    ];

    public static readonly Parameter RegionLevel = new("level", "state");

    /// <summary>The list's first N (the home page's result list); without it, all.</summary>
    public static readonly Parameter ListLimit = new(CooperationsApi.LimitParameter, "200", Integer: true);

    /// <summary>
    /// Which endpoint (by name) takes which query parameters: exactly these, documented in the OpenAPI document and
    /// enforced (any other is a 400). lang is taken everywhere: one rule for the language of answers and error texts.
    /// </summary>
    public static IReadOnlyList<Parameter> For(string endpointName) => endpointName switch
    {
        "ListCooperations" => [.. Filter, Language, ListLimit],
        "ListMapPoints" or "ExportCooperationsGeoJson" or "GetFacets" or "GetStatistics" or "FeedOfNewCooperations" => [.. Filter, Language],
        "ExportCooperationsCsv" => [.. Filter, Language, Dialect],
        "OgcItems" => [.. Filter, Language, .. Ogc, .. OgcItemsExtra],
        "ListRegions" => [RegionLevel, Language],
        "SuggestPlaces" => [.. Places, Language],
        "OgcItem" => [Language, Format, Crs],
        _ when endpointName.StartsWith("Ogc", StringComparison.Ordinal) => [Language, Format],
        _ => [Language],
    };

    /// <summary>The names of the endpoints this list documents (and <see cref="Infrastructure.QueryParameters"/> holds to it).</summary>
    private static readonly HashSet<string> Documented =
    [
        "ListCooperations", "ListMapPoints", "ExportCooperationsCsv", "ExportCooperationsGeoJson", "GetFacets", "GetStatistics", "FeedOfNewCooperations",
        "GetCooperation", "ListSubsectors", "SuggestPlaces", "ListRegions", "GetRegion",
        "OgcLandingPage", "OgcConformance", "OgcCollections", "OgcCollection", "OgcItems", "OgcItem",
    ];

    public static bool Documents(string endpointName) => Documented.Contains(endpointName);
}
