using KreativLand.Web.Domain;

namespace KreativLand.Web.Import;

/// <summary>Checks an import file record by record; every message names the record and the field.</summary>
public static class ImportValidator
{
    public const int MaxTitle = 200, MaxSummary = 600, MaxDescription = 20_000, MaxAdvice = 5_000, MaxName = 200, MaxUrl = 500;
    public const int MinYear = 1900, MaxYear = 2100;

    public static string RecordName(int index, ImportCooperation? record) =>
        record?.Slug is { Length: > 0 } slug ? $"record {index + 1} (slug \"{slug}\")" : $"record {index + 1}";

    public static List<string> Validate(ImportFile file)
    {
        var errors = new List<string>();
        if (file.FormatVersion is null) errors.Add("formatVersion is missing (expected 1)");
        else if (file.FormatVersion != CooperationImporter.SupportedFormatVersion)
            errors.Add($"formatVersion {file.FormatVersion} is not supported (expected {CooperationImporter.SupportedFormatVersion})");
        if (file.Cooperations is null) { errors.Add("cooperations is missing (expected a list of records)"); return errors; }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < file.Cooperations.Count; i++)
        {
            var record = file.Cooperations[i];
            var recordErrors = new List<string>();
            if (record is null) recordErrors.Add("the record is null");
            else ValidateRecord(record, recordErrors);

            if (record?.Slug is { } slug)
            {
                if (seen.TryGetValue(slug, out var first)) recordErrors.Add($"slug repeats record {first + 1}");
                else seen[slug] = i;
            }
            errors.AddRange(recordErrors.Select(e => $"{RecordName(i, record)}: {e}"));
        }
        return errors;
    }

    /// <summary>The problems of one record, each naming its field (used by the editor and the submission form).</summary>
    public static List<string> ValidateRecord(ImportCooperation record)
    {
        var errors = new List<string>();
        ValidateRecord(record, errors);
        return errors;
    }

    private static void ValidateRecord(ImportCooperation r, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(r.Slug)) errors.Add("slug is required");
        else if (!Slugs.IsValid(r.Slug)) errors.Add($"slug must be lower-case letters, digits and single dashes (at most {Slugs.MaxLength} characters)");

        if (r.Status is not null && !Code.TryParse<CooperationStatus>(r.Status, out _))
            errors.Add($"status \"{r.Status}\" must be one of {string.Join(", ", Code.All<CooperationStatus>())}");

        RequiredText(r.Title, "title", MaxTitle, errors);
        OptionalText(r.Summary, "summary", MaxSummary, errors);
        OptionalText(r.Description, "description", MaxDescription, errors);
        OptionalText(r.Advice?.Smes, "advice.smes", MaxAdvice, errors);
        OptionalText(r.Advice?.Creatives, "advice.creatives", MaxAdvice, errors);
        OptionalText(r.Advice?.Policy, "advice.policy", MaxAdvice, errors);

        if (r.StartYear is < MinYear or > MaxYear) errors.Add($"startYear must be between {MinYear} and {MaxYear}");
        if (r.EndYear is < MinYear or > MaxYear) errors.Add($"endYear must be between {MinYear} and {MaxYear}");
        if (r.StartYear is { } start && r.EndYear is { } end && end < start) errors.Add("endYear must be ≥ startYear");
        if (r.Ongoing == true && r.EndYear is not null) errors.Add("endYear must be empty when ongoing is true");

        CodeList<ContactOrigin>(r.ContactOrigins, "contactOrigins", errors);
        CodeList<RegionValue>(r.RegionValues, "regionValues", errors);
        CodeList<PartnerValue>(r.PartnerValues, "partnerValues", errors);

        for (var i = 0; i < (r.Quotes?.Count ?? 0); i++)
        {
            var quote = r.Quotes![i];
            if (quote is null) { errors.Add($"quotes[{i}] is null"); continue; }
            RequiredText(quote.Text, $"quotes[{i}].text", MaxAdvice, errors);
            if (string.IsNullOrWhiteSpace(quote.Person)) errors.Add($"quotes[{i}].person is required");
            else MaxLength(quote.Person, $"quotes[{i}].person", MaxName, errors);
            MaxLength(quote.Role, $"quotes[{i}].role", MaxName, errors);
        }
        for (var i = 0; i < (r.Media?.Count ?? 0); i++)
        {
            var media = r.Media![i];
            if (media is null) { errors.Add($"media[{i}] is null"); continue; }
            if (!Code.TryParse<MediaKind>(media.Kind, out _)) errors.Add($"media[{i}].kind must be one of {string.Join(", ", Code.All<MediaKind>())}");
            if (!IsWebUrl(media.Url)) errors.Add($"media[{i}].url must be an http(s) URL");
            MaxLength(media.Url, $"media[{i}].url", MaxUrl, errors);
            MaxLength(media.Title, $"media[{i}].title", MaxName, errors);
        }
        for (var i = 0; i < (r.Images?.Count ?? 0); i++)
        {
            var image = r.Images![i];
            if (image is null) { errors.Add($"images[{i}] is null"); continue; }
            if (!IsWebUrl(image.Url) && !(image.Url?.StartsWith('/') ?? false)) errors.Add($"images[{i}].url must be an http(s) URL or a site path starting with /");
            RequiredText(image.Alt, $"images[{i}].alt", 300, errors);
            MaxLength(image.Url, $"images[{i}].url", MaxUrl, errors);
            MaxLength(image.Credit, $"images[{i}].credit", MaxName, errors);
        }

        ValidateLocation(r.Location, errors);
        ValidatePartners(r.Partners, errors);
    }

    private static void ValidateLocation(ImportLocation? location, List<string> errors)
    {
        if (location is null) { errors.Add("location is required"); return; }
        if (string.IsNullOrWhiteSpace(location.Municipality)) errors.Add("location.municipality is required");
        else if (location.Municipality.Length > MaxName) errors.Add($"location.municipality must be at most {MaxName} characters");
        if (location.Population is < 0) errors.Add("location.population must be ≥ 0");
        MaxLength(location.District, "location.district", MaxName, errors);
        MaxLength(location.Region, "location.region", MaxName, errors);
        if (!Countries.IsCode(location.Country)) errors.Add("location.country must be an ISO 3166-1 alpha-2 code such as DE or AT");
        if (location.Latitude is null) errors.Add("location.latitude is required");
        else if (location.Latitude is < -90 or > 90 || double.IsNaN(location.Latitude.Value)) errors.Add("location.latitude must be between -90 and 90");
        if (location.Longitude is null) errors.Add("location.longitude is required");
        else if (location.Longitude is < -180 or > 180 || double.IsNaN(location.Longitude.Value)) errors.Add("location.longitude must be between -180 and 180");
    }

    private static void ValidatePartners(List<ImportPartner?>? partners, List<string> errors)
    {
        if (partners is null || partners.Count < 2) { errors.Add("partners must list at least 2 partners"); }
        if (partners is null) return;
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < partners.Count; i++)
        {
            var p = partners[i];
            var at = $"partners[{i}]";
            if (p is null) { errors.Add($"{at} is null"); continue; }
            if (string.IsNullOrWhiteSpace(p.Slug)) errors.Add($"{at}.slug is required");
            else if (!Slugs.IsValid(p.Slug)) errors.Add($"{at}.slug must be lower-case letters, digits and single dashes");
            else if (!slugs.Add(p.Slug)) errors.Add($"{at}.slug \"{p.Slug}\" is listed twice in this cooperation");
            if (string.IsNullOrWhiteSpace(p.Name)) errors.Add($"{at}.name is required");
            else if (p.Name.Length > MaxName) errors.Add($"{at}.name must be at most {MaxName} characters");
            if (!Code.TryParse<PartnerKind>(p.Kind, out var kind)) errors.Add($"{at}.kind must be one of {string.Join(", ", Code.All<PartnerKind>())}");
            else if (kind == PartnerKind.Cci && string.IsNullOrWhiteSpace(p.Subsector)) errors.Add($"{at}.subsector is required for a CCI partner");
            if (!string.IsNullOrWhiteSpace(p.Subsector) && !Subsector.IsCode(p.Subsector.Trim()))
                errors.Add($"{at}.subsector \"{p.Subsector}\" is not one of {string.Join(", ", Subsector.Seed.Select(s => s.Code))}");
            MaxLength(p.Sector, $"{at}.sector", MaxName, errors);
            MaxLength(p.Municipality, $"{at}.municipality", MaxName, errors);
            MaxLength(p.Website, $"{at}.website", MaxUrl, errors);
            if (p.Employees is < 0) errors.Add($"{at}.employees must be ≥ 0");
            if (p.Website is not null && !IsWebUrl(p.Website)) errors.Add($"{at}.website must be an http(s) URL");
            if (p.Country is not null && !Countries.IsCode(p.Country)) errors.Add($"{at}.country must be an ISO 3166-1 alpha-2 code");
            OptionalText(p.Role, $"{at}.role", MaxName, errors);
        }
    }


    private static void MaxLength(string? value, string field, int max, List<string> errors)
    {
        if (value is not null && value.Trim().Length > max) errors.Add($"{field} must be at most {max} characters");
    }

    private static void RequiredText(ImportText? text, string field, int max, List<string> errors)
    {
        if (text is null || (string.IsNullOrWhiteSpace(text.De) && string.IsNullOrWhiteSpace(text.En)))
            errors.Add($"{field} needs a German or an English text");
        else OptionalText(text, field, max, errors);
    }

    private static void OptionalText(ImportText? text, string field, int max, List<string> errors)
    {
        if (text?.De?.Length > max) errors.Add($"{field}.de must be at most {max} characters");
        if (text?.En?.Length > max) errors.Add($"{field}.en must be at most {max} characters");
    }

    private static void CodeList<TEnum>(List<string?>? codes, string field, List<string> errors) where TEnum : struct, Enum
    {
        if (codes is null) return;
        for (var i = 0; i < codes.Count; i++)
        {
            if (!Code.TryParse<TEnum>(codes[i], out _))
                errors.Add($"{field}[{i}] \"{codes[i]}\" must be one of {string.Join(", ", Code.All<TEnum>())}");
        }
        if (codes.Distinct().Count() != codes.Count) errors.Add($"{field} lists a value twice");
    }

    private static bool IsWebUrl(string? url) =>
        url is { Length: <= MaxUrl } && Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
