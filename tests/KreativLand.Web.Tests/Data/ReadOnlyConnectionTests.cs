using KreativLand.Web.Import;
using KreativLand.Web.Tests.Infrastructure;

namespace KreativLand.Web.Tests.Data;

/// <summary>
/// The site over a primary (the map test data) and a "replica" holding other data (basic.json), so each answer shows which
/// connection served it: public reads come from the read-only connection, the curator area and signed-in reads from the primary.
/// </summary>
public class ReplicaSiteFixture : MapDataWebFixture
{
    public string ReplicaName { get; private set; } = "";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ConnectionStrings:KreativLandReadOnly"] = TestDatabase.ConnectionStringFor(ReplicaName),
    };

    public override async Task InitializeAsync()
    {
        ReplicaName = await TestDatabase.CreateAsync();
        await using (var replica = TestDatabase.OpenContext(ReplicaName))
        {
            var result = await new CooperationImporter(replica, TimeProvider.System)
                .ImportFileAsync(Path.Combine(AppContext.BaseDirectory, "TestData", "basic.json"), TestImports.Seed);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        }
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await TestDatabase.DropAsync(ReplicaName);
    }
}

public class ReadOnlyConnectionTests(ReplicaSiteFixture site) : IClassFixture<ReplicaSiteFixture>
{
    [Theory]
    [InlineData("/api/v1/cooperations")]
    [InlineData("/en/cooperations")]
    [InlineData("/feed.atom")]
    public async Task Public_reads_come_from_the_read_only_connection(string url)
    {
        var body = await site.CreateClient().GetStringAsync(url);
        Assert.Contains("forest-online", body);
        Assert.DoesNotContain("erz-code", body);
    }

    [Fact]
    public async Task The_curator_area_and_a_signed_in_curator_read_the_primary()
    {
        var curator = await Curators.SignedInClientAsync(site, "curator");
        var admin = await curator.GetStringAsync("/en/admin/cooperations");
        Assert.Contains("Timber meets code", admin);
        Assert.DoesNotContain("Forest goes online", admin);
        // The public list, read by a signed-in curator: the primary, so a curator sees a change at once.
        var list = await curator.GetStringAsync("/en/cooperations");
        Assert.Contains("erz-code", list);
    }
}
