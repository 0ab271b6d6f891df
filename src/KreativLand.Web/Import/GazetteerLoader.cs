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
    /// <summary>Curated local and English names of major places (geonameid, language, name), beside the GeoNames extract.</summary>
    public static readonly string AliasesPath = Path.Combine(AppContext.BaseDirectory, "SampleData", "gazetteer-aliases.tsv");

    /// <summary>Loads the file unless the table already has places; returns the number of places loaded.</summary>
    public static async Task<int> LoadIfEmptyAsync(KreativLandDbContext db, string? path = null, CancellationToken cancellationToken = default)
    {
        if (await db.GazetteerPlaces.AnyAsync(cancellationToken))
        {
            // A database loaded before the other names existed gets them now.
            if (!await db.GazetteerNames.AnyAsync(cancellationToken)) await LoadAliasesAsync(db, AliasesPath, cancellationToken);
            return 0;
        }
        return await LoadAsync(db, path ?? DefaultPath, cancellationToken);
    }

    /// <summary>Replaces the other names with those of <paramref name="path"/>; names of places the gazetteer lacks are skipped.</summary>
    public static async Task<int> LoadAliasesAsync(KreativLandDbContext db, string path, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path)) return 0;
        var rows = new List<(int Place, string Language, string Name)>();
        foreach (var line in (await File.ReadAllLinesAsync(path, cancellationToken)).Skip(1))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            var columns = line.Split('\t');
            if (columns.Length != 3 || !int.TryParse(columns[0], CultureInfo.InvariantCulture, out var id))
                throw new FormatException($"{path}: '{line}' is not geonameid<TAB>language<TAB>name");
            rows.Add((id, columns[1].Trim(), columns[2].Trim()));
        }
        var ids = rows.Select(r => r.Place).Distinct().ToList();
        var known = (await db.GazetteerPlaces.Where(p => ids.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken)).ToHashSet();
        await db.GazetteerNames.ExecuteDeleteAsync(cancellationToken);
        var names = rows.Where(r => known.Contains(r.Place)).DistinctBy(r => (r.Place, r.Language, r.Name))
            .Select(r => new GazetteerName { PlaceId = r.Place, Language = r.Language, Name = r.Name, SearchName = GazetteerPlace.ToSearchName(r.Name) })
            .ToList();
        db.GazetteerNames.AddRange(names);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return names.Count;
    }

    public static async Task<int> LoadAsync(KreativLandDbContext db, string path, CancellationToken cancellationToken = default)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await connection.OpenAsync(cancellationToken);
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using (var truncate = new NpgsqlCommand("TRUNCATE gazetteer_names, gazetteer_places", connection, transaction))
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
            await LoadAliasesAsync(db, AliasesPath, cancellationToken);
            return count;
        }
        finally
        {
            if (opened) await connection.CloseAsync();
        }
    }

    private static string Escape(string value) => value.Replace("\\", "\\\\").Replace("\t", "\\t").Replace("\n", "\\n").Replace("\r", "\\r");
}
