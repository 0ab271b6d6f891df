using System.Net;
using System.Net.Sockets;
using System.Text;
using KreativLand.Web.Data;
using KreativLand.Web.Domain;
using KreativLand.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KreativLand.Web.Tests.Scripts;

/// <summary>The project cluster as scripts/bootstrap.sh and run.sh make and run it, in a scratch checkout of its own.</summary>
public class ProjectClusterTests(ScratchCluster cluster) : IClassFixture<ScratchCluster>
{
    // Unpooled: a pooled connection from before a crash or stop is broken.
    private KreativLandDbContext Open() => cluster.OpenContext(pooling: false);

    [Fact]
    public async Task Every_acknowledged_save_survives_a_SIGKILL_of_the_cluster()
    {
        await cluster.StartAsync();
        await using (var db = Open())
        {
            var setting = await db.Database.SqlQueryRaw<string>("SELECT setting AS \"Value\" FROM pg_settings WHERE name = 'synchronous_commit'").SingleAsync();
            Assert.Equal("on", setting);
        }

        // Four curators saving as fast as they can; a save counts once SaveChanges has returned (the site then answers "saved").
        var run = Guid.NewGuid().ToString("N")[..8];
        var acknowledged = new System.Collections.Concurrent.ConcurrentBag<string>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        async Task SaveUntilStopped(int writer)
        {
            await using var db = cluster.OpenContext();
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var slug = $"crash-{run}-{writer}-{i}";
                db.Partners.Add(new Partner { Slug = slug, Name = slug, Kind = PartnerKind.Sme });
                await db.SaveChangesAsync(CancellationToken.None);
                acknowledged.Add(slug);
            }
        }
        await Task.WhenAll(Enumerable.Range(0, 4).Select(SaveUntilStopped));
        // Right after the last acknowledgement, without a checkpoint or a clean shutdown.
        await cluster.KillAsync();
        NpgsqlConnection.ClearAllPools();
        Assert.True(acknowledged.Count > 20, $"only {acknowledged.Count} saves");

        await cluster.StartAsync();
        await using (var db = Open())
        {
            var stored = await db.Partners.Where(p => p.Slug.StartsWith($"crash-{run}-")).Select(p => p.Slug).ToListAsync();
            var missing = acknowledged.Except(stored).ToList();
            Assert.True(missing.Count == 0, $"{missing.Count} of {acknowledged.Count} acknowledged saves are missing after the crash, e.g. {string.Join(", ", missing.Take(5))}");
        }
    }

    [Fact]
    public async Task Run_sh_starts_the_database_when_the_site_runs_without_it()
    {
        // A stand-in for a running site: answers /health/live like the real one.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var serving = new CancellationTokenSource();
        var site = Task.Run(async () =>
        {
            while (!serving.IsCancellationRequested)
            {
                using var client = await listener.AcceptTcpClientAsync(serving.Token);
                await using var stream = client.GetStream();
                var buffer = new byte[4096];
                _ = await stream.ReadAsync(buffer, serving.Token);
                await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: 7\r\nConnection: close\r\n\r\nHealthy"), serving.Token);
            }
        });

        await cluster.StopAsync();
        Assert.False(await cluster.IsRunningAsync());
        var (exitCode, output) = await cluster.RunScriptAsync(new Dictionary<string, string> { ["KL_PORT"] = port.ToString() });
        await serving.CancelAsync();
        Assert.True(exitCode == 0, output);
        Assert.Contains("its database was not: starting it", output);
        Assert.True(await cluster.IsRunningAsync(), output);
        await using var db = Open();
        Assert.True(await db.Database.CanConnectAsync());

        // Also a verb of its own, named in the help text.
        var (helpExit, help) = await cluster.RunScriptAsync(null, "help");
        Assert.Equal(0, helpExit);
        Assert.Contains("./run.sh start-db", help);
    }
}
