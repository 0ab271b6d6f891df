using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using KreativLand.Web.Domain;
using KreativLand.Web.Import;
using KreativLand.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KreativLand.Web.Tests.Import;

/// <summary>An SME's sector as a NACE Rev. 2 section: `sectorCode` in the import format, the free `sector` kept as a detail.</summary>
public class SectorCodeImportTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private static readonly string BasicFile = Path.Combine(AppContext.BaseDirectory, "TestData", "basic.json");

    public async Task InitializeAsync()
    {
        await using var db = database.OpenContext();
        await db.Database.ExecuteSqlRawAsync("TRUNCATE cooperation_partners, cooperations, partners RESTART IDENTITY CASCADE");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<ImportResult> ImportAsync(JsonNode file, string language = Languages.English)
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        await using var db = database.OpenContext();
        return await new CooperationImporter(db, TimeProvider.System).ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(file.ToJsonString())), TestImports.Seed);
    }

    private static JsonObject Basic() => JsonNode.Parse(File.ReadAllText(BasicFile))!.AsObject();

    private static JsonObject Partner(JsonObject file, string slug) =>
        file["cooperations"]!.AsArray().SelectMany(c => c!["partners"]!.AsArray()).First(p => (string?)p!["slug"] == slug)!.AsObject();

    [Fact]
    public async Task A_section_code_is_stored_beside_the_free_text()
    {
        var file = Basic();
        Partner(file, "forst-meier")["sectorCode"] = "A";

        var result = await ImportAsync(file);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        await using var db = database.OpenContext();
        var partner = await db.Partners.SingleAsync(p => p.Slug == "forst-meier");
        Assert.Equal("A", partner.SectorCode);
        Assert.Equal("Forestry", partner.Sector);
        Assert.Equal("A", await db.Database.SqlQueryRaw<string>("SELECT sector_code::text AS \"Value\" FROM partners WHERE slug = 'forst-meier'").SingleAsync());
    }

    [Fact]
    public async Task A_file_with_only_the_free_text_still_imports()
    {
        var result = await ImportAsync(Basic());

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        await using var db = database.OpenContext();
        var partner = await db.Partners.SingleAsync(p => p.Slug == "forst-meier");
        Assert.Null(partner.SectorCode);
        Assert.Equal("Forestry", partner.Sector);
    }

    [Theory]
    [InlineData("Z", Languages.English, "record 1 (slug \"forest-online\"): partners[0].sectorCode \"Z\" is not one of A, B, C")]
    [InlineData("forestry", Languages.German, "partners[0].sectorCode")]
    public async Task An_unknown_section_is_refused_naming_the_field_and_nothing_is_stored(string code, string language, string expected)
    {
        var file = Basic();
        Partner(file, "forst-meier")["sectorCode"] = code;

        var result = await ImportAsync(file, language);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Contains(expected));
        await using var db = database.OpenContext();
        Assert.Equal(0, await db.Partners.CountAsync());
    }

    [Fact]
    public async Task The_database_refuses_a_code_outside_the_sections()
    {
        await using var db = database.OpenContext();
        var error = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => db.Database.ExecuteSqlRawAsync(
            "INSERT INTO partners (slug, name, kind, sector_code) VALUES ('x', 'X', 'sme', 'Z')"));
        Assert.Equal("ck_partners_sector_code", error.ConstraintName);
    }

    [Fact]
    public void Every_section_has_a_German_and_an_English_name()
    {
        Assert.Equal(Enumerable.Range('A', 21).Select(c => ((char)c).ToString()), NaceSection.All.Select(s => s.Code));
        Assert.All(NaceSection.All, s => Assert.False(string.IsNullOrWhiteSpace(s.NameDe) || string.IsNullOrWhiteSpace(s.NameEn) || s.NameDe == s.NameEn && s.Code != "X"));
    }

    [Fact]
    public void The_shipped_sample_data_codes_every_SME_with_a_sector()
    {
        var sample = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "SampleData", "cooperations.json")))!;
        var smes = sample["cooperations"]!.AsArray().SelectMany(c => c!["partners"]!.AsArray())
            .Where(p => (string?)p!["kind"] == "sme").ToList();
        Assert.NotEmpty(smes);
        Assert.All(smes, p => Assert.True(NaceSection.IsCode((string?)p!["sectorCode"]), $"{p!["slug"]} has no NACE section"));
    }
}
