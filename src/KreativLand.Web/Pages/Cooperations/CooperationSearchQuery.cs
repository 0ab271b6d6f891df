using KreativLand.Web.Data;
using KreativLand.Web.Domain;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace KreativLand.Web.Pages.Cooperations;

/// <summary>Which parts of a filter to apply: facet counts leave out their own dimension.</summary>
[Flags]
public enum FilterParts
{
    None = 0,
    Subsector = 1, Country = 2, Region = 4, RegionValue = 8, PartnerValue = 16, Contact = 32, Duration = 64, Text = 128, Area = 256,
    All = Subsector | Country | Region | RegionValue | PartnerValue | Contact | Duration | Text | Area,
}

/// <summary>Turns a <see cref="CooperationFilter"/> into SQL: every condition runs in PostgreSQL, spatial ones through GiST indexes.</summary>
public static class CooperationSearchQuery
{
    private static readonly GeometryFactory Geometry = NetTopologySuite.NtsGeometryServices.Instance.CreateGeometryFactory(GeoPoints.Wgs84);

    /// <summary>Published cooperations matching the filter: by relevance when there is a text, else newest first.</summary>
    public static IQueryable<Cooperation> Search(KreativLandDbContext db, CooperationFilter filter, int currentYear)
    {
        var query = Apply(db, CooperationQueries.Published(db), filter, currentYear);
        if (filter.Text is { } text)
        {
            return query
                .OrderByDescending(c => c.Search!.Document.Rank(
                    EF.Functions.WebSearchToTsQuery("simple", EF.Functions.Unaccent(text))
                        .Or(EF.Functions.WebSearchToTsQuery("german", EF.Functions.Unaccent(text)))
                        .Or(EF.Functions.WebSearchToTsQuery("english", EF.Functions.Unaccent(text)))))
                .ThenByDescending(c => c.PublishedAt).ThenBy(c => c.Slug);
        }
        return query.OrderByDescending(c => c.PublishedAt).ThenBy(c => c.Slug);
    }

    public static IQueryable<Cooperation> Apply(
        KreativLandDbContext db, IQueryable<Cooperation> query, CooperationFilter filter, int currentYear, FilterParts parts = FilterParts.All)
    {
        if (parts.HasFlag(FilterParts.Subsector) && filter.Subsectors.Count > 0)
        {
            var codes = filter.Subsectors.ToArray();
            query = query.Where(c => c.Partners.Any(p => p.Partner.SubsectorCode != null && codes.Contains(p.Partner.SubsectorCode)));
        }
        if (parts.HasFlag(FilterParts.Country) && filter.Countries.Count > 0)
        {
            var countries = filter.Countries.ToArray();
            query = query.Where(c => countries.Contains(c.Location.CountryCode));
        }
        if (parts.HasFlag(FilterParts.Region) && filter.Region is { CountryCode: { } regionCountry })
        {
            query = query.Where(c => c.Location.CountryCode == regionCountry);
        }
        else if (parts.HasFlag(FilterParts.Region) && filter.Region is { } region)
        {
            var regionId = region.Id;
            query = query.Where(c => db.Regions.Any(r => r.Id == regionId && r.Boundary.Covers(c.Location.Point)));
        }
        if (parts.HasFlag(FilterParts.RegionValue) && filter.RegionValues.Count > 0)
        {
            var values = filter.RegionValues.ToList();
            query = query.Where(c => c.RegionValues.Any(v => values.Contains(v)));
        }
        if (parts.HasFlag(FilterParts.PartnerValue) && filter.PartnerValues.Count > 0)
        {
            var values = filter.PartnerValues.ToList();
            query = query.Where(c => c.PartnerValues.Any(v => values.Contains(v)));
        }
        if (parts.HasFlag(FilterParts.Contact) && filter.ContactOrigins.Count > 0)
        {
            var values = filter.ContactOrigins.ToList();
            query = query.Where(c => c.ContactOrigins.Any(v => values.Contains(v)));
        }
        if (parts.HasFlag(FilterParts.Duration) && filter.Durations.Count > 0)
        {
            query = query.Where(DurationPredicate(filter.Durations, currentYear));
        }
        if (parts.HasFlag(FilterParts.Text) && filter.Text is { } text)
        {
            var patterns = Words(text).Select(word => "%" + EscapeLike(word.ToLowerInvariant()) + "%").ToArray();
            query = query.Where(c =>
                c.Search!.Document.Matches(
                    EF.Functions.WebSearchToTsQuery("simple", EF.Functions.Unaccent(text))
                        .Or(EF.Functions.WebSearchToTsQuery("german", EF.Functions.Unaccent(text)))
                        .Or(EF.Functions.WebSearchToTsQuery("english", EF.Functions.Unaccent(text))))
                // Inside compound words ("Koje" in "KaraKøje"), which full-text search does not split.
                || (patterns.Length > 0 && patterns.All(pattern => EF.Functions.Like(c.Search.Plain, EF.Functions.Unaccent(pattern), "\\"))));
        }
        if (parts.HasFlag(FilterParts.Area) && filter.Bbox is { } box)
        {
            if (box.MinLongitude <= box.MaxLongitude)
            {
                var envelope = Box(box.MinLongitude, box.MaxLongitude, box.MinLatitude, box.MaxLatitude);
                query = query.Where(c => envelope.Covers(c.Location.Point));
            }
            else
            {
                var east = Box(box.MinLongitude, 180, box.MinLatitude, box.MaxLatitude);
                var west = Box(-180, box.MaxLongitude, box.MinLatitude, box.MaxLatitude);
                query = query.Where(c => east.Covers(c.Location.Point) || west.Covers(c.Location.Point));
            }
        }
        if (parts.HasFlag(FilterParts.Area) && filter.Near is { } near)
        {
            var centre = GeoPoints.Create(near.Longitude, near.Latitude);
            var metres = near.RadiusKm * 1000;
            query = query.Where(c => EF.Functions.IsWithinDistance(c.Location.Point, centre, metres, true));
        }
        return query;
    }

    private static Geometry Box(double minLon, double maxLon, double minLat, double maxLat) =>
        Geometry.ToGeometry(new Envelope(minLon, maxLon, minLat, maxLat));

    private static System.Linq.Expressions.Expression<Func<Cooperation, bool>> DurationPredicate(IReadOnlyList<DurationOption> options, int year)
    {
        var moreThan2 = options.Contains(DurationOption.MoreThan2Years);
        var moreThan5 = options.Contains(DurationOption.MoreThan5Years);
        var continuous = options.Contains(DurationOption.Continuous);
        // The same rule as Domain.Duration.Years, in SQL: an open end counts to the current year.
        return c =>
            (moreThan2 && c.StartYear != null && (c.Ongoing || c.EndYear == null ? year : c.EndYear.Value) - c.StartYear.Value > 2)
            || (moreThan5 && c.StartYear != null && (c.Ongoing || c.EndYear == null ? year : c.EndYear.Value) - c.StartYear.Value > 5)
            || (continuous && c.ContinuousSinceStart == true);
    }

    public static IEnumerable<string> Words(string text) =>
        text.Split([' ', '\t', '\n', '\r', ',', ';', '"', '(', ')'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('-', '.', '!', '?', ':', '\''))
            .Where(w => w.Length >= 2 && !w.Equals("or", StringComparison.OrdinalIgnoreCase))
            .Take(10);

    private static string EscapeLike(string value) => value.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}

/// <summary>How many published cooperations each filter option would give: each dimension counted under all other conditions.</summary>
public sealed record FacetCounts(
    int Total,
    IReadOnlyDictionary<string, int> Subsector,
    IReadOnlyDictionary<string, int> Country,
    IReadOnlyDictionary<string, int> RegionValue,
    IReadOnlyDictionary<string, int> PartnerValue,
    IReadOnlyDictionary<string, int> Contact,
    IReadOnlyDictionary<string, int> Duration)
{
    public int For(string parameter, string code)
    {
        var counts = parameter switch
        {
            CooperationFilter.Parameter.Subsector => Subsector,
            CooperationFilter.Parameter.Country => Country,
            CooperationFilter.Parameter.RegionValue => RegionValue,
            CooperationFilter.Parameter.PartnerValue => PartnerValue,
            CooperationFilter.Parameter.Contact => Contact,
            CooperationFilter.Parameter.Duration => Duration,
            _ => throw new ArgumentOutOfRangeException(nameof(parameter), parameter, "not a facet"),
        };
        return counts.GetValueOrDefault(code);
    }

    /// <param name="counted">The dimensions to count (one or more queries each); the others stay empty, for pages that show only some.</param>
    public static async Task<FacetCounts> CountAsync(KreativLandDbContext db, CooperationFilter filter, int year,
        CancellationToken cancellationToken = default, FilterParts counted = FilterParts.All)
    {
        IQueryable<Cooperation> Without(FilterParts part) =>
            CooperationSearchQuery.Apply(db, CooperationQueries.Published(db), filter, year, FilterParts.All & ~part);
        async Task<IReadOnlyDictionary<string, int>> Count(FilterParts part, Func<IQueryable<Cooperation>, Task<Dictionary<string, int>>> count) =>
            counted.HasFlag(part) ? await count(Without(part)) : new Dictionary<string, int>();

        var total = await Without(FilterParts.None).CountAsync(cancellationToken);

        var subsectors = await Count(FilterParts.Subsector, query => TagCounts.BySubsectorAsync(query, cancellationToken));

        var countries = await Count(FilterParts.Country, query => TagCounts.ByCountryAsync(query, cancellationToken));

        var regionValues = await Count(FilterParts.RegionValue, query => TagCounts.CountAsync(query.SelectMany(c => c.RegionValues.Select(v => new Tagged<RegionValue> { Id = c.Id, Tag = v })), cancellationToken));
        var partnerValues = await Count(FilterParts.PartnerValue, query => TagCounts.CountAsync(query.SelectMany(c => c.PartnerValues.Select(v => new Tagged<PartnerValue> { Id = c.Id, Tag = v })), cancellationToken));
        var contacts = await Count(FilterParts.Contact, query => TagCounts.CountAsync(query.SelectMany(c => c.ContactOrigins.Select(v => new Tagged<ContactOrigin> { Id = c.Id, Tag = v })), cancellationToken));
        var durations = await Count(FilterParts.Duration, query => TagCounts.ByDurationAsync(db, query, year, cancellationToken));

        return new FacetCounts(total, subsectors, countries, regionValues, partnerValues, contacts, durations);
    }
}

/// <summary>One cooperation's tag: the row shape <see cref="TagCounts"/> counts.</summary>
public sealed class Tagged<TEnum> where TEnum : struct, Enum
{
    public int Id { get; init; }
    public TEnum Tag { get; init; }
}

public static class TagCounts
{
    /// <summary>
    /// How many cooperations carry each code of a tag list (contact origins, added values): one SQL query over the
    /// unnested arrays, every code present in the answer (zero where none carries it).
    /// </summary>
    public static async Task<Dictionary<string, int>> CountAsync<TEnum>(IQueryable<Tagged<TEnum>> tags, CancellationToken cancellationToken)
        where TEnum : struct, Enum
    {
        var counts = await tags.Distinct().GroupBy(t => t.Tag).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return Enum.GetValues<TEnum>().ToDictionary(Code.Of, value => counts.FirstOrDefault(c => c.Key.Equals(value))?.Count ?? 0);
    }

    /// <summary>How many cooperations have a CCI partner of each subsector (only subsectors that occur).</summary>
    public static Task<Dictionary<string, int>> BySubsectorAsync(IQueryable<Cooperation> query, CancellationToken cancellationToken) =>
        query.SelectMany(c => c.Partners.Where(p => p.Partner.SubsectorCode != null).Select(p => new { c.Id, Code = p.Partner.SubsectorCode! }))
            .Distinct()
            .GroupBy(x => x.Code).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);

    /// <summary>
    /// How many cooperations fall under each duration option, every option present: the query narrowed to one option
    /// at a time through the filter, so the duration rule stays defined once (<see cref="CooperationSearchQuery"/>).
    /// </summary>
    public static async Task<Dictionary<string, int>> ByDurationAsync(KreativLandDbContext db, IQueryable<Cooperation> query, int year, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, int>();
        foreach (var option in Enum.GetValues<DurationOption>())
            counts[Code.Of(option)] = await CooperationSearchQuery.Apply(db, query, CooperationFilter.None with { Durations = [option] }, year)
                .CountAsync(cancellationToken);
        return counts;
    }

    /// <summary>How many cooperations lie in each country (only countries that occur).</summary>
    public static Task<Dictionary<string, int>> ByCountryAsync(IQueryable<Cooperation> query, CancellationToken cancellationToken) =>
        query.GroupBy(c => c.Location.CountryCode).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
}
