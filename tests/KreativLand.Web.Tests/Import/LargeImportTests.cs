using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KreativLand.Web.Domain;
using KreativLand.Web.Import;
using KreativLand.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KreativLand.Web.Tests.Import;

/// <summary>
/// Files larger than one batch: read record by record, written batch by batch in one transaction, with progress; a
/// problem in the last record still stores nothing.
/// </summary>
public class LargeImportTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private static readonly string BasicFile = Path.Combine(AppContext.BaseDirectory, "TestData", "basic.json");
    private const int Count = CooperationImporter.BatchSize * 3 + 17;

    public async Task InitializeAsync()
    {
        await using var db = database.OpenContext();
        await db.Database.ExecuteSqlRawAsync("TRUNCATE cooperation_partners, cooperations, partners, partner_changes RESTART IDENTITY CASCADE");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Drafts made from the basic file's draft; every one shares the partner "hidden-designer", written one record per line.</summary>
    private static string LargeFile(Action<int, JsonObject>? change = null)
    {
        var template = JsonNode.Parse(File.ReadAllText(BasicFile))!["cooperations"]!.AsArray().Single(c => (string?)c!["slug"] == "secret-draft")!;
        var text = new StringBuilder("{\n  \"formatVersion\": 1,\n  \"cooperations\": [\n");
        for (var i = 0; i < Count; i++)
        {
            var record = template.DeepClone().AsObject();
            record["slug"] = $"large-{i}";
            record["partners"]![0]!["slug"] = $"large-sme-{i}";
            change?.Invoke(i, record);
            text.Append("    ").Append(record.ToJsonString()).Append(i < Count - 1 ? ",\n" : "\n");
        }
        return text.Append("  ]\n}\n").ToString();
    }

    private async Task<ImportResult> ImportAsync(string json, IProgress<ImportProgress>? progress = null)
    {
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo(Languages.English);
        await using var db = database.OpenContext();
        return await new CooperationImporter(db, TimeProvider.System).ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), TestImports.Seed, default, progress);
    }

    private sealed class Recorded : IProgress<ImportProgress>
    {
        public List<ImportProgress> Reports { get; } = [];
        public void Report(ImportProgress value) => Reports.Add(value);
    }

    [Fact]
    public async Task A_file_of_several_batches_imports_whole_with_progress_and_shared_partners_once()
    {
        var progress = new Recorded();

        var result = await ImportAsync(LargeFile(), progress);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors.Take(5)));
        Assert.Equal(Count, result.Created);
        Assert.Equal(4, progress.Reports.Count);
        Assert.Equal([500, 1000, 1500, Count], progress.Reports.Select(r => r.Records));
        Assert.True(progress.Reports[1].BytesRead > progress.Reports[0].BytesRead);
        Assert.NotNull(progress.Reports[0].TimeLeft);
        await using var db = database.OpenContext();
        Assert.Equal(Count, await db.Cooperations.CountAsync());
        var shared = await db.Partners.SingleAsync(p => p.Slug == "hidden-designer");
        Assert.Equal(Count, await db.CooperationPartners.CountAsync(cp => cp.PartnerId == shared.Id));
        Assert.Equal(Count, await db.StatusChanges.CountAsync(s => s.Event == HistoryEvent.Imported));
    }

    [Fact]
    public async Task A_problem_in_the_last_record_stores_nothing_of_the_batches_before()
    {
        var result = await ImportAsync(LargeFile((i, record) => { if (i == Count - 1) record["location"]!["latitude"] = 91; }));

        Assert.False(result.Succeeded);
        Assert.Equal($"record {Count} (slug \"large-{Count - 1}\"): location.latitude must be between -90 and 90", Assert.Single(result.Errors));
        await using var db = database.OpenContext();
        Assert.Equal(0, await db.Cooperations.CountAsync());
        Assert.Equal(0, await db.Partners.CountAsync());
    }

    [Fact]
    public async Task A_refusal_of_the_workflow_in_a_later_batch_rolls_back_the_written_ones()
    {
        // A curator may not import a listing as published: the refusal sits in the last batch, after three were written.
        await using (var db = database.OpenContext())
        {
            var importer = new CooperationImporter(db, TimeProvider.System);
            var json = LargeFile((i, record) => { if (i == Count - 1) record["status"] = "published"; });
            var result = await importer.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), TestImports.ByCurator());
            Assert.False(result.Succeeded);
            Assert.StartsWith($"record {Count} (slug \"large-{Count - 1}\"):", Assert.Single(result.Errors));
        }
        await using var check = database.OpenContext();
        Assert.Equal(0, await check.Cooperations.CountAsync());
    }

    [Fact]
    public async Task A_wrong_type_deep_in_the_file_names_the_record_field_and_line()
    {
        var result = await ImportAsync(LargeFile((i, record) => { if (i == 1234) record["startYear"] = "soon"; }));

        // Line 1 is "{", 2 the version, 3 "cooperations": [", so record i sits on line i + 4.
        Assert.Equal("record 1235: startYear has the wrong type (line 1238)", Assert.Single(result.Errors));
    }

    [Fact]
    public async Task The_reader_keeps_one_small_buffer_however_long_the_file_is()
    {
        var json = Encoding.UTF8.GetBytes(LargeFile());
        var reader = new ImportFileReader(new MemoryStream(json), new JsonSerializerOptions(JsonSerializerDefaults.Web));
        var count = 0;
        await foreach (var record in reader.RecordsAsync()) count++;

        Assert.Equal(Count, count);
        Assert.True(json.Length > 8 * ImportFileReader.InitialBufferSize, $"the file ({json.Length} bytes) should be much larger than the buffer");
        Assert.Equal(ImportFileReader.InitialBufferSize, reader.BufferLength);
        Assert.Equal((1, true), (reader.FormatVersion, reader.SawCooperations));
    }
}
