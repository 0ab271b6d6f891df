using System.Text.Json.Serialization;

namespace KreativLand.Web.Import;

// The JSON import format (docs/import-format.md). Property names are the format's names in camelCase.

public sealed class ImportFile
{
    [JsonPropertyName("$schema")] public string? Schema { get; set; }
    [JsonPropertyName("$comment")] public string? Comment { get; set; }
    public int? FormatVersion { get; set; }
    public List<CooperationRecord?>? Cooperations { get; set; }
}

public sealed class ImportText
{
    public string? De { get; set; }
    public string? En { get; set; }
}

/// <summary>
/// One cooperation as a full record: an entry of the import file and the JSON export, the editor's form model and the
/// payload of a revision. Everything is optional here; <see cref="ImportValidator"/> says what is missing.
/// </summary>
public sealed class CooperationRecord
{
    public string? Slug { get; set; }
    public string? Status { get; set; }
    public ImportText? Title { get; set; }
    public ImportText? Summary { get; set; }
    public ImportText? Description { get; set; }
    public int? StartYear { get; set; }
    public int? EndYear { get; set; }
    public bool? Ongoing { get; set; }
    public bool? ContinuousSinceStart { get; set; }
    public List<string?>? ContactOrigins { get; set; }
    public List<string?>? RegionValues { get; set; }
    public List<string?>? PartnerValues { get; set; }
    public ImportAdvice? Advice { get; set; }
    public List<ImportQuote?>? Quotes { get; set; }
    public List<ImportMedia?>? Media { get; set; }
    public List<ImportImage?>? Images { get; set; }
    public ImportLocation? Location { get; set; }
    public List<ImportPartner?>? Partners { get; set; }
    /// <summary>The curator's statements on the criteria that cannot be read from the data (optional).</summary>
    public ImportAttestations? Attestations { get; set; }
    /// <summary>Where the listing comes from (provenance), e.g. "KreativLandTransfer report 2024" (optional).</summary>
    public string? Source { get; set; }
}

public sealed class ImportAttestations
{
    public ImportAttestation? EconomicBackground { get; set; }
    public ImportAttestation? EqualTerms { get; set; }
    public ImportAttestation? RegionalEffects { get; set; }
    /// <summary>The SME has at most 250 employees, for when no count is known.</summary>
    public ImportAttestation? SmeSize { get; set; }
}

public sealed class ImportAttestation
{
    /// <summary>true: met, false: not met, null/absent: open.</summary>
    public bool? Confirmed { get; set; }
    public string? Note { get; set; }
}

public sealed class ImportAdvice
{
    public ImportText? Smes { get; set; }
    public ImportText? Creatives { get; set; }
    public ImportText? Policy { get; set; }
}

public class ImportQuote
{
    public ImportText? Text { get; set; }
    public string? Person { get; set; }
    public string? Role { get; set; }
}

public class ImportMedia
{
    public string? Kind { get; set; }
    public string? Url { get; set; }
    public string? Title { get; set; }
}

public class ImportImage
{
    public string? Url { get; set; }
    public ImportText? Alt { get; set; }
    public string? Credit { get; set; }
}

public sealed class ImportLocation
{
    public string? Municipality { get; set; }
    public int? Population { get; set; }
    public string? District { get; set; }
    public string? Region { get; set; }
    public string? Country { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
}

public class ImportPartner
{
    public string? Slug { get; set; }
    public string? Name { get; set; }
    public string? Kind { get; set; }
    public ImportText? Role { get; set; }
    public string? Website { get; set; }
    public string? Sector { get; set; }
    /// <summary>NACE Rev. 2 section, A–U.</summary>
    public string? SectorCode { get; set; }
    public int? Employees { get; set; }
    public string? Subsector { get; set; }
    public string? Municipality { get; set; }
    public string? Country { get; set; }
    public bool? Urban { get; set; }
}
