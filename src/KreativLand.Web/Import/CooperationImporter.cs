using System.Text.Json;
using System.Text.RegularExpressions;
using KreativLand.Web.Data;
using KreativLand.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace KreativLand.Web.Import;

public sealed record ImportResult(int Created, int Updated, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Errors.Count == 0;
    public static ImportResult Failed(params string[] errors) => new(0, 0, errors);
}

/// <summary>
/// Reads a file in the import format, validates every record and, only when all are valid,
/// creates or updates the cooperations (matched by slug) and partners (matched by slug) in one transaction.
/// </summary>
public sealed partial class CooperationImporter(KreativLandDbContext db, TimeProvider clock)
{
    public const int SupportedFormatVersion = 1;

    private static readonly ImportMessages L = ImportMessages.Current;

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 16,
    };

    public Task<ImportResult> ImportAsync(Stream json, CancellationToken cancellationToken = default) =>
        ImportAsync(json, allowPublished: true, cancellationToken);

    /// <summary>
    /// With <paramref name="allowPublished"/> false (a curator's upload), a file with published records is refused:
    /// publishing goes through the review workflow and its criteria checks.
    /// </summary>
    public async Task<ImportResult> ImportAsync(Stream json, bool allowPublished, CancellationToken cancellationToken = default)
    {
        var (file, parseError) = await ParseAsync(json, cancellationToken);
        if (file is null) return ImportResult.Failed(parseError!);

        var errors = ImportValidator.Validate(file);
        if (!allowPublished && file.Cooperations is not null)
        {
            errors.AddRange(file.Cooperations
                .Select((record, index) => (record, index))
                .Where(x => x.record?.Status == Code.Of(CooperationStatus.Published))
                .Select(x => $"{ImportValidator.RecordName(x.index, x.record)}: {L["ImportMessage.PublishedByAdminOnly"]}"));
        }
        if (errors.Count == 0 && !allowPublished)
        {
            // Replacing a published listing by import would bypass its revision review.
            var slugs = file.Cooperations!.Select(c => c!.Slug!).ToList();
            var published = await db.Cooperations.Where(c => slugs.Contains(c.Slug) && c.Status == CooperationStatus.Published)
                .Select(c => c.Slug).ToListAsync(cancellationToken);
            errors.AddRange(file.Cooperations!.Select((record, index) => (record, index))
                .Where(x => published.Contains(x.record!.Slug!))
                .Select(x => $"{ImportValidator.RecordName(x.index, x.record)}: {L["ImportMessage.ListingIsPublished"]}"));
        }
        if (errors.Count > 0) return new ImportResult(0, 0, errors);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (created, updated) = await ApplyAsync(file.Cooperations!.Select(c => c!).ToList(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ImportResult(created, updated, []);
    }

    public async Task<ImportResult> ImportFileAsync(string path, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path)) return ImportResult.Failed(L["ImportMessage.FileNotFound", path]);
        await using var stream = File.OpenRead(path);
        return await ImportAsync(stream, cancellationToken);
    }

    private static async Task<(ImportFile? File, string? Error)> ParseAsync(Stream json, CancellationToken cancellationToken)
    {
        try
        {
            var file = await JsonSerializer.DeserializeAsync<ImportFile>(json, JsonOptions, cancellationToken);
            return file is null ? (null, L["ImportMessage.FileEmpty"]) : (file, null);
        }
        catch (JsonException exception)
        {
            return (null, DescribeJsonError(exception));
        }
    }

    /// <summary>Turns "$.cooperations[2].partners[0].employees" into "record 3: partners[0].employees …".</summary>
    private static string DescribeJsonError(JsonException exception)
    {
        var path = exception.Path ?? "$";
        // The serializer's own message is English and technical: only its kind is passed on.
        var what = exception.Message.Contains("could not be mapped", StringComparison.Ordinal)
            ? "ImportMessage.Json.UnknownField"
            : exception.Message.Contains("could not be converted", StringComparison.Ordinal)
                ? "ImportMessage.Json.WrongType"
                : "ImportMessage.Json.Invalid";
        string Described(string subject)
        {
            var message = L[what, subject];
            return exception.LineNumber is { } line ? L["ImportMessage.Json.AtLine", message, line + 1] : message;
        }
        var match = RecordPath().Match(path);
        if (match.Success)
        {
            var record = int.Parse(match.Groups[1].Value) + 1;
            var field = match.Groups[2].Value.TrimStart('.');
            return $"{L["ImportMessage.Record", record]}: {Described(field.Length > 0 ? field : L["ImportMessage.Json.TheRecord"])}";
        }
        return Described(path.TrimStart('$').TrimStart('.') switch { "" => L["ImportMessage.Json.TheFile"], var p => p });
    }

    [GeneratedRegex(@"^\$\.cooperations\[(\d+)\](.*)$")]
    private static partial Regex RecordPath();

    private async Task<(int Created, int Updated)> ApplyAsync(List<ImportCooperation> records, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var slugs = records.Select(r => r.Slug!).ToList();
        var existing = await db.Cooperations
            .Include(c => c.Partners)
            .Where(c => slugs.Contains(c.Slug))
            .ToDictionaryAsync(c => c.Slug, cancellationToken);

        var partnerSlugs = records.SelectMany(r => r.Partners!).Select(p => p!.Slug!).Distinct().ToList();
        var partners = await db.Partners
            .Where(p => partnerSlugs.Contains(p.Slug))
            .ToDictionaryAsync(p => p.Slug, cancellationToken);

        int created = 0, updated = 0;
        foreach (var record in records)
        {
            if (!existing.TryGetValue(record.Slug!, out var cooperation))
            {
                cooperation = new Cooperation { Slug = record.Slug!, CreatedAt = now };
                db.Cooperations.Add(cooperation);
                existing[cooperation.Slug] = cooperation;
                created++;
            }
            else
            {
                updated++;
            }

            MapCooperation(record, cooperation, now);
            LinkPartners(record, cooperation, partners);
        }
        return (created, updated);
    }

    /// <summary>
    /// Applies one valid record to a (tracked or new) cooperation, as an import would: partners are matched by slug,
    /// created when new, and their details updated. The caller validates first and saves.
    /// </summary>
    public async Task ApplyRecordAsync(ImportCooperation record, Cooperation cooperation, CancellationToken cancellationToken = default)
    {
        var slugs = record.Partners!.Select(p => p!.Slug!).ToList();
        var partners = await db.Partners.Where(p => slugs.Contains(p.Slug)).ToDictionaryAsync(p => p.Slug, cancellationToken);
        MapCooperation(record, cooperation, clock.GetUtcNow());
        LinkPartners(record, cooperation, partners);
    }

    /// <summary>The record's partners, in its order: known ones (by slug) updated, new ones created.</summary>
    private void LinkPartners(ImportCooperation record, Cooperation cooperation, Dictionary<string, Partner> partners)
    {
        cooperation.Partners.Clear();
        var order = 0;
        foreach (var importPartner in record.Partners!)
        {
            if (!partners.TryGetValue(importPartner!.Slug!, out var partner))
            {
                partner = new Partner { Slug = importPartner.Slug! };
                db.Partners.Add(partner);
                partners[partner.Slug] = partner;
            }
            MapPartner(importPartner, partner);
            cooperation.Partners.Add(new CooperationPartner { Partner = partner, Cooperation = cooperation, Role = Text(importPartner.Role), SortOrder = order++ });
        }
    }

    private static void MapCooperation(ImportCooperation record, Cooperation cooperation, DateTimeOffset now)
    {
        var status = record.Status is null ? CooperationStatus.Draft : Code.Parse<CooperationStatus>(record.Status);
        if (status == CooperationStatus.Published && cooperation.PublishedAt is null) cooperation.PublishedAt = now;
        cooperation.Status = status;
        cooperation.Title = Text(record.Title);
        cooperation.Summary = Text(record.Summary);
        cooperation.Description = Text(record.Description);
        cooperation.StartYear = record.StartYear;
        cooperation.EndYear = record.EndYear;
        cooperation.Ongoing = record.Ongoing ?? false;
        cooperation.ContinuousSinceStart = record.ContinuousSinceStart;
        cooperation.ContactOrigins = Codes<ContactOrigin>(record.ContactOrigins);
        cooperation.RegionValues = Codes<RegionValue>(record.RegionValues);
        cooperation.PartnerValues = Codes<PartnerValue>(record.PartnerValues);
        cooperation.AdviceForSmes = Text(record.Advice?.Smes);
        cooperation.AdviceForCreatives = Text(record.Advice?.Creatives);
        cooperation.AdviceForPolicy = Text(record.Advice?.Policy);
        cooperation.Quotes = (record.Quotes ?? []).Select(q => new Quote { Text = Text(q!.Text), Person = q.Person!.Trim(), Role = Clean(q.Role) }).ToList();
        cooperation.Media = (record.Media ?? []).Select(m => new MediaLink { Kind = Code.Parse<MediaKind>(m!.Kind!), Url = m.Url!.Trim(), Title = Clean(m.Title) }).ToList();
        cooperation.Images = (record.Images ?? []).Select(i => new Image { Url = i!.Url!.Trim(), Alt = Text(i.Alt), Credit = Clean(i.Credit) }).ToList();

        var location = record.Location!;
        cooperation.Location = new Location
        {
            Municipality = location.Municipality!.Trim(),
            Population = location.Population,
            District = Clean(location.District),
            Region = Clean(location.Region),
            CountryCode = location.Country!,
            Point = GeoPoints.Create(location.Longitude!.Value, location.Latitude!.Value),
        };
        cooperation.UpdatedAt = now;
    }

    private static void MapPartner(ImportPartner source, Partner partner)
    {
        partner.Name = source.Name!.Trim();
        partner.Kind = Code.Parse<PartnerKind>(source.Kind!);
        partner.Website = Clean(source.Website);
        partner.Sector = Clean(source.Sector);
        partner.SectorCode = Clean(source.SectorCode);
        partner.Employees = source.Employees;
        partner.SubsectorCode = Clean(source.Subsector);
        partner.Municipality = Clean(source.Municipality);
        partner.CountryCode = Clean(source.Country);
        partner.IsUrban = source.Urban;
    }

    private static LocalizedText Text(ImportText? text) => text is null ? LocalizedText.Empty : new(Clean(text.De), Clean(text.En));

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static List<TEnum> Codes<TEnum>(List<string?>? codes) where TEnum : struct, Enum =>
        (codes ?? []).Select(c => Code.Parse<TEnum>(c!)).ToList();
}
