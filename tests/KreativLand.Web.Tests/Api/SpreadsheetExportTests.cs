using System.Diagnostics;
using System.Net;
using System.Text;
using System.Xml.Linq;
using KreativLand.Web.Tests.Infrastructure;

namespace KreativLand.Web.Tests.Api;

/// <summary>
/// The CSV for spreadsheets (dialect=excel-de) as LibreOffice Calc opens it with German settings (semicolon as list separator,
/// comma as decimal separator, as German Excel): every column separate, numbers and dates recognised, umlauts intact.
/// </summary>
public class SpreadsheetExportTests(SharedExportDataWebFixture site) : IClassFixture<SharedExportDataWebFixture>
{
    private const string Url = "/api/v1/cooperations.csv?dialect=excel-de&lang=de";

    private async Task<byte[]> DownloadAsync(string url)
    {
        using var response = await site.CreateClient().GetAsync(url);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {Encoding.UTF8.GetString(body)}");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        return body;
    }

    [Fact]
    public async Task The_spreadsheet_dialect_has_semicolons_decimal_commas_labels_and_plain_dates()
    {
        var body = await DownloadAsync(Url);
        Assert.Equal([0xEF, 0xBB, 0xBF], body.Take(3));
        var table = Rfc4180.Parse(new UTF8Encoding(false).GetString(body, 3, body.Length - 3), ';');
        var header = table[0];
        Assert.All(table, r => Assert.Equal(header.Count, r.Count));
        Assert.Equal(["subsectors", "subsectors_labels"], header.SkipWhile(h => h != "subsectors").Take(2));
        Assert.Equal(["country", "country_name"], header.SkipWhile(h => h != "country").Take(2));
        var row = table.Single(r => r.Contains("goelles-experience"));
        string Cell(string name) => row[header.IndexOf(name)];
        Assert.Equal("Österreich", Cell("country_name"));
        Assert.Equal("design", Cell("subsectors"));
        Assert.Equal("Designwirtschaft", Cell("subsectors_labels"));
        Assert.Matches(@"^\d{1,3}(,\d+)?$", Cell("latitude"));
        var coordinates = table.Skip(1).SelectMany(r => new[] { r[header.IndexOf("latitude")], r[header.IndexOf("longitude")] }).ToList();
        Assert.Contains(coordinates, c => c.Contains(','));
        Assert.DoesNotContain(coordinates, c => c.Contains('.'));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$", Cell("updated_at"));
        Assert.Contains(Cell("ongoing"), new[] { "ja", "nein" });
        Assert.Contains("Gölles", Cell("title"));

        var english = Encoding.UTF8.GetString(await DownloadAsync("/api/v1/cooperations.csv?dialect=excel-de&lang=en"));
        Assert.Contains("Austria", english);
    }

    [Fact]
    public async Task The_default_stays_RFC_4180_and_an_unknown_dialect_is_a_400()
    {
        var body = Encoding.UTF8.GetString(await DownloadAsync("/api/v1/cooperations.csv?lang=de"));
        Assert.StartsWith("\uFEFFid,slug,title,", body);
        Assert.DoesNotContain("_labels", body);
        Assert.Matches(@"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}\+00:00", body); // ISO 8601 round-trip times, as before
        var (_, problem) = await site.CreateClient().GetJsonResponseAsync("/api/v1/cooperations.csv?dialect=excel", HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("dialect", out _));
    }

    [Fact]
    public async Task The_list_page_offers_the_spreadsheet_download_of_its_filter()
    {
        var page = await site.CreateClient().GetDocumentAsync("/de/cooperations?country=AT");
        var href = page.QuerySelector("a[data-download='csv-excel-de']")!.GetAttribute("href")!;
        Assert.Contains("country=AT", href);
        Assert.Contains("dialect=excel-de", href);
        Assert.Contains("Österreich", Encoding.UTF8.GetString(await DownloadAsync(href)));
    }

    [LibreOfficeFact]
    public async Task LibreOffice_with_German_settings_opens_every_column_separately_with_numbers_dates_and_umlauts()
    {
        var directory = Directory.CreateTempSubdirectory("kreativland-calc-");
        try
        {
            var input = directory.CreateSubdirectory("in").FullName;
            var output = directory.CreateSubdirectory("out").FullName;
            var spreadsheet = Path.Combine(input, "excel-de.csv");
            var plain = Path.Combine(input, "rfc4180.csv");
            await File.WriteAllBytesAsync(spreadsheet, await DownloadAsync(Url));
            await File.WriteAllBytesAsync(plain, await DownloadAsync("/api/v1/cooperations.csv?lang=de"));

            // German settings: ; between fields, " around text, UTF-8 (76), from line 1, language German (1031: decimal comma).
            const string germanImport = "CSV:59,34,76,1,,1031";
            await ConvertAsync(directory.FullName, output, spreadsheet, "fods", germanImport);
            await ConvertAsync(directory.FullName, output, spreadsheet, "csv:Text - txt - csv (StarCalc):9,34,76,1", germanImport);

            // The table as Calc read it: one cell per column, values typed.
            var document = XDocument.Load(Path.Combine(output, "excel-de.fods"));
            XNamespace table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
            XNamespace office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
            XNamespace text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
            var rows = document.Descendants(table + "table-row")
                .Select(r => r.Elements(table + "table-cell").SelectMany(c =>
                    Enumerable.Repeat(c, int.TryParse((string?)c.Attribute(table + "number-columns-repeated"), out var n) ? Math.Min(n, 200) : 1)).ToList())
                .Select(cells => cells.Take(cells.FindLastIndex(c => c.HasElements || c.Attribute(office + "value-type") is not null) + 1).ToList())
                .Where(cells => cells.Count > 0).ToList();
            var names = rows[0].Select(c => c.Value).ToList();
            Assert.Contains("latitude", names);
            Assert.True(names.Count > 25, string.Join("|", names));
            Assert.All(rows, row => Assert.Equal(names.Count, row.Count));
            var published = (await site.CreateClient().GetJsonAsync("/api/v1/cooperations")).GetProperty("features").GetArrayLength();
            Assert.True(1 + published == rows.Count, string.Join("\n", rows.Select(r => string.Join(" | ", r.Take(3).Select(c => c.Value)))));
            var goelles = rows.Single(r => r.Any(c => c.Value == "goelles-experience"));
            XElement Cell(string name) => goelles[names.IndexOf(name)];
            Assert.Equal("float", (string?)Cell("latitude").Attribute(office + "value-type"));
            Assert.InRange(double.Parse((string)Cell("latitude").Attribute(office + "value")!, System.Globalization.CultureInfo.InvariantCulture), 46, 48);
            Assert.Equal("date", (string?)Cell("updated_at").Attribute(office + "value-type"));
            Assert.Equal("float", (string?)Cell("start_year").Attribute(office + "value-type"));
            Assert.Contains("Gölles", Cell("title").Descendants(text + "p").First().Value);
            Assert.Equal("Österreich", Cell("country_name").Value);

            // The same file saved again as text by Calc (tab-separated): every column separate, umlauts intact.
            // (Calc writes LF line ends and quotes cells that hold a line break.)
            var saved = (await File.ReadAllTextAsync(Path.Combine(output, "excel-de.csv"), Encoding.UTF8)).TrimStart('\uFEFF').Replace("\r\n", "\n").Replace("\n", "\r\n");
            var tabbed = Rfc4180.Parse(saved, '\t');
            Assert.Equal(1 + published, tabbed.Count);
            Assert.All(tabbed, row => Assert.Equal(names.Count, row.Count));
            Assert.Contains(tabbed, row => row.Any(c => c.Contains("Gölles")) && row.Contains("Österreich"));

            // Why the dialect exists: the plain RFC 4180 file under the same German settings lands in one column.
            await ConvertAsync(directory.FullName, output, plain, "fods", germanImport);
            var plainRows = XDocument.Load(Path.Combine(output, "rfc4180.fods")).Descendants(table + "table-row")
                .Select(r => r.Elements(table + "table-cell").Count(c => c.HasElements)).Where(n => n > 0).ToList();
            Assert.True(plainRows.Max() < 5, $"RFC 4180 under German settings unexpectedly split into {plainRows.Max()} columns");
        }
        finally { directory.Delete(recursive: true); }
    }

    /// <summary>soffice --headless --convert-to, with a private profile (several runs at once must not share one).</summary>
    private static async Task ConvertAsync(string directory, string output, string file, string target, string importFilter)
    {
        var start = new ProcessStartInfo(LibreOfficeFactAttribute.Soffice) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = directory };
        foreach (var argument in new[]
                 {
                     "--headless", "--norestore", "--nolockcheck", $"-env:UserInstallation=file://{directory}/profile",
                     $"--infilter={importFilter}", "--convert-to", target, "--outdir", output, file,
                 })
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var printed = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"soffice exit {process.ExitCode}: {await printed}\n{await errors}");
    }
}

/// <summary>Runs where LibreOffice is installed (./test.sh installs libreoffice-calc-nogui); elsewhere the skip reason says why.</summary>
public sealed class LibreOfficeFactAttribute : FactAttribute
{
    public const string Soffice = "/usr/bin/soffice";

    public LibreOfficeFactAttribute()
    {
        if (!File.Exists(Soffice))
            Skip = $"{Soffice} is missing: ./test.sh installs Debian's libreoffice-calc-nogui.";
    }
}
