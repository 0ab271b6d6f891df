using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Components;

namespace KreativLand.Web.Infrastructure;

/// <summary>
/// The page's import map. Entry scripts get fingerprinted URLs from MapStaticAssets (<c>asp-append-version</c>), but the
/// modules they import (map-core.js, map-results.js) are asked for by plain URL, which can only be revalidated, never
/// cached for good. The import map sends those imports to the fingerprinted, immutable copies. It is the site's one
/// inline script, so the CSP allows exactly its text by hash (<see cref="SecurityHeaders"/>).
/// </summary>
public sealed class ModuleImportMap(EndpointDataSource endpoints)
{
    /// <summary>The map's text for one path base and the CSP source that allows it.</summary>
    public sealed record Rendered(string Json, string CspSource);

    private const string ModuleFolder = "js/";

    private readonly Lazy<IReadOnlyList<(string Label, string Url)>> modules = new(() => FingerprintedModules(endpoints));

    // One entry per path base: the site root and each language prefix (bounded, in case a proxy adds prefixes).
    private readonly ConcurrentDictionary<string, Rendered> byPathBase = new();

    public Rendered For(PathString pathBase)
    {
        var key = pathBase.Value ?? "";
        if (byPathBase.TryGetValue(key, out var rendered)) return rendered;
        rendered = Render(key);
        if (byPathBase.Count < 16) byPathBase.TryAdd(key, rendered);
        return rendered;
    }

    private Rendered Render(string pathBase)
    {
        // Keys are the URLs the browser resolves an import to (the language prefix included); values the fingerprinted copies.
        var imports = modules.Value.ToDictionary(m => $"{pathBase}/{m.Label}", m => $"{pathBase}/{m.Url}", StringComparer.Ordinal);
        var json = JsonSerializer.Serialize(new { imports });
        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
        return new Rendered(json, $"'sha256-{hash}'");
    }

    /// <summary>The modules under js/ with a fingerprinted URL, from the static asset manifest that page endpoints carry.</summary>
    private static IReadOnlyList<(string Label, string Url)> FingerprintedModules(EndpointDataSource endpoints)
    {
        var assets = endpoints.Endpoints.Select(e => e.Metadata.GetMetadata<ResourceAssetCollection>()).FirstOrDefault(c => c is not null);
        if (assets is null) return [];
        return assets
            .Select(asset => (Label: asset.Properties?.FirstOrDefault(p => p.Name == "label")?.Value, asset.Url))
            .Where(a => a.Label is not null && a.Label != a.Url && a.Label.StartsWith(ModuleFolder, StringComparison.Ordinal)
                && a.Label.EndsWith(".js", StringComparison.Ordinal) && a.Url.EndsWith(".js", StringComparison.Ordinal))
            .Select(a => (a.Label!, a.Url))
            .DistinctBy(a => a.Item1, StringComparer.Ordinal)
            .OrderBy(a => a.Item1, StringComparer.Ordinal)
            .ToList();
    }
}
