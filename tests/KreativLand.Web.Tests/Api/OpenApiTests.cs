using System.Diagnostics;
using System.Net;
using System.Text.Json;
using KreativLand.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace KreativLand.Web.Tests.Api;

public class OpenApiTests(SharedMapDataWebFixture site) : IClassFixture<SharedMapDataWebFixture>
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
    public async Task Every_documented_operation_has_a_summary_and_a_unique_operation_id()
    {
        // Which endpoints must be documented at all: Every_endpoint_of_the_endpoint_data_source_is_documented.
        var document = await DocumentAsync();
        Assert.StartsWith("3.", document.GetProperty("openapi").GetString());
        Assert.Equal("KreativLand API", document.GetProperty("info").GetProperty("title").GetString());
        var operations = Operations(document).ToList();
        Assert.True(operations.Count >= 18, $"{operations.Count} operations");
        foreach (var (path, operation) in operations)
        {
            Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()), path);
            Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("operationId").GetString()), path);
        }
        Assert.Equal(operations.Count, operations.Select(o => o.Operation.GetProperty("operationId").GetString()).Distinct().Count());
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
        foreach (var name in new[] { "subsector", "country", "state", "region", "regionValue", "partnerValue", "contact", "duration", "q", "bbox", "near", "radiusKm", "lang" })
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
        foreach (var name in new[] { "subsector", "country", "state", "region", "regionValue", "partnerValue", "contact", "duration", "q", "bbox", "near", "radiusKm", "lang", "limit", "offset", "f" })
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

    private static IEnumerable<(string Path, JsonElement Operation)> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject().SelectMany(path => path.Value.EnumerateObject().Select(op => (path.Name, op.Value)));

    [Fact]
    public async Task Every_endpoint_of_the_endpoint_data_source_is_documented()
    {
        var document = await DocumentAsync();
        var documented = Operations(document).Select(o => o.Path).ToHashSet();
        var endpoints = site.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>() is not null
                && e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is null
                && !e.Metadata.Any(m => m.GetType().Name == "StaticAssetDescriptor")
                && e.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true })
            .Select(e => "/" + e.RoutePattern.RawText!.Trim('/'))
            .Where(path => !path.StartsWith("/health", StringComparison.Ordinal) && !path.StartsWith("/openapi", StringComparison.Ordinal))
            .ToList();
        Assert.True(endpoints.Count >= 18, string.Join(", ", endpoints));
        Assert.All(endpoints, path => Assert.Contains(path, documented));
        Assert.Equal(QueryParametersTests.DocumentedRoutes().Select(r => r.Path).Order(), documented.Order());
    }

    [Fact]
    public async Task Every_operation_documents_its_answers_with_media_types_and_schemas()
    {
        var document = await DocumentAsync();
        var schemas = document.GetProperty("components").GetProperty("schemas");
        foreach (var (path, operation) in Operations(document))
        {
            var responses = operation.GetProperty("responses");
            var ok = responses.GetProperty("200").GetProperty("content");
            Assert.True(ok.EnumerateObject().Any(), path);
            foreach (var media in ok.EnumerateObject())
            {
                var schema = media.Value.GetProperty("schema");
                if (schema.TryGetProperty("$ref", out var reference))
                    Assert.True(schemas.TryGetProperty(reference.GetString()!.Split('/')[^1], out _), $"{path} {reference}");
                else Assert.True(schema.TryGetProperty("type", out _), $"{path} {media.Name}");
            }
            Assert.True(responses.TryGetProperty("304", out _), path);
            Assert.True(responses.GetProperty("400").GetProperty("content").TryGetProperty("application/problem+json", out _), path);
            Assert.Equal(path.Contains('{'), responses.TryGetProperty("404", out var notFound));
            if (path.Contains('{')) Assert.True(notFound.GetProperty("content").TryGetProperty("application/problem+json", out _), path);
            Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("tags")[0].GetString()), path);
        }
        Assert.Contains("CC BY 4.0", document.GetProperty("info").GetProperty("license").GetProperty("name").GetString());
    }

    /// <summary>Each operation called with all its documented examples at once, and with each alone, answers 200.</summary>
    [Fact]
    public async Task Every_documented_example_answers_as_documented()
    {
        var document = await DocumentAsync();
        var client = site.CreateClient();
        var tried = 0;
        foreach (var (path, operation) in Operations(document))
        {
            var parameters = operation.TryGetProperty("parameters", out var list) ? list.EnumerateArray().ToList() : [];
            var url = path;
            foreach (var parameter in parameters.Where(p => p.GetProperty("in").GetString() == "path"))
            {
                Assert.True(parameter.TryGetProperty("example", out var example), $"{path} {parameter.GetProperty("name")}");
                url = url.Replace("{" + parameter.GetProperty("name").GetString() + "}", Uri.EscapeDataString(example.ToString()));
            }
            var pairs = new List<(string Name, string Value)>();
            foreach (var parameter in parameters.Where(p => p.GetProperty("in").GetString() == "query"))
            {
                var name = parameter.GetProperty("name").GetString()!;
                Assert.True(parameter.TryGetProperty("example", out var example), $"{path} {name} has no example");
                var values = example.ValueKind == JsonValueKind.Array ? example.EnumerateArray().Select(v => v.ToString()).ToList() : [example.ToString()];
                Assert.Equal(parameter.GetProperty("schema").GetProperty("type").GetString() == "array", example.ValueKind == JsonValueKind.Array);
                pairs.AddRange(values.Select(v => (name, v)));
            }
            string Query(IEnumerable<(string Name, string Value)> chosen) =>
                string.Join('&', chosen.Select(p => Uri.EscapeDataString(p.Name) + "=" + Uri.EscapeDataString(p.Value)));
            var requests = new List<string> { url + (pairs.Count > 0 ? "?" + Query(pairs) : "") };
            // radiusKm is the radius around near: alone it is (rightly) refused, so it is tried with near.
            requests.AddRange(pairs.Where(p => p.Name != "radiusKm").Select(p => url + "?" + Query([p])));
            foreach (var request in requests)
            {
                using var response = await client.GetAsync(request);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{request}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                tried++;
            }
        }
        Assert.True(tried > 100, $"only {tried} requests");
    }

    [RedoclyFact]
    public async Task Redocly_lint_finds_no_error_and_no_warning()
    {
        // As served to its public host: the servers entry is the request's origin, and a linter rightly warns about localhost.
        using var request = new HttpRequestMessage(HttpMethod.Get, "/openapi/v1.json") { Headers = { Host = "opendata.kreativland.eu" } };
        using var response = await site.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var file = Path.Combine(Path.GetTempPath(), $"kreativland-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, await response.Content.ReadAsStringAsync());
        try
        {
            var start = new ProcessStartInfo(RedoclyFactAttribute.Redocly) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[] { "lint", file, "--format=json" }) start.ArgumentList.Add(argument);
            start.Environment["REDOCLY_TELEMETRY"] = "off";
            start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(timeout.Token);
            var text = await output;
            Assert.True(text.Contains('{'), $"redocly printed no report (exit {process.ExitCode}): {text}\n{await errors}");
            var report = JsonDocument.Parse(text[text.IndexOf('{')..]).RootElement;
            var problems = string.Join("\n", report.GetProperty("problems").EnumerateArray()
                .Select(p => $"{p.GetProperty("severity")} {p.GetProperty("ruleId")}: {p.GetProperty("message")} at {p.GetProperty("location")[0].GetProperty("pointer")}"));
            Assert.True(report.GetProperty("totals").GetProperty("errors").GetInt32() == 0, problems);
            Assert.True(report.GetProperty("totals").GetProperty("warnings").GetInt32() == 0, problems);
            Assert.Equal(0, process.ExitCode);
        }
        finally { File.Delete(file); }
    }
}

/// <summary>Runs where ./test.sh has installed the linter (npm ci in tests/openapi-lint); elsewhere the skip reason says how.</summary>
public sealed class RedoclyFactAttribute : FactAttribute
{
    public static readonly string Redocly = Path.Combine(SourceTree.Root, "tests", "openapi-lint", "node_modules", ".bin", "redocly");

    public RedoclyFactAttribute()
    {
        if (!File.Exists(Redocly))
            Skip = $"{Redocly} is missing: ./test.sh installs it (npm ci in tests/openapi-lint).";
    }
}
