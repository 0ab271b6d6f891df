using System.Globalization;
using System.Text;
using System.Text.Json;
using KreativLand.Web.Data;
using KreativLand.Web.Domain;
using KreativLand.Web.Infrastructure;
using KreativLand.Web.Listings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KreativLand.Web.Api;

/// <summary>
/// Open-data downloads of the filtered cooperations: CSV for spreadsheets and GeoJSON for GIS. Both read the
/// query string through the same <see cref="ListingRequest"/> as the map API.
/// </summary>
public static class OpenDataDownloads
{
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string FileName = "kreativland-cooperations";

    /// <summary>A row being exported, with what its URL and texts depend on.</summary>
    internal readonly record struct ExportedRow(HttpContext Context, OpenDataRow Row, string Language);

    /// <summary>
    /// One export column: its name and its value (text, whole number, yes/no or coordinate). Lists become one
    /// text each, because GIS layers (GDAL, QGIS) and spreadsheets handle flat attributes best.
    /// </summary>
    /// <param name="Labels">For a column of codes: the codes' labels in the export's language (the spreadsheet dialect adds them as NAME_labels).</param>
    private sealed record Column(string Name, Func<ExportedRow, object?> Value, bool IsCoordinate = false, Func<ExportedRow, IStringLocalizer, string>? Labels = null);

    private static string Labels<TEnum>(IEnumerable<TEnum> values, string prefix, IStringLocalizer localizer) where TEnum : struct, Enum =>
        string.Join("; ", values.Select(v => localizer[prefix + Code.Of(v)].Value));

    /// <summary>The columns of both downloads and of OGC API items, in CSV order. GeoJSON carries the coordinates as geometry.</summary>
    private static readonly Column[] Columns =
    [
        new("id", e => e.Row.Id),
        new("slug", e => e.Row.Slug),
        new("title", e => e.Row.Title.In(e.Language).Text),
        new("summary", e => e.Row.Summary.In(e.Language).Text),
        new("partners", e => string.Join("; ", e.Row.Partners)),
        new("subsectors", e => string.Join("; ", e.Row.Subsectors),
            Labels: (e, _) => string.Join("; ", e.Row.Subsectors.Select(code => Subsector.Seed.FirstOrDefault(s => s.Code == code)?.Name.In(e.Language).Text ?? code))),
        new("region_values", e => string.Join("; ", e.Row.RegionValues.Select(v => Code.Of(v))), Labels: (e, l) => Labels(e.Row.RegionValues, "RegionValue.", l)),
        new("partner_values", e => string.Join("; ", e.Row.PartnerValues.Select(v => Code.Of(v))), Labels: (e, l) => Labels(e.Row.PartnerValues, "PartnerValue.", l)),
        new("contact_origins", e => string.Join("; ", e.Row.ContactOrigins.Select(v => Code.Of(v))), Labels: (e, l) => Labels(e.Row.ContactOrigins, "ContactOrigin.", l)),
        new("start_year", e => e.Row.StartYear),
        new("end_year", e => e.Row.EndYear),
        new("ongoing", e => e.Row.Ongoing),
        new("municipality", e => e.Row.Municipality),
        new("district", e => e.Row.District),
        new("region", e => e.Row.Region),
        new("country", e => e.Row.CountryCode, Labels: (e, _) => Countries.Name(e.Row.CountryCode, e.Language)),
        new("latitude", e => Math.Round(e.Row.Latitude, 6), IsCoordinate: true),
        new("longitude", e => Math.Round(e.Row.Longitude, 6), IsCoordinate: true),
        new("url", e => ProfileUrl(e.Context, e.Language, e.Row.Slug)),
        new("source", e => e.Row.Source),
        new("published_at", e => e.Row.PublishedAt),
        new("updated_at", e => e.Row.UpdatedAt),
    ];

    public const string LicenceColumn = "licence";

    /// <summary>The CSV columns, in order; also documented on the API page. The CSV ends with the licence column.</summary>
    public static readonly string[] CsvColumns = [.. Columns.Select(c => c.Name), LicenceColumn];

    /// <summary>The properties of GeoJSON features (the CSV's columns but the coordinates and the licence, which the collection names).</summary>
    public static readonly string[] FeatureProperties = Columns.Where(c => !c.IsCoordinate).Select(c => c.Name).ToArray();

    public static RouteGroupBuilder MapCooperationExports(this RouteGroupBuilder api)
    {
        api.MapGet("/cooperations.csv", Csv).WithName("ExportCooperationsCsv")
            .WithSummary("The filtered cooperations as a CSV download (UTF-8 with BOM, RFC 4180, one row per cooperation); "
                + "dialect=excel-de for spreadsheets in German settings (semicolons, decimal commas, labels beside codes, dates as yyyy-MM-dd HH:mm).")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");
        api.MapGet("/cooperations.geojson", GeoJsonAsync).WithName("ExportCooperationsGeoJson").AddEndpointFilter(ListingRequest.RefuseInvalid)
            .WithSummary("The filtered cooperations as a GeoJSON download with the same columns as the CSV.")
            .Produces(StatusCodes.Status200OK, contentType: CooperationsApi.GeoJsonContentType);
        return api;
    }

    private static IResult Csv(ListingRequest listing, HttpContext context, KreativLandDbContext db, IStringLocalizer<SharedResource> localizer,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var dialectText = context.Request.Query[DialectParameter].LastOrDefault();
        var spreadsheet = dialectText switch
        {
            null or "" or Rfc4180 => false,
            ExcelDe => true,
            _ => (bool?)null,
        };
        if (spreadsheet is null || !listing.IsValid)
        {
            // Every bad parameter named at once: the dialect beside the filter's.
            return listing.Problem(localizer, spreadsheet is not null ? null : new Dictionary<string, string[]>
            {
                [DialectParameter] = [localizer["Filter.Error.UnknownCode", dialectText!, string.Join(", ", Dialects)].Value],
            });
        }
        var rows = CooperationQueries.OpenDataRows(CooperationSearchQuery.Search(db, listing.Filter, clock.GetUtcNow().Year), cancellationToken);
        return Results.Stream(body => WriteCsvAsync(body, context, rows, spreadsheet.Value, localizer, cancellationToken),
            CsvContentType, FileName + (spreadsheet.Value ? "-" + ExcelDe : "") + ".csv");
    }

    /// <summary>Writes the CSV row by row as the rows are read, so the file's first bytes leave before its last row is read.</summary>
    private static async Task WriteCsvAsync(Stream body, HttpContext context, IAsyncEnumerable<OpenDataRow> rows, bool spreadsheet,
        IStringLocalizer localizer, CancellationToken cancellationToken)
    {
        var language = Languages.Current;
        var separator = spreadsheet ? ';' : ',';
        var header = spreadsheet
            ? Columns.SelectMany(c => c.Labels is null ? [c.Name] : new[] { c.Name, c.Name + (c.Name == "country" ? "_name" : "_labels") })
            : Columns.Select(c => c.Name);
        // A spreadsheet keeps no HTTP header: each row names the licence (a file passed on keeps it).
        var licence = DataLicence.Of(context);
        var licenceCell = Text($"{licence.Name} ({licence.Url}), {licence.Attribution}");
        // The byte order mark makes spreadsheet programs read UTF-8, so umlauts survive a double click.
        await body.WriteAsync(Encoding.UTF8.GetPreamble(), cancellationToken);
        // The writer hands the stream about 32 KB at a time, each write sent on at once.
        await using var csv = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 32 * 1024, leaveOpen: true);
        var line = new StringBuilder();
        AppendRow(line, header.Append(LicenceColumn).Select(Text), separator);
        await csv.WriteAsync(line, cancellationToken);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            line.Clear();
            var exported = new ExportedRow(context, row, language);
            AppendRow(line, spreadsheet
                ? Columns.SelectMany(column => column.Labels is null
                    ? [SpreadsheetCell(column.Value(exported), localizer)]
                    : new[] { SpreadsheetCell(column.Value(exported), localizer), Text(column.Labels(exported, localizer)) }).Append(licenceCell)
                : Columns.Select(column => CsvCell(column.Value(exported))).Append(licenceCell), separator);
            await csv.WriteAsync(line, cancellationToken);
        }
        await csv.FlushAsync(cancellationToken);
    }

    public const string DialectParameter = "dialect";
    public const string Rfc4180 = "rfc4180";
    /// <summary>For spreadsheets in German (and most continental) settings, where the comma is the decimal separator.</summary>
    public const string ExcelDe = "excel-de";
    public static readonly string[] Dialects = [Rfc4180, ExcelDe];

    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    /// <summary>
    /// A cell of the spreadsheet dialect: decimal comma, dates as yyyy-MM-dd HH:mm (UTC; what spreadsheets parse as a date),
    /// yes/no as words of the export's language; text as in RFC 4180 (quoted when it holds the semicolon), formula-guarded.
    /// </summary>
    private static string SpreadsheetCell(object? value, IStringLocalizer localizer) => value switch
    {
        null => "",
        string text => Text(text),
        int number => number.ToString(CultureInfo.InvariantCulture),
        bool yes => localizer[yes ? "Export.Yes" : "Export.No"].Value,
        double coordinate => coordinate.ToString("0.######", German),
        DateTimeOffset time => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException($"No spreadsheet form for {value.GetType()}."),
    };

    private static async Task<IResult> GeoJsonAsync(ListingRequest listing, HttpContext context, KreativLandDbContext db,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var search = CooperationSearchQuery.Search(db, listing.Filter, clock.GetUtcNow().Year);
        // numberMatched comes before the features: counted first, in the snapshot the streamed rows are then read from.
        await CooperationQueries.ReadOneSnapshotAsync(db, cancellationToken);
        var matched = await search.CountAsync(cancellationToken);
        return Features(context, CooperationQueries.OpenDataRows(search, cancellationToken)) with
        {
            FileName = FileName + ".geojson",
            Before = json =>
            {
                json.WriteNumber("numberMatched", matched);
                DataLicence.Of(context).WriteJson(json);
            },
        };
    }

    /// <summary>
    /// The export rows as GeoJSON features (the download, OGC API items and one item): the id, the point and every export
    /// column but the coordinates as a property, in the answer's language. The rows are written as they are read.
    /// </summary>
    internal static GeoJsonWriter<OpenDataRow> Features(HttpContext context, IAsyncEnumerable<OpenDataRow>? rows = null) =>
        new(rows ?? AsyncEnumerable.Empty<OpenDataRow>(), row => row.Id, row => (row.Longitude, row.Latitude),
            (json, row) => WriteProperties(json, context, row, Languages.Current))
        {
            WriterOptions = GeoJsonWriter.EscapedOptions,
        };

    private static void WriteProperties(Utf8JsonWriter json, HttpContext context, OpenDataRow row, string language)
    {
        var exported = new ExportedRow(context, row, language);
        foreach (var column in Columns.Where(c => !c.IsCoordinate))
        {
            switch (column.Value(exported))
            {
                case null: json.WriteNull(column.Name); break;
                case string text: json.WriteString(column.Name, text); break;
                case int number: json.WriteNumber(column.Name, number); break;
                case bool yes: json.WriteBoolean(column.Name, yes); break;
                case DateTimeOffset time: json.WriteString(column.Name, GeoJsonWriter.Timestamp(time)); break;
                case var other: throw new InvalidOperationException($"Export column {column.Name} has no JSON form for {other.GetType()}.");
            }
        }
    }

    /// <summary>The same properties as text, for a page that shows them (OGC API's HTML item); empty where the value is null.</summary>
    internal static IEnumerable<(string Name, string Value)> PropertyTexts(HttpContext context, OpenDataRow row, string language)
    {
        var exported = new ExportedRow(context, row, language);
        return Columns.Where(c => !c.IsCoordinate).Select(column => (column.Name, column.Value(exported) switch
        {
            null => "",
            string text => text,
            int number => number.ToString(CultureInfo.InvariantCulture),
            bool yes => yes ? "true" : "false",
            DateTimeOffset time => time.ToString("O", CultureInfo.InvariantCulture),
            var other => throw new InvalidOperationException($"Export column {column.Name} has no text form for {other.GetType()}."),
        }));
    }

    public static string ProfileUrl(HttpContext context, string language, string slug) =>
        SiteUrls.InLanguage(context.Request, language, "/cooperations/" + Uri.EscapeDataString(slug));

    private static void AppendRow(StringBuilder csv, IEnumerable<string> cells, char separator = ',')
    {
        csv.AppendJoin(separator, cells);
        csv.Append("\r\n");
    }

    private static string CsvCell(object? value) => value switch
    {
        null => "",
        string text => Text(text),
        int number => number.ToString(CultureInfo.InvariantCulture),
        bool yes => yes ? "true" : "false",
        double coordinate => coordinate.ToString("0.######", CultureInfo.InvariantCulture),
        DateTimeOffset time => time.ToString("O", CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException($"No CSV form for {value.GetType()}."),
    };

    /// <summary>
    /// One text cell: RFC 4180 quoting, and a leading apostrophe on text that a spreadsheet would run as a
    /// formula (= + - @, tab, carriage return). Numbers never pass through here, so -8.6 stays a number.
    /// </summary>
    public static string Text(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.IndexOfAny(['"', ',', '\r', '\n', ';']) >= 0 || value != value.Trim()
            ? "\"" + value.Replace("\"", "\"\"") + "\""
            : value;
    }
}
