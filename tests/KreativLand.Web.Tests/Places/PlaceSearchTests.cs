using System.Text.Json;
using KreativLand.Web.Tests.Infrastructure;

namespace KreativLand.Web.Tests.Places;

/// <summary>The place search (map distance filter, embed generator, editor) finds places by their local and their English name.</summary>
public class PlaceSearchTests(SharedBasicDataWebFixture site) : IClassFixture<SharedBasicDataWebFixture>
{
    private async Task<JsonElement> FirstAsync(string q, string lang = "en")
    {
        var answer = await site.CreateClient().GetJsonAsync($"/api/v1/places?q={Uri.EscapeDataString(q)}&lang={lang}");
        var places = answer.GetProperty("places");
        Assert.True(places.GetArrayLength() > 0, $"nothing found for {q}");
        return places[0];
    }

    [Theory]
    [InlineData("München", "Munich", 2867714, "DE")]
    [InlineData("Munich", "Munich", 2867714, "DE")]
    [InlineData("Wien", "Vienna", 2761369, "AT")]
    [InlineData("Vienna", "Vienna", 2761369, "AT")]
    [InlineData("Praha", "Prague", 3067696, "CZ")]
    [InlineData("Prague", "Prague", 3067696, "CZ")]
    [InlineData("Prag", "Prague", 3067696, "CZ")]
    [InlineData("Köln", "Köln", 2886242, "DE")]
    [InlineData("Cologne", "Köln", 2886242, "DE")]
    [InlineData("koln", "Köln", 2886242, "DE")]
    public async Task Local_and_English_names_find_the_same_place(string typed, string mainName, int id, string country)
    {
        var place = await FirstAsync(typed);
        Assert.Equal(id, place.GetProperty("id").GetInt32());
        Assert.Equal(country, place.GetProperty("country").GetString());
        // The suggestion shows the name that was typed, so the browser's list keeps offering it, and names the main one beside it.
        var shown = place.GetProperty("name").GetString()!;
        Assert.StartsWith(GazetteerText(typed), GazetteerText(shown));
        if (shown != mainName) Assert.Equal(mainName, place.GetProperty("mainName").GetString());
    }

    [Fact]
    public async Task Prefixes_rank_by_population()
    {
        // "Wi" finds Wien (1.7 million, by its German name) before smaller places whose main name starts with "Wi".
        var answer = await site.CreateClient().GetJsonAsync("/api/v1/places?q=Wi&lang=de");
        var places = answer.GetProperty("places").EnumerateArray().ToList();
        Assert.Equal(2761369, places[0].GetProperty("id").GetInt32());
        var populations = places.Select(p => p.GetProperty("population").ValueKind == JsonValueKind.Number ? p.GetProperty("population").GetInt32() : 0).ToList();
        Assert.Equal(populations.OrderDescending(), populations);
    }

    private static string GazetteerText(string name) => KreativLand.Web.Domain.GazetteerPlace.ToSearchName(name);
}
