using System.Net;
using KreativLand.Web.Tests.Infrastructure;

namespace KreativLand.Web.Tests.Pages.Cooperations;

/// <summary>The list of cooperations sorts by newest, title (in the page language) or place, and keeps the order with the filter.</summary>
public class ListSortingTests(SharedMapDataWebFixture site) : IClassFixture<SharedMapDataWebFixture>
{
    private async Task<string[]> TitlesAsync(string url)
    {
        var page = await site.CreateClient().GetDocumentAsync(url);
        // The title without the note that it exists in the other language only.
        return page.QuerySelectorAll(".result-list .card-title").Select(t =>
        {
            foreach (var note in t.QuerySelectorAll(".fallback-note").ToList()) note.Remove();
            return t.TextContent.Trim();
        }).ToArray();
    }

    [Fact]
    public async Task By_title_in_the_page_language()
    {
        Assert.Equal(["Alpine sound", "Cinema in the barn", "Cork and concrete", "Gölles experience", "KaraKøje", "Lace from the Vogtland", "Timber meets code"],
            await TitlesAsync("/en/cooperations?sort=title"));
        // German titles, the English one where a listing has no German title; "Gölles" beside "G", not after "Z".
        Assert.Equal(["Almklang", "Cork and concrete", "Gölles Erlebniswelt", "Holz trifft Code", "KaraKøje", "Kino in der Scheune", "Spitze aus dem Vogtland"],
            await TitlesAsync("/de/cooperations?sort=title"));
    }

    [Fact]
    public async Task By_place_and_within_a_filter()
    {
        var page = await site.CreateClient().GetDocumentAsync("/en/cooperations?sort=place");
        var places = page.QuerySelectorAll(".result-list .place").Select(p => p.TextContent.Split(',')[0].Trim()).ToArray();
        Assert.Equal(["Amarante", "Annaberg-Buchholz", "Görlitz", "Hitra", "Plauen", "Riegersburg", "Schwaz"], places);
        Assert.Equal(["Alpine sound", "Gölles experience"], await TitlesAsync("/en/cooperations?country=AT&sort=title"));
        // The chosen order is selected and goes along with the next filter.
        Assert.True(page.QuerySelector("#sort option[value='place']")!.HasAttribute("selected"));
        Assert.Equal("place", page.QuerySelector("input[type=hidden][name=sort][form=filter-form]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Newest_first_is_the_default_and_an_unknown_order_is_named()
    {
        Assert.Equal(await TitlesAsync("/en/cooperations"), await TitlesAsync("/en/cooperations?sort=newest"));
        using var response = await site.CreateClient().GetAsync("/en/cooperations?sort=random");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.StartsWith("sort:", page.QuerySelector("#filter-errors li")!.TextContent.Trim());
        Assert.Equal(7, page.QuerySelectorAll(".result-list .card-title").Length);
    }
}
