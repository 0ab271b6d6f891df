using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace KreativLand.Web.Operations;

/// <summary>
/// Every table of the database as one JSON document, rows in primary-key order, for a restore drill: the same database
/// gives the same bytes, so the SHA-256 of the export before a backup and after its restore must be equal. Listings,
/// partners, history, audit, attestations, revisions, accounts and roles are in it; secrets are not (password hashes,
/// security and concurrency stamps, and the whole token table with authenticator keys and recovery codes). Large
/// reference data (the gazetteer) and PostGIS's own table are only counted.
/// </summary>
public static class FullExport
{
    private static readonly HashSet<string> SecretTables = ["AspNetUserTokens"];
    private static readonly HashSet<string> CountedOnly = ["gazetteer_places", "spatial_ref_sys", "__EFMigrationsHistory"];
    private static readonly HashSet<string> SecretColumns = ["password_hash", "security_stamp", "concurrency_stamp"];

    public sealed record Result(IReadOnlyDictionary<string, long> Counts, string Sha256);

    public static async Task<Result> WriteAsync(DbConnection connection, Stream output, CancellationToken cancellationToken = default)
    {
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync(cancellationToken);
        var tables = await ListAsync(connection, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename", cancellationToken);
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        async Task Write(string text)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            hash.AppendData(bytes);
            await output.WriteAsync(bytes, cancellationToken);
        }

        await Write("{\n\"format\": \"kreativland-full-export-1\",\n\"tables\": {");
        var first = true;
        foreach (var table in tables.Where(t => !SecretTables.Contains(t)))
        {
            counts[table] = Convert.ToInt64(await ScalarAsync(connection, $"SELECT count(*) FROM \"{table}\"", cancellationToken));
            if (CountedOnly.Contains(table)) continue;
            var columns = await ListAsync(connection,
                $"SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = '{table}' ORDER BY ordinal_position", cancellationToken);
            var keys = await ListAsync(connection,
                $"SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey) WHERE i.indrelid = '\"{table}\"'::regclass AND i.indisprimary ORDER BY array_position(i.indkey, a.attnum)", cancellationToken);
            var selected = string.Join(", ", columns.Where(c => !SecretColumns.Contains(c)).Select(c => $"\"{c}\""));
            var order = keys.Count > 0 ? string.Join(", ", keys.Select(k => $"t.\"{k}\"")) : "t::text";
            var rows = (string)(await ScalarAsync(connection, $"SELECT coalesce(json_agg(t ORDER BY {order}), '[]'::json)::text FROM (SELECT {selected} FROM \"{table}\") t", cancellationToken))!;
            await Write($"{(first ? "" : ",")}\n\"{table}\": {rows}");
            first = false;
        }
        await Write("\n},\n\"counts\": {" + string.Join(",", counts.Select(c => $"\n\"{c.Key}\": {c.Value}")) + "\n}\n}\n");
        return new Result(counts, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    private static async Task<List<string>> ListAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<string>();
        while (await reader.ReadAsync(cancellationToken)) list.Add(reader.GetString(0));
        return list;
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    /// <summary>For the command line: writes FILE and reports counts and checksum on standard error.</summary>
    public static async Task<int> RunAsync(string connectionString, string path)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await using var file = File.Create(path);
        var result = await WriteAsync(connection, file);
        foreach (var (table, count) in result.Counts) Console.Error.WriteLine($"{table}: {count}");
        Console.Error.WriteLine($"sha256: {result.Sha256}");
        Console.WriteLine($"Full export written to {path} (sha256 {result.Sha256}).");
        return 0;
    }
}
