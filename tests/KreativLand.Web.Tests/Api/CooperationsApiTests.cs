using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Text.Json;
using KreativLand.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KreativLand.Web.Tests.Api;

public class CooperationsApiTests(SharedMapDataWebFixture site) : IClassFixture<SharedMapDataWebFixture>
{
    private static readonly string[] AllPublished =
        ["erz-code", "goelles-experience", "karakoje", "lausitz-film", "vogtland-crafts", "tirol-music", "porto-architecture"];

    private Task<JsonElement> GetJsonAsync(string url, HttpStatusCode expected = HttpStatusCode.OK) =>
        site.CreateClient().GetJsonAsync(url, expected);

    private async Task<string[]> SlugsAsync(string query)
    {
        var collection = await GetJsonAsync("/api/v1/cooperations" + query);
        Assert.Equal("FeatureCollection", collection.GetProperty("type").GetString());
        var slugs = collection.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("slug").GetString()!).ToArray();
        Assert.Equal(slugs.Length, collection.GetProperty("numberMatched").GetInt32());
        return slugs;
    }

    private static void AssertSet(IEnumerable<string> expected, IEnumerable<string> actual) =>
        Assert.Equal(expected.Order(), actual.Order());

    [Fact]
    public async Task Without_filter_every_published_cooperation_is_a_GeoJSON_point_in_longitude_latitude_order()
    {
        using var response = await site.CreateClient().GetAsync("/api/v1/cooperations");
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        var collection = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var features = collection.GetProperty("features").EnumerateArray().ToList();
        AssertSet(AllPublished, features.Select(f => f.GetProperty("properties").GetProperty("slug").GetString()!));

        var saxony = features.Single(f => f.GetProperty("properties").GetProperty("slug").GetString() == "erz-code");
        Assert.Equal("Point", saxony.GetProperty("geometry").GetProperty("type").GetString());
        var coordinates = saxony.GetProperty("geometry").GetProperty("coordinates").EnumerateArray().Select(c => c.GetDouble()).ToArray();
        Assert.InRange(coordinates[0], 12, 15); // longitude first (RFC 7946)
        Assert.InRange(coordinates[1], 50, 51);
        var properties = saxony.GetProperty("properties");
        Assert.Equal("DE", properties.GetProperty("country").GetString());
        Assert.Equal("Annaberg-Buchholz", properties.GetProperty("municipality").GetString());
        Assert.Equal(["software-games"], properties.GetProperty("subsectors").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task The_map_data_holds_only_id_point_and_subsectors_for_the_same_filter()
    {
        using var response = await site.CreateClient().GetAsync("/api/v1/map?country=DE");
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        var collection = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var features = collection.GetProperty("features").EnumerateArray().ToList();
        var full = (await GetJsonAsync("/api/v1/cooperations?country=DE")).GetProperty("features").EnumerateArray().ToList();
        // The same listings; a map's points come in id order (no sort by date and slug at 50,000 listings).
        Assert.Equal(full.Select(f => f.GetProperty("id").GetInt32()).Order(), features.Select(f => f.GetProperty("id").GetInt32()));
        Assert.Equal(features.Count, collection.GetProperty("numberMatched").GetInt32());

        var crafts = features.Single(f => f.GetProperty("id").GetInt32() == full.Single(x => x.GetProperty("properties").GetProperty("slug").GetString() == "vogtland-crafts").GetProperty("id").GetInt32());
        Assert.Equal(["subsectors"], crafts.GetProperty("properties").EnumerateObject().Select(p => p.Name));
        // In the partners' order, each once (two partners, two subsectors).
        Assert.Equal(["arts-crafts", "design"], crafts.GetProperty("properties").GetProperty("subsectors").EnumerateArray().Select(s => s.GetString()));
        var coordinates = crafts.GetProperty("geometry").GetProperty("coordinates").EnumerateArray().Select(c => c.GetDouble()).ToArray();
        Assert.InRange(coordinates[0], 11, 13); // longitude first
        Assert.Equal(coordinates[0], Math.Round(coordinates[0], 5));

        var problem = await GetJsonAsync("/api/v1/map?subsector=nonsense", HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("subsector", out _));
    }

    [Fact]
    public async Task A_limit_gives_the_first_results_and_still_counts_all()
    {
        var all = await GetJsonAsync("/api/v1/cooperations");
        var first = await GetJsonAsync("/api/v1/cooperations?limit=2");
        Assert.Equal(2, first.GetProperty("features").GetArrayLength());
        Assert.Equal(AllPublished.Length, first.GetProperty("numberMatched").GetInt32());
        Assert.Equal(all.GetProperty("features").EnumerateArray().Take(2).Select(f => f.GetProperty("id").GetInt32()),
            first.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetInt32()));
        foreach (var bad in new[] { "0", "1001", "abc", "-1" })
        {
            var problem = await GetJsonAsync("/api/v1/cooperations?limit=" + bad, HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty("limit", out _), bad);
        }
    }

    [Fact]
    public async Task Title_comes_in_the_requested_language_with_fallback()
    {
        var german = await GetJsonAsync("/api/v1/cooperations?lang=de&q=Holz");
        Assert.Equal("Holz trifft Code", german.GetProperty("features")[0].GetProperty("properties").GetProperty("title").GetString());
        var english = await GetJsonAsync("/api/v1/cooperations?lang=en&subsector=software-games");
        Assert.Equal("Timber meets code", english.GetProperty("features")[0].GetProperty("properties").GetProperty("title").GetString());
        var fallback = await GetJsonAsync("/api/v1/cooperations?lang=de&subsector=performing-arts");
        Assert.Equal("KaraKøje", fallback.GetProperty("features")[0].GetProperty("properties").GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("?subsector=film", new[] { "lausitz-film" })]
    [InlineData("?subsector=design", new[] { "goelles-experience", "vogtland-crafts" })]
    [InlineData("?subsector=design&subsector=film", new[] { "goelles-experience", "vogtland-crafts", "lausitz-film" })]
    [InlineData("?subsector=design,film", new[] { "goelles-experience", "vogtland-crafts", "lausitz-film" })]
    [InlineData("?country=AT", new[] { "goelles-experience", "tirol-music" })]
    [InlineData("?country=at&country=PT", new[] { "goelles-experience", "tirol-music", "porto-architecture" })]
    [InlineData("?regionValue=tourism-offer", new[] { "erz-code", "goelles-experience" })]
    [InlineData("?regionValue=skilled-workers", new[] { "tirol-music" })]
    [InlineData("?partnerValue=quality-improvement", new[] { "lausitz-film" })]
    [InlineData("?partnerValue=innovation&partnerValue=interlinking-skills", new[] { "erz-code", "vogtland-crafts" })]
    [InlineData("?contact=joint-events", new[] { "lausitz-film" })]
    [InlineData("?contact=previous-collaboration", new[] { "goelles-experience" })]
    [InlineData("?duration=more-than-5-years", new[] { "erz-code" })]
    [InlineData("?duration=more-than-2-years", new[] { "erz-code", "goelles-experience", "karakoje" })]
    [InlineData("?duration=continuous", new[] { "erz-code" })]
    [InlineData("?region=westsachsen-testgebiet", new[] { "erz-code", "vogtland-crafts" })]
    [InlineData("?region=Tirol", new[] { "tirol-music" })]
    [InlineData("?region=WESTSACHSEN%20TESTGEBIET", new[] { "erz-code", "vogtland-crafts" })]
    // Combined: conditions of different parameters must all hold.
    [InlineData("?country=DE&regionValue=tourism-offer", new[] { "erz-code" })]
    [InlineData("?country=DE&subsector=design&subsector=film", new[] { "vogtland-crafts", "lausitz-film" })]
    [InlineData("?region=westsachsen-testgebiet&subsector=arts-crafts", new[] { "vogtland-crafts" })]
    [InlineData("?duration=more-than-2-years&country=AT", new[] { "goelles-experience" })]
    [InlineData("?subsector=film&country=AT", new string[0])]
    public async Task Each_filter_alone_and_combined(string query, string[] expected) =>
        AssertSet(expected, await SlugsAsync(query));

    [Theory]
    [InlineData("Gölles")]
    [InlineData("Goelles")]
    [InlineData("Golles")]
    [InlineData("gölles erlebniswelt")]
    [InlineData("Erlebnis")]
    public async Task Free_text_ignores_umlauts_and_their_transliteration(string text) =>
        Assert.Contains("goelles-experience", await SlugsAsync("?q=" + Uri.EscapeDataString(text)));

    [Theory]
    [InlineData("Koje", "karakoje")]
    [InlineData("KaraKøje", "karakoje")]
    [InlineData("karakoje", "karakoje")]
    [InlineData("Müller", "erz-code")] // a partner's name
    [InlineData("Mueller", "erz-code")]
    [InlineData("Sagewerk", "erz-code")]
    [InlineData("Görlitz", "lausitz-film")] // the municipality
    [InlineData("Scheune", "lausitz-film")]
    [InlineData("barn", "lausitz-film")] // English title
    [InlineData("sawmill", "erz-code")] // English summary
    [InlineData("fjord villages", "karakoje")]
    public async Task Free_text_searches_titles_partners_places_and_summaries(string text, string expected) =>
        Assert.Equal([expected], await SlugsAsync("?q=" + Uri.EscapeDataString(text)));

    [Fact]
    public async Task Free_text_finds_nothing_for_unknown_words_and_never_drafts()
    {
        Assert.Empty(await SlugsAsync("?q=Zeppelinwerft"));
        Assert.Empty(await SlugsAsync("?q=Unver%C3%B6ffentlichter"));
        // Characters with a meaning in LIKE or tsquery syntax are plain text.
        Assert.Empty(await SlugsAsync("?q=" + Uri.EscapeDataString("100% _ & | ! ( :*")));
    }

    [Fact]
    public async Task Free_text_results_are_ranked_title_matches_first()
    {
        // "Studio Form" is a partner of two; "Gölles" is in one title and one partner name.
        var slugs = await SlugsAsync("?q=Form");
        AssertSet(["goelles-experience", "vogtland-crafts"], slugs);
        var ranked = await SlugsAsync("?q=Spitze");
        Assert.Equal("vogtland-crafts", ranked[0]);
    }

    [Theory]
    [InlineData("11.8,50.1,15.1,51.7", new[] { "erz-code", "lausitz-film", "vogtland-crafts" })] // Saxony
    [InlineData("13.0,50.58,13.5,51", new[] { "erz-code" })] // a point on the corner is inside
    [InlineData("-10,35,30,70", new[] { "erz-code", "goelles-experience", "karakoje", "lausitz-film", "vogtland-crafts", "tirol-music", "porto-architecture" })]
    [InlineData("-9,41,-8,42", new[] { "porto-architecture" })] // west of Greenwich
    [InlineData("170,-10,-170,10", new string[0])] // across the antimeridian, empty but valid
    [InlineData("179,40,-179,70", new string[0])]
    public async Task Bounding_box(string bbox, string[] expected) =>
        AssertSet(expected, await SlugsAsync("?bbox=" + bbox));

    [Theory]
    [InlineData(13.0, 50.58, 0.5)]
    [InlineData(13.0, 50.58, 60)]
    [InlineData(13.0, 50.58, 70)]
    [InlineData(13.0, 50.58, 200)]
    [InlineData(13.0, 50.58, 800)]
    [InlineData(12.14, 50.5, 1)]
    public async Task Radius_matches_PostGIS_geodesic_distance(double longitude, double latitude, double radiusKm)
    {
        await using var db = site.OpenContext();
        var truth = await db.Database.SqlQuery<string>($"""
            SELECT slug AS "Value" FROM cooperations
            WHERE status = 'published'
              AND ST_Distance(location_point::geography, ST_SetSRID(ST_MakePoint({longitude}, {latitude}), 4326)::geography) <= {radiusKm * 1000}
            """).ToListAsync();
        Assert.NotEmpty(truth);
        var query = FormattableString.Invariant($"?near={longitude},{latitude}&radiusKm={radiusKm}");
        AssertSet(truth, await SlugsAsync(query));
    }

    [Fact]
    public async Task Radius_boundary_between_two_places_is_decided_by_the_spheroid()
    {
        // Annaberg-Buchholz to Plauen is about 63 km.
        AssertSet(["erz-code"], await SlugsAsync("?near=13.0,50.58&radiusKm=60"));
        AssertSet(["erz-code", "vogtland-crafts"], await SlugsAsync("?near=13.0,50.58&radiusKm=66"));
        AssertSet(["erz-code"], await SlugsAsync("?near=13.0,50.58")); // default radius 25 km
    }

    [Theory]
    [InlineData("?subsector=opera", "subsector")]
    [InlineData("?subsector=design&subsector=nonsense", "subsector")]
    [InlineData("?country=XX", "country")]
    [InlineData("?country=Germany", "country")]
    [InlineData("?region=atlantis", "region")]
    [InlineData("?regionValue=beauty", "regionValue")]
    [InlineData("?partnerValue=money", "partnerValue")]
    [InlineData("?contact=telepathy", "contact")]
    [InlineData("?duration=forever", "duration")]
    [InlineData("?bbox=1,2,3", "bbox")]
    [InlineData("?bbox=a,b,c,d", "bbox")]
    [InlineData("?bbox=10,95,11,96", "bbox")]
    [InlineData("?bbox=10,50,200,51", "bbox")]
    [InlineData("?bbox=10,51,11,50", "bbox")]
    [InlineData("?bbox=NaN,50,11,51", "bbox")]
    [InlineData("?near=13", "near")]
    [InlineData("?near=200,10", "near")]
    [InlineData("?near=10,-91", "near")]
    [InlineData("?near=13,50&radiusKm=0", "radiusKm")]
    [InlineData("?near=13,50&radiusKm=-5", "radiusKm")]
    [InlineData("?near=13,50&radiusKm=100000", "radiusKm")]
    [InlineData("?near=13,50&radiusKm=Infinity", "radiusKm")]
    [InlineData("?near=13,50&radiusKm=ten", "radiusKm")]
    [InlineData("?radiusKm=10", "radiusKm")]
    [InlineData("?lang=fr", "lang")]
    public async Task Invalid_parameters_are_a_400_problem_naming_the_parameter(string query, string parameter)
    {
        foreach (var path in new[] { "/api/v1/cooperations", "/api/v1/facets" })
        {
            using var response = await site.CreateClient().GetAsync(path + query);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            var messages = problem.GetProperty("errors").GetProperty(parameter).EnumerateArray().Select(m => m.GetString()).ToList();
            Assert.NotEmpty(messages);
            Assert.All(messages, m => Assert.False(string.IsNullOrWhiteSpace(m)));
        }
    }

    [Fact]
    public async Task Too_long_text_is_refused()
    {
        var problem = await GetJsonAsync("/api/v1/cooperations?q=" + new string('a', 201), HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("q", out _));
    }

    [Fact]
    public async Task Details_are_a_feature_with_everything_public()
    {
        var feature = await GetJsonAsync("/api/v1/cooperations/vogtland-crafts?lang=en");
        Assert.Equal("Feature", feature.GetProperty("type").GetString());
        var coordinates = feature.GetProperty("geometry").GetProperty("coordinates").EnumerateArray().Select(c => c.GetDouble()).ToArray();
        Assert.Equal([12.14, 50.5], coordinates);
        var properties = feature.GetProperty("properties");
        Assert.Equal("Lace from the Vogtland", properties.GetProperty("title").GetString());
        Assert.Equal("Spitze aus dem Vogtland", properties.GetProperty("texts").GetProperty("title").GetProperty("de").GetString());
        Assert.Equal(3, properties.GetProperty("partners").GetArrayLength());
        AssertSet(["arts-crafts", "design"], properties.GetProperty("subsectors").EnumerateArray().Select(s => s.GetString()!));
        Assert.Equal(["interlinking-skills"], properties.GetProperty("partnerValues").EnumerateArray().Select(s => s.GetString()));
    }

    [Theory]
    [InlineData("hidden-film")]
    [InlineData("does-not-exist")]
    [InlineData("%27%3B%20DROP%20TABLE%20cooperations")]
    public async Task Unpublished_or_unknown_details_are_404(string slug)
    {
        using var response = await site.CreateClient().GetAsync("/api/v1/cooperations/" + slug);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Subsectors_are_the_twelve_with_names_in_both_languages()
    {
        var subsectors = (await GetJsonAsync("/api/v1/subsectors")).EnumerateArray().ToList();
        Assert.Equal(12, subsectors.Count);
        var software = subsectors.Single(s => s.GetProperty("code").GetString() == "software-games");
        Assert.Equal("Software & games", software.GetProperty("name").GetProperty("en").GetString());
        Assert.StartsWith("#", software.GetProperty("colour").GetString());
    }

    [Fact]
    public async Task Facets_count_each_dimension_under_the_other_conditions()
    {
        var facets = await GetJsonAsync("/api/v1/facets?country=DE&subsector=design");
        Assert.Equal(1, facets.GetProperty("total").GetInt32()); // vogtland-crafts
        // Subsector counts ignore the subsector choice but keep country=DE.
        var subsectors = facets.GetProperty("subsector");
        Assert.Equal(1, subsectors.GetProperty("film").GetInt32());
        Assert.Equal(1, subsectors.GetProperty("software-games").GetInt32());
        Assert.Equal(1, subsectors.GetProperty("design").GetInt32());
        Assert.False(subsectors.TryGetProperty("music", out _));
        // Country counts ignore country=DE but keep subsector=design.
        var countries = facets.GetProperty("country");
        Assert.Equal(1, countries.GetProperty("DE").GetInt32());
        Assert.Equal(1, countries.GetProperty("AT").GetInt32());
        Assert.Equal(1, facets.GetProperty("partnerValue").GetProperty("interlinking-skills").GetInt32());
        Assert.Equal(0, facets.GetProperty("regionValue").GetProperty("tourism-offer").GetInt32());

        var all = await GetJsonAsync("/api/v1/facets");
        Assert.Equal(7, all.GetProperty("total").GetInt32());
        Assert.Equal(3, all.GetProperty("duration").GetProperty("more-than-2-years").GetInt32());
        Assert.Equal(2, all.GetProperty("regionValue").GetProperty("tourism-offer").GetInt32());
        Assert.Equal(3, all.GetProperty("country").GetProperty("DE").GetInt32()); // the draft is not counted
    }

    [Fact]
    public async Task Regions_are_listed_and_outlined()
    {
        var regions = (await GetJsonAsync("/api/v1/regions")).EnumerateArray().ToList();
        Assert.Contains(regions, r => r.GetProperty("slug").GetString() == "tirol" && r.GetProperty("level").GetString() == "state");
        var outline = await GetJsonAsync("/api/v1/regions/westsachsen-testgebiet");
        Assert.Equal("Feature", outline.GetProperty("type").GetString());
        Assert.Contains(outline.GetProperty("geometry").GetProperty("type").GetString(), new[] { "Polygon", "MultiPolygon" });
        Assert.Equal("district", outline.GetProperty("properties").GetProperty("level").GetString());
        using var missing = await site.CreateClient().GetAsync("/api/v1/regions/atlantis");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Places_suggest_gazetteer_municipalities_ignoring_accents()
    {
        var answer = await GetJsonAsync("/api/v1/places?q=gorlitz&lang=de");
        Assert.Contains("GeoNames", answer.GetProperty("attribution").GetString());
        var first = answer.GetProperty("places")[0];
        Assert.Equal("Görlitz", first.GetProperty("name").GetString());
        Assert.Equal("DE", first.GetProperty("country").GetString());
        Assert.Equal("Deutschland", first.GetProperty("countryName").GetString());
        Assert.InRange(first.GetProperty("lon").GetDouble(), 14.9, 15.1);
        Assert.InRange(first.GetProperty("lat").GetDouble(), 51.1, 51.2);
        Assert.Equal(0, (await GetJsonAsync("/api/v1/places?q=x")).GetProperty("places").GetArrayLength());
        // The gazetteer has no region names; an imported region set that covers the place gives one.
        var annaberg = (await GetJsonAsync("/api/v1/places?q=Annaberg-Buchholz")).GetProperty("places")[0];
        Assert.Equal("Westsachsen Testgebiet", annaberg.GetProperty("region").GetString());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("region").ValueKind); // Görlitz lies outside every test region
    }

    [Fact]
    public async Task Country_outlines_are_the_first_region_set()
    {
        await using (var scope = site.Factory.Services.CreateAsyncScope())
        {
            Assert.Equal(0, await KreativLand.Web.Infrastructure.CommandLine.SeedCountryRegionsAsync(scope.ServiceProvider));
            Assert.Equal(0, await KreativLand.Web.Infrastructure.CommandLine.SeedCountryRegionsAsync(scope.ServiceProvider)); // again: nothing to do
        }
        AssertSet(["erz-code", "lausitz-film", "vogtland-crafts"], await SlugsAsync("?region=germany"));
        AssertSet(["karakoje"], await SlugsAsync("?region=Norway"));
        AssertSet(["porto-architecture"], await SlugsAsync("?region=portugal"));
    }
}
