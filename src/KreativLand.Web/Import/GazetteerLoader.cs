using System.Globalization;
using System.IO.Compression;
using KreativLand.Web.Data;
using KreativLand.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KreativLand.Web.Import;

/// <summary>
/// Loads the bundled GeoNames extract (tools/gazetteer/README.md describes its columns) into gazetteer_places
/// with one COPY; the editor's municipality lookup reads from there.
/// </summary>
public static class GazetteerLoader
{
    public static readonly string DefaultPath = Path.Combine(AppContext.BaseDirectory, "SampleData", "gazetteer-europe.tsv.gz");

    /// <summary>Loads the file unless the table already has places; returns the number of places loaded.</summary>
    public static async Task<int> LoadIfEmptyAsync(KreativLandDbContext db, string? path = null, CancellationToken cancellationToken = default)
    {
        if (await db.GazetteerPlaces.AnyAsync(cancellationToken)) return 0;
        return await LoadAsync(db, path ?? DefaultPath, cancellationToken);
    }

    public static async Task<int> LoadAsync(KreativLandDbContext db, string path, CancellationToken cancellationToken = default)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await connection.OpenAsync(cancellationToken);
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using (var truncate = new NpgsqlCommand("TRUNCATE gazetteer_places", connection, transaction))
                await truncate.ExecuteNonQueryAsync(cancellationToken);

            var count = 0;
            await using (var writer = await connection.BeginTextImportAsync(
                "COPY gazetteer_places (id, name, search_name, country_code, admin1, population, point) FROM STDIN", cancellationToken))
            {
                using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
                await reader.ReadLineAsync(cancellationToken); // header
                while (await reader.ReadLineAsync(cancellationToken) is { } line)
                {
                    var columns = line.Split('\t');
                    if (columns.Length != 7) throw new FormatException($"{path}: line {count + 2} has {columns.Length} columns, expected 7");
                    var longitude = double.Parse(columns[6], CultureInfo.InvariantCulture);
                    var latitude = double.Parse(columns[5], CultureInfo.InvariantCulture);
                    await writer.WriteLineAsync(string.Join('\t',
                        columns[0], Escape(columns[1]), Escape(GazetteerPlace.ToSearchName(columns[1])), columns[2],
                        columns[3].Length == 0 ? "\\N" : Escape(columns[3]), columns[4],
                        FormattableString.Invariant($"SRID=4326;POINT({longitude} {latitude})")));
                    count++;
                }
            }
            await transaction.CommitAsync(cancellationToken);
            return count;
        }
        finally
        {
            if (opened) await connection.CloseAsync();
        }
    }

    private static string Escape(string value) => value.Replace("\\", "\\\\").Replace("\t", "\\t").Replace("\n", "\\n").Replace("\r", "\\r");
}
