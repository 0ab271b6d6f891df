using System.Diagnostics;
using KreativLand.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KreativLand.Web.Tests.Pages.Admin;

/// <summary>
/// Another curator's save at the same moment as a request: the other write runs in an open transaction, so the
/// request reads the version before it and passes its checks; once the request waits for that row, the write commits and
/// the request's own write finds a version it never read — as when two curators click at the same time.
/// </summary>
internal static class SameMoment
{
    public static async Task<HttpResponseMessage> WhileAnotherWritesAsync(WebFixture site, FormattableString write, Func<Task<HttpResponseMessage>> request)
    {
        await using var other = site.OpenContext();
        await using var transaction = await other.Database.BeginTransactionAsync();
        Assert.Equal(1, await other.Database.ExecuteSqlAsync(write));
        var sending = request();
        var clock = Stopwatch.StartNew();
        // Waits for the state (the request's backend waiting for the row lock), not for a time.
        while (!await other.Database.SqlQuery<bool>(
            $"SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock') AS \"Value\"").SingleAsync())
        {
            if (sending.IsCompleted) throw new Xunit.Sdk.XunitException($"the request finished without waiting for the other write: {(await sending).StatusCode}");
            if (clock.Elapsed > TimeSpan.FromMinutes(2)) throw new Xunit.Sdk.XunitException("the request never reached the row");
            await Task.Delay(20);
        }
        await transaction.CommitAsync();
        return await sending;
    }
}
