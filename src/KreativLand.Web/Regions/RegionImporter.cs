using System.Text.Json;
using KreativLand.Web.Data;
using KreativLand.Web.Domain;
using KreativLand.Web.Import;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.IO.Converters;

namespace KreativLand.Web.Regions;

/// <summary>
/// Reads region boundaries (any set: federal states, districts, LEADER regions) from a GeoJSON
/// FeatureCollection in WGS 84. Every feature is checked first; one bad feature refuses the whole file.
/// A region is identified by level and name: importing it again replaces its boundary.
/// </summary>
public sealed class RegionImporter(KreativLandDbContext db, TimeProvider clock)
{
    public const long MaxFileBytes = 100 * 1024 * 1024;
    private const int MaxNameLength = 200;
    private static readonly ImportMessages L = ImportMessages.Current;
    private static readonly GeometryFactory Factory = NetTopologySuite.NtsGeometryServices.Instance.CreateGeometryFactory(GeoPoints.Wgs84);

    public sealed record Options(string? Level, string NameProperty = "name", string CountryProperty = "country");

    public async Task<ImportResult> ImportFileAsync(string path, Options options, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path)) return new(0, 0, [L["ImportMessage.FileNotFound", path]]);
        if (new FileInfo(path).Length > MaxFileBytes) return new(0, 0, [L["ImportMessage.FileTooLarge", MaxFileBytes / 1024 / 1024]]);
        await using var stream = File.OpenRead(path);
        return await ImportAsync(stream, options, cancellationToken);
    }

    public async Task<ImportResult> ImportAsync(Stream json, Options options, CancellationToken cancellationToken = default)
    {
        FeatureCollection? collection;
        try
        {
            var serializer = new JsonSerializerOptions { Converters = { new GeoJsonConverterFactory(Factory) } };
            collection = await JsonSerializer.DeserializeAsync<FeatureCollection>(json, serializer, cancellationToken);
        }
        catch (Exception exception) when (exception is JsonException or ArgumentException or InvalidOperationException or NotSupportedException or FormatException)
        {
            return new(0, 0, [L["ImportMessage.Region.NotGeoJson", exception.Message]]);
        }
        if (collection is null || collection.Count == 0) return new(0, 0, [L["ImportMessage.Region.NoFeatures"]]);

        var errors = new List<string>();
        var regions = new List<(string Name, string Level, string? Country, MultiPolygon Boundary)>();
        for (var i = 0; i < collection.Count; i++)
        {
            var feature = collection[i];
            var label = L["ImportMessage.Region.Feature", i + 1];
            var name = Property(feature, options.NameProperty)?.Trim();
            if (!string.IsNullOrEmpty(name)) label += $" (\"{Shown(name)}\")";
            var level = (options.Level ?? Property(feature, "level"))?.Trim().ToLowerInvariant();
            var country = (Property(feature, options.CountryProperty) ?? Property(feature, "iso_a2"))?.Trim().ToUpperInvariant();

            if (string.IsNullOrEmpty(name)) errors.Add($"{label}: {L["ImportMessage.Region.NameMissing", options.NameProperty]}");
            else if (name.Length > MaxNameLength) errors.Add($"{label}: {L["ImportMessage.Region.NameTooLong", MaxNameLength]}");
            else if (!Infrastructure.TextGuard.IsAcceptable(name)) errors.Add($"{label}: {L["ImportMessage.Region.NameControlCharacters"]}");
            if (string.IsNullOrEmpty(level)) errors.Add($"{label}: {L["ImportMessage.Region.NoLevel"]}");
            else if (level.Length > 40 || !Slugs.IsValid(level)) errors.Add($"{label}: {L["ImportMessage.Region.BadLevel", level]}");
            if (country is not null && !Countries.IsCode(country)) country = null;

            var boundary = ToMultiPolygon(feature.Geometry, label, errors);
            if (boundary is not null && name is { Length: > 0 and <= MaxNameLength } && level is { Length: > 0 })
                regions.Add((name, level, country, boundary));
        }
        var duplicates = regions.GroupBy(r => (r.Level, r.Name.ToLowerInvariant())).Where(g => g.Count() > 1).Select(g => g.First().Name).ToList();
        foreach (var duplicate in duplicates) errors.Add(L["ImportMessage.Region.Duplicate", duplicate]);
        if (errors.Count > 0) return new(0, 0, errors);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var levels = regions.Select(r => r.Level).Distinct().ToList();
        var existing = await db.Regions.Where(r => levels.Contains(r.Level)).ToListAsync(cancellationToken);
        var slugs = (await db.Regions.Select(r => r.Slug).ToListAsync(cancellationToken)).ToHashSet();
        int created = 0, updated = 0;
        foreach (var (name, level, country, boundary) in regions)
        {
            var region = existing.FirstOrDefault(r => r.Level == level && string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));
            if (region is null)
            {
                region = new Region { Name = name, Level = level, Slug = UniqueSlug(name, level, slugs) };
                db.Regions.Add(region);
                created++;
            }
            else updated++;
            region.Name = name;
            region.CountryCode = country;
            region.Boundary = boundary;
            region.ImportedAt = now;
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new(created, updated, []);
    }

    private static string Shown(string name)
    {
        var visible = new string(name.Select(c => c < ' ' ? '?' : c).ToArray());
        return visible.Length > 60 ? visible[..60] + "…" : visible;
    }

    /// <summary>A text property; numbers and nested objects are not names.</summary>
    private static string? Property(IFeature feature, string name) =>
        feature.Attributes is { } attributes && attributes.Exists(name) ? attributes[name] as string : null;

    private static MultiPolygon? ToMultiPolygon(Geometry? geometry, string label, List<string> errors)
    {
        if (geometry is null or { IsEmpty: true })
        {
            errors.Add($"{label}: {L["ImportMessage.Region.NoGeometry"]}");
            return null;
        }
        if (geometry is not (Polygon or MultiPolygon))
        {
            errors.Add($"{label}: {L["ImportMessage.Region.WrongGeometry", geometry.GeometryType]}");
            return null;
        }
        if (geometry.Coordinates.Any(c => !double.IsFinite(c.X) || !double.IsFinite(c.Y) || c.X is < -180 or > 180 || c.Y is < -90 or > 90))
        {
            errors.Add($"{label}: {L["ImportMessage.Region.Coordinates"]}");
            return null;
        }
        // Boundaries from GIS exports often self-touch; repair instead of refusing them.
        var valid = geometry.IsValid ? geometry : GeometryFixer.Fix(geometry);
        var polygons = Enumerable.Range(0, valid.NumGeometries).Select(valid.GetGeometryN).OfType<Polygon>().ToArray();
        if (polygons.Length == 0)
        {
            errors.Add($"{label}: {L["ImportMessage.Region.NoArea"]}");
            return null;
        }
        var multi = Factory.CreateMultiPolygon(polygons);
        multi.SRID = GeoPoints.Wgs84;
        return multi;
    }

    private static string UniqueSlug(string name, string level, HashSet<string> taken)
    {
        // The same name on another level: "oberland", then "oberland-district", "oberland-district-2".
        var slug = Slugs.Allocate(name, level, taken.Contains, qualifier: level);
        taken.Add(slug);
        return slug;
    }
}
