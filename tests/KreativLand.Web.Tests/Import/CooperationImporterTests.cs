using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using KreativLand.Web.Domain;
using KreativLand.Web.Import;
using KreativLand.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KreativLand.Web.Tests.Import;

public class CooperationImporterTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private static readonly string BasicFile = Path.Combine(AppContext.BaseDirectory, "TestData", "basic.json");

    public async Task InitializeAsync()
    {
        // Each test starts from an empty database.
        await using var db = database.OpenContext();
        await db.Database.ExecuteSqlRawAsync("TRUNCATE cooperation_partners, cooperations, partners RESTART IDENTITY CASCADE");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Imports under the given UI language (messages follow it), English unless told.</summary>
    private async Task<ImportResult> ImportAsync(string json, string language = Languages.English, ImportOptions? options = null)
    {
        // Set inside this async method, the culture holds for the import and is undone on return.
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        await using var db = database.OpenContext();
        return await new CooperationImporter(db, TimeProvider.System).ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), options ?? TestImports.Seed);
    }

    private static JsonObject Basic() => JsonNode.Parse(File.ReadAllText(BasicFile))!.AsObject();

    [Fact]
    public async Task Imports_cooperations_partners_and_location()
    {
        var result = await ImportAsync(File.ReadAllText(BasicFile));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal((3, 0), (result.Created, result.Updated));
        await using var db = database.OpenContext();
        var forest = await db.Cooperations.Include(c => c.Partners).ThenInclude(p => p.Partner).SingleAsync(c => c.Slug == "forest-online");
        Assert.Equal("Forest goes online", forest.Title.En);
        Assert.Equal(CooperationStatus.Published, forest.Status);
        Assert.NotNull(forest.PublishedAt);
        Assert.Equal([RegionValue.LocationAttractiveness, RegionValue.RegionalInfrastructure], forest.RegionValues);
        Assert.Equal("Test Person", Assert.Single(forest.Quotes).Person);
        Assert.Equal(MediaKind.Website, Assert.Single(forest.Media).Kind);
        Assert.Equal(13.1, forest.Location.Point.X, 6);
        Assert.Equal(50.6, forest.Location.Point.Y, 6);
        Assert.Equal(["forst-meier", "pixel-studio"], forest.Partners.OrderBy(p => p.SortOrder).Select(p => p.Partner.Slug));
        Assert.Equal("software-games", forest.Partners.Single(p => p.Partner.Slug == "pixel-studio").Partner.SubsectorCode);

        // One partner taking part in two cooperations is stored once.
        Assert.Equal(5, await db.Partners.CountAsync());
        Assert.Equal(2, await db.CooperationPartners.CountAsync(cp => cp.Partner.Slug == "pixel-studio"));
    }

    [Fact]
    public async Task Reimporting_the_same_slugs_updates_and_never_duplicates()
    {
        Assert.True((await ImportAsync(File.ReadAllText(BasicFile))).Succeeded);
        var changed = Basic();
        changed["cooperations"]![0]!["title"]!["en"] = "Forest goes online, again";
        changed["cooperations"]![0]!["partners"]!.AsArray().RemoveAt(0);
        changed["cooperations"]![0]!["partners"]!.AsArray().Add(JsonNode.Parse("""{ "slug": "baeckerei-huber", "name": "Bäckerei Huber", "kind": "sme", "employees": 31 }"""));

        var result = await ImportAsync(changed.ToJsonString());

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal((0, 3), (result.Created, result.Updated));
        await using var db = database.OpenContext();
        Assert.Equal(3, await db.Cooperations.CountAsync());
        var forest = await db.Cooperations.Include(c => c.Partners).ThenInclude(p => p.Partner).SingleAsync(c => c.Slug == "forest-online");
        Assert.Equal("Forest goes online, again", forest.Title.En);
        Assert.Equal(["baeckerei-huber", "pixel-studio"], forest.Partners.Select(p => p.Partner.Slug).Order());
        Assert.Equal(5, await db.Partners.CountAsync());
    }

    [Fact]
    public async Task A_bad_record_refuses_the_whole_file_and_names_record_and_field()
    {
        Assert.True((await ImportAsync(File.ReadAllText(BasicFile))).Succeeded);
        var bad = Basic();
        bad["cooperations"]![0]!["title"]!["en"] = "Changed title that must not be stored";
        bad["cooperations"]![2]!["partners"]![1]!["employees"] = -1;

        var result = await ImportAsync(bad.ToJsonString());

        Assert.False(result.Succeeded);
        Assert.Equal("record 3 (slug \"secret-draft\"): partners[1].employees must be ≥ 0", Assert.Single(result.Errors));
        await using var db = database.OpenContext();
        Assert.Equal("Forest goes online", (await db.Cooperations.SingleAsync(c => c.Slug == "forest-online")).Title.En);
    }

    [Theory]
    [InlineData("slug", "\"Not A Slug\"", "slug must be lower-case letters, digits and single dashes (at most 120 characters)")]
    [InlineData("status", "\"live\"", "status \"live\" must be one of draft, submitted, in-review, published, rejected, archived")]
    [InlineData("title", "{ \"de\": \" \" }", "title needs a German or an English text")]
    [InlineData("endYear", "2010", "endYear must be ≥ startYear")]
    [InlineData("regionValues", "[\"beauty\"]", "regionValues[0] \"beauty\" must be one of location-attractiveness, regional-infrastructure, tourism-offer, skilled-workers")]
    [InlineData("location", "{ \"municipality\": \"X\", \"country\": \"Germany\", \"latitude\": 95, \"longitude\": 13 }", "location.country must be an ISO 3166-1 alpha-2 code such as DE or AT")]
    [InlineData("media", "[{ \"kind\": \"video\", \"url\": \"javascript:alert(1)\" }]", "media[0].url must be an http(s) URL")]
    public async Task Field_rules_are_reported(string field, string json, string expected)
    {
        var file = Basic();
        file["cooperations"]![0]![field] = JsonNode.Parse(json);

        var result = await ImportAsync(file.ToJsonString());

        Assert.Contains($"record 1 (slug \"{(field == "slug" ? "Not A Slug" : "forest-online")}\"): {expected}", result.Errors);
        await using var db = database.OpenContext();
        Assert.Equal(0, await db.Cooperations.CountAsync());
    }

    [Fact]
    public async Task Latitude_outside_range_is_reported()
    {
        var file = Basic();
        file["cooperations"]![1]!["location"]!["latitude"] = 91;
        var result = await ImportAsync(file.ToJsonString());
        Assert.Contains("record 2 (slug \"pixel-bakery\"): location.latitude must be between -90 and 90", result.Errors);
    }

    [Fact]
    public async Task A_cooperation_needs_two_partners_and_cci_partners_a_subsector()
    {
        var file = Basic();
        file["cooperations"]![0]!["partners"]!.AsArray().RemoveAt(0);
        file["cooperations"]![2]!["partners"]![1]!.AsObject().Remove("subsector");
        var result = await ImportAsync(file.ToJsonString());
        Assert.Contains("record 1 (slug \"forest-online\"): partners must list at least 2 partners", result.Errors);
        Assert.Contains("record 3 (slug \"secret-draft\"): partners[1].subsector is required for a CCI partner", result.Errors);
    }

    [Fact]
    public async Task Unknown_subsector_is_reported()
    {
        var file = Basic();
        file["cooperations"]![0]!["partners"]![1]!["subsector"] = "knitting";
        var result = await ImportAsync(file.ToJsonString());
        Assert.StartsWith("record 1 (slug \"forest-online\"): partners[1].subsector \"knitting\" is not one of", Assert.Single(result.Errors));
    }

    [Fact]
    public async Task Duplicate_slugs_in_one_file_are_reported()
    {
        var file = Basic();
        file["cooperations"]![1]!["slug"] = "forest-online";
        var result = await ImportAsync(file.ToJsonString());
        Assert.Contains("record 2 (slug \"forest-online\"): slug repeats record 1", result.Errors);
    }

    [Theory]
    [InlineData("{ \"formatVersion\": 1, \"cooperations\": [ { \"slug\": \"x\", \"startYear\": \"soon\" } ] }", "record 1: startYear has the wrong type")]
    [InlineData("{ \"formatVersion\": 1, \"cooperations\": [ { \"slug\": \"x\", \"colour\": \"red\" } ] }", "record 1: colour is not a field of the import format")]
    [InlineData("{ \"formatVersion\": 1, \"cooperations\": [ ", "is not valid JSON")]
    [InlineData("{ \"formatVersion\": 2, \"cooperations\": [] }", "formatVersion 2 is not supported (expected 1)")]
    [InlineData("{ \"formatVersion\": 1 }", "cooperations is missing (expected a list of records)")]
    public async Task Malformed_files_are_refused_with_a_reason(string json, string expected)
    {
        var result = await ImportAsync(json);
        Assert.False(result.Succeeded);
        Assert.Contains(expected, Assert.Single(result.Errors));
    }

    [Fact]
    public async Task Messages_follow_the_UI_language_and_keep_the_field_paths()
    {
        var file = Basic();
        file["cooperations"]![2]!["partners"]![1]!["employees"] = -5;
        file["cooperations"]![0]!["partners"]!.AsArray().RemoveAt(0);
        file["cooperations"]![1]!["location"]!["latitude"] = 91;

        var german = await ImportAsync(file.ToJsonString(), Languages.German);
        Assert.Contains("Datensatz 3 (Slug \"secret-draft\"): partners[1].employees muss ≥ 0 sein", german.Errors);
        Assert.Contains("Datensatz 1 (Slug \"forest-online\"): partners muss mindestens 2 Partner nennen", german.Errors);
        Assert.Contains("Datensatz 2 (Slug \"pixel-bakery\"): location.latitude muss zwischen -90 und 90 liegen", german.Errors);

        var english = await ImportAsync(file.ToJsonString(), Languages.English);
        Assert.Contains("record 3 (slug \"secret-draft\"): partners[1].employees must be ≥ 0", english.Errors);
        Assert.Equal(german.Errors.Count, english.Errors.Count);
    }

    [Theory]
    [InlineData("{ \"formatVersion\": 1, \"cooperations\": [ { \"slug\": \"x\", \"startYear\": \"soon\" } ] }", "Datensatz 1: startYear hat den falschen Typ (Zeile 1)")]
    [InlineData("{ \"formatVersion\": 1, \"cooperations\": [ { \"slug\": \"x\", \"colour\": \"red\" } ] }", "Datensatz 1: colour ist kein Feld des Importformats")]
    [InlineData("{ \"formatVersion\": 2, \"cooperations\": [] }", "formatVersion 2 wird nicht unterstützt (erwartet: 1)")]
    public async Task Malformed_files_are_refused_in_German_too(string json, string expected)
    {
        var result = await ImportAsync(json, Languages.German);
        Assert.Contains(expected, Assert.Single(result.Errors));
    }

    [Fact]
    public void Limits_keep_their_digits_in_German()
    {
        var culture = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(Languages.German);
        try
        {
            var record = new CooperationRecord { Slug = "long", StartYear = 1800, Description = new() { De = new string('x', ImportValidator.MaxDescription + 1) } };
            var problems = ImportValidator.ValidateRecord(record);
            Assert.Contains("description.de darf höchstens 20000 Zeichen lang sein", problems);
            Assert.Contains("startYear muss zwischen 1900 und 2100 liegen", problems);
            // The editor gets the field and the message key and puts its own labels and text on them.
            Assert.Contains(ImportValidator.RecordProblems(record), p => p.Field == "startYear" && p.Key == "ImportMessage.Between");
            Assert.Equal(CultureInfo.GetCultureInfo(Languages.German), CultureInfo.CurrentUICulture);
        }
        finally { (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = culture; }
    }

    [Fact]
    public void A_culture_without_resources_gets_English()
    {
        var culture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        try { Assert.Contains("slug is required", ImportValidator.ValidateRecord(new CooperationRecord())); }
        finally { CultureInfo.CurrentUICulture = culture; }
    }
}
