using KreativLand.Web.Domain;

namespace KreativLand.Web.Import;

/// <summary>
/// Checks an import file record by record; every message names the record and the field (by its JSON path, as in
/// docs/import-format.md) in the current UI culture, German or English.
/// </summary>
public static class ImportValidator
{
    private static readonly ImportProblem.Factory L = new();
    public const int MaxTitle = 200, MaxSummary = 600, MaxDescription = 20_000, MaxAdvice = 5_000, MaxName = 200, MaxUrl = 500;
    public const int MinYear = 1900, MaxYear = 2100;
    /// <summary>An image's alternative text, per language.</summary>
    public const int MaxAltText = 300;
    /// <summary>A curator's note on a criterion (the database column's size).</summary>
    public const int MaxAttestationNote = 2000;

    public static string RecordName(int index, CooperationRecord? record) =>
        (record?.Slug is { Length: > 0 } slug ? L["ImportMessage.RecordWithSlug", index + 1, slug] : L["ImportMessage.Record", index + 1]).Message;

    /// <summary>At most this many problems are listed; the rest are counted ("… and 12,345 more problems").</summary>
    public const int MaxListedProblems = 200;

    /// <summary>
    /// Checks a file as it is read, one record at a time (<see cref="ImportFileReader"/>), keeping only what spans
    /// records: the slugs seen (a slug may appear once) and the cap on listed problems.
    /// </summary>
    /// <param name="storedImage">Whether a site path names an image in the media store (Media/MediaStore); without it no site path is taken.</param>
    public sealed class FileCheck(Func<string, bool>? storedImage = null)
    {
        private readonly Dictionary<string, int> seen = new(StringComparer.Ordinal);
        private readonly List<string> header = [];
        private readonly List<string> problems = [];
        private int unlisted;

        public bool HasProblems => header.Count > 0 || problems.Count > 0 || unlisted > 0;

        /// <summary>Whether the file says it is in a format version this importer cannot read (records are then not checked).</summary>
        public static bool VersionUnsupported(int? formatVersion) => formatVersion is { } version && version != CooperationImporter.SupportedFormatVersion;

        public void Header(int? formatVersion, bool sawCooperations)
        {
            if (formatVersion is null) header.Add(L["ImportMessage.FormatVersionMissing", CooperationImporter.SupportedFormatVersion].Message);
            else if (VersionUnsupported(formatVersion))
                header.Add(L["ImportMessage.FormatVersionUnsupported", formatVersion, CooperationImporter.SupportedFormatVersion].Message);
            if (!sawCooperations) header.Add(L["ImportMessage.CooperationsMissing"].Message);
        }

        public void Record(int index, CooperationRecord? record)
        {
            var recordErrors = new List<ImportProblem>();
            if (record is null) recordErrors.Add(L["ImportMessage.RecordIsNull"]);
            else ValidateRecord(record, recordErrors, storedImage);

            if (record?.Slug is { } slug)
            {
                if (seen.TryGetValue(slug, out var first)) recordErrors.Add(L["ImportMessage.SlugRepeats", first + 1]);
                else seen[slug] = index;
            }
            // Past the cap only counted: a file of a million broken records must not build a million messages.
            var listed = Math.Clamp(MaxListedProblems - problems.Count, 0, recordErrors.Count);
            problems.AddRange(recordErrors.Take(listed).Select(e => $"{RecordName(index, record)}: {e.Message}"));
            unlisted += recordErrors.Count - listed;
        }

        /// <summary>The problems found, the file's own first, then a count of those not listed.</summary>
        public List<string> Problems()
        {
            var all = header.Concat(problems).ToList();
            if (unlisted > 0) all.Add(L["ImportMessage.MoreProblems", unlisted].Message);
            return all;
        }
    }

    /// <summary>The problems of one record in the current UI culture, each naming its field (the submission form shows them).</summary>
    public static List<string> ValidateRecord(CooperationRecord record) => RecordProblems(record).Select(p => p.Message).ToList();

    /// <summary>
    /// The problems of one record, each with its field's JSON path: the editor shows them with its own form labels
    /// (Pages/Admin/Cooperations/ValidationText).
    /// </summary>
    public static List<ImportProblem> RecordProblems(CooperationRecord record, Func<string, bool>? storedImage = null)
    {
        var problems = new List<ImportProblem>();
        ValidateRecord(record, problems, storedImage);
        return problems;
    }

    private static void ValidateRecord(CooperationRecord r, List<ImportProblem> errors, Func<string, bool>? storedImage)
    {
        // The site's one text rule (Infrastructure/TextGuard): before any other check, for every text of the record.
        foreach (var (field, problem) in Infrastructure.TextGuard.Find(r))
            errors.Add(L[problem == Infrastructure.TextGuard.Problem.ControlCharacter ? "ImportMessage.ControlCharacter" : "ImportMessage.InvalidText", field]);
        if (string.IsNullOrWhiteSpace(r.Slug)) errors.Add(L["ImportMessage.Required", "slug"]);
        else if (!Slugs.IsValid(r.Slug)) errors.Add(L["ImportMessage.SlugFormatWithLength", "slug", Slugs.MaxLength]);

        if (r.Status is not null && !Code.TryParse<CooperationStatus>(r.Status, out _))
            errors.Add(L["ImportMessage.ValueNotOneOf", "status", r.Status, string.Join(", ", Code.All<CooperationStatus>())]);

        RequiredText(r.Title, "title", MaxTitle, errors);
        MaxLength(r.Source, "source", MaxName, errors);
        OptionalText(r.Summary, "summary", MaxSummary, errors);
        OptionalText(r.Description, "description", MaxDescription, errors);
        OptionalText(r.Advice?.Smes, "advice.smes", MaxAdvice, errors);
        OptionalText(r.Advice?.Creatives, "advice.creatives", MaxAdvice, errors);
        OptionalText(r.Advice?.Policy, "advice.policy", MaxAdvice, errors);

        if (r.StartYear is < MinYear or > MaxYear) errors.Add(L["ImportMessage.Between", "startYear", MinYear, MaxYear]);
        if (r.EndYear is < MinYear or > MaxYear) errors.Add(L["ImportMessage.Between", "endYear", MinYear, MaxYear]);
        if (r.StartYear is { } start && r.EndYear is { } end && end < start) errors.Add(L["ImportMessage.AtLeast", "endYear", "startYear"]);
        if (r.Ongoing == true && r.EndYear is not null) errors.Add(L["ImportMessage.EmptyWhenOngoing", "endYear"]);

        CodeList<ContactOrigin>(r.ContactOrigins, "contactOrigins", errors);
        CodeList<RegionValue>(r.RegionValues, "regionValues", errors);
        CodeList<PartnerValue>(r.PartnerValues, "partnerValues", errors);

        for (var i = 0; i < (r.Quotes?.Count ?? 0); i++)
        {
            var quote = r.Quotes![i];
            if (quote is null) { errors.Add(L["ImportMessage.IsNull", $"quotes[{i}]"]); continue; }
            RequiredText(quote.Text, $"quotes[{i}].text", MaxAdvice, errors);
            if (string.IsNullOrWhiteSpace(quote.Person)) errors.Add(L["ImportMessage.Required", $"quotes[{i}].person"]);
            else MaxLength(quote.Person, $"quotes[{i}].person", MaxName, errors);
            MaxLength(quote.Role, $"quotes[{i}].role", MaxName, errors);
        }
        for (var i = 0; i < (r.Media?.Count ?? 0); i++)
        {
            var media = r.Media![i];
            if (media is null) { errors.Add(L["ImportMessage.IsNull", $"media[{i}]"]); continue; }
            if (!Code.TryParse<MediaKind>(media.Kind, out _)) errors.Add(L["ImportMessage.OneOf", $"media[{i}].kind", string.Join(", ", Code.All<MediaKind>())]);
            if (!IsWebUrl(media.Url)) errors.Add(L["ImportMessage.Url", $"media[{i}].url"]);
            MaxLength(media.Url, $"media[{i}].url", MaxUrl, errors);
            MaxLength(media.Title, $"media[{i}].title", MaxName, errors);
        }
        for (var i = 0; i < (r.Images?.Count ?? 0); i++)
        {
            var image = r.Images![i];
            if (image is null) { errors.Add(L["ImportMessage.IsNull", $"images[{i}]"]); continue; }
            // A web address, or the site path of an uploaded image that the media store holds (never any other path).
            if (string.IsNullOrWhiteSpace(image.Url)) errors.Add(L["ImportMessage.Required", $"images[{i}].url"]);
            else if (image.Url.StartsWith('/'))
            {
                if (!Media.MediaStore.IsSitePath(image.Url.Trim()) || storedImage?.Invoke(image.Url.Trim()) != true)
                    errors.Add(L["ImportMessage.ImageNotStored", $"images[{i}].url", image.Url]);
            }
            else if (!IsWebUrl(image.Url.Trim())) errors.Add(L["ImportMessage.UrlOrPath", $"images[{i}].url"]);
            // Both languages: the profile shows the picture in each, and a screen reader needs the text in each.
            if (string.IsNullOrWhiteSpace(image.Alt?.De)) errors.Add(L["ImportMessage.Required", $"images[{i}].alt.de"]);
            if (string.IsNullOrWhiteSpace(image.Alt?.En)) errors.Add(L["ImportMessage.Required", $"images[{i}].alt.en"]);
            OptionalText(image.Alt, $"images[{i}].alt", MaxAltText, errors);
            MaxLength(image.Url, $"images[{i}].url", MaxUrl, errors);
            if (string.IsNullOrWhiteSpace(image.Credit)) errors.Add(L["ImportMessage.Required", $"images[{i}].credit"]);
            else MaxLength(image.Credit, $"images[{i}].credit", MaxName, errors);
        }

        ValidateLocation(r.Location, errors);
        ValidatePartners(r.Partners, errors);
        foreach (var (name, attestation) in new[] { ("economicBackground", r.Attestations?.EconomicBackground), ("equalTerms", r.Attestations?.EqualTerms),
                     ("regionalEffects", r.Attestations?.RegionalEffects), ("smeSize", r.Attestations?.SmeSize) })
            MaxLength(attestation?.Note, $"attestations.{name}.note", MaxAttestationNote, errors);
    }

    private static void ValidateLocation(ImportLocation? location, List<ImportProblem> errors)
    {
        if (location is null) { errors.Add(L["ImportMessage.Required", "location"]); return; }
        if (string.IsNullOrWhiteSpace(location.Municipality)) errors.Add(L["ImportMessage.Required", "location.municipality"]);
        else if (location.Municipality.Length > MaxName) errors.Add(L["ImportMessage.MaxLength", "location.municipality", MaxName]);
        if (location.Population is < 0) errors.Add(L["ImportMessage.AtLeast", "location.population", 0]);
        MaxLength(location.District, "location.district", MaxName, errors);
        MaxLength(location.Region, "location.region", MaxName, errors);
        if (!Countries.IsCode(location.Country)) errors.Add(L["ImportMessage.CountryWithExample", "location.country"]);
        if (location.Latitude is null) errors.Add(L["ImportMessage.Required", "location.latitude"]);
        else if (location.Latitude is < -90 or > 90 || double.IsNaN(location.Latitude.Value)) errors.Add(L["ImportMessage.Between", "location.latitude", -90, 90]);
        if (location.Longitude is null) errors.Add(L["ImportMessage.Required", "location.longitude"]);
        else if (location.Longitude is < -180 or > 180 || double.IsNaN(location.Longitude.Value)) errors.Add(L["ImportMessage.Between", "location.longitude", -180, 180]);
    }

    private static void ValidatePartners(List<ImportPartner?>? partners, List<ImportProblem> errors)
    {
        if (partners is null || partners.Count < 2) errors.Add(L["ImportMessage.TwoPartners", "partners", 2]);
        if (partners is null) return;
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < partners.Count; i++)
        {
            var p = partners[i];
            var at = $"partners[{i}]";
            if (p is null) { errors.Add(L["ImportMessage.IsNull", at]); continue; }
            if (string.IsNullOrWhiteSpace(p.Slug)) errors.Add(L["ImportMessage.Required", $"{at}.slug"]);
            else if (!Slugs.IsValid(p.Slug)) errors.Add(L["ImportMessage.SlugFormat", $"{at}.slug"]);
            else if (!slugs.Add(p.Slug)) errors.Add(L["ImportMessage.PartnerListedTwice", $"{at}.slug", p.Slug]);
            ValidatePartner(p, at + ".", errors);
            OptionalText(p.Role, $"{at}.role", MaxName, errors);
        }
    }

    /// <summary>The problems of one partner's details (the partner area edits them on their own); fields named without a prefix.</summary>
    public static List<ImportProblem> PartnerProblems(ImportPartner partner)
    {
        var problems = new List<ImportProblem>();
        ValidatePartner(partner, "", problems);
        return problems;
    }

    private static void ValidatePartner(ImportPartner p, string at, List<ImportProblem> errors)
    {
        if (string.IsNullOrWhiteSpace(p.Name)) errors.Add(L["ImportMessage.Required", $"{at}name"]);
        else if (p.Name.Length > MaxName) errors.Add(L["ImportMessage.MaxLength", $"{at}name", MaxName]);
        if (!Code.TryParse<PartnerKind>(p.Kind, out var kind)) errors.Add(L["ImportMessage.OneOf", $"{at}kind", string.Join(", ", Code.All<PartnerKind>())]);
        else if (kind == PartnerKind.Cci && string.IsNullOrWhiteSpace(p.Subsector)) errors.Add(L["ImportMessage.SubsectorRequired", $"{at}subsector"]);
        if (!string.IsNullOrWhiteSpace(p.Subsector) && !Subsector.IsCode(p.Subsector.Trim()))
            errors.Add(L["ImportMessage.ValueNotKnown", $"{at}subsector", p.Subsector, string.Join(", ", Subsector.Seed.Select(s => s.Code))]);
        MaxLength(p.Sector, $"{at}sector", MaxName, errors);
        if (!string.IsNullOrWhiteSpace(p.SectorCode) && !NaceSection.IsCode(p.SectorCode.Trim()))
            errors.Add(L["ImportMessage.ValueNotKnown", $"{at}sectorCode", p.SectorCode, string.Join(", ", NaceSection.All.Select(s => s.Code))]);
        MaxLength(p.Municipality, $"{at}municipality", MaxName, errors);
        MaxLength(p.Website, $"{at}website", MaxUrl, errors);
        if (p.Employees is < 0) errors.Add(L["ImportMessage.AtLeast", $"{at}employees", 0]);
        if (p.Website is not null && !IsWebUrl(p.Website)) errors.Add(L["ImportMessage.Url", $"{at}website"]);
        if (p.Country is not null && !Countries.IsCode(p.Country)) errors.Add(L["ImportMessage.Country", $"{at}country"]);
    }

    private static void MaxLength(string? value, string field, int max, List<ImportProblem> errors)
    {
        if (value is not null && value.Trim().Length > max) errors.Add(L["ImportMessage.MaxLength", field, max]);
    }

    private static void RequiredText(ImportText? text, string field, int max, List<ImportProblem> errors)
    {
        if (text is null || (string.IsNullOrWhiteSpace(text.De) && string.IsNullOrWhiteSpace(text.En)))
            errors.Add(L["ImportMessage.NeedsText", field]);
        else OptionalText(text, field, max, errors);
    }

    private static void OptionalText(ImportText? text, string field, int max, List<ImportProblem> errors)
    {
        if (text?.De?.Length > max) errors.Add(L["ImportMessage.MaxLength", $"{field}.de", max]);
        if (text?.En?.Length > max) errors.Add(L["ImportMessage.MaxLength", $"{field}.en", max]);
    }

    private static void CodeList<TEnum>(List<string?>? codes, string field, List<ImportProblem> errors) where TEnum : struct, Enum
    {
        if (codes is null) return;
        for (var i = 0; i < codes.Count; i++)
        {
            if (!Code.TryParse<TEnum>(codes[i], out _))
                errors.Add(L["ImportMessage.ValueNotOneOf", $"{field}[{i}]", codes[i], string.Join(", ", Code.All<TEnum>())]);
        }
        if (codes.Distinct().Count() != codes.Count) errors.Add(L["ImportMessage.ListsTwice", field]);
    }

    private static bool IsWebUrl(string? url) =>
        url is { Length: <= MaxUrl } && Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
