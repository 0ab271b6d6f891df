using System.Text;
using System.Text.Json.Nodes;
using KreativLand.Web.Domain;
using KreativLand.Web.Import;
using KreativLand.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KreativLand.Web.Tests.Import;

/// <summary>Imports go through the listings' workflow: allowed transitions only, revisions for published listings, history for all.</summary>
public class ImportWorkflowTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private static readonly string BasicFile = Path.Combine(AppContext.BaseDirectory, "TestData", "basic.json");
    private static readonly ImportOptions Curator = TestImports.ByCurator("carla@example.org");

    public async Task InitializeAsync()
    {
        await using var db = database.OpenContext();
        await db.Database.ExecuteSqlRawAsync("TRUNCATE cooperation_partners, cooperations, partners, partner_changes RESTART IDENTITY CASCADE");
        Assert.True((await ImportAsync(File.ReadAllText(BasicFile), TestImports.Seed)).Succeeded);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<ImportResult> ImportAsync(string json, ImportOptions options)
    {
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo(Languages.English);
        await using var db = database.OpenContext();
        return await new CooperationImporter(db, TimeProvider.System).ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), options);
    }

    /// <summary>The basic file with only the record of this slug, changed.</summary>
    private static string Record(string slug, Action<JsonObject> change)
    {
        var file = JsonNode.Parse(File.ReadAllText(BasicFile))!.AsObject();
        var record = file["cooperations"]!.AsArray().Single(c => (string?)c!["slug"] == slug)!.AsObject();
        change(record);
        file["cooperations"] = new JsonArray(record.DeepClone());
        return file.ToJsonString();
    }

    [Fact]
    public async Task A_second_import_while_one_runs_is_told_to_try_again_and_stores_nothing()
    {
        var change = Record("secret-draft", r => r["title"]!["en"] = "Changed while busy");
        await using (var running = database.OpenContext())
        {
            // Another import holds the lock in its open transaction.
            await using var transaction = await running.Database.BeginTransactionAsync();
            await running.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({CooperationImporter.ImportLockKey})");

            var refused = await ImportAsync(change, Curator);

            Assert.Equal("Another import is running right now. Nothing was stored; please try again in a minute.", Assert.Single(refused.Errors));
            await using var db = database.OpenContext();
            Assert.Equal("Secret draft", (await db.Cooperations.AsNoTracking().SingleAsync(c => c.Slug == "secret-draft")).Title.En);
        }

        Assert.True((await ImportAsync(change, Curator)).Succeeded);
    }

    [Fact]
    public async Task Every_imported_listing_records_who_imported_it_from_which_file()
    {
        await using var db = database.OpenContext();
        var history = await db.StatusChanges.Where(s => db.Cooperations.Any(c => c.Id == s.CooperationId && c.Slug == "secret-draft")).ToListAsync();
        var created = Assert.Single(history);
        Assert.Equal((null, CooperationStatus.Draft, HistoryEvent.Imported, "test data", "command line"),
            (created.From, created.To, created.Event, created.Detail, created.ChangedBy));

        Assert.True((await ImportAsync(Record("secret-draft", r => r["title"]!["en"] = "Less secret"), Curator)).Succeeded);
        var again = await db.StatusChanges.Where(s => db.Cooperations.Any(c => c.Id == s.CooperationId && c.Slug == "secret-draft")).OrderBy(s => s.Id).LastAsync();
        Assert.Equal((HistoryEvent.Imported, "upload.json", "carla@example.org"), (again.Event, again.Detail, again.ChangedBy));
        var audit = await db.AuditEntries.SingleAsync(a => db.Cooperations.Any(c => c.Id == a.CooperationId && c.Slug == "secret-draft"));
        Assert.Contains(new FieldChange("title.en", "Secret draft", "Less secret"), audit.Changes);
        Assert.Equal(("carla@example.org", HistoryEvent.Imported), (audit.ChangedBy, audit.Event));
    }

    [Fact]
    public async Task A_status_change_the_workflow_forbids_is_refused_naming_the_record_and_nothing_changes()
    {
        // A rejected listing, as the workflow leaves it; the workflow only lets it go back to draft.
        Assert.True((await ImportAsync(Record("secret-draft", r => r["status"] = "rejected"), TestImports.Seed with { OverrideReason = null }))
            is { Succeeded: false }, "rejecting by import needs an admin's override");
        await using (var setup = database.OpenContext())
        {
            var draft = await setup.Cooperations.SingleAsync(c => c.Slug == "secret-draft");
            Assert.Null(draft.TransitionTo(CooperationStatus.InReview, Actor.CommandLine, DateTimeOffset.UtcNow, new([], false, false, null), false));
            Assert.Null(draft.TransitionTo(CooperationStatus.Rejected, Actor.CommandLine, DateTimeOffset.UtcNow, new([], false, false, "not rural"), false));
            await setup.SaveChangesAsync();
        }
        var before = await HistoryCountAsync("secret-draft");

        var result = await ImportAsync(Record("secret-draft", r => { r["status"] = "in-review"; r["title"]!["en"] = "Sneaked back"; }), Curator);

        Assert.Equal("record 1 (slug \"secret-draft\"): This status change is not allowed.", Assert.Single(result.Errors));
        await using var db = database.OpenContext();
        var stored = await db.Cooperations.SingleAsync(c => c.Slug == "secret-draft");
        Assert.Equal((CooperationStatus.Rejected, "Secret draft"), (stored.Status, stored.Title.En));
        Assert.Equal(before, await HistoryCountAsync("secret-draft"));
    }

    [Fact]
    public async Task A_record_for_a_published_listing_becomes_a_pending_revision()
    {
        var result = await ImportAsync(Record("forest-online", r => r["title"]!["en"] = "Forest goes online, imported"), Curator);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal((0, 1, 1), (result.Created, result.Updated, result.Revisions));
        await using var db = database.OpenContext();
        var live = await db.Cooperations.SingleAsync(c => c.Slug == "forest-online");
        Assert.Equal(("Forest goes online", CooperationStatus.Published), (live.Title.En, live.Status));
        var revision = await db.CooperationRevisions.SingleAsync(r => r.CooperationId == live.Id);
        Assert.Equal("carla@example.org", revision.UpdatedBy);
        Assert.Equal("Forest goes online, imported", RevisionContent.Parse(revision.Content).Record.Title!.En);

        // Withdrawing it by import is refused; the editor does that.
        var withdraw = await ImportAsync(Record("forest-online", r => r["status"] = "archived"), Curator);
        Assert.Contains("the listing is published", Assert.Single(withdraw.Errors));
    }

    [Fact]
    public async Task An_admin_override_replaces_a_published_listing_at_once_and_records_the_reason()
    {
        var admin = new ImportOptions(new Actor("ada@example.org", IsAdmin: true), "fix.json", "Corrected spelling from the partners' own letter.");
        Assert.True((await ImportAsync(Record("forest-online", r => r["title"]!["en"] = "Forest goes online!"), admin)).Succeeded);
        await using var db = database.OpenContext();
        Assert.Equal("Forest goes online!", (await db.Cooperations.SingleAsync(c => c.Slug == "forest-online")).Title.En);
        var entry = await db.StatusChanges.Where(s => db.Cooperations.Any(c => c.Id == s.CooperationId && c.Slug == "forest-online")).OrderBy(s => s.Id).LastAsync();
        Assert.Equal((HistoryEvent.ImportedOverride, "fix.json", "Corrected spelling from the partners' own letter."), (entry.Event, entry.Detail, entry.Reason));

        // Curators cannot override.
        var curatorOverride = await ImportAsync(File.ReadAllText(BasicFile), Curator with { OverrideReason = "please" });
        Assert.Contains("only an administrator may import with an override", curatorOverride.Errors[0]);
    }

    [Fact]
    public async Task A_curator_cannot_create_published_listings_by_import()
    {
        var result = await ImportAsync(Record("forest-online", r => r["slug"] = "brand-new-published"), Curator);
        Assert.Contains("only with an administrator's override", Assert.Single(result.Errors));
        await using var db = database.OpenContext();
        Assert.False(await db.Cooperations.AnyAsync(c => c.Slug == "brand-new-published"));
    }

    [Fact]
    public async Task A_draft_record_renaming_a_partner_of_published_listings_is_held_for_review()
    {
        var result = await ImportAsync(Record("secret-draft", r =>
        {
            r["partners"]!.AsArray()[1] = JsonNode.Parse("""{ "slug": "pixel-studio", "name": "Pixel Studio Renamed", "kind": "cci", "subsector": "software-games", "municipality": "Leipzig", "country": "DE", "urban": true }""");
        }), Curator);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(1, result.HeldPartnerChanges);
        await using var db = database.OpenContext();
        var partner = await db.Partners.SingleAsync(p => p.Slug == "pixel-studio");
        Assert.Equal("Pixel Studio", partner.Name);
        var change = await db.PartnerChanges.SingleAsync(c => c.PartnerId == partner.Id);
        Assert.Equal((PartnerChangeStatus.Pending, "Pixel Studio Renamed", "carla@example.org"), (change.Status, change.Proposed.Name, change.ProposedBy));
        // The draft links the partner as it is stored.
        var draft = await db.Cooperations.Include(c => c.Partners).SingleAsync(c => c.Slug == "secret-draft");
        Assert.Contains(draft.Partners, p => p.PartnerId == partner.Id);
    }

    [Fact]
    public async Task Two_records_of_one_file_renaming_the_same_partner_of_published_listings_hold_one_change()
    {
        // Both published listings of the basic data show Pixel Studio; each record becomes a revision proposing the new name.
        var file = JsonNode.Parse(File.ReadAllText(BasicFile))!.AsObject();
        var records = file["cooperations"]!.AsArray().Where(c => (string?)c!["status"] == "published").Select(c => c!.DeepClone()).ToList();
        Assert.Equal(2, records.Count);
        foreach (var record in records)
            foreach (var row in record["partners"]!.AsArray().Where(p => (string?)p!["slug"] == "pixel-studio"))
                row!["name"] = "Pixel Studio Renamed";
        file["cooperations"] = new JsonArray([.. records]);

        var result = await ImportAsync(file.ToJsonString(), Curator);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        await using var db = database.OpenContext();
        var partner = await db.Partners.SingleAsync(p => p.Slug == "pixel-studio");
        var change = await db.PartnerChanges.SingleAsync(c => c.PartnerId == partner.Id);
        Assert.Equal((PartnerChangeStatus.Pending, "Pixel Studio Renamed"), (change.Status, change.Proposed.Name));
    }

    [Fact]
    public async Task Changes_to_several_partners_of_a_record_are_read_in_as_many_statements_as_one()
    {
        // The draft's own partners (no published listing shows them): their changes apply at once and are recorded.
        static Action<JsonObject> Rename(string suffix, int partners) => r =>
        {
            for (var i = 0; i < partners; i++) r["partners"]![i]!["name"] = $"{(string?)r["partners"]![i]!["name"]} {suffix}";
        };
        async Task<List<string>> ReadsAsync(string json) =>
            (await StatementCounter.StatementsAsync(database.DatabaseName, async () => Assert.True((await ImportAsync(json, Curator)).Succeeded)))
            .Where(s => s.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)).ToList();

        var one = await ReadsAsync(Record("secret-draft", Rename("eins", partners: 1)));
        var both = await ReadsAsync(Record("secret-draft", Rename("zwei", partners: 2)));

        Assert.Equal(one.Count, both.Count);
        await using var db = database.OpenContext();
        Assert.Equal(2, (await db.PartnerChanges.ToListAsync()).Count(c => c.Proposed.Name.EndsWith(" zwei", StringComparison.Ordinal) && c.Status == PartnerChangeStatus.Approved));
    }

    private async Task<int> HistoryCountAsync(string slug)
    {
        await using var db = database.OpenContext();
        return await db.StatusChanges.CountAsync(s => db.Cooperations.Any(c => c.Id == s.CooperationId && c.Slug == slug)) + await db.AuditEntries.CountAsync(a => db.Cooperations.Any(c => c.Id == a.CooperationId && c.Slug == slug));
    }
}
