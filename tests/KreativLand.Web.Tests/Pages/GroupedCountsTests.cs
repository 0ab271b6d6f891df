using System.Collections.Concurrent;
using KreativLand.Web.Tests.Browser;
using KreativLand.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace KreativLand.Web.Tests.Pages;

/// <summary>
/// Counts on the pages are grouped the way the reader's language writes them (1.011 in German, 1,011 in English): written by
/// the server through the resource texts and by the scripts through numbers.js; the data the scripts read stays plain.
/// </summary>
public class GroupedCountsTests(ThousandListingsFixture site) : BrowserTest, IClassFixture<ThousandListingsFixture>
{
    private async Task<int> PublishedAsync() =>
        (await site.CreateClient().GetJsonAsync("/ogc/collections/cooperations/items?limit=1")).GetProperty("numberMatched").GetInt32();

    /// <summary>A count of four digits written out by hand: 1.011 or 1,011.</summary>
    private static string Grouped(int count, char separator)
    {
        Assert.InRange(count, 1000, 9999);
        return $"{count / 1000}{separator}{(count % 1000).ToString("000", System.Globalization.CultureInfo.InvariantCulture)}";
    }

    [Fact]
    public async Task Server_pages_group_their_counts_in_German_and_English()
    {
        var total = await PublishedAsync();
        var (de, en) = (Grouped(total, '.'), Grouped(total, ','));
        var client = site.CreateClient();

        var homeDe = await client.GetDocumentAsync("/de/");
        Assert.Equal($"{de} Kooperationen gefunden", homeDe.Text("#result-count"));
        Assert.Equal(de, homeDe.Text(".stats dd"));
        Assert.Equal($"Alle {de} Ergebnisse in der Liste ansehen", homeDe.Text("[data-show-all] a"));
        // The script's template keeps its plain placeholder; the map data is asked for by plain numbers.
        Assert.Equal("Alle {0} Ergebnisse in der Liste ansehen", homeDe.QuerySelector("[data-show-all] a")!.GetAttribute("data-label"));
        var homeEn = await client.GetDocumentAsync("/en/");
        Assert.Equal($"{en} cooperations found", homeEn.Text("#result-count"));
        Assert.Equal($"See all {en} results in the list", homeEn.Text("[data-show-all] a"));

        Assert.Equal($"{de} veröffentlichte Kooperationen", (await client.GetDocumentAsync("/de/cooperations")).Text("#list-count"));
        Assert.Equal($"{en} published cooperations", (await client.GetDocumentAsync("/en/cooperations")).Text("#list-count"));
        Assert.Equal($"Ausgewertet: {de} veröffentlichte Kooperationen", (await client.GetDocumentAsync("/de/evaluation")).Text("#evaluation-total"));
        var evaluationEn = await client.GetDocumentAsync("/en/evaluation");
        Assert.Equal($"Evaluated: {en} published cooperations", evaluationEn.Text("#evaluation-total"));
        Assert.Equal($"Share of the {en} evaluated cooperations", evaluationEn.Text("[data-category='contact'] .chart-caption"));

        Assert.Equal($"1–10 von {de}", (await client.GetDocumentAsync("/de/ogc/collections/cooperations/items?f=html&limit=10")).Text("main > p:nth-of-type(2)"));
        Assert.Equal($"1–10 of {en}", (await client.GetDocumentAsync("/en/ogc/collections/cooperations/items?f=html&limit=10")).Text("main > p:nth-of-type(2)"));
        // Machine-readable outputs keep plain digits.
        var stats = await client.GetJsonAsync("/api/v1/stats?lang=de");
        Assert.Equal(total, stats.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("de", "de-DE", '.', "Kooperationen gefunden", "Alle {0} Ergebnisse in der Liste ansehen")]
    [InlineData("en", "en-GB", ',', "cooperations found", "See all {0} results in the list")]
    public async Task The_home_script_groups_the_counts_it_writes(string language, string locale, char separator, string found, string showAll)
    {
        var total = await PublishedAsync();
        var failures = new ConcurrentQueue<string>();
        var page = await NewPageAsync(site.BaseAddress, locale);
        Chromium.CollectFailures(page, failures);
        // The page opens on Germany's listings (fewer than a thousand, written by the server); leaving the filter makes the
        // script write the count of all of them.
        await page.GotoAsync($"/{language}/?country=DE");
        await page.Locator("#map[data-state='ready']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        var germanyOnly = await page.Locator("#result-count").InnerTextAsync();
        Assert.DoesNotContain(Grouped(total, separator), germanyOnly);

        await page.Locator("input[name='country'][value='DE']").UncheckAsync();
        await Assertions.Expect(page.Locator("#result-count")).ToHaveTextAsync($"{Grouped(total, separator)} {found}");
        await Assertions.Expect(page.Locator("[data-show-all] a")).ToHaveTextAsync(showAll.Replace("{0}", Grouped(total, separator)));
        // The shared module itself, as the page's language has it.
        Assert.Equal(language == "de" ? "10.011" : "10,011",
            await page.EvaluateAsync<string>("async () => (await import('/js/numbers.js')).formatCount(10011)"));
        Assert.Empty(failures);
    }
}
