using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace KreativLand.Web.Tests.Browser;

/// <summary>The embed generator's distance filter (place search) and width, through to the snippets and the widget.</summary>
public class EmbedGeneratorBrowserTests(EmbedBrowserFixture site) : BrowserTest, IClassFixture<EmbedBrowserFixture>
{
    [Theory]
    [InlineData("en-GB", "/en/embed", "Municipality or town")]
    [InlineData("de-DE", "/de/embed", "Gemeinde oder Stadt")]
    public async Task A_place_chosen_in_the_generator_puts_the_distance_filter_into_both_snippets(string locale, string url, string placeLabel)
    {
        var failures = new ConcurrentQueue<string>();
        var page = await NewPageAsync(site.BaseAddress, locale);
        Chromium.CollectFailures(page, failures);
        await page.GotoAsync(url, Chromium.Parsed);

        var place = page.GetByLabel(placeLabel);
        await place.FillAsync("Annaberg-B");
        var option = page.Locator("#f-place-options option").First;
        await Assertions.Expect(option).ToHaveAttributeAsync("value", new Regex("^Annaberg-Buchholz"));
        await place.FillAsync((await option.GetAttributeAsync("value"))!);
        await page.Locator("#f-radius").SelectOptionAsync("50");

        var iframe = page.Locator("#iframe-snippet");
        var script = page.Locator("#script-snippet");
        await Assertions.Expect(iframe).ToHaveValueAsync(new Regex(@"near=13\.0\d*%2C50\.5\d*&amp;radiusKm=50"));
        await Assertions.Expect(script).ToHaveValueAsync(new Regex(@"data-near=""13\.0\d*,50\.5\d*"" data-radius-km=""50"""));
        // The preview shows the cooperation within 50 km of Annaberg-Buchholz only.
        var preview = page.Locator("#embed-preview").ContentFrame;
        await Assertions.Expect(preview.Locator("#map[data-state='ready']")).ToHaveAttributeAsync("data-marker-count", "1");

        // Reset clears the distance too.
        await page.Locator("#filter-form .reset").ClickAsync();
        await Assertions.Expect(script).Not.ToHaveValueAsync(new Regex("data-near"));
        Assert.Empty(failures);
    }

    [Fact]
    public async Task Reset_in_the_generator_clears_every_filter_the_distance_and_the_map_area_included()
    {
        var failures = new ConcurrentQueue<string>();
        var page = await NewPageAsync(site.BaseAddress, "en-GB");
        Chromium.CollectFailures(page, failures);
        await page.GotoAsync("/en/embed?country=DE&near=13.0,50.58&radiusKm=50&bbox=11.8,50.1,15.1,51.7", Chromium.Parsed);
        var iframe = page.Locator("#iframe-snippet");
        var script = page.Locator("#script-snippet");
        foreach (var attribute in new[] { "data-country", "data-near", "data-radius-km", "data-bbox" })
            await Assertions.Expect(script).ToHaveValueAsync(new Regex(attribute + "="));

        await page.Locator("#filter-form .reset").ClickAsync();
        foreach (var attribute in new[] { "data-country", "data-near", "data-radius-km", "data-bbox" })
            await Assertions.Expect(script).Not.ToHaveValueAsync(new Regex(attribute + "="));
        foreach (var parameter in new[] { "country=", "near=", "radiusKm=", "bbox=" })
            await Assertions.Expect(iframe).Not.ToHaveValueAsync(new Regex(parameter));
        // The address follows (debounced with the preview), so a reload does not bring the filter back.
        await page.WaitForURLAsync(url => !url.Contains("near=") && !url.Contains("bbox=") && !url.Contains("radiusKm=") && !url.Contains("country="));
        Assert.True(await page.Locator("[data-near-point]").IsHiddenAsync());
        Assert.True(await page.Locator("[data-area-note]").IsHiddenAsync());
        Assert.Empty(failures);
    }

    [Theory]
    [InlineData("en-GB", "/en/embed", "State or region", "Tyrol")]
    [InlineData("de-DE", "/de/embed", "Bundesland oder Region", "Tirol")]
    public async Task A_state_chosen_in_the_generator_reaches_both_snippets_and_the_preview(string locale, string url, string facet, string tyrol)
    {
        var failures = new ConcurrentQueue<string>();
        var page = await NewPageAsync(site.BaseAddress, locale);
        Chromium.CollectFailures(page, failures);
        await page.GotoAsync(url, Chromium.Parsed);
        await page.Locator("details.facet-states summary", new() { HasTextString = facet }).ClickAsync();
        await page.GetByLabel(tyrol, new() { Exact = false }).First.CheckAsync();
        await Assertions.Expect(page.Locator("#iframe-snippet")).ToHaveValueAsync(new Regex(@"/embed/map\?state=AT-tirol&amp;"));
        await Assertions.Expect(page.Locator("#script-snippet")).ToHaveValueAsync(new Regex(@"data-state=""AT-tirol"""));
        var preview = page.Locator("#embed-preview").ContentFrame;
        await Assertions.Expect(preview.Locator("#map[data-state='ready']")).ToHaveAttributeAsync("data-marker-count", "1");
        Assert.Empty(failures);
    }

    [Fact]
    public async Task A_width_without_a_unit_reaches_the_script_snippet_and_the_widget_honours_it()
    {
        var page = await NewPageAsync(site.BaseAddress, "en-GB");
        await page.GotoAsync("/en/embed", Chromium.Parsed);
        await page.Locator("#e-width").FillAsync("600");
        await Assertions.Expect(page.Locator("#script-snippet")).ToHaveValueAsync(new Regex(@"data-width=""600"""));
        await Assertions.Expect(page.Locator("#iframe-snippet")).ToHaveValueAsync(new Regex(@"width=""600"""));

        await using var partner = await PartnerSite.StartAsync();
        var kl = site.BaseAddress.ToString().TrimEnd('/');
        var url = partner.Page("width.html", $"<script src=\"{kl}/embed.js\" data-country=\"AT\" data-width=\"600\" data-height=\"200\" async></script>");
        var partnerPage = await NewPageAsync(partner.BaseAddress, "en-GB");
        await partnerPage.GotoAsync(url.ToString());
        var widget = partnerPage.Locator("iframe[data-kreativland-widget]");
        await widget.WaitForAsync();
        Assert.Equal(600, (await widget.BoundingBoxAsync())!.Width, 1);
    }
}
