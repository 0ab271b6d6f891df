using System.Text.Json;
using KreativLand.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NetTopologySuite.Features;
using NetTopologySuite.IO.Converters;
using NetTopologySuite.Simplify;

namespace KreativLand.Web.Api;

public static class RegionsApi
{
    /// <summary>About 100 m: enough to outline a region on a map, small enough to send.</summary>
    private const double OutlineTolerance = 0.001;

    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    public sealed record RegionResource(string Slug, string Name, string Level, string? Country);

    internal static async Task<IResult> ListAsync(string? level, KreativLandDbContext db, CancellationToken cancellationToken)
    {
        var query = db.Regions.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(level)) query = query.Where(r => r.Level == level.Trim().ToLowerInvariant());
        return TypedResults.Ok(await query.OrderBy(r => r.Level).ThenBy(r => r.Name)
            .Select(r => new RegionResource(r.Slug, r.Name, r.Level, r.CountryCode)).ToListAsync(cancellationToken));
    }

    internal static async Task<IResult> OutlineAsync(string slug, KreativLandDbContext db, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var region = await db.Regions.AsNoTracking().Where(r => r.Slug == slug).SingleOrDefaultAsync(cancellationToken);
        if (region is null)
            return ApiProblems.NotFound(localizer, slug);
        var outline = TopologyPreservingSimplifier.Simplify(region.Boundary, OutlineTolerance);
        var feature = new Feature(outline, new AttributesTable
        {
            { "slug", region.Slug }, { "name", region.Name }, { "level", region.Level }, { "country", region.CountryCode },
        });
        return Results.Text(JsonSerializer.Serialize(feature, GeoJson), CooperationsApi.GeoJsonContentType);
    }
}
