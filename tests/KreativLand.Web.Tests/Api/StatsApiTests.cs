using System.Net;
using System.Text.Json;
using KreativLand.Web.Tests.Infrastructure;

namespace KreativLand.Web.Tests.Api;

/// <summary>GET /api/v1/stats over the purpose-made map data (7 published listings, the clock in 2026).</summary>
public class StatsApiTests(SharedMapDataWebFixture site) : IClassFixture<SharedMapDataWebFixture>
{
    private Task<JsonElement> GetJsonAsync(string url, HttpStatusCode expected = HttpStatusCode.OK) =>
        site.CreateClient().GetJsonAsync(url, expected);

    private static (int Count, double? Percent) Option(JsonElement stats, string category, string code)
    {
        var option = stats.GetProperty("categories").EnumerateArray().Single(c => c.GetProperty("code").GetString() == category)
            .GetProperty("options").EnumerateArray().Single(o => o.GetProperty("code").GetString() == code);
        var percent = option.GetProperty("percent");
        return (option.GetProperty("count").GetInt32(), percent.ValueKind == JsonValueKind.Null ? null : percent.GetDouble());
    }

    private static Dictionary<string, int> Counts(JsonElement stats, string property) =>
        stats.GetProperty(property).EnumerateArray().ToDictionary(o => o.GetProperty("code").GetString()!, o => o.GetProperty("count").GetInt32());

    [Fact]
    public async Task All_published_listings_are_counted_per_option_with_one_decimal_percentages()
    {
        var stats = await GetJsonAsync("/api/v1/stats");
        Assert.Equal(7, stats.GetProperty("total").GetInt32()); // the draft is not counted

        Assert.Equal((1, 14.3), Option(stats, "contact", "targeted-contact"));
        Assert.Equal((1, 14.3), Option(stats, "contact", "previous-collaboration"));
        Assert.Equal((1, 14.3), Option(stats, "contact", "joint-events"));
        Assert.Equal((2, 28.6), Option(stats, "regionValue", "tourism-offer"));
        Assert.Equal((1, 14.3), Option(stats, "regionValue", "location-attractiveness"));
        Assert.Equal((0, 0.0), Option(stats, "regionValue", "regional-infrastructure"));
        Assert.Equal((1, 14.3), Option(stats, "regionValue", "skilled-workers"));
        Assert.Equal((1, 14.3), Option(stats, "partnerValue", "innovation"));
        Assert.Equal((1, 14.3), Option(stats, "partnerValue", "quality-improvement"));
        Assert.Equal((1, 14.3), Option(stats, "partnerValue", "interlinking-skills"));
        // 2026: erz-code 11 years and continuous, goelles 3, karakoje 4, lausitz-film exactly 2 (not longer than 2).
        Assert.Equal((3, 42.9), Option(stats, "duration", "more-than-2-years"));
        Assert.Equal((1, 14.3), Option(stats, "duration", "more-than-5-years"));
        Assert.Equal((1, 14.3), Option(stats, "duration", "continuous"));

        Assert.Equal(new Dictionary<string, int> { ["DE"] = 3, ["AT"] = 2, ["NO"] = 1, ["PT"] = 1 }, Counts(stats, "countries"));
        Assert.Equal(new Dictionary<string, int>
        {
            ["design"] = 2, ["software-games"] = 1, ["performing-arts"] = 1, ["film"] = 1, ["arts-crafts"] = 1, ["music"] = 1, ["architecture"] = 1,
        }, Counts(stats, "subsectors"));

        var pairings = stats.GetProperty("pairings").EnumerateArray()
            .Select(p => $"{p.GetProperty("sector").GetString()}×{p.GetProperty("subsector").GetString()}={p.GetProperty("count").GetInt32()}").ToArray();
        Assert.Equal(["A×software-games=1", "C×design=2", "C×arts-crafts=1", "×music=1", "×film=1", "×performing-arts=1", "×architecture=1"], pairings);
        Assert.Equal("agrees", stats.GetProperty("pairingFinding").GetProperty("verdict").GetString());
    }

    [Fact]
    public async Task The_map_filter_narrows_the_selection_and_the_percentages_follow()
    {
        var germany = await GetJsonAsync("/api/v1/stats?country=DE");
        Assert.Equal(3, germany.GetProperty("total").GetInt32());
        Assert.Equal((1, 33.3), Option(germany, "contact", "targeted-contact"));
        Assert.Equal((1, 33.3), Option(germany, "duration", "more-than-2-years"));
        Assert.Equal(new Dictionary<string, int> { ["DE"] = 3 }, Counts(germany, "countries"));

        var design = await GetJsonAsync("/api/v1/stats?subsector=design");
        Assert.Equal(2, design.GetProperty("total").GetInt32());
        Assert.Equal((1, 50.0), Option(design, "regionValue", "tourism-offer"));
        Assert.Equal((0, 0.0), Option(design, "contact", "targeted-contact"));
        // Subsector counts show every subsector of the selected listings (vogtland-crafts also has arts & crafts).
        Assert.Equal(new Dictionary<string, int> { ["design"] = 2, ["arts-crafts"] = 1 }, Counts(design, "subsectors"));

        var both = await GetJsonAsync("/api/v1/stats?subsector=design&country=AT");
        Assert.Equal(1, both.GetProperty("total").GetInt32());
        Assert.Equal((1, 100.0), Option(both, "regionValue", "location-attractiveness"));

        // Any map parameter works, e.g. the duration filter: the selection keeps its own duration condition.
        var longer = await GetJsonAsync("/api/v1/stats?duration=more-than-2-years");
        Assert.Equal(3, longer.GetProperty("total").GetInt32());
        Assert.Equal((3, 100.0), Option(longer, "duration", "more-than-2-years"));
        Assert.Equal((1, 33.3), Option(longer, "duration", "more-than-5-years"));
    }

    [Fact]
    public async Task An_empty_selection_has_no_percentages()
    {
        var none = await GetJsonAsync("/api/v1/stats?country=FR");
        Assert.Equal(0, none.GetProperty("total").GetInt32());
        Assert.Equal((0, null), Option(none, "contact", "targeted-contact"));
    }

    [Fact]
    public async Task Labels_come_in_the_requested_language()
    {
        var english = await GetJsonAsync("/api/v1/stats?lang=en");
        var german = await GetJsonAsync("/api/v1/stats?lang=de");
        string Label(JsonElement stats) => stats.GetProperty("categories")[3].GetProperty("options")[0].GetProperty("label").GetString()!;
        Assert.Equal("longer than 2 years", Label(english));
        Assert.Equal("länger als 2 Jahre", Label(german));
        Assert.Equal("Österreich", german.GetProperty("countries").EnumerateArray().Single(c => c.GetProperty("code").GetString() == "AT").GetProperty("label").GetString());
    }

    [Theory]
    [InlineData("?subsector=knitting", "subsector")]
    [InlineData("?country=XX", "country")]
    [InlineData("?bbox=1,2,3", "bbox")]
    [InlineData("?lang=fr", "lang")]
    public async Task Bad_parameters_get_a_problem_naming_them(string query, string parameter)
    {
        using var response = await site.CreateClient().GetAsync("/api/v1/stats" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }
}
