using System.Diagnostics;
using System.Net;
using System.Text.Json;
using KreativLand.Web.Tests.Infrastructure;

namespace KreativLand.Web.Tests.Api;

/// <summary>OGC API – Features over real HTTP (the real-port fixture, so GDAL's ogrinfo can read it too).</summary>
public class OgcApiTests(SharedMapDataBrowserFixture site) : IClassFixture<SharedMapDataBrowserFixture>
{
    private const int PublishedCount = 7;

    private Task<(HttpResponseMessage Response, JsonElement Json)> GetJsonAsync(string url, HttpStatusCode expected = HttpStatusCode.OK) =>
        site.CreateClient().GetJsonResponseAsync(url, expected);

    private static JsonElement LinkOf(JsonElement document, string rel, string? type = null) =>
        document.GetProperty("links").EnumerateArray().Single(l => l.GetProperty("rel").GetString() == rel && (type is null || l.GetProperty("type").GetString() == type));

    private static bool HasLink(JsonElement document, string rel) =>
        document.GetProperty("links").EnumerateArray().Any(l => l.GetProperty("rel").GetString() == rel);

    private string Relative(JsonElement link)
    {
        var href = new Uri(link.GetProperty("href").GetString()!);
        Assert.Equal(site.BaseAddress.Authority, href.Authority); // absolute links to this server
        return href.PathAndQuery;
    }

    [Fact]
    public async Task Landing_page_links_conformance_collections_and_the_api_description()
    {
        var (response, landing) = await GetJsonAsync("/ogc");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(string.IsNullOrEmpty(landing.GetProperty("title").GetString()));
        Assert.Equal("application/json", LinkOf(landing, "self").GetProperty("type").GetString());
        Assert.Equal("text/html", LinkOf(landing, "alternate").GetProperty("type").GetString());
        Assert.EndsWith("/openapi/v1.json", LinkOf(landing, "service-desc").GetProperty("href").GetString());
        var conformance = (await GetJsonAsync(Relative(LinkOf(landing, "conformance")))).Json;
        var classes = conformance.GetProperty("conformsTo").EnumerateArray().Select(c => c.GetString()).ToList();
        Assert.Contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core", classes);
        Assert.Contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson", classes);
        Assert.Contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html", classes);
        Assert.True(HasLink(conformance, "self"));

        var collections = (await GetJsonAsync(Relative(LinkOf(landing, "data")))).Json;
        Assert.True(HasLink(collections, "self") && HasLink(collections, "alternate"));
        var collection = collections.GetProperty("collections").EnumerateArray().Single();
        Assert.Equal("cooperations", collection.GetProperty("id").GetString());
        Assert.Equal("http://www.opengis.net/def/crs/OGC/1.3/CRS84", collection.GetProperty("crs")[0].GetString());
        var bbox = collection.GetProperty("extent").GetProperty("spatial").GetProperty("bbox")[0].EnumerateArray().Select(v => v.GetDouble()).ToArray();
        Assert.InRange(bbox[0], -9, -8); // Porto is the westernmost
        Assert.True(bbox[0] < bbox[2] && bbox[1] < bbox[3]);

        var single = (await GetJsonAsync("/ogc/collections/cooperations")).Json;
        Assert.Equal("cooperations", single.GetProperty("id").GetString());
        Assert.Contains("/ogc/collections/cooperations/items", LinkOf(single, "items", "application/geo+json").GetProperty("href").GetString());
        Assert.True(HasLink(single, "self") && HasLink(single, "alternate"));
    }

    [Fact]
    public async Task Items_page_through_to_the_end_and_give_every_feature_once()
    {
        var seen = new List<int>();
        var url = "/ogc/collections/cooperations/items?limit=3";
        var pages = 0;
        while (true)
        {
            var (response, page) = await GetJsonAsync(url);
            Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("FeatureCollection", page.GetProperty("type").GetString());
            Assert.Equal(PublishedCount, page.GetProperty("numberMatched").GetInt32());
            var features = page.GetProperty("features").EnumerateArray().ToList();
            Assert.Equal(features.Count, page.GetProperty("numberReturned").GetInt32());
            Assert.True(DateTimeOffset.TryParse(page.GetProperty("timeStamp").GetString(), out _));
            Assert.True(HasLink(page, "self") && HasLink(page, "alternate") && HasLink(page, "collection"));
            Assert.Equal(pages > 0, HasLink(page, "prev"));
            seen.AddRange(features.Select(f => f.GetProperty("id").GetInt32()));
            pages++;
            if (!HasLink(page, "next")) break;
            url = Relative(LinkOf(page, "next"));
            Assert.Contains("limit=3", url);
        }
        Assert.Equal(3, pages);
        Assert.Equal(PublishedCount, seen.Count);
        Assert.Equal(PublishedCount, seen.Distinct().Count());

        var (_, all) = await GetJsonAsync("/ogc/collections/cooperations/items");
        Assert.Equal(7, all.GetProperty("numberReturned").GetInt32()); // default limit 10
    }

    [Fact]
    public async Task Items_take_bbox_and_the_filter_parameters_and_one_item_has_its_own_url()
    {
        var (_, saxony) = await GetJsonAsync("/ogc/collections/cooperations/items?bbox=11.8,50.1,13.5,51&limit=100");
        Assert.Equal(2, saxony.GetProperty("numberMatched").GetInt32());
        var coordinates = saxony.GetProperty("features")[0].GetProperty("geometry").GetProperty("coordinates");
        Assert.InRange(coordinates[0].GetDouble(), 11.8, 13.5); // longitude first
        var (_, film) = await GetJsonAsync("/ogc/collections/cooperations/items?subsector=film&lang=en");
        Assert.Equal(1, film.GetProperty("numberMatched").GetInt32());
        Assert.Contains("subsector=film", LinkOf(film, "self").GetProperty("href").GetString());

        var id = film.GetProperty("features")[0].GetProperty("id").GetInt32();
        var (response, item) = await GetJsonAsync($"/ogc/collections/cooperations/items/{id}");
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Feature", item.GetProperty("type").GetString());
        Assert.Equal("lausitz-film", item.GetProperty("properties").GetProperty("slug").GetString());
        Assert.EndsWith($"/ogc/collections/cooperations/items/{id}?f=json", LinkOf(item, "self").GetProperty("href").GetString());
        Assert.True(HasLink(item, "collection") && HasLink(item, "alternate"));

        await GetJsonAsync("/ogc/collections/cooperations/items/999999", HttpStatusCode.NotFound);
        await GetJsonAsync("/ogc/collections/cooperations/items/abc", HttpStatusCode.NotFound);
        await GetJsonAsync("/ogc/collections/other/items", HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("offset=-1", "offset")]
    [InlineData("bbox=1,2,3", "bbox")]
    [InlineData("subsector=nonsense", "subsector")]
    [InlineData("f=xml", "f")]
    [InlineData("unknown=1", "unknown")]
    [InlineData("sector=design", "sector")]
    [InlineData("bbox-crs=EPSG:3857", "bbox-crs")]
    [InlineData("crs=EPSG:3857", "crs")]
    [InlineData("datetime=yesterday", "datetime")]
    [InlineData("datetime=../..", "datetime")]
    [InlineData("datetime=2025-01-01T00:00:00Z/2024-01-01T00:00:00Z", "datetime")]
    public async Task Bad_item_parameters_are_a_400_naming_them(string query, string parameter)
    {
        var (_, problem) = await GetJsonAsync("/ogc/collections/cooperations/items?" + query, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    [Theory]
    [InlineData("/ogc/collections/cooperations/items?limit=0&crs=EPSG:3857&subsector=nonsense&bbox=1,2,3", "limit", "crs", "subsector", "bbox")]
    [InlineData("/api/v1/cooperations?limit=0&subsector=nonsense", "limit", "subsector")]
    [InlineData("/api/v1/cooperations.csv?dialect=excel&subsector=nonsense", "dialect", "subsector")]
    [InlineData("/api/v1/map?subsector=nonsense&bbox=1,2,3", "subsector", "bbox")]
    public async Task Every_bad_parameter_of_one_request_is_named_in_one_answer(string url, params string[] parameters)
    {
        // An endpoint's own parameters (limit, crs, dialect) and the listing filter's are checked together, not one after the other.
        var (_, problem) = await GetJsonAsync(url, HttpStatusCode.BadRequest);
        var named = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToHashSet();
        Assert.All(parameters, parameter => Assert.Contains(parameter, named));
    }

    [Fact]
    public async Task Datetime_selects_by_the_date_of_publication()
    {
        var (_, all) = await GetJsonAsync("/ogc/collections/cooperations/items?datetime=2000-01-01T00:00:00Z/..&bbox-crs=" + Uri.EscapeDataString(KreativLand.Web.Api.OgcApi.Crs84));
        Assert.Equal(PublishedCount, all.GetProperty("numberMatched").GetInt32());
        var (_, none) = await GetJsonAsync("/ogc/collections/cooperations/items?datetime=../2000-01-01");
        Assert.Equal(0, none.GetProperty("numberMatched").GetInt32());
    }

    [Theory]
    [InlineData("/ogc")]
    [InlineData("/ogc/conformance")]
    [InlineData("/ogc/collections")]
    [InlineData("/ogc/collections/cooperations")]
    [InlineData("/ogc/collections/cooperations/items?limit=2")]
    public async Task Browsers_get_HTML_by_Accept_header_and_by_f_html(string url)
    {
        var client = site.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var document = await Html.ParseAsync(response);
        Assert.NotNull(document.QuerySelector("h1"));
        Assert.True(document.QuerySelectorAll("a[href]").Length >= 2);

        using var byParameter = await client.GetAsync(url + (url.Contains('?') ? "&" : "?") + "f=html");
        Assert.Equal("text/html", byParameter.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Html_items_link_to_each_feature_and_the_next_page()
    {
        var document = await site.CreateClient().GetDocumentAsync("/ogc/collections/cooperations/items?f=html&limit=5");
        var links = document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(5, links.Count(l => l.Contains("/items/") && l.EndsWith("f=html")));
        Assert.Contains(links, l => l.Contains("offset=5") && l.Contains("f=html"));
    }

    [Fact]
    public async Task HEAD_over_a_real_connection_has_headers_and_no_body_and_the_connection_stays_usable()
    {
        using var client = site.CreateClient();
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/ogc/collections/cooperations/items?limit=3"));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.NotNull(head.Headers.ETag);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        using var get = await client.GetAsync("/ogc/collections/cooperations/items?limit=3");
        Assert.Equal(head.Headers.ETag, get.Headers.ETag);
        Assert.Equal(3, JsonDocument.Parse(await get.Content.ReadAsStringAsync()).RootElement.GetProperty("numberReturned").GetInt32());
    }

    [GdalFact]
    public async Task Gdal_reads_the_layer()
    {
        var start = new ProcessStartInfo(GdalFactAttribute.Ogrinfo)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["GDAL_HTTP_TIMEOUT"] = "20", ["CPL_DEBUG"] = "OFF" },
        };
        foreach (var argument in new[] { "-ro", "-al", "-so", $"OAPIF:{site.BaseAddress.ToString().TrimEnd('/')}/ogc", "cooperations" })
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        var text = await output;
        Assert.True(process.ExitCode == 0, $"ogrinfo exit {process.ExitCode}: {text}\n{await errors}");
        Assert.Contains("Layer name: cooperations", text);
        Assert.Contains($"Feature Count: {PublishedCount}", text);
        Assert.Contains("Geometry: Point", text);
        Assert.Contains("title: String", text);
        Assert.Contains("municipality: String", text);
    }
}

/// <summary>Runs only where GDAL is installed (./test.sh installs gdal-bin); elsewhere the skip reason says why.</summary>
public sealed class GdalFactAttribute : FactAttribute
{
    public const string Ogrinfo = "/usr/bin/ogrinfo";

    public GdalFactAttribute()
    {
        if (!File.Exists(Ogrinfo))
            Skip = $"{Ogrinfo} is missing: install Debian's gdal-bin (./test.sh does) to test GDAL's view of /ogc.";
    }
}
