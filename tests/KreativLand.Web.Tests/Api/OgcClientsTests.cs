using System.Diagnostics;
using System.Text.Json;
using KreativLand.Web.Api;
using KreativLand.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KreativLand.Web.Tests.Api;

/// <summary>
/// OGC API – Features Part 1 as two independent clients see it, beyond one page of the maximum limit: GDAL (ogrinfo, ogr2ogr
/// into a GeoPackage) and OWSLib (Debian's python3-owslib); and the clamping of limit that both rely on.
/// </summary>
public class OgcClientsTests(ThousandListingsFixture site) : IClassFixture<ThousandListingsFixture>
{
    private async Task<int> PublishedAsync() =>
        (await site.CreateClient().GetJsonAsync("/ogc/collections/cooperations/items?limit=1")).GetProperty("numberMatched").GetInt32();

    [Fact]
    public async Task A_limit_above_the_maximum_is_clamped_and_the_next_links_reach_numberMatched()
    {
        var client = site.CreateClient();
        var url = "/ogc/collections/cooperations/items?limit=5000&lang=en";
        var ids = new List<int>();
        int? matched = null;
        var pages = 0;
        while (true)
        {
            var page = await client.GetJsonAsync(url);
            matched ??= page.GetProperty("numberMatched").GetInt32();
            Assert.Equal(matched, page.GetProperty("numberMatched").GetInt32());
            var features = page.GetProperty("features").EnumerateArray().ToList();
            Assert.Equal(features.Count, page.GetProperty("numberReturned").GetInt32());
            Assert.True(features.Count <= OgcApi.MaxLimit);
            var links = page.GetProperty("links").EnumerateArray().ToList();
            var self = links.Single(l => l.GetProperty("rel").GetString() == "self").GetProperty("href").GetString()!;
            Assert.Contains($"limit={OgcApi.MaxLimit}", self); // the limit actually applied
            ids.AddRange(features.Select(f => f.GetProperty("id").GetInt32()));
            pages++;
            var next = links.SingleOrDefault(l => l.GetProperty("rel").GetString() == "next");
            if (next.ValueKind == JsonValueKind.Undefined) break;
            var href = new Uri(next.GetProperty("href").GetString()!);
            Assert.Contains($"limit={OgcApi.MaxLimit}", href.Query);
            Assert.Contains("lang=en", href.Query);
            url = href.PathAndQuery;
        }
        Assert.Equal(2, pages);
        Assert.Equal(1000, ids.Take(1000).Count());
        Assert.True(matched > OgcApi.MaxLimit, $"{matched}");
        Assert.Equal(matched, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task A_cached_page_of_the_maximum_limit_fits_the_socket_write_buffer_at_once()
    {
        // Larger than Kestrel's socket write buffer (64 KiB by default), a response waits for the socket halfway: the
        // generated page of 1,000 features is about 72 KB in Brotli, like the benchmark's at 10,000 and 50,000 listings.
        var buffer = site.Factory.Services.GetRequiredService<IOptions<SocketTransportOptions>>().Value.MaxWriteBufferSize;
        using var client = site.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/ogc/collections/cooperations/items?limit={OgcApi.MaxLimit}");
        request.Headers.AcceptEncoding.ParseAdd("gzip, deflate, br, zstd");
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        Assert.Equal("br", Assert.Single(response.Content.Headers.ContentEncoding));
        var bytes = (await response.Content.ReadAsByteArrayAsync()).Length + response.Headers.ToString().Length + response.Content.Headers.ToString().Length;
        Assert.True(bytes <= buffer, $"{bytes} bytes on the wire, socket write buffer {buffer}");
    }

    [Theory]
    [InlineData("crs=http://www.opengis.net/def/crs/OGC/1.3/CRS84")]
    [InlineData("bbox=5,45,20,56&bbox-crs=http://www.opengis.net/def/crs/OGC/1.3/CRS84")]
    public async Task The_default_crs_may_be_named_and_is_stated_in_Content_Crs(string query)
    {
        using var response = await site.CreateClient().GetAsync("/ogc/collections/cooperations/items?limit=2&" + query);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("<http://www.opengis.net/def/crs/OGC/1.3/CRS84>", Assert.Single(response.Headers.GetValues("Content-Crs")));
    }

    [Theory]
    [InlineData("/ogc/collections/cooperations/items?crs=http://www.opengis.net/def/crs/EPSG/0/3857", "crs")]
    [InlineData("/ogc/collections/cooperations/items?bbox-crs=EPSG:4326", "bbox-crs")]
    [InlineData("/ogc/collections/cooperations/items?limit=0", "limit")]
    [InlineData("/ogc/collections/cooperations/items?limit=-5", "limit")]
    public async Task Another_crs_or_a_limit_below_one_is_a_400(string url, string parameter)
    {
        var (_, problem) = await site.CreateClient().GetJsonResponseAsync(url, System.Net.HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    private static async Task<string> RunAsync(string program, IEnumerable<string> arguments, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["GDAL_HTTP_TIMEOUT"] = "30";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"{program} exit {process.ExitCode}: {await output}\n{await errors}");
        return await output;
    }

    [GdalFact]
    public async Task Gdal_copies_every_feature_into_a_GeoPackage_paging_through_the_next_links()
    {
        var published = await PublishedAsync();
        var file = Path.Combine(Path.GetTempPath(), $"kreativland-{Guid.NewGuid():N}.gpkg");
        try
        {
            // A page size well under the count: GDAL follows the next links (and numberMatched) to the end.
            await RunAsync("/usr/bin/ogr2ogr", ["-f", "GPKG", file, $"OAPIF:{site.Ogc}", "cooperations", "-oo", "PAGE_SIZE=300"]);
            var info = await RunAsync(GdalFactAttribute.Ogrinfo, ["-ro", "-so", file, "cooperations"]);
            Assert.Contains($"Feature Count: {published}", info);
            Assert.Contains("Geometry: Point", info);
            Assert.Contains("title: String", info);
            Assert.Contains("start_year: Integer", info);
            Assert.Contains("ongoing: ", info);
            // One feature read back from the GeoPackage has its place and position.
            var feature = await RunAsync(GdalFactAttribute.Ogrinfo, ["-ro", "-al", "-q", "-where", "slug = '4d-landkino'", file]);
            Assert.Contains("municipality (String) =", feature);
            Assert.Contains("POINT (", feature);
        }
        finally { File.Delete(file); }
    }

    [OwsLibFact]
    public async Task OwsLib_reads_landing_conformance_collection_and_pages_through_every_item()
    {
        var published = await PublishedAsync();
        var output = await RunAsync(OwsLibFactAttribute.Python, ["-c", OwsLibScript, site.Ogc]);
        var report = JsonDocument.Parse(output).RootElement;
        Assert.Contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core", report.GetProperty("conformance").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("cooperations", Assert.Single(report.GetProperty("featureCollections").EnumerateArray()).GetString());
        Assert.Equal(OgcApi.Crs84, report.GetProperty("crs").GetString());
        Assert.Equal(published, report.GetProperty("matched").GetInt32());
        Assert.Equal(OgcApi.MaxLimit, report.GetProperty("firstReturned").GetInt32()); // limit=5000 clamped
        Assert.Equal(published, report.GetProperty("paged").GetInt32());
        Assert.Equal(published, report.GetProperty("distinct").GetInt32());
        Assert.Equal("Feature", report.GetProperty("itemType").GetString());
        Assert.True(report.GetProperty("bboxMatched").GetInt32() >= 1);
        Assert.True(report.GetProperty("bboxInside").GetBoolean());
    }

    /// <summary>OWSLib reads the service the way its users' scripts do; the next pages are fetched from the next links.</summary>
    private const string OwsLibScript = """
        import json, sys
        from owslib.ogcapi.features import Features
        from owslib.util import http_get
        service = Features(sys.argv[1])
        conformance = service.conformance()['conformsTo']
        collection = service.collection('cooperations')
        first = service.collection_items('cooperations', limit=5000)
        ids = []
        page = service.collection_items('cooperations', limit=250)
        while True:
            ids += [f['id'] for f in page['features']]
            following = [l['href'] for l in page['links'] if l['rel'] == 'next']
            if not following:
                break
            page = http_get(following[0], headers={'Accept': 'application/geo+json'}).json()
        item = service.collection_item('cooperations', str(ids[0]))
        box = [11.8, 50.1, 13.5, 51.0]
        inside = service.collection_items('cooperations', bbox=box, limit=100)
        print(json.dumps({
            'conformance': conformance,
            'featureCollections': service.feature_collections(),
            'crs': collection['crs'][0],
            'matched': first['numberMatched'],
            'firstReturned': first['numberReturned'],
            'paged': len(ids),
            'distinct': len(set(ids)),
            'itemType': item['type'],
            'bboxMatched': inside['numberMatched'],
            'bboxInside': all(box[0] <= f['geometry']['coordinates'][0] <= box[2] and box[1] <= f['geometry']['coordinates'][1] <= box[3] for f in inside['features']),
        }))
        """;
}

/// <summary>Runs where Debian's python3-owslib is installed (./test.sh installs it); elsewhere the skip reason says why.</summary>
public sealed class OwsLibFactAttribute : FactAttribute
{
    public const string Python = "/usr/bin/python3";

    public OwsLibFactAttribute()
    {
        if (!File.Exists("/usr/lib/python3/dist-packages/owslib/__init__.py"))
            Skip = "Debian's python3-owslib is missing: ./test.sh installs it.";
    }
}
