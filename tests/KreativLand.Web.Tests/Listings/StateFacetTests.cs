using System.Net;
using System.Text.Json;
using KreativLand.Web.Tests.Infrastructure;

namespace KreativLand.Web.Tests.Listings;

/// <summary>
/// The state facet (state=): the listings' own region text, normalised per country, beside the country facet in the list,
/// the map's form, the API, the embed and the evaluation. TestData/map.json writes Saxony as "Sachsen" and "Freistaat Sachsen",
/// and keeps a draft in "Bayern" that must not show.
/// </summary>
public class StateFacetTests(SharedMapDataWebFixture site) : IClassFixture<SharedMapDataWebFixture>
{
    private static string[] Slugs(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll(".result-list .card-title a").Select(a => a.GetAttribute("href")!.Split('/').Last()).Order(StringComparer.Ordinal).ToArray();

    private async Task<string[]> ApiSlugsAsync(string query)
    {
        var collection = await site.CreateClient().GetJsonAsync("/api/v1/cooperations" + query);
        return collection.GetProperty("features").EnumerateArray()
            .Select(f => f.GetProperty("properties").GetProperty("slug").GetString()!).Order(StringComparer.Ordinal).ToArray();
    }

    [Theory]
    [InlineData("/en/", "Saxony", "Tyrol", "Germany")]
    [InlineData("/de/", "Sachsen", "Tirol", "Deutschland")]
    [InlineData("/en/cooperations", "Saxony", "Tyrol", "Germany")]
    [InlineData("/de/embed", "Sachsen", "Tirol", "Deutschland")]
    public async Task The_form_offers_each_state_once_by_country_with_its_count(string url, string saxony, string tyrol, string germany)
    {
        var page = await site.CreateClient().GetDocumentAsync(url);
        var facet = page.QuerySelector("[data-facet='state']") ?? throw new Xunit.Sdk.XunitException("no state facet on " + url);
        var boxes = facet.QuerySelectorAll("input[name=state]").Select(i => i.GetAttribute("value")!).ToArray();
        // "Sachsen" and "Freistaat Sachsen" are one state; the draft's Bayern is not public.
        Assert.Equal(["AT-steiermark", "AT-tirol", "DE-sachsen", "NO-trondelag", "PT-norte"], boxes.Order(StringComparer.Ordinal));
        Assert.Equal(boxes.Length, boxes.Distinct().Count());
        var label = facet.QuerySelector("label[for='f-state-de-sachsen']")!.TextContent;
        Assert.StartsWith(saxony, label.Trim());
        Assert.Contains("(3)", label);
        Assert.StartsWith(tyrol, facet.QuerySelector("label[for='f-state-at-tirol']")!.TextContent.Trim());
        // Grouped under the country's name, in the page language.
        Assert.Contains(facet.QuerySelectorAll("fieldset.facet-subgroup"), group =>
            group.QuerySelector("legend")!.TextContent.Trim() == germany && group.QuerySelector("input[value='DE-sachsen']") is not null);
        // Closed until a state is chosen.
        Assert.False(facet.ParentElement!.HasAttribute("open"));
    }

    [Theory]
    [InlineData("?state=DE-sachsen", new[] { "erz-code", "lausitz-film", "vogtland-crafts" })]
    [InlineData("?state=de-SN", new[] { "erz-code", "lausitz-film", "vogtland-crafts" })] // ISO 3166-2
    [InlineData("?state=Saxony", new[] { "erz-code", "lausitz-film", "vogtland-crafts" })] // a name only one country knows
    [InlineData("?state=AT-tirol&state=PT-norte", new[] { "porto-architecture", "tirol-music" })]
    [InlineData("?state=AT-tirol,AT-steiermark", new[] { "goelles-experience", "tirol-music" })]
    [InlineData("?state=DE-sachsen&subsector=design", new[] { "vogtland-crafts" })]
    [InlineData("?state=DE-bayern", new string[0])] // only a draft lies there
    [InlineData("?state=IT-toscana", new string[0])] // well formed, no listing
    public async Task The_list_and_the_API_filter_by_state(string query, string[] expected)
    {
        Assert.Equal(expected, Slugs(await site.CreateClient().GetDocumentAsync("/en/cooperations" + query)));
        Assert.Equal(expected, await ApiSlugsAsync(query));
        var map = await site.CreateClient().GetJsonAsync("/api/v1/map" + query);
        Assert.Equal(expected.Length, map.GetProperty("features").GetArrayLength());
    }

    [Fact]
    public async Task A_chosen_state_is_ticked_its_group_open_and_it_goes_into_the_links()
    {
        var page = await site.CreateClient().GetDocumentAsync("/en/cooperations?state=Tirol");
        var box = page.QuerySelector("input[name=state][value='AT-tirol']")!;
        Assert.True(box.HasAttribute("checked"));
        Assert.True(page.QuerySelector("details.facet-states")!.HasAttribute("open"));
        // Links made from the filter carry the key, not the name it was asked by.
        Assert.Contains("state=AT-tirol", page.QuerySelector("a[data-download='csv']")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Facet_counts_count_states_under_the_other_conditions_and_countries_under_the_state()
    {
        var facets = await site.CreateClient().GetJsonAsync("/api/v1/facets?country=AT&state=DE-sachsen");
        Assert.Equal(0, facets.GetProperty("total").GetInt32());
        var states = facets.GetProperty("state");
        // States are counted within the chosen country …
        Assert.Equal(1, states.GetProperty("AT-tirol").GetInt32());
        Assert.Equal(1, states.GetProperty("AT-steiermark").GetInt32());
        Assert.False(states.TryGetProperty("DE-sachsen", out _));
        // … countries within the chosen state.
        Assert.Equal(3, facets.GetProperty("country").GetProperty("DE").GetInt32());
        Assert.False(facets.GetProperty("country").TryGetProperty("AT", out _));

        var all = await site.CreateClient().GetJsonAsync("/api/v1/facets");
        Assert.Equal(3, all.GetProperty("state").GetProperty("DE-sachsen").GetInt32());
        Assert.False(all.GetProperty("state").TryGetProperty("DE-bayern", out _));
        Assert.Equal(5, all.GetProperty("state").EnumerateObject().Count());
    }

    [Theory]
    [InlineData("/api/v1/cooperations?state=DE-atlantis", "DE-atlantis")]
    [InlineData("/api/v1/facets?state=Atlantis", "Atlantis")]
    [InlineData("/api/v1/map?state=ZZ-nowhere", "ZZ-nowhere")]
    [InlineData("/api/v1/stats?state=BE", "BE")] // Berlin or Bern: two countries know it
    public async Task An_unknown_state_is_named_in_a_400_problem(string url, string value)
    {
        using var response = await site.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var message = problem.GetProperty("errors").GetProperty("state")[0].GetString()!;
        Assert.Contains(value, message);
        Assert.Contains("DE-sachsen", message); // says what would do
    }

    [Theory]
    [InlineData("/de/cooperations?state=DE-atlantis", "state: Unbekanntes Bundesland")]
    [InlineData("/en/cooperations?state=DE-atlantis", "state: Unknown state or region")]
    public async Task The_pages_name_an_unknown_state_in_the_page_language(string url, string message)
    {
        using var response = await site.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.StartsWith(message, page.QuerySelector("#filter-errors li")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_embed_carries_the_state_into_both_snippets_and_the_map()
    {
        var page = await site.CreateClient().GetDocumentAsync("/en/embed?state=AT-tirol&lang=en");
        Assert.Contains("/embed/map?state=AT-tirol&amp;lang=en", page.QuerySelector("#iframe-snippet")!.TextContent);
        Assert.Contains("data-state=\"AT-tirol\"", page.QuerySelector("#script-snippet")!.TextContent);
        var map = await site.CreateClient().GetDocumentAsync("/embed/map?state=AT-tirol&lang=en");
        Assert.Equal("state=AT-tirol", map.QuerySelector("[data-query]")!.GetAttribute("data-query"));
        using var bad = await site.CreateClient().GetAsync("/embed/map?state=DE-atlantis");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Theory]
    [InlineData("/en/evaluation", "Saxony (DE)", "3 of 7 (42.9 %)")]
    [InlineData("/de/evaluation", "Sachsen (DE)", "3 von 7 (42,9 %)")]
    public async Task The_evaluation_counts_by_state_and_filters_by_it(string url, string saxony, string share)
    {
        var page = await site.CreateClient().GetDocumentAsync(url);
        var row = page.QuerySelectorAll("[data-category='states'] tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Trim() == saxony);
        Assert.Equal(share, row.QuerySelector("[data-share]")!.TextContent.Trim());
        Assert.Equal(5, page.QuerySelectorAll("[data-category='states'] tbody tr").Length);
        Assert.NotNull(page.QuerySelector("form.evaluation-filter input[name=state][value='DE-sachsen']"));

        var filtered = await site.CreateClient().GetDocumentAsync(url + "?state=AT-tirol");
        Assert.Contains("1", filtered.Text("#evaluation-total"));
        Assert.True(filtered.QuerySelector("form.evaluation-filter input[name=state][value='AT-tirol']")!.HasAttribute("checked"));
        Assert.Empty(filtered.QuerySelectorAll("form.evaluation-filter input[type=hidden][name=state]"));
    }

    [Fact]
    public async Task The_statistics_API_names_the_states_in_the_language_asked_for()
    {
        var stats = await site.CreateClient().GetJsonAsync("/api/v1/stats?lang=en");
        var saxony = stats.GetProperty("states").EnumerateArray().Single(s => s.GetProperty("code").GetString() == "DE-sachsen");
        Assert.Equal("Saxony", saxony.GetProperty("label").GetString());
        Assert.Equal(3, saxony.GetProperty("count").GetInt32());
        Assert.Equal("DE", saxony.GetProperty("country").GetString());
        Assert.Equal("DE-SN", saxony.GetProperty("iso").GetString());
        var norte = stats.GetProperty("states").EnumerateArray().Single(s => s.GetProperty("code").GetString() == "PT-norte");
        Assert.Equal("Norte", norte.GetProperty("label").GetString());
        Assert.Equal(JsonValueKind.Null, norte.GetProperty("iso").ValueKind);
        var german = await site.CreateClient().GetJsonAsync("/api/v1/stats?lang=de&state=DE-sachsen");
        Assert.Equal(3, german.GetProperty("total").GetInt32());
        Assert.Equal("Sachsen", german.GetProperty("states")[0].GetProperty("label").GetString());
    }
}
