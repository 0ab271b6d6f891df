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

    /// <summary>The CSV columns, in order; also documented on the API page.</summary>
    public static readonly string[] CsvColumns =
    [
        "id", "slug", "title", "summary", "partners", "subsectors", "region_values", "partner_values", "contact_origins",
        "start_year", "end_year", "ongoing", "municipality", "district", "region", "country", "latitude", "longitude",
        "url", "published_at", "updated_at",
    ];

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
            AppendRow(csv,
            [
                Number((int?)row.Id), Text(row.Slug), Text(row.Title.In(language).Text), Text(row.Summary.In(language).Text),
                Text(string.Join("; ", row.Partners)), Text(string.Join("; ", row.Subsectors)),
                Text(string.Join("; ", row.RegionValues.Select(v => Code.Of(v)))), Text(string.Join("; ", row.PartnerValues.Select(v => Code.Of(v)))),
                Text(string.Join("; ", row.ContactOrigins.Select(v => Code.Of(v)))),
                Number(row.StartYear), Number(row.EndYear), row.Ongoing ? "true" : "false",
                Text(row.Municipality), Text(row.District), Text(row.Region), Text(row.CountryCode),
                Number(Math.Round(row.Latitude, 6)), Number(Math.Round(row.Longitude, 6)),
                Text(ProfileUrl(context, language, row.Slug)), Text(row.PublishedAt?.ToString("O", CultureInfo.InvariantCulture)),
                Text(row.UpdatedAt.ToString("O", CultureInfo.InvariantCulture)),
            ]);
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
    internal static JsonObject Feature(HttpContext context, CooperationExportRow row, string language) => new()
    {
        ["type"] = "Feature",
        ["id"] = row.Id,
        ["geometry"] = CooperationsApi.PointGeometry(row.Longitude, row.Latitude),
        ["properties"] = new JsonObject
        {
            ["id"] = row.Id,
            ["slug"] = row.Slug,
            ["title"] = row.Title.In(language).Text,
            ["summary"] = row.Summary.In(language).Text,
            // Lists as one text each: GIS layers (GDAL, QGIS) handle flat attributes best.
            ["partners"] = string.Join("; ", row.Partners),
            ["subsectors"] = string.Join("; ", row.Subsectors),
            ["region_values"] = string.Join("; ", row.RegionValues.Select(v => Code.Of(v))),
            ["partner_values"] = string.Join("; ", row.PartnerValues.Select(v => Code.Of(v))),
            ["contact_origins"] = string.Join("; ", row.ContactOrigins.Select(v => Code.Of(v))),
            ["start_year"] = row.StartYear,
            ["end_year"] = row.EndYear,
            ["ongoing"] = row.Ongoing,
            ["municipality"] = row.Municipality,
            ["district"] = row.District,
            ["region"] = row.Region,
            ["country"] = row.CountryCode,
            ["url"] = ProfileUrl(context, language, row.Slug),
            ["published_at"] = row.PublishedAt?.ToString("O", CultureInfo.InvariantCulture),
            ["updated_at"] = row.UpdatedAt.ToString("O", CultureInfo.InvariantCulture),
        },
    };

    public static string ProfileUrl(HttpContext context, string language, string slug) =>
        SiteUrls.InLanguage(context.Request, language, "/cooperations/" + Uri.EscapeDataString(slug));

    private static void AppendRow(StringBuilder csv, IEnumerable<string> cells)
    {
        csv.AppendJoin(',', cells);
        csv.Append("\r\n");
    }

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static string Number(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

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
