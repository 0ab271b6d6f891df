using System.Globalization;
using KreativLand.Web.Data;
using KreativLand.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace KreativLand.Web.Listings;

/// <summary>What the filter form (home map and list page) shows: the parsed filter, counts per option and the choosable regions and countries.</summary>
public sealed record FilterForm(
    CooperationFilter Filter,
    FacetCounts Facets,
    IReadOnlyList<FilterForm.RegionOption> Regions,
    IReadOnlyList<string> Countries,
    IReadOnlyList<string> Errors)
{
    public sealed record RegionOption(string Slug, string Name, string Level, string? CountryCode);

    /// <summary>The states or regions of published listings (and the chosen ones), by country in the order of <see cref="Countries"/>.</summary>
    public IReadOnlyList<Subdivision> States { get; init; } = [];

    public bool IsChecked(string parameter, string code) => parameter switch
    {
        CooperationFilter.Parameter.Subsector => Filter.Subsectors.Contains(code),
        CooperationFilter.Parameter.Country => Filter.Countries.Contains(code),
        CooperationFilter.Parameter.State => Filter.States.Any(s => s.Key == code),
        CooperationFilter.Parameter.RegionValue => Filter.RegionValues.Any(v => Code.Of(v) == code),
        CooperationFilter.Parameter.PartnerValue => Filter.PartnerValues.Any(v => Code.Of(v) == code),
        CooperationFilter.Parameter.Contact => Filter.ContactOrigins.Any(v => Code.Of(v) == code),
        CooperationFilter.Parameter.Duration => Filter.Durations.Any(v => Code.Of(v) == code),
        _ => false,
    };

    /// <summary>Reads the filter from the request; invalid parameters are reported as messages and left out.</summary>
    /// <param name="counted">The facets the page shows counts for.</param>
    public static async Task<FilterForm> LoadAsync(HttpRequest request, KreativLandDbContext db, int year, CancellationToken cancellationToken,
        FilterParts counted = FilterParts.All)
    {
        var listing = await ListingRequest.ReadAsync(request.HttpContext, cancellationToken);
        var filter = listing.Filter;
        var facets = await FacetCounts.CountAsync(db, filter, year, cancellationToken, counted);
        var regions = await db.Regions.AsNoTracking()
            .OrderBy(r => r.Level == Region.CountryLevel ? 1 : 0).ThenBy(r => r.Level).ThenBy(r => r.Name)
            .Select(r => new RegionOption(r.Slug, r.Name, r.Level, r.CountryCode))
            .ToListAsync(cancellationToken);
        // Countries and states of every published listing, so an option never vanishes because of another filter.
        var places = await CooperationQueries.Published(db).Select(c => new { c.Location.CountryCode, c.Location.Region }).Distinct().ToListAsync(cancellationToken);
        var language = Languages.Current;
        var countries = places.Select(p => p.CountryCode).Union(filter.Countries)
            .OrderBy(code => Domain.Countries.Name(code, language), StringComparer.CurrentCulture).ToList();
        var states = places.OrderBy(p => p.Region, StringComparer.Ordinal).Select(p => Subdivisions.Normalise(p.CountryCode, p.Region)).OfType<Subdivision>()
            // A chosen state without published listings stays choosable (and can be unticked).
            .Concat(filter.States.Select(s => Subdivisions.FindKnown(s.Key) ?? new Subdivision(s.Key, s.Key[..2], s.Key[3..], s.Key[3..])))
            .DistinctBy(s => s.Key)
            .OrderBy(s => countries.IndexOf(s.CountryCode) is var i and >= 0 ? i : int.MaxValue)
            .ThenBy(s => s.NameIn(language), StringComparer.Create(CultureInfo.CurrentCulture, CompareOptions.IgnoreCase))
            .ToList();
        return new FilterForm(filter, facets, regions, countries, listing.ErrorLines().ToList()) { States = states };
    }
}
