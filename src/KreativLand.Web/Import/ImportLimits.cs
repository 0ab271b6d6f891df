using KreativLand.Web.Domain;
using static KreativLand.Web.Import.ImportValidator;

namespace KreativLand.Web.Import;

/// <summary>
/// The limits <see cref="ImportValidator"/> checks, by field of the import format: rows and languages without their index
/// or language ("partners.name" for partners[3].name, "title" for title.de and title.en). Forms take their maxlength, min
/// and max from here (<c>kl-limit-of</c>, Infrastructure/LimitsTagHelper), so a field never allows more or less than the
/// validator does. Pages/Admin/Cooperations/EditorLimitsTests checks each against the validator itself.
/// </summary>
public static class ImportLimits
{
    public sealed record Limit(int? MaxLength = null, double? Min = null, double? Max = null);

    public static readonly IReadOnlyDictionary<string, Limit> Fields = new Dictionary<string, Limit>(StringComparer.Ordinal)
    {
        ["slug"] = new(MaxLength: Slugs.MaxLength),
        ["title"] = new(MaxLength: MaxTitle),
        ["summary"] = new(MaxLength: MaxSummary),
        ["description"] = new(MaxLength: MaxDescription),
        ["advice"] = new(MaxLength: MaxAdvice),
        ["source"] = new(MaxLength: MaxName),
        ["startYear"] = new(Min: MinYear, Max: MaxYear),
        ["endYear"] = new(Min: MinYear, Max: MaxYear),
        ["location.municipality"] = new(MaxLength: MaxName),
        ["location.district"] = new(MaxLength: MaxName),
        ["location.region"] = new(MaxLength: MaxName),
        ["location.population"] = new(Min: 0),
        ["location.latitude"] = new(Min: -90, Max: 90),
        ["location.longitude"] = new(Min: -180, Max: 180),
        ["partners.name"] = new(MaxLength: MaxName),
        ["partners.website"] = new(MaxLength: MaxUrl),
        ["partners.employees"] = new(Min: 0),
        ["partners.sector"] = new(MaxLength: MaxName),
        ["partners.municipality"] = new(MaxLength: MaxName),
        ["partners.country"] = new(MaxLength: Countries.CodeLength),
        ["partners.role"] = new(MaxLength: MaxName),
        ["quotes.text"] = new(MaxLength: MaxAdvice),
        ["quotes.person"] = new(MaxLength: MaxName),
        ["quotes.role"] = new(MaxLength: MaxName),
        ["media.url"] = new(MaxLength: MaxUrl),
        ["media.title"] = new(MaxLength: MaxName),
        ["images.url"] = new(MaxLength: MaxUrl),
        ["images.credit"] = new(MaxLength: MaxName),
        ["images.alt"] = new(MaxLength: MaxAltText),
        ["attestations.note"] = new(MaxLength: MaxAttestationNote),
    };

    /// <summary>The limit of a field; a name the table does not know is a programming error (the page would silently lose its limit).</summary>
    public static Limit Of(string field) =>
        Fields.TryGetValue(field, out var limit) ? limit : throw new ArgumentException($"The import format has no limit for \"{field}\".", nameof(field));
}
