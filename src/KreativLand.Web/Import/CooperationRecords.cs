using KreativLand.Web.Domain;

namespace KreativLand.Web.Import;

/// <summary>A cooperation as a record of the import format: the editor's form model and the JSON download.</summary>
public static class CooperationRecords
{
    /// <summary>Needs <see cref="Cooperation.Partners"/> with their <see cref="CooperationPartner.Partner"/> loaded.</summary>
    public static CooperationRecord ToRecord(Cooperation c) => new()
    {
        Slug = c.Slug,
        Status = Code.Of(c.Status),
        Title = Text(c.Title),
        Summary = Text(c.Summary),
        Description = Text(c.Description),
        StartYear = c.StartYear,
        EndYear = c.EndYear,
        Ongoing = c.Ongoing,
        Source = c.Source,
        ContinuousSinceStart = c.ContinuousSinceStart,
        ContactOrigins = c.ContactOrigins.Select(v => (string?)Code.Of(v)).ToList(),
        RegionValues = c.RegionValues.Select(v => (string?)Code.Of(v)).ToList(),
        PartnerValues = c.PartnerValues.Select(v => (string?)Code.Of(v)).ToList(),
        Advice = new ImportAdvice { Smes = Text(c.AdviceForSmes), Creatives = Text(c.AdviceForCreatives), Policy = Text(c.AdviceForPolicy) },
        Quotes = c.Quotes.Select(q => (ImportQuote?)new ImportQuote { Text = Text(q.Text), Person = q.Person, Role = q.Role }).ToList(),
        Media = c.Media.Select(m => (ImportMedia?)new ImportMedia { Kind = Code.Of(m.Kind), Url = m.Url, Title = m.Title }).ToList(),
        Images = c.Images.Select(i => (ImportImage?)new ImportImage { Url = i.Url, Alt = Text(i.Alt), Credit = i.Credit }).ToList(),
        Location = new ImportLocation
        {
            Municipality = c.Location.Municipality,
            Population = c.Location.Population,
            District = c.Location.District,
            Region = c.Location.Region,
            Country = c.Location.CountryCode,
            Latitude = c.Location.Latitude,
            Longitude = c.Location.Longitude,
        },
        Partners = c.Partners.OrderBy(p => p.SortOrder).Select(cp => (ImportPartner?)new ImportPartner
        {
            Slug = cp.Partner.Slug,
            Name = cp.Partner.Name,
            Kind = Code.Of(cp.Partner.Kind),
            Role = Text(cp.Role),
            Website = cp.Partner.Website,
            Sector = cp.Partner.Sector,
            SectorCode = cp.Partner.SectorCode,
            Employees = cp.Partner.Employees,
            Subsector = cp.Partner.SubsectorCode,
            Municipality = cp.Partner.Municipality,
            Country = cp.Partner.CountryCode,
            Urban = cp.Partner.IsUrban,
        }).ToList(),
        Attestations = Curation.Attestations.ToRecord(c),
    };

    /// <summary>Writes a partner's stored details into a record's row (its slug and role stay).</summary>
    public static void FillDetails(ImportPartner row, PartnerDetails details)
    {
        row.Name = details.Name;
        row.Kind = Code.Of(details.Kind);
        row.Website = details.Website;
        row.Sector = details.Sector;
        row.SectorCode = details.SectorCode;
        row.Employees = details.Employees;
        row.Subsector = details.SubsectorCode;
        row.Municipality = details.Municipality;
        row.Country = details.CountryCode;
        row.Urban = details.IsUrban;
    }

    /// <summary>A record's content as flat fields for the audit trail; the status has its own history.</summary>
    public static SortedDictionary<string, string> Snapshot(CooperationRecord record)
    {
        var fields = Flatten(record);
        fields.Remove("status");
        // A listing is ongoing or not: a record without the flag (an unticked box, an import leaving it out) is stored as
        // not ongoing, so it must not read as a change against a stored "false".
        fields.TryAdd("ongoing", "false");
        return fields;
    }

    private static ImportText Text(LocalizedText? text) => new() { De = text?.De, En = text?.En };

    /// <summary>
    /// The record as flat "field → value" pairs ("title.de", "partners[1].employees"), for the audit trail and
    /// for showing what another curator changed.
    /// </summary>
    public static SortedDictionary<string, string> Flatten(CooperationRecord record, params (string Field, string? Value)[] extra)
    {
        var fields = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var json = System.Text.Json.JsonSerializer.SerializeToElement(record, FlattenOptions);
        Walk(json, "", fields);
        foreach (var (field, value) in extra)
            if (!string.IsNullOrEmpty(value)) fields[field] = value;
        return fields;
    }

    /// <summary>The fields (the record's paths) in which <paramref name="after"/> differs from <paramref name="before"/>.</summary>
    public static IEnumerable<string> ChangedFields(CooperationRecord before, CooperationRecord after) =>
        Diff(Snapshot(before), Snapshot(after)).Select(change => change.Field);

    public static List<FieldChange> Diff(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        before.Keys.Union(after.Keys).Order(StringComparer.Ordinal)
            .Select(key => new FieldChange(key, before.GetValueOrDefault(key), after.GetValueOrDefault(key)))
            .Where(change => change.Before != change.After)
            .ToList();

    private static readonly System.Text.Json.JsonSerializerOptions FlattenOptions = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    private static void Walk(System.Text.Json.JsonElement element, string path, SortedDictionary<string, string> fields)
    {
        switch (element.ValueKind)
        {
            case System.Text.Json.JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                    Walk(property.Value, path.Length == 0 ? property.Name : $"{path}.{property.Name}", fields);
                break;
            case System.Text.Json.JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray()) Walk(item, $"{path}[{index++}]", fields);
                break;
            case System.Text.Json.JsonValueKind.String:
                if (element.GetString() is { Length: > 0 } text) fields[path] = text;
                break;
            case System.Text.Json.JsonValueKind.Null:
            case System.Text.Json.JsonValueKind.Undefined:
                break;
            default:
                fields[path] = element.GetRawText();
                break;
        }
    }
}
