using System.Net;
using KreativLand.Web.Tests.Infrastructure;
using KreativLand.Web.Tests.Pages.Admin.Cooperations;
using Microsoft.EntityFrameworkCore;

namespace KreativLand.Web.Tests.Pages.Admin.Settings;

public class ThresholdsTests(BasicDataWebFixture site) : IClassFixture<BasicDataWebFixture>
{
    private static async Task<AngleSharp.Dom.IElement> PopulationCheckAsync(HttpClient client, string country, int population)
    {
        var fields = EditorTests.NewListing($"Schwelle {country} {population} {Guid.NewGuid():N}"[..30]);
        fields["Input.Location.Country"] = country;
        fields["Input.Location.Population"] = population.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var id = await EditorTests.CreateAsync(client, fields);
        var editor = await client.GetDocumentAsync($"/en/admin/cooperations/edit/{id}");
        return editor.QuerySelector("#criteria-list [data-criterion=population]")!;
    }

    [Theory]
    [InlineData("LU", 6_000, "pass", "6,200")]
    [InlineData("LU", 6_200, "fail", "6,200")]
    [InlineData("SI", 6_400, "pass", "6,500")]
    [InlineData("AT", 9_600, "fail", "9,500")]
    public async Task Other_countries_are_checked_against_their_derived_threshold(string country, int population, string outcome, string threshold)
    {
        var curator = await Curators.SignedInClientAsync(site, "curator");
        var criterion = await PopulationCheckAsync(curator, country, population);
        Assert.Equal(outcome, criterion.GetAttribute("data-outcome"));
        Assert.Contains($"for {country}", criterion.TextContent);
        Assert.Contains(threshold, criterion.TextContent);
        Assert.Contains("threshold derived from population and area", criterion.TextContent);
    }

    [Fact]
    public async Task A_country_without_a_threshold_stays_unknown()
    {
        var curator = await Curators.SignedInClientAsync(site, "curator");
        var criterion = await PopulationCheckAsync(curator, "AD", 900);
        Assert.Equal("unknown", criterion.GetAttribute("data-outcome"));
        Assert.Contains("There is no population threshold for AD", criterion.TextContent);
    }

    [Fact]
    public async Task An_admin_replaces_a_derived_threshold_and_the_criterion_follows()
    {
        var admin = await Curators.SignedInClientAsync(site, "admin");
        var page = await admin.GetDocumentAsync("/en/admin/settings/thresholds");
        var luxembourg = page.QuerySelector("#thresholds tr[data-country=LU]")!;
        Assert.Equal("6,200", luxembourg.QuerySelector(".derived")!.TextContent.Trim());
        Assert.Equal("derived", luxembourg.GetAttribute("data-source"));
        Assert.Equal("none", page.QuerySelector("#thresholds tr[data-country=AD]")!.GetAttribute("data-source"));

        using var bad = await admin.PostFormAsync(page, "/en/admin/settings/thresholds", "#thresholds-form", new() { ["Set[AT]"] = "0" });
        Assert.Contains("AT: the threshold must be between 1 and 10,000,000.", (await Html.ParseAsync(bad)).Text("#problems"));

        using var saved = await admin.PostFormAsync(page, "/en/admin/settings/thresholds", "#thresholds-form", new() { ["Set[AT]"] = "12500" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using (var db = site.OpenContext())
        {
            var stored = await db.CountryThresholds.SingleAsync(t => t.CountryCode == "AT");
            Assert.Equal(12_500, stored.PopulationThreshold);
            Assert.StartsWith("admin-", stored.SetBy);
        }
        var after = await admin.GetDocumentAsync("/en/admin/settings/thresholds");
        Assert.Equal("admin", after.QuerySelector("#thresholds tr[data-country=AT]")!.GetAttribute("data-source"));

        // An Austrian listing with 12,000 inhabitants now passes, against the administrator's figure.
        var criterion = await PopulationCheckAsync(admin, "AT", 12_000);
        Assert.Equal("pass", criterion.GetAttribute("data-outcome"));
        Assert.Contains("threshold of 12,500 for AT", criterion.TextContent);
        Assert.Contains("threshold set by an administrator", criterion.TextContent);

        // Cleared, the derived value applies again.
        var again = await admin.GetDocumentAsync("/en/admin/settings/thresholds");
        (await admin.PostFormAsync(again, "/en/admin/settings/thresholds", "#thresholds-form", new() { ["Set[AT]"] = "" })).Dispose();
        await using (var db = site.OpenContext()) Assert.False(await db.CountryThresholds.AnyAsync(t => t.CountryCode == "AT"));
    }

    [Fact]
    public async Task Curators_cannot_change_thresholds()
    {
        var curator = await Curators.SignedInClientAsync(site, "curator");
        using var response = await curator.GetAsync("/admin/settings/thresholds");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
