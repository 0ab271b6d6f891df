using KreativLand.Web.Data;
using KreativLand.Web.Domain;
using Microsoft.EntityFrameworkCore;
using System.Linq.Expressions;
using NetTopologySuite.Geometries;

namespace KreativLand.Web.Listings;

/// <summary>Which parts of a filter to apply: facet counts leave out their own dimension.</summary>
[Flags]
public enum FilterParts
{
    None = 0,
    Subsector = 1, Country = 2, Region = 4, RegionValue = 8, PartnerValue = 16, Contact = 32, Duration = 64, Text = 128, Area = 256, State = 512,
    All = Subsector | Country | Region | RegionValue | PartnerValue | Contact | Duration | Text | Area | State,
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
                .OrderByDescending(TextSearch.Rank(text))
                .ThenByDescending(c => c.PublishedAt).ThenBy(c => c.Slug);
        }
        return query.OrderByDescending(c => c.PublishedAt).ThenBy(c => c.Slug);
    }

    /// <summary>How the list can be ordered besides the default (relevance with a text, else newest first).</summary>
    public static readonly string[] SortOrders = ["newest", "title", "place"];

    /// <summary>
    /// The published cooperations matching the filter in the chosen order: newest published first, by title in the page
    /// language (the other language where one is missing), or by municipality and country; null keeps <see cref="Search"/>'s.
    /// Titles and places compare by ICU's root collation, so "Ö" sorts beside "O", not after "Z".
    /// </summary>
    public static IQueryable<Cooperation> Sorted(KreativLandDbContext db, CooperationFilter filter, int currentYear, string? sort, string language)
    {
        const string collation = "und-x-icu";
        var query = Apply(db, CooperationQueries.Published(db), filter, currentYear);
        return sort switch
        {
            "newest" => query.OrderByDescending(c => c.PublishedAt).ThenBy(c => c.Slug),
            "title" when language == Languages.English => query
                .OrderBy(c => EF.Functions.Collate(c.Title.En ?? c.Title.De ?? "", collation)).ThenBy(c => c.Slug),
            "title" => query.OrderBy(c => EF.Functions.Collate(c.Title.De ?? c.Title.En ?? "", collation)).ThenBy(c => c.Slug),
            "place" => query.OrderBy(c => EF.Functions.Collate(c.Location.Municipality, collation)).ThenBy(c => c.Location.CountryCode).ThenBy(c => c.Slug),
            _ => Search(db, filter, currentYear),
        };
    }

    public static IQueryable<Cooperation> Apply(
        KreativLandDbContext db, IQueryable<Cooperation> query, CooperationFilter filter, int currentYear, FilterParts parts = FilterParts.All)
    {
        foreach (var (part, condition) in Conditions(db, filter, currentYear))
        {
            if (parts.HasFlag(part)) query = query.Where(condition);
        }
        return query;
    }

    /// <summary>
    /// The filter's conditions, one per part that is set: <see cref="Apply"/> adds them as WHERE clauses, the facet counts
    /// also use them inside aggregates (each dimension counted under all the other conditions, in one statement).
    /// </summary>
    public static IEnumerable<(FilterParts Part, Expression<Func<Cooperation, bool>> Condition)> Conditions(
        KreativLandDbContext db, CooperationFilter filter, int currentYear)
    {
        if (filter.Subsectors.Count > 0)
        {
            var codes = filter.Subsectors.ToArray();
            yield return (FilterParts.Subsector, c => c.Partners.Any(p => p.Partner.SubsectorCode != null && codes.Contains(p.Partner.SubsectorCode)));
        }
        if (filter.Countries.Count > 0)
        {
            var countries = filter.Countries.ToArray();
            yield return (FilterParts.Country, c => countries.Contains(c.Location.CountryCode));
        }
        if (filter.States.Count > 0)
        {
            // The stored texts that normalise to the chosen states, as "CC:text": the same text may name different regions in two countries.
            var matches = filter.States.SelectMany(state => state.Matches).ToArray();
            yield return (FilterParts.State, c => c.Location.Region != null && matches.Contains(c.Location.CountryCode + ":" + c.Location.Region));
        }
        if (filter.Region is { CountryCode: { } regionCountry })
        {
            yield return (FilterParts.Region, c => c.Location.CountryCode == regionCountry);
        }
        else if (filter.Region is { } region)
        {
            var regionId = region.Id;
            yield return (FilterParts.Region, c => db.Regions.Any(r => r.Id == regionId && r.Boundary.Covers(c.Location.Point)));
        }
        if (filter.RegionValues.Count > 0)
        {
            var values = filter.RegionValues.ToList();
            yield return (FilterParts.RegionValue, c => c.RegionValues.Any(v => values.Contains(v)));
        }
        if (filter.PartnerValues.Count > 0)
        {
            var values = filter.PartnerValues.ToList();
            yield return (FilterParts.PartnerValue, c => c.PartnerValues.Any(v => values.Contains(v)));
        }
        if (filter.ContactOrigins.Count > 0)
        {
            var values = filter.ContactOrigins.ToList();
            yield return (FilterParts.Contact, c => c.ContactOrigins.Any(v => values.Contains(v)));
        }
        if (filter.Durations.Count > 0)
        {
            yield return (FilterParts.Duration, DurationPredicate(filter.Durations, currentYear));
        }
        if (filter.Text is { } text)
        {
            var words = TextSearch.Matches(text);
            // Inside compound words ("Koje" in "KaraKøje"), which full-text search does not split: every word as a substring.
            // One LIKE per word, written out: a list of patterns would become a subquery that no index serves, and
            // PostgreSQL would read every search document instead of OR-ing the two GIN indexes.
            var substrings = Words(text)
                .Select(word => LikePatterns.Containing(word.ToLowerInvariant()))
                .Select(pattern => (Expression<Func<Cooperation, bool>>)(c => EF.Functions.Like(c.Search!.Plain, EF.Functions.Unaccent(pattern), "\\")))
                .ToList();
            yield return (FilterParts.Text, substrings.Count == 0 ? words : Predicates.Or(words, Predicates.And(substrings)));
        }
        if (filter.Bbox is { } box)
        {
            if (box.MinLongitude <= box.MaxLongitude)
            {
                var envelope = Box(box.MinLongitude, box.MaxLongitude, box.MinLatitude, box.MaxLatitude);
                yield return (FilterParts.Area, c => envelope.Covers(c.Location.Point));
            }
            else
            {
                var east = Box(box.MinLongitude, 180, box.MinLatitude, box.MaxLatitude);
                var west = Box(-180, box.MaxLongitude, box.MinLatitude, box.MaxLatitude);
                yield return (FilterParts.Area, c => east.Covers(c.Location.Point) || west.Covers(c.Location.Point));
            }
        }
        if (filter.Near is { } near)
        {
            var centre = GeoPoints.Create(near.Longitude, near.Latitude);
            var metres = near.RadiusKm * 1000;
            yield return (FilterParts.Area, c => EF.Functions.IsWithinDistance(c.Location.Point, centre, metres, true));
        }
    }

    private static Geometry Box(double minLon, double maxLon, double minLat, double maxLat) =>
        Geometry.ToGeometry(new Envelope(minLon, maxLon, minLat, maxLat));

    internal static Expression<Func<Cooperation, bool>> DurationPredicate(IReadOnlyList<DurationOption> options, int year)
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

}

/// <summary>How many published cooperations each filter option would give: each dimension counted under all other conditions.</summary>
public sealed record FacetCounts(
    int Total,
    IReadOnlyDictionary<string, int> Subsector,
    IReadOnlyDictionary<string, int> Country,
    IReadOnlyDictionary<string, int> State,
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
            CooperationFilter.Parameter.State => State,
            CooperationFilter.Parameter.RegionValue => RegionValue,
            CooperationFilter.Parameter.PartnerValue => PartnerValue,
            CooperationFilter.Parameter.Contact => Contact,
            CooperationFilter.Parameter.Duration => Duration,
            _ => throw new ArgumentOutOfRangeException(nameof(parameter), parameter, "not a facet"),
        };
        return counts.GetValueOrDefault(code);
    }

    /// <summary>The dimensions counted together in one statement: conditions on the listing's own columns (arrays, years).</summary>
    private const FilterParts Together = FilterParts.RegionValue | FilterParts.PartnerValue | FilterParts.Contact | FilterParts.Duration;

    /// <param name="counted">The dimensions to count; the others stay empty, for pages that show only some.</param>
    /// <remarks>
    /// Three statements however many dimensions: the total and every option of the tag lists and durations as conditional
    /// counts (COUNT(*) FILTER …) in one, whose WHERE holds every other condition; the subsectors grouped in one (under all
    /// conditions but their own); countries and states in one, grouped by country and region text, each counted under the
    /// other's condition.
    /// </remarks>
    public static async Task<FacetCounts> CountAsync(KreativLandDbContext db, CooperationFilter filter, int year,
        CancellationToken cancellationToken = default, FilterParts counted = FilterParts.All)
    {
        var conditions = CooperationSearchQuery.Conditions(db, filter, year).ToList();
        IQueryable<Cooperation> Where(Func<FilterParts, bool> include) =>
            conditions.Where(c => include(c.Part)).Aggregate(CooperationQueries.Published(db), (query, c) => query.Where(c.Condition));
        Expression<Func<Cooperation, bool>> TogetherBut(FilterParts excluded) =>
            Predicates.And(conditions.Where(c => Together.HasFlag(c.Part) && c.Part != excluded).Select(c => c.Condition));

        var options = new List<(FilterParts Part, string Code, Expression<Func<Cooperation, bool>> Condition)>
        {
            (FilterParts.None, "", TogetherBut(FilterParts.None)),
        };
        void Add<TEnum>(FilterParts part, Func<TEnum, Expression<Func<Cooperation, bool>>> has) where TEnum : struct, Enum
        {
            if (!counted.HasFlag(part)) return;
            foreach (var value in Enum.GetValues<TEnum>()) options.Add((part, Code.Of(value), Predicates.And([TogetherBut(part), has(value)])));
        }
        Add<RegionValue>(FilterParts.RegionValue, value => c => c.RegionValues.Contains(value));
        Add<PartnerValue>(FilterParts.PartnerValue, value => c => c.PartnerValues.Contains(value));
        Add<ContactOrigin>(FilterParts.Contact, value => c => c.ContactOrigins.Contains(value));
        Add<DurationOption>(FilterParts.Duration, value => CooperationSearchQuery.DurationPredicate([value], year));
        var counts = await Predicates.CountEachAsync(Where(part => !Together.HasFlag(part)), options.Select(o => o.Condition).ToList(), cancellationToken);
        IReadOnlyDictionary<string, int> Of(FilterParts part) =>
            options.Select((option, index) => (option, index)).Where(x => x.option.Part == part).ToDictionary(x => x.option.Code, x => counts[x.index]);

        var subsectors = counted.HasFlag(FilterParts.Subsector)
            ? await TagCounts.BySubsectorAsync(Where(part => part != FilterParts.Subsector), cancellationToken) : new Dictionary<string, int>();
        var (countries, states) = counted.HasFlag(FilterParts.Country) || counted.HasFlag(FilterParts.State)
            ? await TagCounts.ByCountryAndStateAsync(Where(part => part != FilterParts.Country && part != FilterParts.State), filter, cancellationToken)
            : (new Dictionary<string, int>(), []);
        return new FacetCounts(counts[0], subsectors, countries, states.ToDictionary(s => s.State.Key, s => s.Count), Of(FilterParts.RegionValue), Of(FilterParts.PartnerValue),
            Of(FilterParts.Contact), Of(FilterParts.Duration));
    }
}

/// <summary>Combining filter conditions, and counting several of them in one statement.</summary>
public static class Predicates
{
    public static Expression<Func<T, bool>> And<T>(IEnumerable<Expression<Func<T, bool>>> conditions)
    {
        var parameter = Expression.Parameter(typeof(T), "c");
        Expression? body = null;
        foreach (var condition in conditions)
        {
            var rebound = new Rebind(condition.Parameters[0], parameter).Visit(condition.Body);
            body = body is null ? rebound : Expression.AndAlso(body, rebound);
        }
        return Expression.Lambda<Func<T, bool>>(body ?? Expression.Constant(true), parameter);
    }

    public static Expression<Func<T, bool>> Or<T>(Expression<Func<T, bool>> left, Expression<Func<T, bool>> right) =>
        Expression.Lambda<Func<T, bool>>(Expression.OrElse(left.Body, new Rebind(right.Parameters[0], left.Parameters[0]).Visit(right.Body)), left.Parameters);

    /// <summary>How many rows of <paramref name="query"/> meet each condition: one SQL statement of conditional counts.</summary>
    public static async Task<int[]> CountEachAsync<T>(IQueryable<T> query, IReadOnlyList<Expression<Func<T, bool>>> conditions, CancellationToken cancellationToken)
    {
        var group = Expression.Parameter(typeof(IGrouping<int, T>), "g");
        var counts = conditions.Select(condition => (Expression)Expression.Call(typeof(Enumerable), nameof(Enumerable.Count), [typeof(T)], group, condition));
        var selector = Expression.Lambda<Func<IGrouping<int, T>, int[]>>(Expression.NewArrayInit(typeof(int), counts), group);
        return await query.GroupBy(row => 1).Select(selector).SingleOrDefaultAsync(cancellationToken) ?? new int[conditions.Count];
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
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

    /// <summary>
    /// How many cooperations lie in each country and in each state (<see cref="Subdivisions"/>), only those that occur: one
    /// statement grouping by country and region text, with a conditional count for each facet, then summed per state in C#.
    /// </summary>
    /// <param name="query">The selection under every other condition.</param>
    /// <param name="filter">Its countries narrow the state counts, its states the country counts.</param>
    public static async Task<(Dictionary<string, int> Countries, List<(Subdivision State, int Count)> States)> ByCountryAndStateAsync(IQueryable<Cooperation> query,
        CooperationFilter filter, CancellationToken cancellationToken)
    {
        // Each facet's condition is part of the group key, so every count is a plain COUNT(*): EF cannot translate the
        // location's columns inside an aggregate's filter. The same rules as CooperationSearchQuery.Conditions.
        var anyCountry = filter.Countries.Count == 0;
        var countries = filter.Countries.ToArray();
        var anyState = filter.States.Count == 0;
        var matches = filter.States.SelectMany(state => state.Matches).ToArray();
        var groups = await query
            .GroupBy(c => new
            {
                c.Location.CountryCode,
                c.Location.Region,
                InStates = anyState || (c.Location.Region != null && matches.Contains(c.Location.CountryCode + ":" + c.Location.Region)),
                InCountries = anyCountry || countries.Contains(c.Location.CountryCode),
            })
            .Select(g => new { g.Key.CountryCode, g.Key.Region, g.Key.InStates, g.Key.InCountries, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var rows = groups.GroupBy(g => (g.CountryCode, g.Region)).Select(g => new PlaceCount
        {
            CountryCode = g.Key.CountryCode, Region = g.Key.Region,
            ForCountry = g.Where(x => x.InStates).Sum(x => x.Count),
            ForState = g.Where(x => x.InCountries).Sum(x => x.Count),
        }).ToList();
        var countryCounts = rows.Where(r => r.ForCountry > 0).GroupBy(r => r.CountryCode).ToDictionary(g => g.Key, g => g.Sum(r => r.ForCountry));
        // Ordered by the text first, so a region written two ways is named the same way on every request.
        var states = rows.Where(r => r.ForState > 0).OrderBy(r => r.Region, StringComparer.Ordinal)
            .Select(r => (State: Subdivisions.Normalise(r.CountryCode, r.Region), r.ForState)).Where(r => r.State is not null)
            .GroupBy(r => r.State!.Key).Select(g => (g.First().State!, g.Sum(r => r.ForState))).ToList();
        return (countryCounts, states);
    }

    public sealed class PlaceCount
    {
        public string CountryCode { get; init; } = "";
        public string? Region { get; init; }
        public int ForCountry { get; init; }
        public int ForState { get; init; }
    }
}
