using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using KreativLand.Web.Import;
using KreativLand.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KreativLand.Web.Tests.Infrastructure;

/// <summary>The hostile corpus (TestData/hostile-corpus.json) plus what JSON cannot carry, for every kind of input.</summary>
public static class HostileCorpus
{
    public static IReadOnlyList<string> Payloads { get; } = Load();

    /// <summary>Raw query-string escapes that are not valid UTF-8 (a lone surrogate encoded, a stray byte, an overlong form).</summary>
    public static readonly string[] InvalidUtf8Escapes = ["%ED%A0%80", "%FF%FE", "%C0%AF", "abc%C3"];

    public static readonly string Overlong = new('x', 100_000);

    /// <summary>What must never come back unencoded in any answer.</summary>
    public static readonly string[] Markup = ["<script>alert('kl-xss')", "<img src=x onerror", "<svg onload", "<kl-xss/>", "</textarea><script>"];

    private static List<string> Load()
    {
        using var file = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "hostile-corpus.json")));
        var payloads = file.RootElement.GetProperty("payloads").EnumerateArray().Select(p => p.GetString()!).ToList();
        payloads.Add(new string('€', 5_000));
        payloads.Add("x\uD800y"); // a lone surrogate: form encoding turns it into invalid UTF-8
        return payloads;
    }

    public static void AssertNoUnencodedMarkup(string body, string what)
    {
        foreach (var markup in Markup) Assert.False(body.Contains(markup, StringComparison.OrdinalIgnoreCase), $"{what} reflects {markup} unencoded");
    }
}

public sealed class HostileInputWebFixture : BasicDataWebFixture
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Submission:MinimumFillSeconds"] = "0",
        ["Submission:PermitLimit"] = "100000",
        ["RateLimits:ApiPermitsPerMinute"] = "1000000",
        ["RateLimits:SignInPermitsPerClient"] = "1000000",
        ["RateLimits:SignInPermitsPerAccount"] = "1000000",
    };
}

public class HostileInputTests(HostileInputWebFixture site) : IClassFixture<HostileInputWebFixture>
{
    private static readonly string[] FilterParameters =
        ["subsector", "country", "region", "regionValue", "partnerValue", "contact", "duration", "q", "bbox", "near", "radiusKm", "p", "limit", "offset", "lang", "f", "sort", "desc", "zz-unknown"];

    private static readonly string[] FilteredUrls =
        ["/en/", "/de/cooperations", "/api/v1/cooperations", "/api/v1/cooperations.csv", "/api/v1/cooperations.geojson", "/api/v1/facets",
         "/api/v1/stats", "/feed.atom", "/en/evaluation", "/embed/map", "/en/embed", "/ogc/collections/cooperations/items", "/api/v1/places", "/api/v1/regions"];

    private static readonly string[] FullCorpusUrls = ["/de/cooperations", "/api/v1/cooperations", "/feed.atom", "/ogc/collections/cooperations/items", "/api/v1/stats"];

    private static readonly string[] PathTemplates =
        ["/en/cooperations/{0}", "/partners/{0}", "/knowledge/{0}", "/api/v1/cooperations/{0}", "/ogc/collections/{0}/items", "/ogc/collections/cooperations/items/{0}", "/api/v1/regions/{0}"];

    private static async Task<List<string>> RunAsync(HttpClient client, IEnumerable<string> urls)
    {
        var failures = new ConcurrentQueue<string>();
        await Parallel.ForEachAsync(urls, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (url, _) =>
        {
            using var response = await client.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode >= 500) failures.Enqueue($"{(int)response.StatusCode} {url}");
            // CSV is data for spreadsheets, not markup (sent as text/csv with nosniff; formulas are defused by the writer).
            if (response.Content.Headers.ContentType?.MediaType == "text/csv") return;
            foreach (var markup in HostileCorpus.Markup)
                if (body.Contains(markup, StringComparison.OrdinalIgnoreCase)) failures.Enqueue($"unencoded {markup} in {url}");
        });
        return failures.ToList();
    }

    [Fact]
    public async Task Every_public_parameter_and_path_takes_the_corpus_without_a_500_or_unencoded_output()
    {
        var values = HostileCorpus.Payloads.Select(Uri.EscapeDataString).Concat(HostileCorpus.InvalidUtf8Escapes).Append(HostileCorpus.Overlong[..8_000]).ToList();
        // The whole corpus on the main readers of the filter; the other addresses (same filter code) get its sharpest part.
        var sharp = values.Where(v => v.Contains("%3C") || v.Contains("%00") || v.Contains("%07") || HostileCorpus.InvalidUtf8Escapes.Contains(v) || v.Length > 1_000 || v is "NaN" or "1e309" or "99999999999999999999").ToList();
        var urls = new List<string>();
        foreach (var url in FilteredUrls)
        foreach (var parameter in FilterParameters)
        foreach (var value in FullCorpusUrls.Contains(url) ? values : sharp)
            urls.Add($"{url}?{parameter}={value}");
        foreach (var url in FilteredUrls)
        {
            // Duplicated parameters, empty names, and every parameter at once.
            urls.Add($"{url}?country=DE&country=AT&country=%3Cscript%3Ealert('kl-xss')%3C/script%3E&p=1&p=2");
            urls.Add($"{url}?=&&=x&%3Cscript%3Ealert('kl-xss')%3C/script%3E=1");
            urls.Add($"{url}?{string.Join('&', FilterParameters.Select(p => $"{p}=%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert('kl-xss')%3E"))}");
        }
        foreach (var template in PathTemplates)
        // NUL in a path never reaches the site: Kestrel refuses it with 400 (and the test host will not even send it).
        foreach (var value in values.Where(v => v.Length < 2_000 && !v.Contains("%00")))
            urls.Add(string.Format(template, value.Replace("%2F", "%252F")));

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var failures = await RunAsync(site.CreateClient(), urls);
        Assert.True(failures.Count == 0, $"{failures.Count} of {urls.Count} requests failed, e.g.:\n{string.Join("\n", failures.Take(20))}");
        Assert.True(urls.Count > 3_000, $"{urls.Count} requests in {clock.Elapsed}");
    }

    [Fact]
    public async Task Every_field_of_the_submission_form_takes_the_corpus_and_stores_exactly_what_was_sent_or_nothing()
    {
        var client = site.CreateClient();
        var page = await client.GetDocumentAsync("/en/submit");
        var fields = Pages.Submit.SubmissionTests.Proposal("placeholder");
        var failures = new List<string>();
        foreach (var field in fields.Keys.Where(k => k.StartsWith("Input.") && k is not "Input.Consent" and not "Input.Ongoing").ToList())
        foreach (var payload in HostileCorpus.Payloads)
        {
            var marker = $"Hostile {Guid.NewGuid():N}"[..20];
            var values = Pages.Submit.SubmissionTests.Proposal(marker);
            if (field == "Input.Title") values[field] = marker + payload; else values[field] = payload;
            values["FormToken"] = site.Factory.Services.GetRequiredService<SubmissionToken>().Create(DateTimeOffset.UtcNow.AddMinutes(-1));
            using var response = await client.PostFormAsync(page, "/en/submit", "#submission-form", values);
            var body = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode >= 500) failures.Add($"{(int)response.StatusCode} for {field} = {payload[..Math.Min(40, payload.Length)]}");
            HostileCorpus.AssertNoUnencodedMarkup(body, $"submission {field}");
            await using var db = site.OpenContext();
            var stored = await db.Cooperations.Where(c => c.Title.De!.StartsWith(marker)).Select(c => new { c.Title.De, c.Summary, c.Location.Municipality }).ToListAsync();
            if (response.StatusCode != HttpStatusCode.Redirect)
            {
                if (stored.Count > 0) failures.Add($"refused but stored: {field}");
                continue;
            }
            var one = Assert.Single(stored);
            // Line breaks are stored as \n (as a browser's textarea sends them); nothing else may change.
            static string Lines(string? text) => (text ?? "").Replace("\r\n", "\n").Trim();
            if (field == "Input.Title" && Lines(one.De) != Lines(marker + payload)) failures.Add($"title stored altered: {one.De}");
            if (field == "Input.Summary" && Lines(one.Summary.De) != Lines(payload)) failures.Add($"summary stored altered: {one.Summary.De}");
            Assert.True(TextGuard.IsAcceptable(payload), $"{field} accepted a payload the guard refuses: {payload}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(30)));
    }

    [Fact]
    public async Task Every_field_of_the_editor_and_the_sign_in_takes_the_corpus_without_a_500()
    {
        var curator = await Curators.SignedInClientAsync(site, "curator");
        var editor = await curator.GetDocumentAsync("/en/admin/cooperations/edit");
        var editorFields = Pages.Admin.Cooperations.EditorTests.NewListing("placeholder").Keys.Where(k => k != "ConfirmNotDuplicate")
            .Concat(["Input.Description.De", "Input.Slug", "PartnerRows[0].Website", "PartnerRows[1].Municipality"]).Distinct().ToList();
        var failures = new List<string>();
        // The whole corpus in the free texts; the other fields get its sharpest part (markup, control characters, numbers out of range).
        var sharp = HostileCorpus.Payloads.Where(p => p.Contains('<') || p.Any(char.IsControl) || p.Any(char.IsSurrogate) || p is "NaN" or "1e309" or "-2147483649" or "99999999999999999999" or "").ToList();
        foreach (var field in editorFields)
        foreach (var payload in field is "Input.Title.De" or "Input.Description.De" ? HostileCorpus.Payloads : sharp)
        {
            var values = Pages.Admin.Cooperations.EditorTests.NewListing($"Hostile editor {Guid.NewGuid():N}"[..30]);
            values[field] = field == "Input.Title.De" ? values[field] + payload : payload;
            using var response = await curator.PostFormAsync(editor, "/en/admin/cooperations/edit", "#editor-form", values);
            if ((int)response.StatusCode >= 500) failures.Add($"{(int)response.StatusCode} for {field} = {payload[..Math.Min(40, payload.Length)]}");
            HostileCorpus.AssertNoUnencodedMarkup(await response.Content.ReadAsStringAsync(), $"editor {field}");
        }
        var anonymous = site.CreateClient();
        var login = await anonymous.GetDocumentAsync("/en/account/login");
        foreach (var field in new[] { "Input.Email", "Input.Password", "ReturnUrl" })
        foreach (var payload in HostileCorpus.Payloads)
        {
            using var response = await anonymous.PostFormAsync(login, "/en/account/login", "form",
                new() { ["Input.Email"] = "someone@example.org", ["Input.Password"] = "wrong password here", [field] = payload });
            if ((int)response.StatusCode >= 500) failures.Add($"{(int)response.StatusCode} for sign-in {field} = {payload[..Math.Min(40, payload.Length)]}");
            HostileCorpus.AssertNoUnencodedMarkup(await response.Content.ReadAsStringAsync(), $"sign-in {field}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(30)));
    }

    private static string Record(string slug, string text, string status = "draft") => JsonSerializer.Serialize(new
    {
        slug, status,
        title = new { de = "Titel " + text, en = text },
        summary = new { de = text },
        description = new { en = text },
        advice = new { smes = new { de = text } },
        quotes = new[] { new { text = new { de = text }, person = text, role = text } },
        media = new[] { new { kind = "video", url = "https://example.org/v", title = text } },
        images = new[] { new { url = "https://example.org/i.jpg", alt = new { de = text, en = text }, credit = text } },
        location = new { municipality = "Ort " + text, district = text, region = text, country = "DE", latitude = 51.0, longitude = 13.0 },
        partners = new object[]
        {
            new { slug = slug + "-sme", name = "SME " + text, kind = "sme", sector = text, role = new { de = text }, municipality = text, country = "DE" },
            new { slug = slug + "-cci", name = "CCI " + text, kind = "cci", subsector = "design", role = new { en = text } },
        },
    });

    [Fact]
    public async Task The_importer_refuses_bad_text_naming_the_field_stores_the_rest_exactly_and_every_output_encodes_it()
    {
        var failures = new List<string>();
        var accepted = new List<(string Slug, string Text)>();
        for (var i = 0; i < HostileCorpus.Payloads.Count; i++)
        {
            var payload = HostileCorpus.Payloads[i];
            var slug = $"hostile-import-{i}";
            // Written as the JSON a file would hold: a lone surrogate becomes the escape \ud800.
            var json = $$"""{ "formatVersion": 1, "cooperations": [ {{Record(slug, payload, "published")}} ] }""";
            await using var scope = site.Factory.Services.CreateAsyncScope();
            var importer = scope.ServiceProvider.GetRequiredService<CooperationImporter>();
            ImportResult result;
            try { result = await importer.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), TestImports.Seed); }
            catch (Exception exception) { failures.Add($"import threw for {payload[..Math.Min(30, payload.Length)]}: {exception.GetType().Name} {exception.Message}"); continue; }
            await using var db = site.OpenContext();
            var stored = await db.Cooperations.Where(c => c.Slug == slug).Select(c => new { c.Title.En, c.Summary.De, c.Location.District }).SingleOrDefaultAsync();
            if (TextGuard.IsAcceptable(payload))
            {
                if (!result.Succeeded)
                {
                    // Empty or overlong text is refused by the other rules; the text guard must not be among the reasons.
                    if (result.Errors.Any(e => e.Contains("control character") || e.Contains("not valid Unicode")))
                        failures.Add($"guard refused acceptable text {payload[..Math.Min(30, payload.Length)]}: {string.Join("; ", result.Errors.Take(2))}");
                    continue;
                }
                if (stored is null) { failures.Add($"not stored: {slug}"); continue; }
                // Texts are stored as sent (the importer trims nothing it should not): the round trip is exact.
                if (payload.Trim().Length > 0 && stored.En != payload.Trim() && stored.En != payload) failures.Add($"title altered: {stored.En}");
                accepted.Add((slug, payload));
            }
            else
            {
                if (result.Succeeded || stored is not null) failures.Add($"stored text the guard refuses: {slug}");
                else if (!result.Errors.Any(e => e.Contains("title.en") && (e.Contains("control character") || e.Contains("not valid Unicode")) || e.Contains("JSON")))
                    failures.Add($"refusal does not name the field: {string.Join("; ", result.Errors.Take(3))}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(30)));

        // Every public output carries the accepted texts encoded, and XML and JSON still parse.
        var client = site.CreateClient();
        var pages = accepted.SelectMany(a => new[] { $"/en/cooperations/{a.Slug}", $"/de/cooperations/{a.Slug}", $"/partners/{a.Slug}-sme", $"/api/v1/cooperations/{a.Slug}" })
            .Concat(["/en/", "/en/cooperations", "/de/cooperations?p=2", "/en/evaluation", "/embed/map", "/api/v1/facets", "/api/v1/stats", "/api/v1/cooperations.csv"]).ToList();
        failures.AddRange(await RunAsync(client, pages));
        foreach (var url in new[] { "/api/v1/cooperations", "/api/v1/cooperations.geojson", "/ogc/collections/cooperations/items?limit=1000", "/api/v1/stats" })
        {
            using var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            JsonDocument.Parse(await response.Content.ReadAsStringAsync()).Dispose();
        }
        foreach (var url in new[] { "/feed.atom", "/en/feed.atom", "/sitemap.xml" })
        {
            using var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.DoesNotContain(xml.Descendants(), e => e.Name.LocalName is "script" or "img" or "svg" or "kl-xss");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(30)));
    }

    [Fact]
    public async Task Text_stored_before_the_guard_with_control_characters_still_gives_a_valid_feed_sitemap_CSV_and_JSON()
    {
        await using (var db = site.OpenContext())
        {
            // As old data might hold it: control characters XML 1.0 cannot carry, and a non-character.
            await db.Database.ExecuteSqlRawAsync(
                "UPDATE cooperations SET title_en = 'Old' || chr(1) || chr(8) || chr(27) || 'data' || chr(65534), summary_en = 'a' || chr(11) || 'b' WHERE slug = 'pixel-bakery'");
        }
        var client = site.CreateClient();
        foreach (var url in new[] { "/en/feed.atom", "/sitemap.xml" })
        {
            using var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());
            if (url.Contains("feed")) Assert.Contains(xml.Descendants(), e => e.Name.LocalName == "title" && e.Value == "Old\uFFFD\uFFFD\uFFFDdata\uFFFD");
        }
        foreach (var url in new[] { "/api/v1/cooperations", "/api/v1/cooperations/pixel-bakery", "/api/v1/cooperations.geojson", "/ogc/collections/cooperations/items" })
        {
            using var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            JsonDocument.Parse(await response.Content.ReadAsStringAsync()).Dispose();
        }
        using var csv = await client.GetAsync("/api/v1/cooperations.csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        using var profile = await client.GetAsync("/en/cooperations/pixel-bakery");
        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
    }

    [Fact]
    public async Task A_file_of_many_broken_records_lists_a_capped_number_of_problems_and_counts_the_rest()
    {
        var json = "{ \"formatVersion\": 1, \"cooperations\": [" + string.Join(",", Enumerable.Repeat("null", 100_000)) + "] }";
        await using var scope = site.Factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<CooperationImporter>().ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), TestImports.Seed);
        Assert.False(result.Succeeded);
        Assert.Equal(ImportValidator.MaxListedProblems + 1, result.Errors.Count);
        Assert.Contains("99800 more problems", result.Errors[^1]);
    }
}

public class TamperedFormTests(BasicDataWebFixture site) : IClassFixture<BasicDataWebFixture>
{
    [Theory]
    [InlineData("PartnerRows")]
    [InlineData("QuoteRows")]
    [InlineData("MediaRows")]
    [InlineData("ImageRows")]
    public async Task A_row_index_without_its_row_is_a_400_naming_the_rows_and_nothing_is_stored(string rows)
    {
        var curator = await Curators.SignedInClientAsync(site, "curator");
        var editor = await curator.GetDocumentAsync("/en/admin/cooperations/edit");
        var form = editor.QuerySelector("#editor-form")!;
        var values = Curators.FormValues(form);
        foreach (var (key, value) in Pages.Admin.Cooperations.EditorTests.NewListing("Tampered " + rows)) { values.RemoveAll(v => v.Key == key); values.Add(new(key, value)); }
        values.Add(new($"{rows}.Index", "tampered"));
        using var response = await curator.PostAsync("/en/admin/cooperations/edit", new FormUrlEncodedContent(values));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(rows, (await Html.ParseAsync(response)).QuerySelector("#tampered-form")?.TextContent);
        await using var db = site.OpenContext();
        Assert.False(await db.Cooperations.AnyAsync(c => c.Title.De == "Tampered " + rows));
    }

    /// <summary>The check sits in the list binders, so it covers every page's lists, not only the editor's rows.</summary>
    [Theory]
    [InlineData("Input.MorePartners")]
    [InlineData("Input.ContactOrigins")]
    public async Task A_row_index_without_its_row_in_the_submission_form_is_a_400_naming_the_list_and_nothing_is_stored(string list)
    {
        var client = site.CreateClient();
        var page = await client.GetDocumentAsync("/en/submit");
        var values = Curators.FormValues(page.QuerySelector("#submission-form")!);
        foreach (var (key, value) in Pages.Submit.SubmissionTests.Proposal("Tampered " + list)) { values.RemoveAll(v => v.Key == key); values.Add(new(key, value)); }
        values.Add(new($"{list}.Index", "tampered"));
        using var response = await client.PostAsync("/en/submit", new FormUrlEncodedContent(values));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(list, (await Html.ParseAsync(response)).QuerySelector("#tampered-form")?.TextContent);
        await using var db = site.OpenContext();
        Assert.False(await db.Cooperations.AnyAsync(c => c.Title.De == "Tampered " + list));
    }

    [Fact]
    public async Task A_row_index_without_its_row_in_a_page_s_own_list_is_a_400_naming_it()
    {
        var curator = await Curators.SignedInClientAsync(site, "curator");
        var page = await curator.GetDocumentAsync("/account/notifications");
        var values = Curators.FormValues(page.QuerySelector("#notifications-form")!);
        // Without any ticked box: ticked boxes send plain "Receive" values, which the binder reads instead of indexes.
        values.RemoveAll(v => v.Key == "Receive");
        values.Add(new("Receive.Index", "tampered"));
        using var response = await curator.PostAsync("/account/notifications", new FormUrlEncodedContent(values));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Receive", (await Html.ParseAsync(response)).QuerySelector("#tampered-form")?.TextContent);
    }
}
