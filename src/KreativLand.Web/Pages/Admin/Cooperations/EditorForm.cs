using KreativLand.Web.Data;
using KreativLand.Web.Domain;
using KreativLand.Web.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KreativLand.Web.Pages.Admin.Cooperations;

/// <summary>
/// The editor's form and its clean-up: the import record as typed (<see cref="Input"/>), rows of partners, quotes, media
/// and images with a remove box each, and the curator's attestations. The page binds it without a prefix, so the field
/// names are the record's ("Input.Title.De", "PartnerRows[3].Name", "EqualTerms.Note"). <see cref="ToRecordAsync"/> turns
/// it into the one import record the validator checks and the importer stores. A row counts when it is not marked for
/// removal and holds its essential field.
/// </summary>
public sealed class EditorForm
{
    public CooperationRecord Input { get; set; } = NewRecord();
    public List<PartnerRow> PartnerRows { get; set; } = [];
    public List<QuoteRow> QuoteRows { get; set; } = [];
    public List<MediaRow> MediaRows { get; set; } = [];
    public List<ImageRow> ImageRows { get; set; } = [];
    public AttestationInput EconomicBackground { get; set; } = new();
    public AttestationInput EqualTerms { get; set; } = new();
    public AttestationInput RegionalEffects { get; set; } = new();
    public AttestationInput SmeSize { get; set; } = new();

    /// <summary>The row number the page shows for each posted row key, by list ("partners"): set by <see cref="ToRecordAsync"/>.</summary>
    private Dictionary<string, Dictionary<string, int>> rowNumbers = [];
    public IReadOnlyDictionary<string, Dictionary<string, int>> RowNumbersShown() => rowNumbers;

    /// <summary>A partner row; <see cref="Seen"/>: what the page showed of a stored partner (<see cref="Partners.SeenChange"/>), checked before its details are changed.</summary>
    public sealed class PartnerRow : ImportPartner
    {
        public bool Remove { get; set; }
        public string? Seen { get; set; }
        public bool Kept => !Remove && !string.IsNullOrWhiteSpace(Name);
    }
    public sealed class QuoteRow : ImportQuote { public bool Remove { get; set; } public bool Kept => !Remove && !(IsBlank(Text) && string.IsNullOrWhiteSpace(Person)); }
    public sealed class MediaRow : ImportMedia { public bool Remove { get; set; } public bool Kept => !Remove && !string.IsNullOrWhiteSpace(Url); }
    public sealed class ImageRow : ImportImage { public bool Remove { get; set; } public bool Kept => !Remove && !string.IsNullOrWhiteSpace(Url); }

    public sealed class AttestationInput
    {
        public bool? Confirmed { get; set; }
        public string? Note { get; set; }
        public ImportAttestation? ToRecord() => Confirmed is null && string.IsNullOrWhiteSpace(Note) ? null : new() { Confirmed = Confirmed, Note = Note.TrimOrNull() };
        public static AttestationInput From(ImportAttestation? a) => new() { Confirmed = a?.Confirmed, Note = a?.Note };
    }

    /// <summary>A partner named by a new row that is already stored: linked to it on save (row number of the record).</summary>
    public sealed record NameMatch(int Row, Partner Existing);

    public static CooperationRecord NewRecord() => new()
    {
        Title = new(), Summary = new(), Description = new(),
        Advice = new() { Smes = new(), Creatives = new(), Policy = new() },
        Location = new() { Country = "DE" },
    };

    /// <summary>The form showing a stored record (a listing, or its pending revision).</summary>
    public void Fill(CooperationRecord record)
    {
        Input = record;
        PartnerRows = (record.Partners ?? []).Select(p => Copy<PartnerRow, ImportPartner>(p!)).ToList();
        QuoteRows = (record.Quotes ?? []).Select(q => Copy<QuoteRow, ImportQuote>(q!)).ToList();
        MediaRows = (record.Media ?? []).Select(m => Copy<MediaRow, ImportMedia>(m!)).ToList();
        ImageRows = (record.Images ?? []).Select(i => Copy<ImageRow, ImportImage>(i!)).ToList();
        EconomicBackground = AttestationInput.From(record.Attestations?.EconomicBackground);
        EqualTerms = AttestationInput.From(record.Attestations?.EqualTerms);
        RegionalEffects = AttestationInput.From(record.Attestations?.RegionalEffects);
        SmeSize = AttestationInput.From(record.Attestations?.SmeSize);
    }

    public ImportAttestations Attestations() => new()
    {
        EconomicBackground = EconomicBackground.ToRecord(), EqualTerms = EqualTerms.ToRecord(),
        RegionalEffects = RegionalEffects.ToRecord(), SmeSize = SmeSize.ToRecord(),
    };

    /// <summary>
    /// The form as one import record: removed and empty rows dropped, texts cleaned, attestations in, and, unless
    /// <paramref name="withSlugs"/> is false (the live checklist needs none), slugs allocated for a new listing and new
    /// partners. The record holds copies of the rows, so a slug made here is not written back into the form: a new row
    /// naming an existing partner gets that partner's slug in the record and is listed in the name matches, for the save
    /// to link it (<see cref="LinkByName"/>).
    /// </summary>
    /// <param name="postedKeys">The row keys a list's rows were posted with ("PartnerRows" → its Index fields), if any.</param>
    public async Task<(CooperationRecord Record, List<NameMatch> NameMatches)> ToRecordAsync(KreativLandDbContext db, int? id,
        Func<string, IReadOnlyList<string>?> postedKeys, bool withSlugs, CancellationToken cancellationToken)
    {
        var record = Input;
        rowNumbers = new()
        {
            ["partners"] = EditorFields.RowNumbers(PartnerRows, postedKeys("PartnerRows"), p => p.Kept),
            ["quotes"] = EditorFields.RowNumbers(QuoteRows, postedKeys("QuoteRows"), q => q.Kept),
            ["media"] = EditorFields.RowNumbers(MediaRows, postedKeys("MediaRows"), m => m.Kept),
            ["images"] = EditorFields.RowNumbers(ImageRows, postedKeys("ImageRows"), i => i.Kept),
        };
        record.Title ??= new(); record.Summary ??= new(); record.Description ??= new();
        record.Advice ??= new();
        record.Location ??= new();
        record.Location.Country = record.Location.Country?.Trim().ToUpperInvariant();
        record.ContactOrigins ??= []; record.RegionValues ??= []; record.PartnerValues ??= [];
        record.Slug = record.Slug.TrimOrNull();
        record.Attestations = Attestations();
        if (record.Slug is null && withSlugs && (record.Title.De ?? record.Title.En) is { } title && !string.IsNullOrWhiteSpace(title))
            record.Slug = await Slugs.AllocateAsync(title, "listing", candidate => db.Cooperations.AnyAsync(c => c.Slug == candidate && c.Id != id, cancellationToken));

        PartnerRows = [.. PartnerRows.Where(p => p.Kept)];
        PartnerRows.ForEach(Clean);
        var partners = PartnerRows.Select(Copy<PartnerRow, PartnerRow>).ToList();
        var matches = new List<NameMatch>();
        if (withSlugs)
        {
            var names = partners.Where(p => p.Slug is null).Select(p => p.Name!.ToLower()).ToList();
            var known = await db.Partners.AsNoTracking().Where(p => p.MergedIntoId == null && names.Contains(p.Name.ToLower())).ToListAsync(cancellationToken);
            var taken = new HashSet<string>();
            for (var i = 0; i < partners.Count; i++)
            {
                var partner = partners[i];
                if (partner.Slug is null && known.FirstOrDefault(k => string.Equals(k.Name, partner.Name, StringComparison.OrdinalIgnoreCase)) is { } existing)
                {
                    // What the row leaves empty it takes from the stored partner, so that the row is checked as it would be saved.
                    partner.Slug = existing.Slug;
                    FillBlanks(partner, existing.Details);
                    matches.Add(new(i, existing));
                }
                partner.Slug ??= await Slugs.AllocateAsync(partner.Name!, "partner",
                    async candidate => taken.Contains(candidate) || await db.Partners.AnyAsync(p => p.Slug == candidate, cancellationToken));
                taken.Add(partner.Slug);
            }
        }
        record.Partners = partners.Cast<ImportPartner?>().ToList();
        record.Quotes = QuoteRows.Where(q => q.Kept).Cast<ImportQuote?>().ToList();
        record.Media = MediaRows.Where(m => m.Kept).Cast<ImportMedia?>().ToList();
        record.Images = ImageRows.Where(i => i.Kept).Cast<ImportImage?>().ToList();
        return (record, matches);
    }

    /// <summary>
    /// Links new rows that name an existing partner to it, whose stored details stay (what a row left empty is simply
    /// taken from them). Where a row says something else, it now shows the stored details and a notice, and the save stops
    /// so that the curator looks first.
    /// </summary>
    public List<FormProblem> LinkByName(CooperationRecord record, List<NameMatch> matches, IStringLocalizer text)
    {
        var notices = new List<FormProblem>();
        foreach (var (row, existing) in matches)
        {
            var typed = record.Partners![row]!;
            if (!Code.TryParse<PartnerKind>(typed.Kind, out _) || Contradicts(CooperationImporter.DetailsOf(typed), existing.Details))
                notices.Add(new(text["Editor.PartnerLinkedByName", row + 1, existing.Name, Seat(existing.Details)].Value, EditorFields.IdOf($"partners[{row}].name")));
            CooperationRecords.FillDetails(typed, existing.Details);
            PartnerRows[row].Slug = existing.Slug;
            CooperationRecords.FillDetails(PartnerRows[row], existing.Details);
        }
        return notices;
    }

    /// <summary>The rows as the page shows them again: the kept ones as entered, then one empty row each (without JavaScript that is how a row is added).</summary>
    public void ShowRowsAgain()
    {
        var partners = PartnerRows.Where(p => p.Kept).ToList();
        PartnerRows = partners.Count == 0
            ? [new() { Kind = Code.Of(PartnerKind.Sme) }, new() { Kind = Code.Of(PartnerKind.Cci) }]
            : [.. partners, new PartnerRow()];
        QuoteRows = QuoteRows.Where(q => q.Kept).Append(new QuoteRow()).ToList();
        MediaRows = MediaRows.Where(m => m.Kept).Append(new MediaRow()).ToList();
        ImageRows = ImageRows.Where(i => i.Kept).Append(new ImageRow()).ToList();
        Input.Title ??= new(); Input.Summary ??= new(); Input.Description ??= new();
        Input.Advice ??= new();
        Input.Advice.Smes ??= new(); Input.Advice.Creatives ??= new(); Input.Advice.Policy ??= new();
        Input.Location ??= new();
    }

    /// <summary>The slugs of the kept partner rows that name a stored partner (to show how many listings show it).</summary>
    public List<string> KeptPartnerSlugs() => PartnerRows.Where(p => p.Kept && p.Slug is not null).Select(p => p.Slug!).ToList();

    public static TRow Copy<TRow, TBase>(TBase source) where TRow : TBase, new()
    {
        var row = new TRow();
        foreach (var property in typeof(TBase).GetProperties().Where(p => p.CanWrite)) property.SetValue(row, property.GetValue(source));
        return row;
    }

    /// <summary>Empty fields as none, the rest trimmed; country codes upper case.</summary>
    public static void Clean(PartnerRow partner)
    {
        partner.Name = partner.Name?.Trim();
        partner.Website = WithScheme(partner.Website.TrimOrNull()); partner.Sector = partner.Sector.TrimOrNull(); partner.Subsector = partner.Subsector.TrimOrNull();
        partner.Municipality = partner.Municipality.TrimOrNull(); partner.Country = partner.Country.TrimOrNull()?.ToUpperInvariant();
    }

    /// <summary>"www.example.org" as typed by people is "https://www.example.org".</summary>
    public static string? WithScheme(string? url) =>
        url is null || url.Contains("://", StringComparison.Ordinal) || url.Contains(' ') || !url.Contains('.') ? url : "https://" + url;

    public static bool IsBlank(ImportText? text) => string.IsNullOrWhiteSpace(text?.De) && string.IsNullOrWhiteSpace(text?.En);

    /// <summary>"Input.Location.Latitude" → "location.latitude", "PartnerRows[0].Employees" → "partners[0].employees".</summary>
    public static string FormKeyToPath(string key)
    {
        var path = key.StartsWith("Input.", StringComparison.Ordinal) ? key["Input.".Length..]
            : key.Replace("PartnerRows", "partners").Replace("QuoteRows", "quotes").Replace("MediaRows", "media").Replace("ImageRows", "images");
        return string.Join('.', path.Split('.').Select(part => part.Length > 0 ? char.ToLowerInvariant(part[0]) + part[1..] : part));
    }

    private static void FillBlanks(ImportPartner row, PartnerDetails stored)
    {
        row.Website ??= stored.Website;
        row.Sector ??= stored.Sector;
        row.SectorCode ??= stored.SectorCode;
        row.Employees ??= stored.Employees;
        row.Subsector ??= stored.SubsectorCode;
        row.Municipality ??= stored.Municipality;
        row.Country ??= stored.CountryCode;
        row.Urban ??= stored.IsUrban;
    }

    /// <summary>Whether typed details say something else than the stored ones (empty typed fields say nothing).</summary>
    private static bool Contradicts(PartnerDetails typed, PartnerDetails stored) =>
        PartnerDetails.Diff(stored, typed).Any(change => change.After is not null && !string.Equals(change.Field, "name", StringComparison.Ordinal));

    private static string Seat(PartnerDetails details) =>
        string.Join(", ", new[] { details.Municipality, details.CountryCode }.Where(s => !string.IsNullOrEmpty(s))) is { Length: > 0 } seat ? seat : "–";
}
