using System.Text.Json;
using Microsoft.Net.Http.Headers;

namespace KreativLand.Web.Api;

/// <summary>
/// Writes a GeoJSON FeatureCollection (RFC 7946: point coordinates longitude first) straight into the response as the rows
/// arrive: no JSON document is built per request, so 50,000 features cost their bytes and nothing more. Each endpoint
/// gives the rows, how to read a feature's id and point, and writes its own properties and extra top-level members.
/// The map data, the list API, the GeoJSON download and OGC API items answer through it; one feature alone (the details
/// endpoint, an OGC item) through <see cref="Feature"/>.
/// </summary>
/// <typeparam name="T">One row: one feature.</typeparam>
/// <remarks>A record, so a shared feature shape (<see cref="OpenDataDownloads.Features"/>) takes each endpoint's members with <c>with</c>.</remarks>
public sealed record GeoJsonWriter<T>(
    IAsyncEnumerable<T> Rows,
    Func<T, long> Id,
    Func<T, (double Longitude, double Latitude)> Point,
    Action<Utf8JsonWriter, T> Properties) : IResult
{
    /// <summary>For features answered one at a time (<see cref="Feature"/>): no rows.</summary>
    public GeoJsonWriter(Func<T, long> id, Func<T, (double Longitude, double Latitude)> point, Action<Utf8JsonWriter, T> properties)
        : this(AsyncEnumerable.Empty<T>(), id, point, properties)
    {
    }

    /// <summary>Decimals of the coordinates: 6 (0.1 m) for data, 5 (1 m) is plenty for a map.</summary>
    public int CoordinateDecimals { get; init; } = 6;

    public string ContentType { get; init; } = CooperationsApi.GeoJsonContentType;

    /// <summary>How text is escaped: <see cref="GeoJsonWriter.Options"/> (UTF-8 text) or <see cref="GeoJsonWriter.EscapedOptions"/>.</summary>
    public JsonWriterOptions WriterOptions { get; init; } = GeoJsonWriter.Options;

    /// <summary>A download's file name (Content-Disposition: attachment), or null.</summary>
    public string? FileName { get; init; }

    /// <summary>Members before "features" (e.g. timeStamp, numberMatched when it is known beforehand).</summary>
    public Action<Utf8JsonWriter>? Before { get; init; }

    /// <summary>Members after "features", given how many were written (e.g. numberMatched, numberReturned, links).</summary>
    public Action<Utf8JsonWriter, int>? After { get; init; }

    public Task ExecuteAsync(HttpContext context) => GeoJsonWriter.WriteAsync(context, this, async (json, flush) =>
    {
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        Before?.Invoke(json);
        json.WriteStartArray("features");
        var count = 0;
        await foreach (var row in Rows.WithCancellation(context.RequestAborted))
        {
            WriteFeature(json, row);
            count++;
            await flush(false);
        }
        json.WriteEndArray();
        After?.Invoke(json, count);
        json.WriteEndObject();
    });

    /// <summary>One Feature object; <paramref name="members"/> writes foreign members after its properties (licence, links).</summary>
    public void WriteFeature(Utf8JsonWriter json, T row, Action<Utf8JsonWriter>? members = null)
    {
        json.WriteStartObject();
        json.WriteString("type", "Feature");
        json.WriteNumber("id", Id(row));
        json.WriteStartObject("geometry");
        json.WriteString("type", "Point");
        json.WriteStartArray("coordinates");
        var (longitude, latitude) = Point(row);
        json.WriteNumberValue(Math.Round(longitude, CoordinateDecimals));
        json.WriteNumberValue(Math.Round(latitude, CoordinateDecimals));
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteStartObject("properties");
        Properties(json, row);
        json.WriteEndObject();
        members?.Invoke(json);
        json.WriteEndObject();
    }

    /// <summary>One feature as the whole answer (a details endpoint), written the same way as each feature of a collection.</summary>
    public IResult Feature(T row, Action<Utf8JsonWriter>? members = null) =>
        new FeatureResult(this, row, members);

    private sealed class FeatureResult(GeoJsonWriter<T> writer, T row, Action<Utf8JsonWriter>? members) : IResult
    {
        public Task ExecuteAsync(HttpContext context) => GeoJsonWriter.WriteAsync(context, writer, (json, _) =>
        {
            writer.WriteFeature(json, row, members);
            return Task.CompletedTask;
        });
    }
}

public static class GeoJsonWriter
{
    private const int FlushThreshold = 32 * 1024;

    /// <summary>
    /// Text as UTF-8 ("Gölles", not "G\u00F6lles"); quotes, backslashes and control characters stay escaped. For the compact
    /// map data and list, whose bytes count.
    /// </summary>
    public static readonly JsonWriterOptions Options = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    /// <summary>
    /// The characters HTML gives meaning to (&lt; &gt; &amp; ' + `) as \u escapes, so stored text never comes back as markup,
    /// whoever opens the file; letters of every script as UTF-8 ("Gölles": 2 bytes for the ö, where System.Text.Json's default
    /// writes 6, "\u00F6"). For the full data: details, download, OGC API items.
    /// </summary>
    public static readonly JsonWriterOptions EscapedOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
        SkipValidation = true,
    };

    /// <summary>
    /// A time as RFC 3339 in UTC with the microseconds the database keeps ("2026-05-01T10:44:50.446466Z"): what GDAL reads as
    /// a DateTime and OGC API's datetime parameter takes back; 16 bytes shorter than the round-trip form's "+00:00", which
    /// the escaping writes as "\u002B00:00".
    /// </summary>
    public static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFF'Z'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Sets the headers and streams what <paramref name="write"/> writes into the response body. The callback's flush sends
    /// the bytes on once more than 32 KiB are pending (always when asked with true); the rest is sent at the end.
    /// </summary>
    internal static async Task WriteAsync<T>(HttpContext context, GeoJsonWriter<T> settings, Func<Utf8JsonWriter, Func<bool, Task>, Task> write)
    {
        var response = context.Response;
        response.ContentType = settings.ContentType;
        if (settings.FileName is { } fileName)
        {
            // The same header as Results.File: filename and its RFC 5987 form.
            var disposition = new ContentDispositionHeaderValue("attachment");
            disposition.SetHttpFileName(fileName);
            response.Headers.ContentDisposition = disposition.ToString();
        }
        var cancellationToken = context.RequestAborted;
        var body = response.BodyWriter;
        await using var json = new Utf8JsonWriter(body, settings.WriterOptions);
        // Utf8JsonWriter only advances the pipe: the pipe's own flush sends the bytes on (also into a middleware's buffer stream).
        async Task FlushAsync(bool always)
        {
            if (!always && json.BytesPending <= FlushThreshold) return;
            json.Flush();
            await body.FlushAsync(cancellationToken);
        }
        await write(json, FlushAsync);
        await FlushAsync(true);
    }

    /// <summary>Writes the strings as a JSON array property.</summary>
    public static void WriteStrings(this Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values) json.WriteStringValue(value);
        json.WriteEndArray();
    }
}
