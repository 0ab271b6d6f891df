using System.Net;
using KreativLand.Web.Tests.Infrastructure;

namespace KreativLand.Web.Tests.Pages.Cooperations;

public class CooperationPagesTests(SharedBasicDataWebFixture site) : IClassFixture<SharedBasicDataWebFixture>
{
    private readonly HttpClient client = site.CreateClient();

    [Fact]
    public async Task List_shows_published_cooperations_only()
    {
        var page = await client.GetDocumentAsync("/en/cooperations");

        var titles = page.QuerySelectorAll(".result-list .card-title").Select(e => e.TextContent.Trim()).ToList();
        Assert.Equal(2, titles.Count);
        Assert.Contains("Forest goes online", titles);
        Assert.DoesNotContain(titles, t => t.Contains("Secret"));
        Assert.Contains("2 published cooperations", page.Text("[role=status]"));
        var forest = page.QuerySelectorAll(".result-list li").Single(li => li.TextContent.Contains("Forest goes online"));
        Assert.Contains("Forst Meier × Pixel Studio", forest.TextContent);
        Assert.Contains("Testdorf, Germany", forest.TextContent);
        Assert.Equal("Software & games", forest.QuerySelector(".badge")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("?p=999")]
    [InlineData("?p=-3")]
    [InlineData("?p=abc")]
    public async Task Odd_page_numbers_are_a_400_naming_p_with_the_list_still_shown(string query)
    {
        using var response = await client.GetAsync("/cooperations" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.StartsWith("p: ", page.Text("#filter-errors li"));
        Assert.NotEmpty(page.QuerySelectorAll(".result-list li"));
    }

    [Fact]
    public async Task Profile_shows_everything_public()
    {
        var page = await client.GetDocumentAsync("/en/cooperations/forest-online");

        Assert.Equal("Forest goes online", page.Text("h1"));
        var partners = page.QuerySelectorAll(".partner").Select(p => p.TextContent).ToList();
        Assert.Contains(partners, p => p.Contains("Forst Meier") && p.Contains("forestry company") && p.Contains("12 employees"));
        Assert.Contains(partners, p => p.Contains("Pixel Studio") && p.Contains("Software & games") && p.Contains("urban"));
        var facts = page.Text(".profile-facts");
        Assert.Contains("Testdorf", facts);
        Assert.Contains("Erzgebirgskreis, Sachsen, Germany", facts);
        Assert.Contains("4,200 inhabitants", facts);
        Assert.Contains("since 2018, ongoing", facts);
        Assert.Contains("continuous since the start", facts);
        Assert.Contains("targeted contact", facts);
        Assert.Contains("regional infrastructure", facts);
        Assert.Contains("innovation and development", facts);
        Assert.Contains("We learn from each other.", page.Text(".quote"));
        Assert.Contains("Be brave.", page.Text("#advice-heading + h3 + div"));
        Assert.Equal("https://example.org/forest", page.QuerySelector(".media-links a")!.GetAttribute("href"));
        Assert.Equal("A forest", page.QuerySelector(".profile-image img")!.GetAttribute("alt"));
        Assert.Contains("Photo: Test Credit", page.Text(".profile-image figcaption"));
        Assert.Equal(2, page.QuerySelectorAll("#about-heading ~ div p").Length);
        // The other published cooperation of Pixel Studio is linked; the draft never is.
        var related = page.Text(".related");
        Assert.Contains("Bäckerei und Pixel", related);
        Assert.DoesNotContain("Secret", page.Body!.TextContent);
    }

    [Fact]
    public async Task Content_missing_in_the_chosen_language_falls_back_visibly()
    {
        var page = await client.GetDocumentAsync("/en/cooperations/pixel-bakery");

        var heading = page.QuerySelector("h1 [lang=de].fallback");
        Assert.NotNull(heading);
        Assert.Equal("Bäckerei und Pixel", heading!.TextContent.Trim());
        Assert.Contains("only available in German", page.Text("h1 .fallback-note"));
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
    }

    [Theory]
    [InlineData("/cooperations/secret-draft")]
    [InlineData("/en/cooperations/secret-draft")]
    [InlineData("/cooperations/does-not-exist")]
    [InlineData("/partners/hidden-sme")]
    [InlineData("/partners/nobody")]
    public async Task Unpublished_or_unknown_listings_are_not_found(string url)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains(page.Text("h1"), new[] { "Seite nicht gefunden", "Page not found" });
    }

    [Fact]
    public async Task Home_counts_and_latest_cover_published_listings()
    {
        var page = await client.GetDocumentAsync("/en/");

        var stats = page.QuerySelectorAll(".stats div").ToDictionary(d => d.QuerySelector("dt")!.TextContent.Trim(), d => d.QuerySelector("dd")!.TextContent.Trim());
        Assert.Equal("2", stats["Cooperations"]);
        Assert.Equal("3", stats["Partners"]);
        Assert.Equal("2", stats["Countries"]);
        // The map's result list starts with every published cooperation, newest first.
        Assert.Equal(["Forest goes online", "Bäckerei und Pixel"], page.QuerySelectorAll("#result-list .result-title").Select(a => a.TextContent.Trim()));
        Assert.NotNull(page.QuerySelector("#map[data-api]"));
    }
}
