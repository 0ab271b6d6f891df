using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using KreativLand.Web.Data;
using KreativLand.Web.Domain;
using KreativLand.Web.Infrastructure;
using KreativLand.Web.Pages.Cooperations;
using Microsoft.Extensions.Localization;

namespace KreativLand.Web.Api;

/// <summary>
/// Open-data downloads of the filtered cooperations: CSV for spreadsheets and GeoJSON for GIS. Both read the
/// query string through the same <see cref="CooperationsApi.ReadRequestAsync"/> as the map API.
/// </summary>
public static class CooperationExports
{
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string FileName = "kreativland-cooperations";

    /// <summary>A row being exported, with what its URL and texts depend on.</summary>
    internal readonly record struct ExportedRow(HttpContext Context, CooperationExportRow Row, string Language);

    /// <summary>
    /// One export column: its name and its value (text, whole number, yes/no or coordinate). Lists become one
    /// text each, because GIS layers (GDAL, QGIS) and spreadsheets handle flat attributes best.
    /// </summary>
    private sealed record Column(string Name, Func<ExportedRow, object?> Value, bool IsCoordinate = false);

    /// <summary>The columns of both downloads and of OGC API items, in CSV order. GeoJSON carries the coordinates as geometry.</summary>
    private static readonly Column[] Columns =
    [
        new("id", e => e.Row.Id),
        new("slug", e => e.Row.Slug),
        new("title", e => e.Row.Title.In(e.Language).Text),
        new("summary", e => e.Row.Summary.In(e.Language).Text),
        new("partners", e => string.Join("; ", e.Row.Partners)),
        new("subsectors", e => string.Join("; ", e.Row.Subsectors)),
        new("region_values", e => string.Join("; ", e.Row.RegionValues.Select(v => Code.Of(v)))),
        new("partner_values", e => string.Join("; ", e.Row.PartnerValues.Select(v => Code.Of(v)))),
        new("contact_origins", e => string.Join("; ", e.Row.ContactOrigins.Select(v => Code.Of(v)))),
        new("start_year", e => e.Row.StartYear),
        new("end_year", e => e.Row.EndYear),
        new("ongoing", e => e.Row.Ongoing),
        new("municipality", e => e.Row.Municipality),
        new("district", e => e.Row.District),
        new("region", e => e.Row.Region),
        new("country", e => e.Row.CountryCode),
        new("latitude", e => Math.Round(e.Row.Latitude, 6), IsCoordinate: true),
        new("longitude", e => Math.Round(e.Row.Longitude, 6), IsCoordinate: true),
        new("url", e => ProfileUrl(e.Context, e.Language, e.Row.Slug)),
        new("published_at", e => e.Row.PublishedAt?.ToString("O", CultureInfo.InvariantCulture)),
        new("updated_at", e => e.Row.UpdatedAt.ToString("O", CultureInfo.InvariantCulture)),
    ];

    /// <summary>The CSV columns, in order; also documented on the API page.</summary>
    public static readonly string[] CsvColumns = Columns.Select(c => c.Name).ToArray();

    public static RouteGroupBuilder MapCooperationExports(this RouteGroupBuilder api)
    {
        api.MapGet("/cooperations.csv", CsvAsync).WithName("ExportCooperationsCsv")
            .WithSummary("The filtered cooperations as a CSV download (UTF-8 with BOM, RFC 4180, one row per cooperation).")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");
        api.MapGet("/cooperations.geojson", GeoJsonAsync).WithName("ExportCooperationsGeoJson")
            .WithSummary("The filtered cooperations as a GeoJSON download with the same columns as the CSV.")
            .Produces(StatusCodes.Status200OK, contentType: CooperationsApi.GeoJsonContentType);
        return api;
    }

    private static async Task<IResult> CsvAsync(HttpContext context, KreativLandDbContext db, IStringLocalizer<SharedResource> localizer,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var (filter, language, problem) = await CooperationsApi.ReadRequestAsync(context, db, localizer, cancellationToken);
        if (problem is not null) return problem;
        var rows = await CooperationQueries.ExportRows(CooperationSearchQuery.Search(db, filter!, clock.GetUtcNow().Year), cancellationToken);

        var csv = new StringBuilder();
        AppendRow(csv, CsvColumns.Select(Text));
        foreach (var row in rows)
        {
            var exported = new ExportedRow(context, row, language);
            AppendRow(csv, Columns.Select(column => CsvCell(column.Value(exported))));
        }
        // The byte order mark makes spreadsheet programs read UTF-8, so umlauts survive a double click.
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
        return Results.File(bytes, CsvContentType, FileName + ".csv");
    }

    private static async Task<IResult> GeoJsonAsync(HttpContext context, KreativLandDbContext db, IStringLocalizer<SharedResource> localizer,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var (filter, language, problem) = await CooperationsApi.ReadRequestAsync(context, db, localizer, cancellationToken);
        if (problem is not null) return problem;
        var rows = await CooperationQueries.ExportRows(CooperationSearchQuery.Search(db, filter!, clock.GetUtcNow().Year), cancellationToken);
        var collection = new JsonObject
        {
            ["type"] = "FeatureCollection",
            ["numberMatched"] = rows.Count,
            ["features"] = new JsonArray(rows.Select(row => (JsonNode)Feature(context, row, language)).ToArray()),
        };
        return Results.File(Encoding.UTF8.GetBytes(collection.ToJsonString()), CooperationsApi.GeoJsonContentType, FileName + ".geojson");
    }

    /// <summary>A feature with every export column as a property (GeoJSON download and OGC API items).</summary>
    internal static JsonObject Feature(HttpContext context, CooperationExportRow row, string language)
    {
        var exported = new ExportedRow(context, row, language);
        var properties = new JsonObject();
        foreach (var column in Columns.Where(c => !c.IsCoordinate))
            properties[column.Name] = column.Value(exported) switch
            {
                null => null,
                string text => JsonValue.Create(text),
                int number => JsonValue.Create(number),
                bool yes => JsonValue.Create(yes),
                var other => throw new InvalidOperationException($"Export column {column.Name} has no JSON form for {other.GetType()}."),
            };
        return new JsonObject
        {
            ["type"] = "Feature",
            ["id"] = row.Id,
            ["geometry"] = CooperationsApi.PointGeometry(row.Longitude, row.Latitude),
            ["properties"] = properties,
        };
    }

    public static string ProfileUrl(HttpContext context, string language, string slug) =>
        SiteUrls.InLanguage(context.Request, language, "/cooperations/" + Uri.EscapeDataString(slug));

    private static void AppendRow(StringBuilder csv, IEnumerable<string> cells)
    {
        csv.AppendJoin(',', cells);
        csv.Append("\r\n");
    }

    private static string CsvCell(object? value) => value switch
    {
        null => "",
        string text => Text(text),
        int number => number.ToString(CultureInfo.InvariantCulture),
        bool yes => yes ? "true" : "false",
        double coordinate => coordinate.ToString("0.######", CultureInfo.InvariantCulture),
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
