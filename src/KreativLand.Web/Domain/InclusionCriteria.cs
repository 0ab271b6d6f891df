namespace KreativLand.Web.Domain;

public enum CriterionOutcome { Pass, Fail, Unknown }

/// <summary>The result of one criterion; the reason is a resource key with its arguments (German and English texts).</summary>
public sealed record CriterionResult(string Key, CriterionOutcome Outcome, string ReasonKey, params object[] Arguments)
{
    public string LabelKey => "Criteria." + Key;
    /// <summary>A resource key said after the reason, e.g. where the population threshold comes from.</summary>
    public string? NoteKey { get; init; }
}

/// <summary>A curator's statement on a criterion that cannot be read from the data, with a short note.</summary>
public sealed record Attestation(bool? Confirmed, string? Note)
{
    public static Attestation Empty { get; } = new(null, null);
}

/// <summary>The facts the criteria look at, independent of how a listing is stored or edited.</summary>
public sealed record CriteriaFacts(
    IReadOnlyList<CriteriaFacts.PartnerFacts> Partners,
    int? Population,
    string? CountryCode,
    PopulationThreshold? PopulationThreshold,
    Attestation EconomicBackground,
    Attestation EqualTerms,
    Attestation RegionalEffects,
    Attestation SmeSize)
{
    public sealed record PartnerFacts(string Name, PartnerKind Kind, int? Employees, string? SubsectorCode, bool? IsUrban);
}

/// <summary>
/// The inclusion criteria of the KreativLandTransfer report: four read from the data (an SME partner with at most
/// 250 employees, a CCI partner from one of the twelve subsectors, a municipality below the country's population
/// threshold, at most one urban partner) and three attested by the curator with a note.
/// </summary>
public static class InclusionCriteria
{
    public const int MaxSmeEmployees = 250;
    public const int MaxUrbanPartners = 1;

    public static readonly string[] Keys = ["sme", "cci", "population", "urban", "economic-background", "equal-terms", "regional-effects"];

    public static IReadOnlyList<CriterionResult> Evaluate(CriteriaFacts facts) =>
    [
        Sme(facts.Partners, facts.SmeSize),
        Cci(facts.Partners),
        Population(facts),
        Urban(facts.Partners),
        Attested("economic-background", facts.EconomicBackground),
        Attested("equal-terms", facts.EqualTerms),
        Attested("regional-effects", facts.RegionalEffects),
    ];

    public static bool AllPass(IEnumerable<CriterionResult> results) => results.All(r => r.Outcome == CriterionOutcome.Pass);

    private static CriterionResult Sme(IReadOnlyList<CriteriaFacts.PartnerFacts> partners, Attestation smeSize)
    {
        if (partners.FirstOrDefault(p => p.Employees < 0) is { } impossible)
            return new("sme", CriterionOutcome.Fail, "Criteria.Sme.Impossible", impossible.Name, impossible.Employees!.Value);
        var smes = partners.Where(p => p.Kind == PartnerKind.Sme).ToList();
        if (smes.Count == 0) return new("sme", CriterionOutcome.Fail, "Criteria.Sme.None");
        if (smes.FirstOrDefault(p => p.Employees is <= MaxSmeEmployees) is { } small)
            return new("sme", CriterionOutcome.Pass, "Criteria.Sme.Pass", small.Name, small.Employees!.Value);
        if (smes.FirstOrDefault(p => p.Employees is null) is { } unknown)
        {
            // No count known: the curator may confirm the size from a source, as for the attested criteria.
            return smeSize switch
            {
                { Confirmed: true, Note: { } note } when !string.IsNullOrWhiteSpace(note) =>
                    new("sme", CriterionOutcome.Pass, "Criteria.Sme.Attested", unknown.Name, note.Trim()),
                { Confirmed: false } => new("sme", CriterionOutcome.Fail, "Criteria.Sme.AttestedTooLarge", unknown.Name),
                _ => new("sme", CriterionOutcome.Unknown, "Criteria.Sme.EmployeesUnknown", unknown.Name),
            };
        }
        return new("sme", CriterionOutcome.Fail, "Criteria.Sme.TooLarge", MaxSmeEmployees);
    }

    private static CriterionResult Cci(IReadOnlyList<CriteriaFacts.PartnerFacts> partners)
    {
        var ccis = partners.Where(p => p.Kind == PartnerKind.Cci).ToList();
        if (ccis.Count == 0) return new("cci", CriterionOutcome.Fail, "Criteria.Cci.None");
        foreach (var cci in ccis)
            if (Subsector.Find(cci.SubsectorCode) is { } subsector)
                return new("cci", CriterionOutcome.Pass, "Criteria.Cci.Pass", cci.Name, subsector.Name.InCurrentCulture().Text);
        return new("cci", CriterionOutcome.Unknown, "Criteria.Cci.SubsectorMissing", ccis[0].Name);
    }

    private static CriterionResult Population(CriteriaFacts facts)
    {
        var country = string.IsNullOrEmpty(facts.CountryCode) ? "?" : facts.CountryCode;
        if (facts.Population is < 0) return new("population", CriterionOutcome.Fail, "Criteria.Population.Impossible", facts.Population.Value);
        // A country without a threshold is never measured against another country's figure.
        if (facts.PopulationThreshold is not { } threshold) return new("population", CriterionOutcome.Unknown, "Criteria.Population.NoThreshold", country);
        var source = threshold.Source == ThresholdSource.Admin ? "Criteria.Population.SetByAdmin" : "Criteria.Population.Derived";
        if (facts.Population is not { } population)
            return new("population", CriterionOutcome.Unknown, "Criteria.Population.Unknown", threshold.Value, country) { NoteKey = source };
        return population < threshold.Value
            ? new("population", CriterionOutcome.Pass, "Criteria.Population.Pass", population, threshold.Value, country) { NoteKey = source }
            : new("population", CriterionOutcome.Fail, "Criteria.Population.Fail", population, threshold.Value, country) { NoteKey = source };
    }

    private static CriterionResult Urban(IReadOnlyList<CriteriaFacts.PartnerFacts> partners)
    {
        var urban = partners.Where(p => p.IsUrban == true).ToList();
        var unknown = partners.Where(p => p.IsUrban is null).ToList();
        if (urban.Count > MaxUrbanPartners)
            return new("urban", CriterionOutcome.Fail, "Criteria.Urban.Fail", urban.Count, string.Join(", ", urban.Select(p => p.Name)));
        if (urban.Count + unknown.Count > MaxUrbanPartners)
            return new("urban", CriterionOutcome.Unknown, "Criteria.Urban.Unknown", string.Join(", ", unknown.Select(p => p.Name)));
        return new("urban", CriterionOutcome.Pass, "Criteria.Urban.Pass", urban.Count);
    }

    private static CriterionResult Attested(string key, Attestation attestation) => attestation switch
    {
        { Confirmed: false } => new(key, CriterionOutcome.Fail, "Criteria.Attested.Denied", attestation.Note ?? ""),
        { Confirmed: true, Note: { } note } when !string.IsNullOrWhiteSpace(note) => new(key, CriterionOutcome.Pass, "Criteria.Attested.Pass", note.Trim()),
        { Confirmed: true } => new(key, CriterionOutcome.Unknown, "Criteria.Attested.NoteMissing"),
        _ => new(key, CriterionOutcome.Unknown, "Criteria.Attested.Open"),
    };
}

/// <summary>An admin's own population threshold for a country, replacing the derived one (<see cref="PopulationThresholds"/>).</summary>
public class CountryThreshold
{
    public string CountryCode { get; set; } = "";
    public int PopulationThreshold { get; set; }
    public string? SetBy { get; set; }
    public DateTimeOffset? SetAt { get; set; }
}
