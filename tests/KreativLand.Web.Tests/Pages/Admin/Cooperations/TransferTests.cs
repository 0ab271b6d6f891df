using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using KreativLand.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KreativLand.Web.Tests.Pages.Admin.Cooperations;

public class TransferTests(BasicDataWebFixture site) : IClassFixture<BasicDataWebFixture>
{
    private static async Task<AngleSharp.Dom.IDocument> UploadAsync(HttpClient client, string json, string fileName = "upload.json", string language = "en")
    {
        using var response = await PostUploadAsync(client, json, fileName, language);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Html.ParseAsync(response);
    }

    private static async Task<HttpResponseMessage> PostUploadAsync(HttpClient client, string json, string fileName = "upload.json", string language = "en")
    {
        var page = await client.GetDocumentAsync($"/{language}/admin/cooperations/transfer");
        var token = page.QuerySelector("#upload-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Add(file, "upload", fileName);
        return await client.PostAsync($"/{language}/admin/cooperations/transfer", content);
    }

    private static async Task<string> DownloadAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/admin/cooperations/transfer?handler=Download");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("kreativland-", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        return await response.Content.ReadAsStringAsync();
    }

    private static JsonNode WithoutComment(string json)
    {
        var node = JsonNode.Parse(json)!;
        node.AsObject().Remove("$comment");
        return node;
    }

    [Fact]
    public async Task The_page_can_ask_how_far_the_import_of_its_upload_is_and_no_one_else_can()
    {
        var (anna, _) = await Curators.SignedInAsync(site, "curator");
        var ben = await Curators.SignedInClientAsync(site, "curator");
        var template = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "basic.json")))!["cooperations"]!
            .AsArray().Single(c => (string?)c!["slug"] == "secret-draft")!;
        var records = new JsonArray();
        for (var i = 0; i < 600; i++)
        {
            var record = template.DeepClone();
            record["slug"] = $"progress-{i}";
            record["partners"]![0]!["slug"] = $"progress-sme-{i}";
            records.Add(record);
        }
        var json = new JsonObject { ["formatVersion"] = 1, ["cooperations"] = records }.ToJsonString();

        var page = await anna.GetDocumentAsync("/en/admin/cooperations/transfer");
        var id = page.QuerySelector("#upload-form input[name=ImportId]")!.GetAttribute("value")!;
        Assert.Matches("^[0-9a-f]{32}$", id);
        using (var before = await anna.GetAsync($"/en/admin/cooperations/transfer?handler=Progress&id={id}"))
            Assert.Equal(HttpStatusCode.NoContent, before.StatusCode);
        using var content = new MultipartFormDataContent
        {
            { new StringContent(page.QuerySelector("#upload-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
            { new StringContent(id), "ImportId" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(json)), "upload", "many.json" },
        };
        using (var response = await anna.PostAsync("/en/admin/cooperations/transfer", content))
            Assert.Contains("many.json: 600 created, 0 updated.", (await Html.ParseAsync(response)).Text("#import-result"));

        using var progress = await anna.GetAsync($"/en/admin/cooperations/transfer?handler=Progress&id={id}");
        Assert.Equal(HttpStatusCode.OK, progress.StatusCode);
        var answer = JsonNode.Parse(await progress.Content.ReadAsStringAsync())!;
        Assert.Equal((600, 100, 0), ((int)answer["records"]!, (int)answer["percent"]!, (int)answer["secondsLeft"]!));
        // Another curator, or a made-up id, learns nothing.
        using (var other = await ben.GetAsync($"/en/admin/cooperations/transfer?handler=Progress&id={id}"))
            Assert.Equal(HttpStatusCode.NoContent, other.StatusCode);
        using (var madeUp = await anna.GetAsync("/en/admin/cooperations/transfer?handler=Progress&id=../../etc"))
            Assert.Equal(HttpStatusCode.NoContent, madeUp.StatusCode);
        Assert.Contains("data-progress-text=\"{0} records read", await (await anna.GetAsync("/en/admin/cooperations/transfer")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_download_imported_again_reproduces_every_listing()
    {
        var admin = await Curators.SignedInClientAsync(site, "admin");
        var first = await DownloadAsync(admin);
        var records = JsonNode.Parse(first)!["cooperations"]!.AsArray();
        // Every listing in the database, whatever the class's other tests added before this one (xunit's order is not theirs).
        await using (var db = site.OpenContext()) Assert.Equal(await db.Cooperations.CountAsync(), records.Count);
        Assert.Contains(records, r => (string?)r!["slug"] == "secret-draft" && (string?)r["status"] == "draft");

        var result = await UploadAsync(admin, first, "roundtrip.json");
        Assert.Contains($"roundtrip.json: 0 created, {records.Count} updated.", result.Text("#import-result"));
        var second = await DownloadAsync(admin);
        Assert.True(JsonNode.DeepEquals(WithoutComment(first), WithoutComment(second)), "the second export differs from the first");
    }

    [Fact]
    public async Task A_bad_file_lists_its_problems_per_record_and_imports_nothing()
    {
        var curator = await Curators.SignedInClientAsync(site, "curator");
        const string json = """
            { "formatVersion": 1, "cooperations": [
              { "slug": "ok-one", "title": { "de": "Gut" }, "location": { "municipality": "A", "country": "DE", "latitude": 50, "longitude": 10 },
                "partners": [ { "slug": "a-one", "name": "A", "kind": "sme" }, { "slug": "b-one", "name": "B", "kind": "cci", "subsector": "design" } ] },
              { "slug": "bad-one", "title": { "de": "Schlecht" }, "location": { "municipality": "B", "country": "DE", "latitude": 50, "longitude": 10 },
                "partners": [ { "slug": "c-one", "name": "C", "kind": "sme", "employees": -5 } ] }
            ] }
            """;
        var page = await UploadAsync(curator, json);
        var errors = page.QuerySelectorAll("#import-result li").Select(li => li.TextContent).ToList();
        Assert.Contains("record 2 (slug \"bad-one\"): partners must list at least 2 partners", errors);
        Assert.Contains("record 2 (slug \"bad-one\"): partners[0].employees must be ≥ 0", errors);
        await using var db = site.OpenContext();
        Assert.False(await db.Cooperations.AnyAsync(c => c.Slug == "ok-one"));
    }

    [Theory]
    [InlineData("de", "Datensatz 1 (Slug \"bad-lang\"): partners[0].employees muss ≥ 0 sein", "Datensatz 1 (Slug \"bad-lang\"): partners muss mindestens 2 Partner nennen")]
    [InlineData("en", "record 1 (slug \"bad-lang\"): partners[0].employees must be ≥ 0", "record 1 (slug \"bad-lang\"): partners must list at least 2 partners")]
    public async Task The_problems_of_a_bad_file_are_in_the_page_language(string language, string employees, string partners)
    {
        var curator = await Curators.SignedInClientAsync(site, "curator");
        const string json = """
            { "formatVersion": 1, "cooperations": [
              { "slug": "bad-lang", "title": { "de": "Schlecht" }, "location": { "municipality": "B", "country": "DE", "latitude": 50, "longitude": 10 },
                "partners": [ { "slug": "c-lang", "name": "C", "kind": "sme", "employees": -5 } ] }
            ] }
            """;
        var page = await UploadAsync(curator, json, language: language);
        var errors = page.QuerySelectorAll("#import-result li").Select(li => li.TextContent).ToList();
        Assert.Equal(2, errors.Count);
        Assert.Contains(employees, errors);
        Assert.Contains(partners, errors);
        using var empty = await curator.SubmitFormAsync($"/{language}/admin/cooperations/transfer", "#upload-form", new());
        Assert.Contains(language == "de" ? "keine Datei ausgewählt" : "no file was chosen", (await Html.ParseAsync(empty)).Text("#import-result"));
    }

    [Fact]
    public async Task A_curator_imports_drafts_but_not_published_records()
    {
        var curator = await Curators.SignedInClientAsync(site, "curator");
        static string File(string status) => $$"""
            { "formatVersion": 1, "cooperations": [
              { "slug": "uploaded-{{status}}", "status": "{{status}}", "title": { "en": "Uploaded" }, "location": { "municipality": "A", "country": "AT", "latitude": 47, "longitude": 13 },
                "partners": [ { "slug": "up-a", "name": "Up A", "kind": "sme" }, { "slug": "up-b", "name": "Up B", "kind": "cci", "subsector": "film" } ] } ] }
            """;
        var refused = await UploadAsync(curator, File("published"));
        Assert.Contains("can be created as \"published\" only with an administrator's override", refused.Text("#import-result"));
        var accepted = await UploadAsync(curator, File("draft"));
        Assert.Contains("1 created, 0 updated", accepted.Text("#import-result"));
        await using var db = site.OpenContext();
        Assert.False(await db.Cooperations.AnyAsync(c => c.Slug == "uploaded-published"));
        Assert.True(await db.Cooperations.AnyAsync(c => c.Slug == "uploaded-draft"));
    }

    [Fact]
    public async Task An_import_at_the_same_moment_as_a_save_of_one_of_its_listings_imports_nothing_and_says_so()
    {
        var curator = await Curators.SignedInClientAsync(site, "curator");
        const string json = """
            { "formatVersion": 1, "cooperations": [
              { "slug": "uploaded-twice-edited", "status": "draft", "title": { "de": "Aus der Datei" }, "location": { "municipality": "A", "country": "AT", "latitude": 47, "longitude": 13 },
                "partners": [ { "slug": "te-a", "name": "TE A", "kind": "sme" }, { "slug": "te-b", "name": "TE B", "kind": "cci", "subsector": "film" } ] },
              { "slug": "uploaded-alongside", "status": "draft", "title": { "de": "Daneben" }, "location": { "municipality": "A", "country": "AT", "latitude": 47, "longitude": 13 },
                "partners": [ { "slug": "te-a", "name": "TE A", "kind": "sme" }, { "slug": "te-b", "name": "TE B", "kind": "cci", "subsector": "film" } ] } ] }
            """;
        var firstOnly = json[..json.LastIndexOf('{', json.IndexOf("uploaded-alongside", StringComparison.Ordinal))].TrimEnd().TrimEnd(',') + " ] }";
        Assert.Contains("1 created, 0 updated", (await UploadAsync(curator, firstOnly.Replace("Aus der Datei", "Erste Fassung"))).Text("#import-result"));

        // A curator saves the listing while the import writes it.
        using var response = await SameMoment.WhileAnotherWritesAsync(site, $"UPDATE cooperations SET assigned_to = 'someone@example.org' WHERE slug = 'uploaded-twice-edited'",
            () => PostUploadAsync(curator, json));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("A listing of the file was changed by someone else while it was imported, so nothing was imported. Please upload the file again.",
            (await Html.ParseAsync(response)).Text("#import-result"));
        await using var check = site.OpenContext();
        Assert.Equal("Erste Fassung", (await check.Cooperations.SingleAsync(c => c.Slug == "uploaded-twice-edited")).Title.De);
        Assert.False(await check.Cooperations.AnyAsync(c => c.Slug == "uploaded-alongside"));
    }

    [Fact]
    public async Task A_curator_cannot_replace_a_published_listing_by_import()
    {
        var curator = await Curators.SignedInClientAsync(site, "curator");
        const string json = """
            { "formatVersion": 1, "cooperations": [
              { "slug": "forest-online", "status": "draft", "title": { "de": "Überschrieben" }, "location": { "municipality": "A", "country": "DE", "latitude": 50, "longitude": 10 },
                "partners": [ { "slug": "x-a", "name": "X A", "kind": "sme" }, { "slug": "x-b", "name": "X B", "kind": "cci", "subsector": "film" } ] } ] }
            """;
        var page = await UploadAsync(curator, json);
        Assert.Contains("record 1 (slug \"forest-online\"): the listing is published", page.Text("#import-result"));
        await using var db = site.OpenContext();
        Assert.Equal("Wald geht online", (await db.Cooperations.SingleAsync(c => c.Slug == "forest-online")).Title.De);
    }

    [Fact]
    public async Task An_upload_without_a_file_says_so()
    {
        var curator = await Curators.SignedInClientAsync(site, "curator");
        using var response = await curator.SubmitFormAsync("/en/admin/cooperations/transfer", "#upload-form", new());
        Assert.Contains("no file was chosen", (await Html.ParseAsync(response)).Text("#import-result"));
    }
}
