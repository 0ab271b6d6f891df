using KreativLand.Web.Data;
using KreativLand.Web.Domain;
using KreativLand.Web.Import;
using Microsoft.EntityFrameworkCore;

namespace KreativLand.Web.Curation;

/// <summary>
/// The inclusion criteria of a listing record (as edited, stored, revised or imported) with the population threshold of
/// its country: the admins' value, else the derived one (<see cref="PopulationThresholds"/>), else none.
/// </summary>
public static class ListingCriteria
{
    public static async Task<IReadOnlyList<CriterionResult>> EvaluateAsync(KreativLandDbContext db, CooperationRecord record, CancellationToken cancellationToken)
    {
        var country = record.Location?.Country?.Trim().ToUpperInvariant();
        var adminValue = string.IsNullOrEmpty(country) ? null : await db.CountryThresholds.AsNoTracking()
            .Where(t => t.CountryCode == country)
            .Select(t => (int?)t.PopulationThreshold)
            .SingleOrDefaultAsync(cancellationToken);
        return Evaluate(record, PopulationThresholds.For(country, adminValue));
    }

    /// <summary>The admins' thresholds, for evaluating many records (an import) with one query.</summary>
    public static Task<Dictionary<string, int>> AdminThresholdsAsync(KreativLandDbContext db, CancellationToken cancellationToken) =>
        db.CountryThresholds.AsNoTracking().ToDictionaryAsync(t => t.CountryCode, t => t.PopulationThreshold, cancellationToken);

    public static IReadOnlyList<CriterionResult> Evaluate(CooperationRecord record, IReadOnlyDictionary<string, int> adminThresholds)
    {
        var country = record.Location?.Country?.Trim().ToUpperInvariant();
        int? adminValue = country is not null && adminThresholds.TryGetValue(country, out var value) ? value : null;
        return Evaluate(record, PopulationThresholds.For(country, adminValue));
    }

    public static IReadOnlyList<CriterionResult> Evaluate(CooperationRecord record, PopulationThreshold? threshold)
    {
        var partners = (record.Partners ?? []).Where(p => p is not null).Select(p => new CriteriaFacts.PartnerFacts(
            p!.Name ?? "?", Code.TryParse<PartnerKind>(p.Kind, out var kind) ? kind : PartnerKind.Other, p.Employees, p.Subsector, p.Urban)).ToList();
        var attested = record.Attestations;
        return InclusionCriteria.Evaluate(new CriteriaFacts(partners, record.Location?.Population, record.Location?.Country, threshold,
            Attestations.From(attested?.EconomicBackground), Attestations.From(attested?.EqualTerms),
            Attestations.From(attested?.RegionalEffects), Attestations.From(attested?.SmeSize)));
    }
}

/// <summary>Between the import format's attestations and the listing's.</summary>
public static class Attestations
{
    public static Attestation From(ImportAttestation? attestation) =>
        new(attestation?.Confirmed, attestation?.Note.TrimOrNull());

    public static ImportAttestation? ToRecord(Attestation attestation) =>
        attestation.Confirmed is null && attestation.Note is null ? null : new ImportAttestation { Confirmed = attestation.Confirmed, Note = attestation.Note };

    public static ImportAttestations? ToRecord(Cooperation c)
    {
        var record = new ImportAttestations
        {
            EconomicBackground = ToRecord(c.EconomicBackground), EqualTerms = ToRecord(c.EqualTerms),
            RegionalEffects = ToRecord(c.RegionalEffects), SmeSize = ToRecord(c.SmeSize),
        };
        return record is { EconomicBackground: null, EqualTerms: null, RegionalEffects: null, SmeSize: null } ? null : record;
    }

    public static void Apply(ImportAttestations? record, Cooperation c)
    {
        c.EconomicBackground = From(record?.EconomicBackground);
        c.EqualTerms = From(record?.EqualTerms);
        c.RegionalEffects = From(record?.RegionalEffects);
        c.SmeSize = From(record?.SmeSize);
    }
}
