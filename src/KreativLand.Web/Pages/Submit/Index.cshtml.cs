using System.ComponentModel.DataAnnotations;
using KreativLand.Web.Data;
using KreativLand.Web.Domain;
using KreativLand.Web.Import;
using KreativLand.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KreativLand.Web.Pages.Submit;

/// <summary>
/// "Become part": cooperation partners propose their cooperation. It is stored as a submitted listing (never public
/// until a curator publishes it) through the importer's validator and mapping, with new partner records of its own.
/// </summary>
[AcceptsQuery("sent")]
public class IndexModel(
    KreativLandDbContext db, CooperationImporter importer, SubmissionToken tokens, IOptions<SubmissionOptions> options,
    TimeProvider clock, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> text, SubmissionNotifier notifier,
    ILogger<IndexModel> logger, IOptions<MapOptions> map, IOptions<Embed.EmbedOptions> embed) : PageModel
{
    /// <summary>Partners beyond the first company and the first creative partner.</summary>
    public const int MaxMorePartners = 6;

    public MapOptions Map => map.Value;
    /// <summary>The point picker asks before loading tiles from a third party, as the embedded map does.</summary>
    public bool MapConsentRequired => embed.Value.ConsentRequiredFor(map.Value);
    public string TileHost => Embed.EmbedOptions.TileHost(map.Value);

    /// <summary>Smaller than the import format allows: a proposal, not a finished profile.</summary>
    public const int MaxDescription = 5_000;

    [BindProperty] public SubmissionInput Input { get; set; } = new();
    /// <summary>The honeypot: hidden from people, filled in by form-filling bots.</summary>
    [BindProperty] public string? Homepage { get; set; }
    [BindProperty] public string? FormToken { get; set; }
    [BindProperty(SupportsGet = true)] public bool Sent { get; set; }
    /// <summary>The submitter has seen the similar published listings and sends anyway.</summary>
    [BindProperty] public bool ConfirmNotDuplicate { get; set; }
    public IReadOnlyList<Admin.SimilarListing> Similar { get; private set; } = [];

    public List<string> Problems { get; } = [];

    public sealed class SubmissionInput
    {
        public string Language { get; set; } = Languages.German;
        [Required(ErrorMessage = "Validation.Required"), StringLength(ImportValidator.MaxTitle, ErrorMessage = "Validation.Length"), Display(Name = "Submit.Title")] public string? Title { get; set; }
        [StringLength(ImportValidator.MaxSummary, ErrorMessage = "Validation.Length"), Display(Name = "Submit.Summary")] public string? Summary { get; set; }
        [StringLength(MaxDescription, ErrorMessage = "Validation.Length"), Display(Name = "Submit.Description")] public string? Description { get; set; }
        [Range(ImportValidator.MinYear, ImportValidator.MaxYear, ErrorMessage = "Validation.Range"), Display(Name = "Submit.StartYear")] public int? StartYear { get; set; }
        public bool Ongoing { get; set; }
        [Required(ErrorMessage = "Validation.Required"), StringLength(ImportValidator.MaxName, ErrorMessage = "Validation.Length"), Display(Name = "Submit.Municipality")] public string? Municipality { get; set; }
        [Required(ErrorMessage = "Validation.Required"), Display(Name = "Submit.Country")] public string? Country { get; set; } = "DE";
        [Required(ErrorMessage = "Validation.Required"), StringLength(ImportValidator.MaxName, ErrorMessage = "Validation.Length"), Display(Name = "Submit.SmeName")] public string? SmeName { get; set; }
        [Url(ErrorMessage = "Validation.Url"), StringLength(ImportValidator.MaxUrl, ErrorMessage = "Validation.Length"), Display(Name = "Submit.SmeWebsite")] public string? SmeWebsite { get; set; }
        [Range(0, 1_000_000, ErrorMessage = "Validation.Range"), Display(Name = "Submit.SmeEmployees")] public int? SmeEmployees { get; set; }
        [StringLength(ImportValidator.MaxName, ErrorMessage = "Validation.Length"), Display(Name = "Submit.SmeSector")] public string? SmeSector { get; set; }
        [Required(ErrorMessage = "Validation.Required"), StringLength(ImportValidator.MaxName, ErrorMessage = "Validation.Length"), Display(Name = "Submit.CciName")] public string? CciName { get; set; }
        [Url(ErrorMessage = "Validation.Url"), StringLength(ImportValidator.MaxUrl, ErrorMessage = "Validation.Length"), Display(Name = "Submit.CciWebsite")] public string? CciWebsite { get; set; }
        [Required(ErrorMessage = "Validation.Required"), Display(Name = "Submit.CciSubsector")] public string? CciSubsector { get; set; }
        [Required(ErrorMessage = "Validation.Required"), EmailAddress(ErrorMessage = "Validation.Email"), StringLength(256, ErrorMessage = "Validation.Length"), Display(Name = "Submit.Email")]
        public string? ContactEmail { get; set; }
        public bool Consent { get; set; }

        /// <summary>NACE Rev. 2 section of the company (A–U).</summary>
        public string? SmeSectorCode { get; set; }
        public List<PartnerInput> MorePartners { get; set; } = [];
        /// <summary>How contact arose and the added values: codes as in the import format.</summary>
        public List<string> ContactOrigins { get; set; } = [];
        public List<string> RegionValues { get; set; } = [];
        public List<string> PartnerValues { get; set; } = [];
        /// <summary>The point picked on the map; without it the municipality's point from the gazetteer.</summary>
        [Range(-90.0, 90.0, ErrorMessage = "Validation.Range"), Display(Name = "Submit.Latitude")] public double? Latitude { get; set; }
        [Range(-180.0, 180.0, ErrorMessage = "Validation.Range"), Display(Name = "Submit.Longitude")] public double? Longitude { get; set; }
    }

    /// <summary>A further partner: a company or a creative partner, named; a row left empty is ignored.</summary>
    public sealed class PartnerInput
    {
        public string? Kind { get; set; } = Code.Of(PartnerKind.Cci);
        [StringLength(ImportValidator.MaxName, ErrorMessage = "Validation.Length"), Display(Name = "Submit.PartnerName")] public string? Name { get; set; }
        public string? Subsector { get; set; }
        public string? SectorCode { get; set; }
        [Url(ErrorMessage = "Validation.Url"), StringLength(ImportValidator.MaxUrl, ErrorMessage = "Validation.Length"), Display(Name = "Submit.PartnerWebsite")] public string? Website { get; set; }

        public bool IsEmpty => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Website) && string.IsNullOrWhiteSpace(Subsector)
            && string.IsNullOrWhiteSpace(SectorCode);
    }

    /// <summary>The form's fields in the order the page shows them: the error summary lists its messages in this order.</summary>
    public IReadOnlyList<string> FieldOrder =>
    [
        "Input.Language", "Input.Title", "Input.Summary", "Input.Description", "Input.StartYear", "Input.Municipality", "Input.Country",
        "Input.Latitude", "Input.Longitude",
        "Input.SmeName", "Input.SmeEmployees", "Input.SmeSectorCode", "Input.SmeSector", "Input.SmeWebsite",
        "Input.CciName", "Input.CciSubsector", "Input.CciWebsite",
        "Input.MorePartners",
        .. Input.MorePartners.SelectMany((_, i) => new[] { "Kind", "Name", "Subsector", "SectorCode", "Website" }.Select(f => $"Input.MorePartners[{i}].{f}")),
        "Input.ContactOrigins", "Input.RegionValues", "Input.PartnerValues",
        "Input.ContactEmail", "Input.Consent",
    ];

    /// <summary>The row whose name field takes the focus (after "add a partner" without JavaScript).</summary>
    public int? FocusPartner { get; private set; }

    public void OnGet()
    {
        Input.Language = Languages.Current;
        FormToken = tokens.Create();
    }

    /// <summary>Another partner row, without JavaScript: the form comes back with everything typed so far and nothing checked.</summary>
    public IActionResult OnPostAddPartner()
    {
        ModelState.Clear();
        if (Input.MorePartners.Count < MaxMorePartners)
        {
            Input.MorePartners.Add(new PartnerInput());
            FocusPartner = Input.MorePartners.Count - 1;
        }
        FormToken ??= tokens.Create();
        return Page();
    }

    public IActionResult OnPostRemovePartner(int index)
    {
        ModelState.Clear();
        if (index >= 0 && index < Input.MorePartners.Count) Input.MorePartners.RemoveAt(index);
        FormToken ??= tokens.Create();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var limits = options.Value;
        if (Request.ContentLength > limits.MaxRequestBytes)
        {
            // The friendly 413 page does not read the oversized form again.
            RefusedRequest.AnswerWithErrorPage(HttpContext, StatusCodes.Status413PayloadTooLarge);
            return StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        if (!string.IsNullOrEmpty(Homepage))
        {
            // Looks like success to the bot; nothing is stored.
            logger.LogInformation("Submission discarded: honeypot filled");
            return RedirectToPage(new { sent = true });
        }

        var servedAt = tokens.ServedAt(FormToken);
        var now = clock.GetUtcNow();
        if (servedAt is null || now - servedAt > TimeSpan.FromHours(limits.MaximumFormAgeHours)) Problems.Add("Submit.FormExpired");
        else if (now - servedAt < TimeSpan.FromSeconds(limits.MinimumFillSeconds)) Problems.Add("Submit.TooFast");

        if (!Input.Consent) ModelState.AddModelError("Input.Consent", text["Submit.ConsentRequired"]);
        if (!Languages.IsSupported(Input.Language)) Input.Language = Languages.German;
        if (Input.CciSubsector is { } subsector && !Subsector.IsCode(subsector)) ModelState.AddModelError("Input.CciSubsector", text["Submit.SubsectorUnknown"]);
        if (Input.Country is { } countryCode && !Countries.European.Contains(countryCode.Trim().ToUpperInvariant())) ModelState.AddModelError("Input.Country", text["Submit.CountryUnknown"]);
        CheckAdditions();

        var record = ModelState.IsValid && Problems.Count == 0 ? await ToRecordAsync(cancellationToken) : null;
        if (record is not null) Problems.AddRange(ImportValidator.ValidateRecord(record));
        if (record is not null && Problems.Count == 0 && ModelState.IsValid && !ConfirmNotDuplicate)
        {
            // Only published listings are shown to the public.
            Similar = await Admin.SimilarListings.FindAsync(db, Input.Title, [Input.SmeName, Input.CciName],
                record.Location?.Latitude, record.Location?.Longitude, publishedOnly: true, cancellationToken);
        }
        if (record is null || Problems.Count > 0 || !ModelState.IsValid || Similar.Count > 0)
        {
            // Keeps the original "served at" time where it was valid, so a second send is not "too fast".
            FormToken = Problems.Contains("Submit.FormExpired") || servedAt is null ? tokens.Create() : tokens.Create(servedAt.Value);
            return Page();
        }

        // A token is good for one submission: a reload, a double click or a bot replaying the post stores nothing more.
        var tokenHash = UsedFormToken.Hash(FormToken!);
        if (await db.UsedFormTokens.AnyAsync(t => t.TokenHash == tokenHash, cancellationToken)) return AlreadySent();

        var cooperation = Cooperation.Create(record.Slug!, CooperationStatus.Submitted, Actor.PublicSubmission, now, HistoryEvent.Submitted,
            submitterEmail: Input.ContactEmail!.Trim());
        cooperation.SubmitterConsentAt = now;
        db.Cooperations.Add(cooperation);
        await importer.ApplyRecordAsync(record, cooperation, cancellationToken);
        db.UsedFormTokens.Add(new UsedFormToken { TokenHash = tokenHash, UsedAt = now });
        try
        {
            // One transaction: the listing and the used token are stored together or not at all.
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation, ConstraintName: "pk_used_form_tokens" })
        {
            // The same token sent twice at the same moment: the other post stored it.
            return AlreadySent();
        }
        logger.LogInformation("Submission {Slug} stored for review", cooperation.Slug);
        await notifier.NotifyAsync(cooperation, cancellationToken);
        return RedirectToPage(new { sent = true });
    }

    private IActionResult AlreadySent()
    {
        logger.LogInformation("Submission refused: its form token was used before");
        Problems.Add("Submit.AlreadySent");
        FormToken = tokens.Create(clock.GetUtcNow().AddSeconds(-options.Value.MinimumFillSeconds));
        return Page();
    }

    /// <summary>The parts beyond the first two partners: codes from their lists, complete partner rows, both coordinates or none.</summary>
    private void CheckAdditions()
    {
        if (Input.SmeSectorCode is { Length: > 0 } sector && !NaceSection.IsCode(sector)) ModelState.AddModelError("Input.SmeSectorCode", text["Submit.SectorUnknown"]);
        CheckCodes<ContactOrigin>(Input.ContactOrigins, "Input.ContactOrigins");
        CheckCodes<RegionValue>(Input.RegionValues, "Input.RegionValues");
        CheckCodes<PartnerValue>(Input.PartnerValues, "Input.PartnerValues");
        if (Input.MorePartners.Count > MaxMorePartners) ModelState.AddModelError("Input.MorePartners", text["Submit.TooManyPartners", MaxMorePartners]);
        for (var i = 0; i < Input.MorePartners.Count; i++)
        {
            var partner = Input.MorePartners[i];
            if (partner.IsEmpty) continue;
            var prefix = $"Input.MorePartners[{i}].";
            var kind = Code.TryParse<PartnerKind>(partner.Kind, out var parsed) ? parsed : (PartnerKind?)null;
            if (kind is null) ModelState.AddModelError(prefix + "Kind", text["Submit.PartnerKindUnknown", i + 3]);
            if (string.IsNullOrWhiteSpace(partner.Name)) ModelState.AddModelError(prefix + "Name", text["Submit.PartnerNameRequired", i + 3]);
            if (kind == PartnerKind.Cci && string.IsNullOrWhiteSpace(partner.Subsector)) ModelState.AddModelError(prefix + "Subsector", text["Submit.PartnerSubsectorRequired", i + 3]);
            else if (kind == PartnerKind.Cci && !Subsector.IsCode(partner.Subsector)) ModelState.AddModelError(prefix + "Subsector", text["Submit.SubsectorUnknown"]);
            if (kind == PartnerKind.Sme && partner.SectorCode is { Length: > 0 } code && !NaceSection.IsCode(code)) ModelState.AddModelError(prefix + "SectorCode", text["Submit.SectorUnknown"]);
        }
        if ((Input.Latitude is null) != (Input.Longitude is null)) ModelState.AddModelError("Input.Latitude", text["Submit.PointIncomplete"]);
    }

    private void CheckCodes<TEnum>(List<string> codes, string field) where TEnum : struct, Enum
    {
        foreach (var code in codes.Where(c => !Code.TryParse<TEnum>(c, out _)).Distinct())
            ModelState.AddModelError(field, text["Submit.CodeUnknown", code]);
    }

    /// <summary>The form as an import record; the place is looked up in the gazetteer (the curator checks it).</summary>
    /// <summary>The source (provenance) of a listing submitted through the public form.</summary>
    public const string SubmissionSource = "submitted by the partners";

    private async Task<CooperationRecord> ToRecordAsync(CancellationToken cancellationToken)
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var country = Input.Country!.Trim().ToUpperInvariant();
        var search = GazetteerPlace.ToSearchName(Input.Municipality!);
        var place = await db.GazetteerPlaces.AsNoTracking()
            .Where(p => p.CountryCode == country && p.SearchName == search)
            .OrderByDescending(p => p.Population)
            .Select(p => new { p.Population, p.Point })
            .FirstOrDefaultAsync(cancellationToken);
        // The point picked on the map; else the municipality's, and when it is not found the country's largest place stands
        // in until a curator sets the point.
        var point = Input is { Latitude: { } latitude, Longitude: { } longitude } ? GeoPoints.Create(longitude, latitude)
            : place?.Point ?? await db.GazetteerPlaces.AsNoTracking().Where(p => p.CountryCode == country)
                .OrderByDescending(p => p.Population).Select(p => p.Point).FirstOrDefaultAsync(cancellationToken);

        // Slugs carry a random qualifier: always new records, apart from everyone's (two partners of one name get -2).
        var partnerSlugs = new HashSet<string>(StringComparer.Ordinal);
        string PartnerSlug(string name)
        {
            var slug = Slugs.Allocate(name, "partner", partnerSlugs.Contains, suffix, alwaysQualified: true);
            partnerSlugs.Add(slug);
            return slug;
        }
        ImportText Text(string? value) => Input.Language == Languages.English ? new() { En = value.TrimOrNull() } : new() { De = value.TrimOrNull() };
        return new CooperationRecord
        {
            Slug = Slugs.Allocate(Input.Title!, "submission", _ => false, suffix, alwaysQualified: true),
            Status = Code.Of(CooperationStatus.Submitted),
            // Provenance: curators may refine it (e.g. name the report a listing was checked against).
            Source = SubmissionSource,
            Title = Text(Input.Title), Summary = Text(Input.Summary), Description = Text(Input.Description),
            StartYear = Input.StartYear,
            Ongoing = Input.Ongoing,
            Location = new ImportLocation
            {
                Municipality = Input.Municipality.TrimOrNull(), Country = country,
                Population = place is { Population: > 0 } ? place.Population : null,
                Latitude = point?.Y ?? 0, Longitude = point?.X ?? 0,
            },
            // Always new partner records: a public form must not change existing organisations; curators merge them.
            Partners =
            [
                new ImportPartner { Slug = PartnerSlug(Input.SmeName!), Name = Input.SmeName.TrimOrNull(), Kind = Code.Of(PartnerKind.Sme),
                    Website = Input.SmeWebsite.TrimOrNull(), Employees = Input.SmeEmployees, Sector = Input.SmeSector.TrimOrNull(), SectorCode = Input.SmeSectorCode.TrimOrNull() },
                new ImportPartner { Slug = PartnerSlug(Input.CciName!), Name = Input.CciName.TrimOrNull(), Kind = Code.Of(PartnerKind.Cci),
                    Website = Input.CciWebsite.TrimOrNull(), Subsector = Input.CciSubsector.TrimOrNull() },
                .. Input.MorePartners.Where(p => !p.IsEmpty).Select(p => new ImportPartner
                {
                    Slug = PartnerSlug(p.Name!), Name = p.Name.TrimOrNull(), Kind = p.Kind, Website = p.Website.TrimOrNull(),
                    Subsector = p.Kind == Code.Of(PartnerKind.Cci) ? p.Subsector.TrimOrNull() : null,
                    SectorCode = p.Kind == Code.Of(PartnerKind.Sme) ? p.SectorCode.TrimOrNull() : null,
                }),
            ],
            ContactOrigins = [.. Input.ContactOrigins.Distinct()],
            RegionValues = [.. Input.RegionValues.Distinct()],
            PartnerValues = [.. Input.PartnerValues.Distinct()],
        };
    }


}
