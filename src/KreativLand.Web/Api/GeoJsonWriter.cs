using System.Text.Json;

namespace KreativLand.Web.Api;

/// <summary>
/// Writes a GeoJSON FeatureCollection (RFC 7946: point coordinates longitude first) straight into the response as the rows
/// arrive: no JSON document is built per request, so 50,000 features cost their bytes and nothing more. Each endpoint
/// gives the rows, how to read a feature's id and point, and writes its own properties and extra top-level members.
/// </summary>
/// <typeparam name="T">One row: one feature.</typeparam>
public sealed class GeoJsonWriter<T>(
    IAsyncEnumerable<T> rows,
    Func<T, long> id,
    Func<T, (double Longitude, double Latitude)> point,
    Action<Utf8JsonWriter, T> properties) : IResult
{
    private const int FlushThreshold = 32 * 1024;

    /// <summary>Text as UTF-8 ("Gölles", not "G\u00F6lles"); quotes, backslashes and control characters stay escaped.</summary>
    public static readonly JsonWriterOptions Options = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    /// <summary>Decimals of the coordinates: 6 (0.1 m) for data, 5 (1 m) is plenty for a map.</summary>
    public int CoordinateDecimals { get; init; } = 6;

    public string ContentType { get; init; } = CooperationsApi.GeoJsonContentType;

    /// <summary>A download's file name (Content-Disposition: attachment), or null.</summary>
    public string? FileName { get; init; }

    /// <summary>Members before "features" (e.g. timeStamp, numberMatched when it is known beforehand).</summary>
    public Action<Utf8JsonWriter>? Before { get; init; }

    /// <summary>Members after "features", given how many were written (e.g. numberMatched, numberReturned, links).</summary>
    public Action<Utf8JsonWriter, int>? After { get; init; }

    public async Task ExecuteAsync(HttpContext context)
    {
        var response = context.Response;
        response.ContentType = ContentType;
        if (FileName is not null)
        {
            response.Headers.ContentDisposition = new System.Net.Mime.ContentDisposition { FileName = FileName, DispositionType = "attachment" }.ToString();
        }
        var cancellationToken = context.RequestAborted;
        var body = response.BodyWriter;
        await using var json = new Utf8JsonWriter(body, Options);
        // Utf8JsonWriter only advances the pipe: the pipe's own flush sends the bytes on (also into a middleware's buffer stream).
        async Task FlushAsync()
        {
            json.Flush();
            await body.FlushAsync(cancellationToken);
        }
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        Before?.Invoke(json);
        json.WriteStartArray("features");
        var count = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            WriteFeature(json, row);
            count++;
            if (json.BytesPending > FlushThreshold) await FlushAsync();
        }
        json.WriteEndArray();
        After?.Invoke(json, count);
        json.WriteEndObject();
        await FlushAsync();
    }

    /// <summary>One Feature object, also for endpoints that answer a single feature.</summary>
    public void WriteFeature(Utf8JsonWriter json, T row)
    {
        json.WriteStartObject();
        json.WriteString("type", "Feature");
        json.WriteNumber("id", id(row));
        json.WriteStartObject("geometry");
        json.WriteString("type", "Point");
        json.WriteStartArray("coordinates");
        var (longitude, latitude) = point(row);
        json.WriteNumberValue(Math.Round(longitude, CoordinateDecimals));
        json.WriteNumberValue(Math.Round(latitude, CoordinateDecimals));
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteStartObject("properties");
        properties(json, row);
        json.WriteEndObject();
        json.WriteEndObject();
    }
}

public static class GeoJsonWriter
{
    /// <summary>Writes the strings as a JSON array property.</summary>
    public static void WriteStrings(this Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values) json.WriteStringValue(value);
        json.WriteEndArray();
    }
}
