using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using KreativLand.Web.Api;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace KreativLand.Web.Tests.Infrastructure;

/// <summary>One rule on every public page and endpoint: an unknown parameter is a 400 naming it; lang chooses the language of answers and errors.</summary>
public class QueryParametersTests(SharedMapDataWebFixture site) : IClassFixture<SharedMapDataWebFixture>
{
    private HttpClient Client(string acceptLanguage = "de")
    {
        var client = site.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(acceptLanguage));
        return client;
    }

    /// <summary>Every API, OGC and feed endpoint of the app's endpoint data source, its route filled with values that exist.</summary>
    public static TheoryData<string> DataEndpoints()
    {
        var data = new TheoryData<string>();
        foreach (var (name, path) in DocumentedRoutes()) data.Add(name + " " + path);
        return data;
    }

    internal static IEnumerable<(string Name, string Path)> DocumentedRoutes() =>
    [
        ("ListCooperations", "/api/v1/cooperations"), ("ListMapPoints", "/api/v1/map"), ("GetCooperation", "/api/v1/cooperations/{slug}"),
        ("ListSubsectors", "/api/v1/subsectors"), ("GetFacets", "/api/v1/facets"), ("SuggestPlaces", "/api/v1/places"),
        ("ListRegions", "/api/v1/regions"), ("GetRegion", "/api/v1/regions/{slug}"), ("GetStatistics", "/api/v1/stats"),
        ("ExportCooperationsCsv", "/api/v1/cooperations.csv"), ("ExportCooperationsGeoJson", "/api/v1/cooperations.geojson"),
        ("FeedOfNewCooperations", "/feed.atom"), ("OgcLandingPage", "/ogc"), ("OgcConformance", "/ogc/conformance"),
        ("OgcCollections", "/ogc/collections"), ("OgcCollection", "/ogc/collections/{collectionId}"),
        ("OgcItems", "/ogc/collections/{collectionId}/items"), ("OgcItem", "/ogc/collections/{collectionId}/items/{featureId}"),
    ];

    [Fact]
    public void The_list_above_is_every_named_endpoint_of_the_app()
    {
        var named = site.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Name: e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName, Path: "/" + e.RoutePattern.RawText!.Trim('/')))
            .Where(e => e.Name is not null && !e.Path.StartsWith("/health", StringComparison.Ordinal))
            .Select(e => (e.Name!, e.Path)).OrderBy(e => e.Item1).ToList();
        Assert.Equal(DocumentedRoutes().OrderBy(e => e.Name).ToList(), named);
        Assert.All(named, e => Assert.True(ApiParameters.Documents(e.Item1), e.Item1));
    }

    internal static async Task<string> FillAsync(string path, HttpClient client)
    {
        if (!path.Contains('{')) return path;
        var first = (await client.GetJsonAsync("/api/v1/cooperations?lang=de")).GetProperty("features")[0].GetProperty("properties");
        var region = (await client.GetJsonAsync("/api/v1/regions"))[0].GetProperty("slug").GetString()!;
        return path.Replace("/regions/{slug}", "/regions/" + region)
            .Replace("{slug}", first.GetProperty("slug").GetString())
            .Replace("{collectionId}", OgcApi.CollectionId)
            .Replace("{featureId}", first.GetProperty("id").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [MemberData(nameof(DataEndpoints))]
    public async Task Every_data_endpoint_answers_an_unknown_parameter_with_a_problem_naming_it(string endpoint)
    {
        var client = Client();
        var path = await FillAsync(endpoint.Split(' ')[1], client);
        using (var good = await client.GetAsync(path))
            Assert.True(good.StatusCode == HttpStatusCode.OK, $"{path}: {(int)good.StatusCode}");
        using var response = await client.GetAsync(path + "?lang=en&sector=design");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var message = Assert.Single(problem.GetProperty("errors").EnumerateObject()).Value[0].GetString()!;
        Assert.Contains("There is no parameter 'sector' here", message);
    }

    [Fact]
    public async Task The_issue_example_sector_design_is_refused_not_answered_with_everything()
    {
        var (_, problem) = await Client().GetJsonResponseAsync("/api/v1/cooperations?sector=design", HttpStatusCode.BadRequest);
        Assert.Contains("subsector", problem.GetProperty("errors").GetProperty("sector")[0].GetString()); // names what it takes
    }

    [Theory]
    [InlineData("/api/v1/cooperations?subsector=nonsense&lang=en", "de", "Unknown subsector")]
    [InlineData("/api/v1/cooperations?subsector=nonsense&lang=de", "en", "Unbekannte Teilbranche")]
    [InlineData("/ogc/collections/cooperations/items?limit=0&lang=en", "de", "must be a whole number")]
    [InlineData("/api/v1/cooperations/no-such-listing?lang=en", "de", "Not found")]
    public async Task Lang_sets_the_language_of_error_texts_over_Accept_Language(string url, string acceptLanguage, string expected)
    {
        using var response = await Client(acceptLanguage).GetAsync(url);
        Assert.False(response.IsSuccessStatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/api/v1/cooperations?lang=fr")]
    [InlineData("/ogc?lang=EN-x")]
    [InlineData("/feed.atom?lang=")]
    public async Task An_unsupported_lang_is_a_400_naming_lang(string url)
    {
        var (_, problem) = await Client().GetJsonResponseAsync(url, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("lang", out _), problem.ToString());
    }

    [Theory]
    [InlineData("/", "/en/")]
    [InlineData("/cooperations?subsector=design&lang=en", "/en/cooperations?subsector=design")]
    [InlineData("/en/evaluation?lang=de&country=DE", "/de/evaluation?country=DE")]
    [InlineData("/partners?lang=en", "/en/partners")]
    public async Task Lang_on_a_page_leads_to_its_address_in_that_language(string url, string expected)
    {
        if (url == "/") url = "/?lang=en";
        using var response = await Client().GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_embedded_map_keeps_lang_as_its_parameter()
    {
        using var response = await Client().GetAsync("/embed/map?lang=en");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await Html.ParseAsync(response);
        Assert.Equal("en", document.DocumentElement.GetAttribute("lang"));
    }

    [Theory]
    [InlineData("/cooperations?sector=design", "sector")]
    [InlineData("/?subsector=design&colour=red", "colour")]
    [InlineData("/en/cooperations/some-slug?x=1", "x")]
    [InlineData("/partners?page=2", "page")]
    [InlineData("/evaluation?p=1", "p")]
    [InlineData("/knowledge?q=x", "q")]
    [InlineData("/api?format=json", "format")]
    [InlineData("/embed/map?subsector=design&lang=en&zoomm=5", "zoomm")]
    [InlineData("/imprint?draft=1", "draft")]
    [InlineData("/cooperations?lang=xx", "lang")]
    public async Task Pages_answer_an_unknown_parameter_with_a_400_page_naming_it_and_a_way_on(string url, string parameter)
    {
        using var response = await Client().GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var document = await Html.ParseAsync(response);
        var items = document.QuerySelectorAll("#unknown-parameters li").Select(li => li.TextContent).ToList();
        Assert.Contains(items, text => text.StartsWith(parameter + ":", StringComparison.Ordinal));
        var onward = document.QuerySelector("#without-unknown-parameters")!.GetAttribute("href")!;
        Assert.DoesNotContain(parameter + "=", onward);
        if (parameter != "lang" && !url.Contains("some-slug"))
        {
            using var retry = await Client().GetAsync(onward);
            Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        }
    }

    [Theory]
    [InlineData("/cooperations?utm_source=newsletter&utm_campaign=x")]
    [InlineData("/en/?fbclid=abc")]
    public async Task Campaign_tags_of_shared_links_do_not_break_pages(string url)
    {
        using var response = await Client().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Campaign_tags_are_still_unknown_to_the_api()
    {
        using var response = await Client().GetAsync("/api/v1/cooperations?utm_source=x");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("p=0", "p: ")]
    [InlineData("p=abc", "\"abc\" is not a page number")]
    [InlineData("p=99", "There is no page 99")]
    [InlineData("p=-1", "p: ")]
    public async Task A_bad_or_too_high_page_number_is_a_400_naming_p(string query, string expected)
    {
        using var response = await Client().GetAsync("/en/cooperations?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var document = await Html.ParseAsync(response);
        Assert.Contains(expected, document.Text("#filter-errors"));
    }

    [Fact]
    public async Task A_page_that_exists_is_fine()
    {
        using var response = await Client().GetAsync("/en/cooperations?p=1");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
