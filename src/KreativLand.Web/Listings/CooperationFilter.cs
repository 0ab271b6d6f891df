using System.Globalization;
using KreativLand.Web.Data;
using KreativLand.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Primitives;

namespace KreativLand.Web.Listings;

/// <summary>How long a cooperation has lasted: the report's duration categories.</summary>
public enum DurationOption { MoreThan2Years, MoreThan5Years, Continuous }

/// <summary>
/// What a visitor asks of the database: the one definition of the filter shared by the map, the list,
/// the API (and the embed, the exports, the feed). Within one parameter the values are alternatives
/// (subsector=design&amp;subsector=film: either); different parameters must all hold.
/// </summary>
public sealed record CooperationFilter
{
    public static class Parameter
    {
        public const string Subsector = "subsector";
        public const string Country = "country";
        /// <summary>The listing's own state or region (normalised), not a boundary: see <see cref="Domain.Subdivisions"/>.</summary>
        public const string State = "state";
        public const string Region = "region";
        public const string RegionValue = "regionValue";
        public const string PartnerValue = "partnerValue";
        public const string Contact = "contact";
        public const string Duration = "duration";
        public const string Text = "q";
        public const string Bbox = "bbox";
        public const string Near = "near";
        public const string RadiusKm = "radiusKm";
    }

    public const int MaxTextLength = 200;
    public const double DefaultRadiusKm = 25;
    public const double MaxRadiusKm = 2000;

    public IReadOnlyList<string> Subsectors { get; init; } = [];
    public IReadOnlyList<string> Countries { get; init; } = [];
    /// <summary>States or regions by key ("DE-sachsen"), each with the region texts of the listings that normalise to it.</summary>
    public IReadOnlyList<StateRef> States { get; init; } = [];
    /// <summary>The region as resolved from the URL (by slug or name), or null.</summary>
    public RegionRef? Region { get; init; }
    public IReadOnlyList<RegionValue> RegionValues { get; init; } = [];
    public IReadOnlyList<PartnerValue> PartnerValues { get; init; } = [];
    public IReadOnlyList<ContactOrigin> ContactOrigins { get; init; } = [];
    public IReadOnlyList<DurationOption> Durations { get; init; } = [];
    public string? Text { get; init; }
    public BoundingBox? Bbox { get; init; }
    public Circle? Near { get; init; }

    public static CooperationFilter None { get; } = new();

    /// <param name="CountryCode">Set for the country outlines: those match by the listing's country code, since generalised
    /// outlines cut off border towns (Görlitz lies outside Natural Earth's Germany).</param>
    public sealed record RegionRef(int Id, string Slug, string Name, string Level, string? CountryCode = null);

    /// <summary>minLon,minLat,maxLon,maxLat; a box whose minLon exceeds maxLon crosses the antimeridian (RFC 7946 §5.2).</summary>
    public sealed record BoundingBox(double MinLongitude, double MinLatitude, double MaxLongitude, double MaxLatitude)
    {
        public override string ToString() => string.Join(',', new[] { MinLongitude, MinLatitude, MaxLongitude, MaxLatitude }.Select(Number));
    }

    public sealed record Circle(double Longitude, double Latitude, double RadiusKm);

    /// <param name="Matches">"CC:region text" of every stored location whose region normalises to <paramref name="Key"/>.</param>
    public sealed record StateRef(string Key, IReadOnlyList<string> Matches);

    /// <summary>A parameter the filter cannot use, with a resource key for the message and its arguments.</summary>
    public sealed record Error(string Parameter, string MessageKey, params object[] Arguments);

    /// <summary>
    /// Reads the filter from a query string. Every value is checked; the region is looked up by slug or
    /// name. Returns the filter of the valid parts and one error per parameter that is not.
    /// </summary>
    public static async Task<(CooperationFilter Filter, IReadOnlyList<Error> Errors)> ParseAsync(
        IQueryCollection query, KreativLandDbContext db, CancellationToken cancellationToken = default)
    {
        var errors = new List<Error>();

        var subsectors = Values(query, Parameter.Subsector)
            .Where(code => Subsector.IsCode(code) || Fail(errors, Parameter.Subsector, "Filter.Error.UnknownSubsector", code))
            .Distinct().ToList();
        var countries = Values(query, Parameter.Country).Select(code => code.ToUpperInvariant())
            .Where(code => Domain.Countries.IsCode(code) || Fail(errors, Parameter.Country, "Filter.Error.UnknownCountry", code))
            .Distinct().ToList();

        var filter = new CooperationFilter
        {
            Subsectors = subsectors,
            Countries = countries,
            RegionValues = Codes<RegionValue>(query, Parameter.RegionValue, errors),
            PartnerValues = Codes<PartnerValue>(query, Parameter.PartnerValue, errors),
            ContactOrigins = Codes<ContactOrigin>(query, Parameter.Contact, errors),
            Durations = Codes<DurationOption>(query, Parameter.Duration, errors),
            Text = ParseText(query, errors),
            Bbox = ParseBbox(query, errors),
            Near = ParseNear(query, errors),
            Region = await ParseRegionAsync(query, db, errors, cancellationToken),
            States = await ParseStatesAsync(query, db, errors, cancellationToken),
        };
        return (filter, errors);
    }

    /// <summary>The filter as query-string pairs, in a stable order; the inverse of <see cref="ParseAsync"/>.</summary>
    public IEnumerable<KeyValuePair<string, string>> ToQuery()
    {
        foreach (var code in Subsectors) yield return new(Parameter.Subsector, code);
        foreach (var code in Countries) yield return new(Parameter.Country, code);
        foreach (var state in States) yield return new(Parameter.State, state.Key);
        if (Region is not null) yield return new(Parameter.Region, Region.Slug);
        foreach (var value in RegionValues) yield return new(Parameter.RegionValue, Code.Of(value));
        foreach (var value in PartnerValues) yield return new(Parameter.PartnerValue, Code.Of(value));
        foreach (var value in ContactOrigins) yield return new(Parameter.Contact, Code.Of(value));
        foreach (var value in Durations) yield return new(Parameter.Duration, Code.Of(value));
        if (Text is not null) yield return new(Parameter.Text, Text);
        if (Bbox is not null) yield return new(Parameter.Bbox, Bbox.ToString());
        if (Near is not null)
        {
            yield return new(Parameter.Near, $"{Number(Near.Longitude)},{Number(Near.Latitude)}");
            yield return new(Parameter.RadiusKm, Number(Near.RadiusKm));
        }
    }

    /// <summary>
    /// The filter in words, in the current UI language (a filtered feed's title): labels instead of codes, "; " between
    /// parameters, " / " between alternatives. Empty for no filter.
    /// </summary>
    public string Describe(Microsoft.Extensions.Localization.IStringLocalizer localizer, string language)
    {
        static string Any(IEnumerable<string> names) => string.Join(" / ", names);
        var parts = new List<string>();
        if (Subsectors.Count > 0) parts.Add(Any(Subsectors.Select(code => Subsector.Seed.First(s => s.Code == code).Name.In(language).Text)));
        if (Countries.Count > 0) parts.Add(Any(Countries.Select(code => Domain.Countries.Name(code, language))));
        // A state's name from its table, else as the listings write it.
        if (States.Count > 0) parts.Add(Any(States.Select(s => Subdivisions.FindKnown(s.Key)?.NameIn(language) ?? s.Matches.FirstOrDefault()?[3..] ?? s.Key[3..])));
        if (Region is not null) parts.Add(Region.CountryCode is { } country ? Domain.Countries.Name(country, language) : Region.Name);
        if (RegionValues.Count > 0) parts.Add(Any(RegionValues.Select(v => localizer["RegionValue." + Code.Of(v)].Value)));
        if (PartnerValues.Count > 0) parts.Add(Any(PartnerValues.Select(v => localizer["PartnerValue." + Code.Of(v)].Value)));
        if (ContactOrigins.Count > 0) parts.Add(Any(ContactOrigins.Select(v => localizer["ContactOrigin." + Code.Of(v)].Value)));
        if (Durations.Count > 0) parts.Add(Any(Durations.Select(v => localizer["Duration." + Code.Of(v)].Value)));
        if (Text is not null) parts.Add(localizer["Filter.Describe.Text", Text].Value);
        if (Bbox is not null) parts.Add(localizer["Filter.Describe.Bbox"].Value);
        if (Near is not null) parts.Add(localizer["Filter.Describe.Near", Number(Near.RadiusKm), $"{Near.Latitude.ToString("0.###", CultureInfo.InvariantCulture)}° N, {Near.Longitude.ToString("0.###", CultureInfo.InvariantCulture)}° E"].Value);
        return string.Join("; ", parts);
    }

    public string ToQueryString() =>
        QueryString.Create(ToQuery().Select(p => new KeyValuePair<string, string?>(p.Key, p.Value))).Value ?? "";

    private static string Number(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    private static IEnumerable<string> Values(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values)
            // Both subsector=a&subsector=b and subsector=a,b are accepted.
            ? values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            : [];

    private static bool Fail(List<Error> errors, string parameter, string key, params object[] arguments)
    {
        errors.Add(new Error(parameter, key, arguments));
        return false;
    }

    private static IReadOnlyList<TEnum> Codes<TEnum>(IQueryCollection query, string parameter, List<Error> errors) where TEnum : struct, Enum
    {
        var result = new List<TEnum>();
        foreach (var code in Values(query, parameter))
        {
            if (Code.TryParse<TEnum>(code, out var value)) { if (!result.Contains(value)) result.Add(value); }
            else Fail(errors, parameter, "Filter.Error.UnknownCode", code, string.Join(", ", Code.All<TEnum>()));
        }
        return result;
    }

    private static string? Single(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) && !StringValues.IsNullOrEmpty(values) && values.Count > 0
            ? values[^1]?.Trim() is { Length: > 0 } value ? value : null
            : null;

    private static string? ParseText(IQueryCollection query, List<Error> errors)
    {
        var text = Single(query, Parameter.Text);
        if (text is null) return null;
        if (text.Length <= MaxTextLength) return text;
        Fail(errors, Parameter.Text, "Filter.Error.TextTooLong", MaxTextLength);
        return null;
    }

    private static double[]? Numbers(string text, int count)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != count) return null;
        var numbers = new double[count];
        for (var i = 0; i < count; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i]) || !double.IsFinite(numbers[i])) return null;
        }
        return numbers;
    }

    private static bool ValidPosition(double longitude, double latitude) =>
        longitude is >= -180 and <= 180 && latitude is >= -90 and <= 90;

    private static BoundingBox? ParseBbox(IQueryCollection query, List<Error> errors)
    {
        var text = Single(query, Parameter.Bbox);
        if (text is null) return null;
        if (Numbers(text, 4) is not [var minLon, var minLat, var maxLon, var maxLat])
        {
            Fail(errors, Parameter.Bbox, "Filter.Error.BboxFormat", text);
            return null;
        }
        if (!ValidPosition(minLon, minLat) || !ValidPosition(maxLon, maxLat))
        {
            Fail(errors, Parameter.Bbox, "Filter.Error.BboxRange", text);
            return null;
        }
        if (minLat > maxLat)
        {
            Fail(errors, Parameter.Bbox, "Filter.Error.BboxOrder", text);
            return null;
        }
        return new BoundingBox(minLon, minLat, maxLon, maxLat);
    }

    private static Circle? ParseNear(IQueryCollection query, List<Error> errors)
    {
        var near = Single(query, Parameter.Near);
        var radiusText = Single(query, Parameter.RadiusKm);
        double radius = DefaultRadiusKm;
        var radiusValid = true;
        if (radiusText is not null)
        {
            radiusValid = double.TryParse(radiusText, NumberStyles.Float, CultureInfo.InvariantCulture, out radius)
                && double.IsFinite(radius) && radius > 0 && radius <= MaxRadiusKm;
            if (!radiusValid) Fail(errors, Parameter.RadiusKm, "Filter.Error.Radius", radiusText, Number(MaxRadiusKm));
        }
        if (near is null)
        {
            if (radiusText is not null && radiusValid) Fail(errors, Parameter.RadiusKm, "Filter.Error.RadiusWithoutNear");
            return null;
        }
        if (Numbers(near, 2) is not [var longitude, var latitude])
        {
            Fail(errors, Parameter.Near, "Filter.Error.NearFormat", near);
            return null;
        }
        if (!ValidPosition(longitude, latitude))
        {
            Fail(errors, Parameter.Near, "Filter.Error.NearRange", near);
            return null;
        }
        return radiusValid ? new Circle(longitude, latitude, radius) : null;
    }

    /// <summary>
    /// The state parameter: keys ("DE-sachsen", "IT-toscana"), ISO 3166-2 codes of the tabled countries ("DE-SN") or a name
    /// only one tabled country knows ("Tirol"). Each becomes its key plus the stored region texts that normalise to it, so the
    /// SQL condition compares plain columns.
    /// </summary>
    private static async Task<IReadOnlyList<StateRef>> ParseStatesAsync(IQueryCollection query, KreativLandDbContext db, List<Error> errors, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        foreach (var value in Values(query, Parameter.State))
        {
            string? key = null;
            if (value.Length <= 200)
            {
                key = Subdivisions.FindKnown(value)?.Key;
                if (key is null && value.Length > 3 && value[2] == '-')
                {
                    var candidate = value[..2].ToUpperInvariant() + value[2..].ToLowerInvariant();
                    if (Subdivisions.IsWellFormedKey(candidate)) key = candidate;
                }
            }
            if (key is null) Fail(errors, Parameter.State, "Filter.Error.UnknownState", value.Length > 200 ? value[..40] + "…" : value);
            else if (!keys.Contains(key)) keys.Add(key);
        }
        if (keys.Count == 0) return [];
        var countries = keys.Select(k => k[..2]).Distinct().ToList();
        var stored = await db.Cooperations.AsNoTracking()
            .Where(c => c.Location.Region != null && countries.Contains(c.Location.CountryCode))
            .Select(c => new { c.Location.CountryCode, c.Location.Region })
            .Distinct()
            .ToListAsync(cancellationToken);
        var matches = stored
            .Select(s => (Key: Subdivisions.Normalise(s.CountryCode, s.Region)?.Key, Match: s.CountryCode + ":" + s.Region))
            .Where(s => s.Key is not null)
            .ToLookup(s => s.Key!, s => s.Match);
        return keys.Select(key => new StateRef(key, matches[key].ToList())).ToList();
    }

    private static async Task<RegionRef?> ParseRegionAsync(IQueryCollection query, KreativLandDbContext db, List<Error> errors, CancellationToken cancellationToken)
    {
        var wanted = Single(query, Parameter.Region);
        if (wanted is null) return null;
        if (wanted.Length > 200)
        {
            Fail(errors, Parameter.Region, "Filter.Error.UnknownRegion", wanted[..40] + "…");
            return null;
        }
        var lowered = wanted.ToLowerInvariant();
        var candidates = await db.Regions.AsNoTracking()
            .Where(r => r.Slug == lowered || r.Name.ToLower() == lowered)
            .OrderBy(r => r.Slug == lowered ? 0 : 1).ThenBy(r => r.Slug)
            .Select(r => new RegionRef(r.Id, r.Slug, r.Name, r.Level, r.Level == Domain.Region.CountryLevel ? r.CountryCode : null))
            .Take(10)
            .ToListAsync(cancellationToken);
        if (candidates.Count == 0)
        {
            Fail(errors, Parameter.Region, "Filter.Error.UnknownRegion", wanted);
            return null;
        }
        if (candidates[0].Slug == lowered || candidates.Count == 1) return candidates[0];
        Fail(errors, Parameter.Region, "Filter.Error.AmbiguousRegion", wanted, string.Join(", ", candidates.Select(c => c.Slug)));
        return null;
    }
}
