using System.Net;
using System.Text;
using System.Text.Json;
using KreativLand.Web.Tests.Infrastructure;

namespace KreativLand.Web.Tests.Api;

public class OpenDataDownloadsTests(SharedExportDataWebFixture site) : IClassFixture<SharedExportDataWebFixture>
{
    private async Task<(HttpResponseMessage Response, byte[] Body)> GetAsync(string url)
    {
        var response = await site.CreateClient().GetAsync(url);
        return (response, await response.Content.ReadAsByteArrayAsync());
    }

    private async Task<List<Dictionary<string, string>>> CsvAsync(string url)
    {
        var (response, body) = await GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {Encoding.UTF8.GetString(body)}");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal([0xEF, 0xBB, 0xBF], body.Take(3));
        var table = Rfc4180.Parse(new UTF8Encoding(false).GetString(body, 3, body.Length - 3));
        var header = table[0];
        Assert.All(table, row => Assert.Equal(header.Count, row.Count));
        return table.Skip(1).Select(row => header.Zip(row).ToDictionary(p => p.First, p => p.Second)).ToList();
    }

    private async Task<int> ApiCountAsync(string query)
    {
        var body = await site.CreateClient().GetStringAsync("/api/v1/cooperations" + query);
        return JsonDocument.Parse(body).RootElement.GetProperty("features").GetArrayLength();
    }

    [Theory]
    [InlineData("")]
    [InlineData("?subsector=design")]
    [InlineData("?country=AT&country=PT")]
    [InlineData("?q=Goelles")]
    [InlineData("?region=westsachsen-testgebiet")]
    [InlineData("?near=13.0,50.6&radiusKm=80&duration=more-than-2-years")]
    public async Task Csv_has_one_row_per_cooperation_the_api_finds(string query)
    {
        var rows = await CsvAsync("/api/v1/cooperations.csv" + query);
        var expected = await ApiCountAsync(query);
        Assert.Equal(expected, rows.Count);
        Assert.Equal(rows.Count, rows.Select(r => r["slug"]).Distinct().Count());
    }

    [Fact]
    public async Task Csv_keeps_umlauts_and_gives_the_useful_columns()
    {
        var rows = await CsvAsync("/api/v1/cooperations.csv?lang=en");
        Assert.Equal(8, rows.Count); // seven from map.json, one from exports.json; drafts never
        var erz = rows.Single(r => r["slug"] == "erz-code");
        Assert.Equal("Timber meets code", erz["title"]);
        Assert.Equal("Sägewerk Müller; Pixelwald Games", erz["partners"]);
        Assert.Equal("software-games", erz["subsectors"]);
        Assert.Equal("tourism-offer", erz["region_values"]);
        Assert.Equal("2015", erz["start_year"]);
        Assert.Equal("true", erz["ongoing"]);
        Assert.Equal("Annaberg-Buchholz", erz["municipality"]);
        Assert.Equal("DE", erz["country"]);
        Assert.Equal(50.58, double.Parse(erz["latitude"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(13.0, double.Parse(erz["longitude"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.EndsWith("/en/cooperations/erz-code", erz["url"]);
        Assert.Equal("Holz trifft Code", (await CsvAsync("/api/v1/cooperations.csv?lang=de&q=Holz")).Single()["title"]);
        // Negative numbers are numbers, not formulas: Porto lies west of Greenwich.
        var porto = rows.Single(r => r["slug"] == "porto-architecture");
        Assert.StartsWith("-8.", porto["longitude"]);
    }

    [Fact]
    public async Task Csv_neutralises_cells_a_spreadsheet_would_run_as_formulas()
    {
        var german = (await CsvAsync("/api/v1/cooperations.csv?lang=de&subsector=design")).Single(r => r["slug"] == "formula-cells");
        Assert.Equal("'=HYPERLINK(\"http://example.invalid\",\"Klick\")", german["title"]);
        Assert.Equal("'-2+3 Zeile eins\nZeile zwei; Größe", german["summary"]);
        Assert.Equal("'@Formel GmbH; Studio Komma, Punkt", german["partners"]);
        Assert.Equal("Lübbenau/Spreewald", german["municipality"]);
        var english = (await CsvAsync("/api/v1/cooperations.csv?lang=en&subsector=design")).Single(r => r["slug"] == "formula-cells");
        Assert.Equal("'+SUM(1,2) formula, \"quoted\"", english["title"]);
        Assert.Equal("'@cmd line one\nline two", english["summary"]);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+49 30 123", "'+49 30 123")]
    [InlineData("-minus", "'-minus")]
    [InlineData("@user", "'@user")]
    [InlineData("\tTAB", "'\tTAB")]
    [InlineData("\rCR", "\"'\rCR\"")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("line\nbreak", "\"line\nbreak\"")]
    [InlineData("Straße 1 = Hof", "Straße 1 = Hof")]
    [InlineData("", "")]
    public void A_text_cell_is_quoted_and_neutralised(string value, string expected) =>
        Assert.Equal(expected, KreativLand.Web.Api.OpenDataDownloads.Text(value));

    [Fact]
    public async Task GeoJson_download_has_every_filtered_feature_and_a_file_name()
    {
        var (response, body) = await GetAsync("/api/v1/cooperations.geojson?country=AT&lang=en");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.EndsWith(".geojson", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var collection = JsonDocument.Parse(body).RootElement;
        var features = collection.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(await ApiCountAsync("?country=AT"), features.Count);
        Assert.All(features, f => Assert.Equal("AT", f.GetProperty("properties").GetProperty("country").GetString()));
        var coordinates = features[0].GetProperty("geometry").GetProperty("coordinates");
        Assert.InRange(coordinates[0].GetDouble(), 9, 17); // longitude first
        Assert.InRange(coordinates[1].GetDouble(), 46, 49);
    }

    [Fact]
    public async Task GeoJson_text_is_UTF8_with_markup_characters_escaped_times_in_UTC_and_coordinates_to_six_decimals()
    {
        var (response, body) = await GetAsync("/api/v1/cooperations.geojson?lang=de");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = Encoding.UTF8.GetString(body);
        // Letters as UTF-8 (2 bytes for ä, not the 6 of "\u00E4"); + < > & ' ` stay escaped, so no text comes back as markup.
        Assert.Contains("Sägewerk Müller", text);
        Assert.Contains("Zeile zwei; Größe", text);
        Assert.DoesNotMatch(@"\\u00[89A-F][0-9A-F]", text); // no Latin-1 letter escaped (a quote still is: \u0022)
        Assert.Contains("-2\\u002B3 Zeile eins", text);
        Assert.DoesNotContain("+", text);
        var features = JsonDocument.Parse(body).RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.Contains(features, f => f.GetProperty("properties").GetProperty("summary").GetString() == "-2+3 Zeile eins\nZeile zwei; Größe");
        foreach (var feature in features)
        {
            var properties = feature.GetProperty("properties");
            foreach (var name in new[] { "published_at", "updated_at" })
            {
                var time = properties.GetProperty(name).GetString()!;
                Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$", time);
                Assert.Equal(TimeSpan.Zero, DateTimeOffset.Parse(time, System.Globalization.CultureInfo.InvariantCulture).Offset);
            }
            foreach (var coordinate in feature.GetProperty("geometry").GetProperty("coordinates").EnumerateArray())
                Assert.Matches(@"^-?\d{1,3}(\.\d{1,6})?$", coordinate.GetRawText());
        }
    }

    [Theory]
    [InlineData("/api/v1/cooperations.csv?subsector=nonsense", "subsector")]
    [InlineData("/api/v1/cooperations.csv?bbox=1,2,3", "bbox")]
    [InlineData("/api/v1/cooperations.csv?lang=fr", "lang")]
    [InlineData("/api/v1/cooperations.geojson?near=200,1", "near")]
    [InlineData("/api/v1/cooperations.geojson?radiusKm=-1&near=1,1", "radiusKm")]
    public async Task Bad_parameters_are_a_400_problem_naming_them(string url, string parameter)
    {
        var (response, body) = await GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty(parameter, out _), Encoding.UTF8.GetString(body));
    }

    [Fact]
    public async Task The_list_page_offers_both_downloads_with_the_current_filter()
    {
        var document = await site.CreateClient().GetDocumentAsync("/en/cooperations?subsector=design&country=AT");
        var csv = document.QuerySelector("a[data-download='csv']")?.GetAttribute("href");
        var geojson = document.QuerySelector("a[data-download='geojson']")?.GetAttribute("href");
        Assert.EndsWith("/api/v1/cooperations.csv?subsector=design&country=AT&lang=en", csv);
        Assert.EndsWith("/api/v1/cooperations.geojson?subsector=design&country=AT&lang=en", geojson);
        Assert.Single(await CsvAsync(csv!));
    }
}

/// <summary>A small RFC 4180 reader, so the test does not trust the writer's own idea of quoting.</summary>
public static class Rfc4180
{
    public static List<List<string>> Parse(string text, char separator = ',')
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.Append(c);
            }
            else if (c == '"')
            {
                if (cell.Length > 0) throw new FormatException($"quote inside an unquoted cell at {i}");
                quoted = true;
            }
            else if (c == separator) { row.Add(cell.ToString()); cell.Clear(); }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(cell.ToString()); cell.Clear();
                rows.Add(row); row = [];
                i++;
            }
            else if (c is '\r' or '\n') throw new FormatException($"bare line break outside quotes at {i}");
            else cell.Append(c);
        }
        if (quoted) throw new FormatException("unterminated quote");
        if (cell.Length > 0 || row.Count > 0) { row.Add(cell.ToString()); rows.Add(row); }
        return rows;
    }
}
