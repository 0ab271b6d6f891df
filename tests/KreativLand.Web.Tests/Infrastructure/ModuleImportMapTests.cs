using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using KreativLand.Web.Tests.Browser;
using Microsoft.Playwright;

namespace KreativLand.Web.Tests.Infrastructure;

/// <summary>The modules that entry scripts import come from fingerprinted, immutable URLs, through an import map the CSP allows by hash.</summary>
public class ModuleImportMapTests(SharedMapDataBrowserFixture site) : BrowserTest, IClassFixture<SharedMapDataBrowserFixture>
{
    [Theory]
    [InlineData("/de/")]
    [InlineData("/en/embed/map")]
    [InlineData("/cooperations")]
    public async Task The_import_map_points_at_fingerprinted_copies_and_the_CSP_allows_exactly_its_text(string url)
    {
        // Modules live at one path for every language: /de and /en pages share each cached file.
        const string pathBase = "";
        var client = site.CreateClient();
        using var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        var match = Regex.Match(html, "<script type=\"importmap\">(.*?)</script>", RegexOptions.Singleline);
        Assert.True(match.Success, "no import map on " + url);
        // Before every module the page preloads or runs: a module parsed before the map has its imports resolved without it.
        var modules = Regex.Matches(html, "<link rel=\"modulepreload\"[^>]*>|<script[^>]* type=\"module\"[^>]*>");
        if (url != "/cooperations") Assert.NotEmpty(modules); // the map pages preload their modules; the list runs none
        foreach (var module in modules.Cast<Match>())
        {
            Assert.True(module.Index > match.Index, $"{module.Value} comes before the import map on {url}");
        }
        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(match.Groups[1].Value)));
        Assert.Contains($"script-src 'self' 'sha256-{hash}';", response.Headers.GetValues("Content-Security-Policy").Single());

        var imports = JsonDocument.Parse(match.Groups[1].Value).RootElement.GetProperty("imports");
        // The shared modules of the map pages and the filter form, each a file of its own.
        foreach (var module in new[] { "map-core", "map-results", "map-overlays", "filter-form", "api", "numbers" })
        {
            var fingerprinted = imports.GetProperty($"{pathBase}/js/{module}.js").GetString()!;
            Assert.Matches($"^{Regex.Escape(pathBase)}/js/{module}\\.[a-z0-9]+\\.js$", fingerprinted);
            using var copy = await client.GetAsync(fingerprinted);
            Assert.Equal(HttpStatusCode.OK, copy.StatusCode);
            Assert.Contains("immutable", copy.Headers.CacheControl?.ToString());
            using var plain = await client.GetAsync($"{pathBase}/js/{module}.js");
            Assert.Equal(await plain.Content.ReadAsStringAsync(), await copy.Content.ReadAsStringAsync());
            // Precompressed by the build like every asset: Brotli for a browser that takes it.
            using var compressed = new HttpRequestMessage(HttpMethod.Get, fingerprinted);
            compressed.Headers.AcceptEncoding.ParseAdd("gzip, deflate, br");
            using var brotli = await client.SendAsync(compressed);
            Assert.Equal("br", brotli.Content.Headers.ContentEncoding.SingleOrDefault());
        }
    }

    [Fact]
    public async Task The_home_map_loads_its_modules_only_from_fingerprinted_urls()
    {
        var page = await NewPageAsync(site.BaseAddress, "en-GB");
        var failures = new ConcurrentQueue<string>();
        Chromium.CollectFailures(page, failures);
        var scripts = new ConcurrentQueue<string>();
        page.Request += (_, request) => { if (request.ResourceType == "script") scripts.Enqueue(new Uri(request.Url).AbsolutePath); };

        await page.GotoAsync("/en/");
        await page.Locator("#map[data-state='ready']").WaitForAsync(new() { State = WaitForSelectorState.Attached });

        foreach (var module in new[] { "map-core", "map-results", "map-overlays", "filter-form", "api", "numbers" })
        {
            Assert.Contains(scripts, s => Regex.IsMatch(s, $@"^/js/{module}\.[a-z0-9]+\.js$"));
            Assert.DoesNotContain(scripts, s => s.EndsWith($"/{module}.js"));
        }
        Assert.Empty(failures);
    }

    [Theory]
    [InlineData("/en/embed")]
    [InlineData("/de/")]
    [InlineData("/en/cooperations/erz-code")]
    public async Task Assets_come_from_one_path_and_each_module_loads_once(string url)
    {
        var page = await NewPageAsync(site.BaseAddress, "en-GB");
        var failures = new ConcurrentQueue<string>();
        Chromium.CollectFailures(page, failures);
        var assets = new ConcurrentQueue<string>();
        page.Request += (_, request) =>
        {
            var path = new Uri(request.Url).AbsolutePath;
            if (request.ResourceType is "script" or "stylesheet" || path.StartsWith("/data/") || path.Contains("/data/")) assets.Enqueue(path);
        };
        await page.GotoAsync(url);
        if (url.EndsWith("/embed"))
            await page.FrameLocator("#embed-preview").Locator("#map[data-state='ready']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        else if (await page.Locator("#map").CountAsync() > 0)
            await page.Locator("#map[data-state='ready']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        else await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.NotEmpty(assets);
        Assert.DoesNotContain(assets, a => a.StartsWith("/de/") || a.StartsWith("/en/"));
        // The generator and its preview iframe ask for map-core by the same address: one cache entry, one module.
        var mapCore = assets.Where(a => a.Contains("/map-core.")).Distinct().ToList();
        Assert.True(mapCore.Count <= 1, string.Join(", ", mapCore));
        Assert.Empty(failures);
    }
}
