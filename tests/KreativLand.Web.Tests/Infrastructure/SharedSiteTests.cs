using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KreativLand.Web.Tests.Infrastructure;

/// <summary>A class on a shared site reads its data set and cannot change it through its context (the other classes read it too).</summary>
public class SharedSiteTests(SharedBasicDataWebFixture site) : IClassFixture<SharedBasicDataWebFixture>
{
    [Fact]
    public async Task A_shared_sites_context_reads_the_data_set_and_refuses_writes()
    {
        await using var db = site.OpenContext();
        Assert.True(await db.Cooperations.AnyAsync(c => c.Slug == "forest-online"));
        var refused = await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync("UPDATE cooperations SET slug = slug"));
        Assert.Equal(PostgresErrorCodes.ReadOnlySqlTransaction, refused.SqlState);
    }
}
