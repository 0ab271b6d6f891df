using System.Diagnostics;
using KreativLand.Web.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KreativLand.Web.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL cluster of its own, made by the project's scripts/bootstrap.sh exactly as ./run.sh makes the project cluster,
/// in a throw-away "checkout" under /tmp (run.sh and scripts/ copied in). Tests may stop it, kill it with SIGKILL and
/// start it again without touching the cluster every other test uses. Holds one migrated database, kreativland.
/// </summary>
public sealed class ScratchCluster : IAsyncLifetime
{
    public string Root { get; } = Path.Combine("/tmp", $"kl-scratch-{Guid.NewGuid():N}"[..20]);
    public string Socket => Path.Combine(Root, ".data", "run");
    public string DataDirectory => Path.Combine(Root, ".data", "pg");

    public string ConnectionString(string database = "kreativland", bool pooling = true) =>
        new NpgsqlConnectionStringBuilder { Host = Socket, Port = 5432, Username = "kreativland", Database = database, Pooling = pooling, Timeout = 5 }.ConnectionString;

    public async Task InitializeAsync()
    {
        // The cluster is the Debian bootstrap's (runuser, /usr/lib/postgresql, file modes): Unix only.
        if (OperatingSystem.IsWindows()) throw new PlatformNotSupportedException("the scratch cluster needs scripts/bootstrap.sh (Linux)");
        Directory.CreateDirectory(Path.Combine(Root, "scripts"));
        File.Copy(Path.Combine(SourceTree.Root, "run.sh"), Path.Combine(Root, "run.sh"));
        File.Copy(Path.Combine(SourceTree.Root, "scripts", "bootstrap.sh"), Path.Combine(Root, "scripts", "bootstrap.sh"));
        File.SetUnixFileMode(Root, (UnixFileMode)0b111_101_101);
        File.SetUnixFileMode(Path.Combine(Root, "run.sh"), (UnixFileMode)0b111_101_101);
        await BootstrapAsync("start_cluster && ensure_database kreativland");
        await using var db = OpenContext(pooling: false);
        await db.Database.MigrateAsync();
    }

    public KreativLandDbContext OpenContext(bool pooling = true)
    {
        var options = new DbContextOptionsBuilder<KreativLandDbContext>();
        options.UseKreativLandDatabase(ConnectionString(pooling: pooling));
        return new KreativLandDbContext(options.Options);
    }

    public Task StartAsync() => BootstrapAsync("start_cluster");

    /// <summary>A clean stop (pg_ctl -m fast): open connections are cut, as in ./run.sh stop-db.</summary>
    public Task StopAsync() => BootstrapAsync("stop_cluster");

    /// <summary>SIGKILL to the postmaster and every server process at once: a crash, nothing is flushed on the way out.</summary>
    public async Task KillAsync()
    {
        var postmaster = int.Parse(File.ReadLines(Path.Combine(DataDirectory, "postmaster.pid")).First());
        var children = Directory.GetDirectories("/proc")
            .Select(dir => int.TryParse(Path.GetFileName(dir), out var pid) ? pid : 0)
            .Where(pid => pid > 0 && ParentOf(pid) == postmaster);
        await RunAsync("kill", ["-KILL", postmaster.ToString(), .. children.Select(pid => pid.ToString())]);
        for (var i = 0; i < 100 && Directory.Exists($"/proc/{postmaster}"); i++) await Task.Delay(50);
    }

    /// <summary>Runs ./run.sh of the scratch checkout with the given arguments; returns exit code and output.</summary>
    public Task<(int ExitCode, string Output)> RunScriptAsync(IDictionary<string, string>? environment, params string[] arguments) =>
        RunAsync(Path.Combine(Root, "run.sh"), arguments, environment, allowFailure: true);

    public async Task<bool> IsRunningAsync() =>
        (await RunAsync("bash", ["-c", $"KL_ROOT='{Root}'; . '{Root}/scripts/bootstrap.sh'; cluster_paths; cluster_running"], allowFailure: true)).ExitCode == 0;

    private static int ParentOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // "pid (comm) state ppid ...": the command may hold spaces, so read after the last ')'.
            return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1]);
        }
        catch (IOException) { return 0; }
    }

    private Task BootstrapAsync(string commands) =>
        RunAsync("bash", ["-c", $"set -e; KL_ROOT='{Root}'; . '{Root}/scripts/bootstrap.sh'; {commands}"]);

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, IEnumerable<string> arguments,
        IDictionary<string, string>? environment = null, bool allowFailure = false)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        // The scripts must not pick up the test run's own database settings.
        start.Environment.Remove("ConnectionStrings__KreativLand");
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        var text = await output + await error;
        if (!allowFailure && process.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed ({process.ExitCode}): {text}");
        return (process.ExitCode, text);
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            if (await IsRunningAsync()) await BootstrapAsync("as_db_owner \"$PG_BIN/pg_ctl\" -D '" + DataDirectory + "' -m immediate -w stop >/dev/null");
        }
        finally
        {
            try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
