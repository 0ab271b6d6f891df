using System.Diagnostics;
using System.Text;
using KreativLand.Web.Domain;
using KreativLand.Web.Operations;
using KreativLand.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace KreativLand.Web.Tests.Scripts;

/// <summary>./run.sh backup and restore for real (pg_dump, pg_restore), compared by a full export before and after.</summary>
public class BackupRestoreTests(WebFixture site) : IClassFixture<WebFixture>
{
    private static async Task<(int ExitCode, string Output)> RunAsync(string connectionString, string backupDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(Path.Combine(SourceTree.Root, "run.sh")) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["ConnectionStrings__KreativLand"] = connectionString;
        start.Environment["KL_BACKUP_DIR"] = backupDirectory;
        start.Environment["KL_PORT"] = "9"; // no site there: restore refuses while the site runs
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(3)).Token);
        return (process.ExitCode, await output + await error);
    }

    private static async Task<(FullExport.Result Result, string Text)> ExportAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        using var buffer = new MemoryStream();
        var result = await FullExport.WriteAsync(connection, buffer);
        return (result, Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static async Task AdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(TestDatabase.AdminConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task Backup_and_restore_into_an_empty_database_give_the_same_full_export()
    {
        // Accounts with secrets, so the test also shows they stay out of the export.
        var email = await Curators.CreateAsync(site, "admin");
        await using (var scope = site.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<CuratorUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", "SECRETAUTHENTICATORKEY");
        }
        await using (var db = site.OpenContext())
        {
            // History as curators leave it.
            var listing = db.Cooperations.First();
            listing.StatusChanges.Add(new StatusChange { To = CooperationStatus.InReview, ChangedBy = email, ChangedAt = DateTimeOffset.UtcNow, Reason = "Prüfen – 🎭" });
            await db.SaveChangesAsync();
        }
        var before = await ExportAsync(site.ConnectionString);
        Assert.True(before.Result.Counts["cooperations"] > 10);
        Assert.True(before.Result.Counts["AspNetUsers"] >= 1);
        Assert.True(before.Result.Counts["status_changes"] >= 1);
        Assert.Contains("Prüfen – 🎭", before.Text);
        Assert.Contains(email, before.Text);
        Assert.DoesNotContain("SECRETAUTHENTICATORKEY", before.Text);
        Assert.DoesNotContain("password_hash", before.Text);
        Assert.DoesNotContain("AQAAAA", before.Text); // the start of every Identity password hash

        var directory = Directory.CreateTempSubdirectory("kl-backup-").FullName;
        var restored = $"kl_restore_{Guid.NewGuid():N}"[..30];
        try
        {
            var (backupExit, backupOutput) = await RunAsync(site.ConnectionString, directory, "backup");
            Assert.True(backupExit == 0, backupOutput);
            var file = Assert.Single(Directory.GetFiles(directory));
            Assert.Matches(@"kreativland-\d{8}T\d{6}Z\.dump$", file);

            await AdminAsync($"CREATE DATABASE \"{restored}\"");
            var target = TestDatabase.ConnectionStringFor(restored, pooling: false);
            // Without a terminal and without --yes, nothing happens.
            var (unconfirmed, unconfirmedOutput) = await RunAsync(target, directory, "restore", file);
            Assert.NotEqual(0, unconfirmed);
            Assert.Contains("needs a confirmation", unconfirmedOutput);

            var (restoreExit, restoreOutput) = await RunAsync(target, directory, "restore", file, "--yes");
            Assert.True(restoreExit == 0, restoreOutput);
            var after = await ExportAsync(target);
            Assert.Equal(before.Result.Counts, after.Result.Counts);
            Assert.Equal(before.Result.Sha256, after.Result.Sha256);

            // Never over data: a second restore into the now full database is refused.
            var (again, againOutput) = await RunAsync(target, directory, "restore", file, "--yes");
            Assert.NotEqual(0, again);
            Assert.Contains("is not empty", againOutput);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await AdminAsync($"DROP DATABASE IF EXISTS \"{restored}\" WITH (FORCE)");
            Directory.Delete(directory, recursive: true);
        }
    }
}
