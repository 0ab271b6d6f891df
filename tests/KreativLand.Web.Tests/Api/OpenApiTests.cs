using System.Text.Json;
using KreativLand.Web.Tests.Infrastructure;

namespace KreativLand.Web.Tests.Api;

public class OpenApiTests(MapDataWebFixture site) : IClassFixture<MapDataWebFixture>
{
    private async Task<JsonElement> DocumentAsync()
    {
        using var response = await site.CreateClient().GetAsync("/openapi/v1.json");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static JsonElement Get(JsonElement document, string path) => document.GetProperty("paths").GetProperty(path).GetProperty("get");

    private static Dictionary<string, JsonElement> Parameters(JsonElement operation) =>
        operation.GetProperty("parameters").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);

    [Fact]
    public async Task The_document_covers_every_api_endpoint_with_summaries()
    {
        var document = await DocumentAsync();
        Assert.StartsWith("3.", document.GetProperty("openapi").GetString());
        Assert.Equal("KreativLand API", document.GetProperty("info").GetProperty("title").GetString());
        foreach (var path in new[] { "/api/v1/cooperations", "/api/v1/cooperations/{slug}", "/api/v1/cooperations.csv", "/api/v1/cooperations.geojson",
                     "/api/v1/subsectors", "/api/v1/facets", "/api/v1/regions", "/api/v1/regions/{slug}", "/ogc/collections/{collectionId}/items" })
        {
            var operation = Get(document, path);
            Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()), path);
            Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("operationId").GetString()), path);
        }
    }

    [Theory]
    [InlineData("/api/v1/cooperations")]
    [InlineData("/api/v1/cooperations.csv")]
    [InlineData("/api/v1/cooperations.geojson")]
    [InlineData("/api/v1/facets")]
    [InlineData("/ogc/collections/{collectionId}/items")]
    public async Task Every_filter_parameter_is_described_with_an_example(string path)
    {
        var parameters = Parameters(Get(await DocumentAsync(), path));
        foreach (var name in new[] { "subsector", "country", "region", "regionValue", "partnerValue", "contact", "duration", "q", "bbox", "near", "radiusKm", "lang" })
        {
            Assert.True(parameters.TryGetValue(name, out var parameter), $"{path} lacks {name}");
            Assert.Equal("query", parameter.GetProperty("in").GetString());
            Assert.True(parameter.GetProperty("description").GetString()!.Length > 15, $"{path} {name}");
            Assert.True(parameter.TryGetProperty("example", out _), $"{path} {name} has no example");
        }
        var subsector = parameters["subsector"].GetProperty("schema");
        Assert.Equal("array", subsector.GetProperty("type").GetString());
        Assert.Contains("design", subsector.GetProperty("items").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Ogc_limit_is_documented_with_its_bounds()
    {
        var limit = Parameters(Get(await DocumentAsync(), "/ogc/collections/{collectionId}/items"))["limit"].GetProperty("schema");
        Assert.Equal(1000, limit.GetProperty("maximum").GetInt32());
        Assert.Equal(10, limit.GetProperty("default").GetInt32());
    }

    [Theory]
    [InlineData("/de/api", "Filterparameter")]
    [InlineData("/en/api", "Filter parameters")]
    public async Task The_api_page_explains_every_parameter_and_links_the_document(string url, string heading)
    {
        var document = await site.CreateClient().GetDocumentAsync(url);
        Assert.Contains(heading, document.QuerySelector("#parameters")!.TextContent);
        foreach (var name in new[] { "subsector", "country", "region", "regionValue", "partnerValue", "contact", "duration", "q", "bbox", "near", "radiusKm", "lang", "limit", "offset", "f" })
        {
            var row = document.QuerySelector($"tr[data-parameter='{name}']");
            Assert.NotNull(row);
            Assert.Contains($"{name}=", row!.QuerySelector("a")!.GetAttribute("href"));
        }
        Assert.NotNull(document.QuerySelector("a[href='/openapi/v1.json']"));
        Assert.NotNull(document.QuerySelector("a[href^='/api/v1/cooperations.csv']"));
        Assert.NotNull(document.QuerySelector("a[href^='/ogc']"));
        // Every example link answers.
        foreach (var href in document.QuerySelectorAll(".api-parameters a").Select(a => a.GetAttribute("href")!))
        {
            using var response = await site.CreateClient().GetAsync(href);
            Assert.True(response.IsSuccessStatusCode, $"{href}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task The_footer_links_the_api_page()
    {
        var document = await site.CreateClient().GetDocumentAsync("/en/");
        Assert.NotNull(document.QuerySelector("footer a[href$='/api']"));
    }
}
