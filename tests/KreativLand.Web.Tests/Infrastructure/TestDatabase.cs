using KreativLand.Web.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KreativLand.Web.Tests.Infrastructure;

/// <summary>
/// Real PostGIS for tests: the schema is migrated once per run into a template database; every test class
/// gets its own copy (CREATE DATABASE … TEMPLATE) and drops it afterwards. The server comes from
/// KL_TEST_ADMIN_CONNECTION, which ./test.sh points at the project-local cluster.
/// </summary>
public static class TestDatabase
{
    private static readonly string RunId = $"{Environment.ProcessId}_{Guid.NewGuid():N}"[..20];
    private static readonly SemaphoreSlim CreateLock = new(1, 1);
    private static readonly Lazy<Task<string>> Template = new(CreateTemplateAsync);

    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable("KL_TEST_ADMIN_CONNECTION") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("KL_TEST_ADMIN_CONNECTION is not set: run the tests through ./test.sh, which starts PostgreSQL and sets it.");

    public static string ConnectionStringFor(string database, bool pooling = true) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database, Pooling = pooling }.ConnectionString;

    /// <summary>Creates an empty, migrated database of its own for one test class.</summary>
    public static async Task<string> CreateAsync()
    {
        var template = await Template.Value;
        var name = $"kl_test_{RunId}_{Guid.NewGuid():N}"[..48];
        await CreateLock.WaitAsync();
        try
        {
            await ExecuteAdminAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        }
        finally { CreateLock.Release(); }
        return name;
    }

    public static async Task DropAsync(string database)
    {
        if (database.Length == 0) return;
        NpgsqlConnection.ClearAllPools();
        await ExecuteAdminAsync($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
    }

    public static KreativLandDbContext OpenContext(string database, bool pooling = true,
        params Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] interceptors)
    {
        var options = new DbContextOptionsBuilder<KreativLandDbContext>();
        options.UseKreativLandDatabase(ConnectionStringFor(database, pooling)).AddInterceptors(interceptors);
        return new KreativLandDbContext(options.Options);
    }

    private static async Task<string> CreateTemplateAsync()
    {
        var name = $"kl_template_{RunId}";
        await ExecuteAdminAsync($"CREATE DATABASE \"{name}\"");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { ExecuteAdminAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)").GetAwaiter().GetResult(); }
            catch (NpgsqlException) { /* the server may already be gone */ }
        };
        // Unpooled: a template must have no open connections when it is copied.
        await using (var db = OpenContext(name, pooling: false))
        {
            await db.Database.MigrateAsync();
            // Once per run into the template, so every test database has the editor's gazetteer.
            await KreativLand.Web.Import.GazetteerLoader.LoadAsync(db, KreativLand.Web.Import.GazetteerLoader.DefaultPath);
        }
        return name;
    }

    private static async Task ExecuteAdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(AdminConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
