using System.Net;
using KreativLand.Web.Tests.Infrastructure;
using KreativLand.Web.Tests.Pages.Admin.Cooperations;
using Microsoft.EntityFrameworkCore;

namespace KreativLand.Web.Tests.Pages.Admin;

public class ThresholdsTests(BasicDataWebFixture site) : IClassFixture<BasicDataWebFixture>
{
    [Fact]
    public async Task An_admin_scales_a_country_threshold_and_the_criterion_follows()
    {
        var admin = await Curators.SignedInClientAsync(site, "admin");
        var page = await admin.GetDocumentAsync("/admin/settings/thresholds");
        Assert.Equal("DE", page.QuerySelector("select[name='Rows[0].Country'] option[selected]")!.GetAttribute("value"));

        using var bad = await admin.PostFormAsync(page, "/admin/settings/thresholds", "#thresholds-form", new() { ["Rows[1].Country"] = "AT", ["Rows[1].Threshold"] = "0" });
        Assert.Contains("AT: Die Schwelle muss zwischen 1 und 10.000.000 liegen.", (await Html.ParseAsync(bad)).Text("#problems"));

        using var saved = await admin.PostFormAsync(page, "/admin/settings/thresholds", "#thresholds-form", new() { ["Rows[1].Country"] = "AT", ["Rows[1].Threshold"] = "10000" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using (var db = site.OpenContext())
            Assert.Equal(10_000, (await db.CountryThresholds.SingleAsync(t => t.CountryCode == "AT")).PopulationThreshold);

        // An Austrian listing with 12,000 inhabitants now fails; a German one with 19,999 still passes.
        var fields = EditorTests.NewListing("In Österreich");
        fields["Input.Location.Country"] = "AT";
        fields["Input.Location.Population"] = "12000";
        var id = await EditorTests.CreateAsync(admin, fields);
        var editor = await admin.GetDocumentAsync($"/en/admin/cooperations/edit/{id}");
        var criterion = editor.QuerySelector("#criteria-list [data-criterion=population]")!;
        Assert.Equal("fail", criterion.GetAttribute("data-outcome"));
        Assert.Contains("threshold for AT is 10,000", criterion.TextContent);
    }

    [Fact]
    public async Task Curators_cannot_change_thresholds()
    {
        var curator = await Curators.SignedInClientAsync(site, "curator");
        using var response = await curator.GetAsync("/admin/settings/thresholds");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
