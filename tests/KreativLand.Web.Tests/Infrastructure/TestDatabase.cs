using KreativLand.Web.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KreativLand.Web.Tests.Infrastructure;

/// <summary>
/// Real PostGIS for tests: the schema is migrated once per run into a template database; every test class
/// gets its own copy (CREATE DATABASE … TEMPLATE) and drops it afterwards. A data set (the sample data, a file of
/// TestData/) is seeded once per run into a template of its own (<see cref="CreateSeededTemplateAsync"/>), which
/// later classes copy instead of importing again. The server comes from KL_TEST_ADMIN_CONNECTION, which ./test.sh
/// points at the project-local cluster.
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

    /// <param name="readOnly">Every transaction read-only: for test classes that share a site and must not change its data.</param>
    public static string ConnectionStringFor(string database, bool pooling = true, bool readOnly = false) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString)
        {
            Database = database,
            Pooling = pooling,
            Options = readOnly ? "-c default_transaction_read_only=on" : null,
        }.ConnectionString;

    /// <summary>Creates a database of its own for one test class: a copy of <paramref name="template"/>, by default the empty, migrated one.</summary>
    public static async Task<string> CreateAsync(string? template = null)
    {
        template ??= await Template.Value;
        var name = $"kl_test_{RunId}_{Guid.NewGuid():N}"[..48];
        await CopyAsync(template, name);
        return name;
    }

    /// <summary>
    /// A template holding a data set: a copy of the migrated template that <paramref name="seed"/> fills (given the database's
    /// name), then closed to every connection so it can be copied. Dropped when the run ends.
    /// </summary>
    public static async Task<string> CreateSeededTemplateAsync(string dataSet, Func<string, Task> seed)
    {
        var name = $"kl_seed_{RunId}_{dataSet}";
        if (name.Length > 63 || !name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
            throw new ArgumentException($"data set names are short, in lower case letters, digits and '_': {dataSet}", nameof(dataSet));
        await CopyAsync(await Template.Value, name);
        DropWhenTheRunEnds(name);
        await seed(name);
        // CREATE DATABASE … TEMPLATE needs the template without connections: the seeding site's pool and anything it left.
        NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionStringFor(name)));
        await ExecuteAdminAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}' AND pid <> pg_backend_pid()");
        return name;
    }

    private static async Task CopyAsync(string template, string name)
    {
        // One copy at a time: CREATE DATABASE connects to its template, and a second copy meanwhile would find it in use.
        await CreateLock.WaitAsync();
        try
        {
            await ExecuteAdminAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        }
        finally { CreateLock.Release(); }
    }

    private static void DropWhenTheRunEnds(string database) =>
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { ExecuteAdminAsync($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)").GetAwaiter().GetResult(); }
            catch (NpgsqlException) { /* the server may already be gone */ }
        };

    public static async Task DropAsync(string database)
    {
        if (database.Length == 0) return;
        NpgsqlConnection.ClearAllPools();
        await ExecuteAdminAsync($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
    }

    public static KreativLandDbContext OpenContext(string database, bool pooling = true,
        params Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] interceptors) =>
        OpenContextAt(ConnectionStringFor(database, pooling), interceptors);

    public static KreativLandDbContext OpenContextAt(string connectionString, params Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] interceptors)
    {
        var options = new DbContextOptionsBuilder<KreativLandDbContext>();
        options.UseKreativLandDatabase(connectionString).AddInterceptors(interceptors);
        return new KreativLandDbContext(options.Options);
    }

    private static async Task<string> CreateTemplateAsync()
    {
        var name = $"kl_template_{RunId}";
        await ExecuteAdminAsync($"CREATE DATABASE \"{name}\"");
        DropWhenTheRunEnds(name);
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
