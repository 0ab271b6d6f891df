using System.Globalization;
using System.Linq.Expressions;
using KreativLand.Web.Data;
using KreativLand.Web.Domain;
using KreativLand.Web.Listings;
using Microsoft.EntityFrameworkCore;

namespace KreativLand.Web.Pages.Evaluation;

/// <summary>A state or region (<see cref="Subdivisions"/>) with how many listings of the selection lie in it.</summary>
public sealed record StateShare(Subdivision State, OptionShare Share);

/// <summary>One option of a category: how many listings of the selection name it.</summary>
public sealed record OptionShare(string Code, int Count, int Total)
{
    /// <summary>Percent of the selection with one decimal (as the report prints it), null for an empty selection.</summary>
    public double? Percent => Total == 0 ? null : Math.Round(100.0 * Count / Total, 1, MidpointRounding.AwayFromZero);

    /// <summary>"78,3" in German, "78.3" in English; a whole number without ",0" (the report prints "13 %").</summary>
    public string PercentText(CultureInfo culture) => Percent is { } percent ? percent.ToString("0.#", culture) : "–";
}

/// <summary>One of the report's four categories with its options (several options per listing possible).</summary>
public sealed record EvaluationCategory(string Code, string LabelKey, string OptionLabelPrefix, IReadOnlyList<OptionShare> Options);

/// <summary>How often an SME of a NACE section (null: no section given) meets a CCI subsector in the same cooperation.</summary>
public sealed record SectorPairing(string? SectorCode, string SubsectorCode, int Count);

/// <summary>
/// The report's pairing finding checked against the selection: SMEs from agriculture and forestry (NACE A) tend to work with
/// software &amp; games; SMEs from manufacturing and construction (C, F) with arts &amp; crafts, design or architecture.
/// Each part counts cooperations: how many have such an SME, and how many of those have a partner of the named subsectors.
/// </summary>
public sealed record PairingFinding(int Agriculture, int AgricultureWithSoftware, int Manufacturing, int ManufacturingWithCrafts)
{
    public static readonly string[] AgricultureSections = ["A"];
    public static readonly string[] AgricultureSubsectors = ["software-games"];
    public static readonly string[] ManufacturingSections = ["C", "F"];
    public static readonly string[] ManufacturingSubsectors = ["arts-crafts", "design", "architecture"];

    /// <summary>A part holds when at least half of the cooperations it covers have the named partner; null without any.</summary>
    public static bool? Holds(int with, int total) => total == 0 ? null : 2 * with >= total;

    /// <summary>agrees, partly, disagrees or unknown: the key of the sentence the page shows.</summary>
    public string Verdict => (Holds(AgricultureWithSoftware, Agriculture), Holds(ManufacturingWithCrafts, Manufacturing)) switch
    {
        (null, null) => "unknown",
        (true, true) or (true, null) or (null, true) => "agrees",
        (false, false) or (false, null) or (null, false) => "disagrees",
        _ => "partly",
    };
}

/// <summary>
/// The evaluation of the published listings in a selection, the way the report evaluates its listings:
/// four categories, counts by subsector and country, and SME sector × CCI subsector. Every number is
/// counted by PostgreSQL; the page /evaluation and GET /api/v1/stats both show this record.
/// </summary>
public sealed record EvaluationStatistics(
    int Total,
    IReadOnlyList<EvaluationCategory> Categories,
    IReadOnlyList<OptionShare> Subsectors,
    IReadOnlyList<OptionShare> Countries,
    IReadOnlyList<StateShare> States,
    IReadOnlyList<SectorPairing> Pairings,
    PairingFinding Finding)
{
    /// <summary>Category codes are the filter's parameter names, so a category links straight to its filter.</summary>
    public static class CategoryCode
    {
        public const string Contact = CooperationFilter.Parameter.Contact;
        public const string RegionValue = CooperationFilter.Parameter.RegionValue;
        public const string PartnerValue = CooperationFilter.Parameter.PartnerValue;
        public const string Duration = CooperationFilter.Parameter.Duration;
    }

    /// <param name="knownTotal">The selection's count when the caller has it already (the filter form's counts).</param>
    public static async Task<EvaluationStatistics> ComputeAsync(
        KreativLandDbContext db, CooperationFilter filter, int currentYear, CancellationToken cancellationToken = default, int? knownTotal = null)
    {
        var selection = CooperationSearchQuery.Apply(db, CooperationQueries.Published(db), filter, currentYear);

        // The total and every option of the four categories in one statement of conditional counts.
        var options = new List<(string Category, string Code, Expression<Func<Cooperation, bool>> Condition)> { ("", "", c => true) };
        void Add<TEnum>(string category, Func<TEnum, Expression<Func<Cooperation, bool>>> has) where TEnum : struct, Enum =>
            options.AddRange(Enum.GetValues<TEnum>().Select(value => (category, Code.Of(value), has(value))));
        Add<ContactOrigin>(CategoryCode.Contact, value => c => c.ContactOrigins.Contains(value));
        Add<RegionValue>(CategoryCode.RegionValue, value => c => c.RegionValues.Contains(value));
        Add<PartnerValue>(CategoryCode.PartnerValue, value => c => c.PartnerValues.Contains(value));
        // The selection keeps any duration filter of its own; each option narrows it further.
        Add<DurationOption>(CategoryCode.Duration, value => CooperationSearchQuery.DurationPredicate([value], currentYear));
        var counts = await Predicates.CountEachAsync(selection, options.Select(o => o.Condition).ToList(), cancellationToken);
        var total = knownTotal ?? counts[0];
        List<OptionShare> Shares(string category) =>
            options.Select((option, index) => (option, index)).Where(x => x.option.Category == category)
                .Select(x => new OptionShare(x.option.Code, counts[x.index], total)).ToList();
        var contact = Shares(CategoryCode.Contact);
        var regionValues = Shares(CategoryCode.RegionValue);
        var partnerValues = Shares(CategoryCode.PartnerValue);
        var durations = Shares(CategoryCode.Duration);

        var subsectorCounts = await TagCounts.BySubsectorAsync(selection, cancellationToken);
        var subsectors = Subsector.Seed
            .Where(s => subsectorCounts.ContainsKey(s.Code))
            .Select(s => new OptionShare(s.Code, subsectorCounts[s.Code], total))
            .OrderByDescending(s => s.Count).ToList();

        var (countryCounts, stateCounts) = await TagCounts.ByCountryAndStateAsync(selection, CooperationFilter.None, cancellationToken);
        var countries = countryCounts
            .Select(x => new OptionShare(x.Key, x.Value, total))
            .OrderByDescending(x => x.Count).ThenBy(x => x.Code, StringComparer.Ordinal).ToList();
        var states = stateCounts
            .Select(x => new StateShare(x.State, new OptionShare(x.State.Key, x.Count, total)))
            .OrderByDescending(x => x.Share.Count).ThenBy(x => x.State.Key, StringComparer.Ordinal).ToList();

        var smeWithCci =
            from c in selection
            from sme in c.Partners
            where sme.Partner.Kind == PartnerKind.Sme
            from cci in c.Partners
            where cci.Partner.SubsectorCode != null
            select new { c.Id, Sector = sme.Partner.SectorCode, Code = cci.Partner.SubsectorCode! };
        var order = NaceSection.All.Select(n => n.Code).ToList();
        var pairings = (await smeWithCci
                .Distinct()
                .GroupBy(x => new { x.Sector, x.Code })
                .Select(g => new { g.Key.Sector, g.Key.Code, Count = g.Count() })
                .ToListAsync(cancellationToken))
            .Select(x => new SectorPairing(x.Sector, x.Code, x.Count))
            // Sections in NACE order, the SMEs without a section last.
            .OrderBy(x => x.SectorCode is null ? int.MaxValue : order.IndexOf(x.SectorCode))
            .ThenBy(x => Subsector.Find(x.SubsectorCode)?.SortOrder ?? int.MaxValue).ToList();

        async Task<(int Total, int With)> Share(string[] sections, string[] subsectors)
        {
            var covered = smeWithCci.Where(x => x.Sector != null && sections.Contains(x.Sector));
            return (await covered.Select(x => x.Id).Distinct().CountAsync(cancellationToken),
                await covered.Where(x => subsectors.Contains(x.Code)).Select(x => x.Id).Distinct().CountAsync(cancellationToken));
        }
        var agriculture = await Share(PairingFinding.AgricultureSections, PairingFinding.AgricultureSubsectors);
        var manufacturing = await Share(PairingFinding.ManufacturingSections, PairingFinding.ManufacturingSubsectors);
        var finding = new PairingFinding(agriculture.Total, agriculture.With, manufacturing.Total, manufacturing.With);

        return new EvaluationStatistics(total,
        [
            new(CategoryCode.Contact, "Category.Contact", "ContactOrigin.", contact),
            new(CategoryCode.RegionValue, "Category.RegionValue", "RegionValue.", regionValues),
            new(CategoryCode.PartnerValue, "Category.PartnerValue", "PartnerValue.", partnerValues),
            new(CategoryCode.Duration, "Category.Duration", "Duration.", durations),
        ], subsectors, countries, states, pairings, finding);
    }
}
