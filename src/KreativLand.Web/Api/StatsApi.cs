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

    /// <summary>One option with its label in the answer's language; a state's also names its country and ISO 3166-2 code.</summary>
    public sealed record ShareResource(string Code, string Label, int Count, double? Percent);

    public sealed record StateShareResource(string Code, string Label, int Count, double? Percent, string Country, string? Iso);

    public sealed record CategoryResource(string Code, string Label, IReadOnlyList<ShareResource> Options);

    public sealed record PairingResource(string? Sector, string SectorLabel, string Subsector, int Count);

    public sealed record PairingFindingResource(string Verdict, int Agriculture, int AgricultureWithSoftwareGames, int ManufacturingOrConstruction,
        int ManufacturingWithCraftsDesignArchitecture);

    public sealed record StatisticsResource(int Total, string Query, IReadOnlyList<CategoryResource> Categories, IReadOnlyList<ShareResource> Subsectors,
        IReadOnlyList<ShareResource> Countries, IReadOnlyList<StateShareResource> States, IReadOnlyList<PairingResource> Pairings,
        PairingFindingResource PairingFinding);

    private static async Task<IResult> GetAsync(ListingRequest listing, KreativLandDbContext db, IStringLocalizer<SharedResource> localizer,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var language = Languages.Current;
        var stats = await EvaluationStatistics.ComputeAsync(db, listing.Filter, clock.GetUtcNow().Year, cancellationToken);
        var subsectorNames = Subsector.Seed.ToDictionary(s => s.Code, s => s.Name.In(language).Text);

        static ShareResource Share(OptionShare share, string label) => new(share.Code, label, share.Count, share.Percent);
        string Label(string key) => localizer[key].Value;

        var finding = stats.Finding;
        return TypedResults.Ok(new StatisticsResource(
            stats.Total,
            listing.Filter.ToQueryString().TrimStart('?'),
            [.. stats.Categories.Select(category => new CategoryResource(category.Code, Label(category.LabelKey),
                [.. category.Options.Select(o => Share(o, Label(category.OptionLabelPrefix + o.Code)))]))],
            [.. stats.Subsectors.Select(o => Share(o, subsectorNames[o.Code]))],
            [.. stats.Countries.Select(o => Share(o, Countries.Name(o.Code, language)))],
            [.. stats.States.Select(s => new StateShareResource(s.Share.Code, s.State.NameIn(language), s.Share.Count, s.Share.Percent,
                s.State.CountryCode, s.State.IsoCode))],
            [.. stats.Pairings.Select(p => new PairingResource(p.SectorCode,
                p.SectorCode is { } code ? NaceSection.Label(code, language) : Label("Evaluation.SectorNone"), p.SubsectorCode, p.Count))],
            new PairingFindingResource(finding.Verdict, finding.Agriculture, finding.AgricultureWithSoftware, finding.Manufacturing,
                finding.ManufacturingWithCrafts)));
    }
}
