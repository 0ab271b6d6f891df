using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using KreativLand.Web.Import;
using KreativLand.Web.Pages.Admin.Cooperations;
using KreativLand.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using Npgsql;

namespace KreativLand.Web.Tests.Browser;

/// <summary>The import upload's script in Chromium: a file over the limit is refused before it is sent, others are answered in place.</summary>
public class ImportUploadBrowserTests(BasicDataBrowserFixture site) : BrowserTest, IClassFixture<BasicDataBrowserFixture>
{
    [Theory]
    [InlineData("en", "en-GB", "The file is larger than 200 MiB", "Nothing imported")]
    [InlineData("de", "de-DE", "Die Datei ist größer als 200 MiB", "Nichts importiert")]
    public async Task A_file_over_the_limit_is_refused_before_uploading_and_a_broken_one_is_answered_in_place(
        string language, string locale, string tooLarge, string refused)
    {
        var email = await Curators.CreateAsync(site, "admin");
        // A sparse file: 1 MiB over the limit on paper, no disk space used.
        var huge = Path.Combine(Path.GetTempPath(), $"kl-huge-{Guid.NewGuid():N}.json");
        await using (var file = File.Create(huge)) file.SetLength(TransferModel.MaxUploadBytes + 1024 * 1024);
        var broken = Path.Combine(Path.GetTempPath(), $"kl-broken-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(broken, "{ \"cooperations\": [ { \"slug\": ");
        try
        {
            var page = await NewPageAsync(site.BaseAddress, locale);
            var failures = new ConcurrentQueue<string>();
            Chromium.CollectFailures(page, failures);
            await page.GotoAsync("/account/login");
            await page.Locator("[name='Input.Email']").FillAsync(email);
            await page.Locator("[name='Input.Password']").FillAsync(Curators.Password);
            await page.Locator("[name='Input.Password']").PressAsync("Enter");
            await page.WaitForURLAsync("**/admin");
            await page.GotoAsync($"/{language}/admin/cooperations/transfer");
            // The field names the limit the page enforces.
            await Assertions.Expect(page.Locator("label[for=upload]")).ToContainTextAsync("200 MiB");

            var posts = new ConcurrentQueue<string>();
            page.Request += (_, request) => { if (request.Method == "POST") posts.Enqueue(request.Url); };
            await page.Locator("#upload").SetInputFilesAsync(huge);
            await page.Locator("#upload-form button[type=submit]").ClickAsync();
            await Assertions.Expect(page.Locator("#upload-error")).ToContainTextAsync(tooLarge);
            Assert.Empty(posts);
            await Chromium.ScreenshotAsync(page, $"import-too-large-{language}");

            // A file within the limit goes up through the script and the server's refusal lands in the same place.
            await page.Locator("#upload").SetInputFilesAsync(broken);
            await page.Locator("#upload-form button[type=submit]").ClickAsync();
            await Assertions.Expect(page.Locator("#import-result .error-summary")).ToContainTextAsync(refused);
            Assert.Single(posts);
            Assert.Empty(failures);
        }
        finally
        {
            File.Delete(huge);
            File.Delete(broken);
        }
    }

    // German only: an import of 1,500 listings costs a minute of the suite, and the English grouping goes through the same
    // format() (numbers.js), which ShownNumbers and GroupedCounts tests hold in both languages.
    [Fact]
    public async Task The_progress_of_a_large_import_writes_its_counts_with_the_languages_grouping()
    {
        var email = await Curators.CreateAsync(site, "admin");
        // 1,500 listings, written in batches of 500: the page asks every second and hears of 1,000 read once the second batch
        // is written. Whether one of its questions fell between that and the end of the import depended on the machine's
        // speed (a fast one wrote the last batch within the second), so the third batch waits in the database until the page
        // has shown the count: a trigger on the 1,001st listing takes a lock that this connection holds until then.
        var file = Path.Combine(Path.GetTempPath(), $"kl-many-{Guid.NewGuid():N}.json");
        await SyntheticListings.WriteFileAsync(1500, file);
        await using var hold = new NpgsqlConnection(site.ConnectionString);
        await hold.OpenAsync();
        await ExecuteAsync(hold, $"""
            CREATE FUNCTION test_hold_import() RETURNS trigger LANGUAGE plpgsql AS $$
              BEGIN PERFORM pg_advisory_xact_lock_shared({HoldKey}); RETURN NEW; END $$;
            CREATE TRIGGER test_hold_import BEFORE INSERT ON cooperations FOR EACH ROW
              WHEN (NEW.slug = '{SyntheticListings.SlugPrefix}1000') EXECUTE FUNCTION test_hold_import();
            SELECT pg_advisory_lock({HoldKey});
            """);
        try
        {
            var page = await NewPageAsync(site.BaseAddress, "de-DE");
            var failures = new ConcurrentQueue<string>();
            Chromium.CollectFailures(page, failures);
            await CuratorBrowserTests.SignInAsync(page, email);
            await page.GotoAsync("/de/admin/cooperations/transfer");
            await page.Locator("#upload").SetInputFilesAsync(file);
            // The generated listings are published: an administrator's reason lets them in as they are.
            await page.Locator("#OverrideReason").FillAsync("Testdaten für die Fortschrittsanzeige");
            await page.Locator("#upload-form button[type=submit]").ClickAsync();
            await Assertions.Expect(page.Locator("#import-progress")).ToHaveTextAsync(new Regex(@"^[1-9]\d{0,2}(\.\d{3})+ Datensätze gelesen \("), new() { Timeout = 120_000 });
            await ExecuteAsync(hold, $"SELECT pg_advisory_unlock({HoldKey})");
            await Assertions.Expect(page.Locator("#import-result .notice").First).ToContainTextAsync("1.500", new() { Timeout = 120_000 });
            Assert.Empty(failures);
        }
        finally
        {
            // Released first: dropping the trigger waits for the import's transaction, which may still wait for the lock.
            await ExecuteAsync(hold, "SELECT pg_advisory_unlock_all(); DROP TRIGGER test_hold_import ON cooperations; DROP FUNCTION test_hold_import()");
            File.Delete(file);
        }
    }

    /// <summary>The advisory lock the held import waits for (the importer's own is <see cref="CooperationImporter.ImportLockKey"/>).</summary>
    private const long HoldKey = 0x4B4C_484F;

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
