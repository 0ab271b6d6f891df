using System.Text.Json;
using KreativLand.Web.Domain;

namespace KreativLand.Web.Import;

/// <summary>What a pending revision holds (jsonb): the edited listing as a record of the import format, attestations included.</summary>
public sealed record RevisionContent(CooperationRecord Record)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Serialize() => JsonSerializer.Serialize(new Stored(Record, null, null, null), Json);

    public static RevisionContent Parse(string json)
    {
        var stored = JsonSerializer.Deserialize<Stored>(json, Json)!;
        // Revisions saved before the record carried its attestations kept them beside it.
        if (stored.Record.Attestations is null && (stored.EconomicBackground ?? stored.EqualTerms ?? stored.RegionalEffects) is not null)
        {
            stored.Record.Attestations = new ImportAttestations
            {
                EconomicBackground = Curation.Attestations.ToRecord(stored.EconomicBackground ?? Attestation.Empty),
                EqualTerms = Curation.Attestations.ToRecord(stored.EqualTerms ?? Attestation.Empty),
                RegionalEffects = Curation.Attestations.ToRecord(stored.RegionalEffects ?? Attestation.Empty),
            };
        }
        return new RevisionContent(stored.Record);
    }

    private sealed record Stored(CooperationRecord Record, Attestation? EconomicBackground, Attestation? EqualTerms, Attestation? RegionalEffects);
}
