using System.Text.Json.Nodes;
using KreativLand.Web.Data;
using KreativLand.Web.Domain;
using KreativLand.Web.Listings;
using KreativLand.Web.Pages.Evaluation;
using Microsoft.Extensions.Localization;

namespace KreativLand.Web.Api;

/// <summary>GET /api/v1/stats: the numbers of the evaluation page as JSON, for the same filter parameters as the map.</summary>
public static class StatsApi
{
    public static IEndpointRouteBuilder MapStatsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/v1").WithTags(CooperationsApi.Tag)
            .MapGet("/stats", GetAsync).AddEndpointFilter(ListingRequest.RefuseInvalid).WithName("GetStatistics")
            .WithSummary("The evaluation of the published listings matching the filter: four categories, subsectors, countries, states or regions, sector pairings.");
        return endpoints;
    }

    private static async Task<IResult> GetAsync(ListingRequest listing, KreativLandDbContext db, IStringLocalizer<SharedResource> localizer,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var language = Languages.Current;
        var stats = await EvaluationStatistics.ComputeAsync(db, listing.Filter, clock.GetUtcNow().Year, cancellationToken);
        var subsectorNames = Subsector.Seed.ToDictionary(s => s.Code, s => s.Name.In(language).Text);

        JsonObject Share(OptionShare share, string label) => new()
        {
            ["code"] = share.Code, ["label"] = label, ["count"] = share.Count, ["percent"] = share.Percent,
        };
        string Label(string key) => localizer[key].Value;

        var body = new JsonObject
        {
            ["total"] = stats.Total,
            ["query"] = listing.Filter.ToQueryString().TrimStart('?'),
            ["categories"] = new JsonArray(stats.Categories.Select(category => (JsonNode)new JsonObject
            {
                ["code"] = category.Code,
                ["label"] = Label(category.LabelKey),
                ["options"] = new JsonArray(category.Options.Select(o => (JsonNode)Share(o, Label(category.OptionLabelPrefix + o.Code))).ToArray()),
            }).ToArray()),
            ["subsectors"] = new JsonArray(stats.Subsectors.Select(o => (JsonNode)Share(o, subsectorNames[o.Code])).ToArray()),
            ["countries"] = new JsonArray(stats.Countries.Select(o => (JsonNode)Share(o, Countries.Name(o.Code, language))).ToArray()),
            ["states"] = new JsonArray(stats.States.Select(s =>
            {
                var share = Share(s.Share, s.State.NameIn(language));
                share["country"] = s.State.CountryCode;
                share["iso"] = s.State.IsoCode;
                return (JsonNode)share;
            }).ToArray()),
            ["pairings"] = new JsonArray(stats.Pairings.Select(p => (JsonNode)new JsonObject
            {
                ["sector"] = p.SectorCode, ["sectorLabel"] = p.SectorCode is { } code ? NaceSection.Label(code, language) : Label("Evaluation.SectorNone"),
                ["subsector"] = p.SubsectorCode, ["count"] = p.Count,
            }).ToArray()),
            ["pairingFinding"] = new JsonObject
            {
                ["verdict"] = stats.Finding.Verdict,
                ["agriculture"] = stats.Finding.Agriculture, ["agricultureWithSoftwareGames"] = stats.Finding.AgricultureWithSoftware,
                ["manufacturingOrConstruction"] = stats.Finding.Manufacturing, ["manufacturingWithCraftsDesignArchitecture"] = stats.Finding.ManufacturingWithCrafts,
            },
        };
        return Results.Text(body.ToJsonString(), "application/json");
    }
}
