using System.Net;
using KreativLand.Web.Domain;
using KreativLand.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KreativLand.Web.Tests.SampleData;

/// <summary>
/// The shipped SampleData/cooperations.json: WebFixture imports it (and fails on any refused record),
/// so ./run.sh's first start cannot break unnoticed.
/// </summary>
public class SampleDataTests(WebFixture site) : IClassFixture<WebFixture>
{
    private readonly HttpClient client = site.CreateClient();

    [Fact]
    public async Task The_published_sample_cooperations_are_listed()
    {
        var page = await client.GetDocumentAsync("/en/cooperations");

        var titles = page.QuerySelectorAll(".result-list .card-title").Select(e => e.TextContent.Trim()).ToList();
        Assert.Equal(11, titles.Count);
        Assert.Contains(titles, t => t.StartsWith("MACARONIE Design Studio × Elldus Resort"));
        Assert.Contains(titles, t => t.StartsWith("Gölles"));
        Assert.Contains(titles, t => t.StartsWith("KaraKøje"));
    }

    [Fact]
    public async Task Listings_the_sources_leave_incomplete_stay_out_of_public_view()
    {
        using var response = await client.GetAsync("/cooperations/timberstore-silentgate");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var profile = await client.GetDocumentAsync("/en/cooperations/karakoeje");
        Assert.Contains("Bludenz", profile.Text(".profile-facts"));
    }

    [Theory]
    [InlineData("/de/", "illustrativer Beispieldatensatz")]
    [InlineData("/en/", "illustrative sample set")]
    public async Task The_footer_says_the_sample_is_illustrative(string url, string expected)
    {
        var page = await client.GetDocumentAsync(url);
        Assert.Contains(expected, page.Text("footer .sample-note"));
    }

    [Fact]
    public async Task A_curators_typo_fix_on_a_sample_listing_is_published_without_an_override()
    {
        var (anna, _) = await Curators.SignedInAsync(site, "curator");
        var (ben, benEmail) = await Curators.SignedInAsync(site, "curator");
        await using (var db = site.OpenContext())
        {
            var id = await db.Cooperations.Where(c => c.Slug == "herrnhuter-city-kids").Select(c => c.Id).SingleAsync();
            var editor = await anna.GetDocumentAsync($"/en/admin/cooperations/edit/{id}");
            // Every criterion holds for this listing as shipped: population from the gazetteer, the report's vetting attested.
            Assert.Empty(editor.QuerySelectorAll("#criteria-list li:not([data-outcome=pass])"));
            var title = editor.QuerySelector("[name='Input.Title.En']")!.GetAttribute("value")!;
            using (var saved = await anna.PostFormAsync(editor, $"/en/admin/cooperations/edit/{id}", "#editor-form", new() { ["Input.Title.En"] = title + "!" }))
                Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            using (var approved = await ben.SubmitFormAsync($"/en/admin/cooperations/edit/{id}", "#approve-revision-form", new()))
                Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
            var approval = await db.StatusChanges.Where(s => s.CooperationId == id).OrderBy(s => s.Id).LastAsync();
            Assert.Equal((HistoryEvent.RevisionApproved, benEmail, false, false), (approval.Event, approval.ChangedBy, approval.CriteriaOverridden, approval.FourEyesOverridden));
            Assert.EndsWith("!", (await db.Cooperations.AsNoTracking().SingleAsync(c => c.Id == id)).Title.En);
        }
    }

    [Fact]
    public async Task A_sample_listing_that_fails_a_criterion_stays_visible_to_curators_as_failing()
    {
        var (anna, _) = await Curators.SignedInAsync(site, "curator");
        await using var db = site.OpenContext();
        var rudis = await db.Cooperations.AsNoTracking().Include(c => c.StatusChanges).SingleAsync(c => c.Slug == "rudis");
        Assert.Equal(27_056, rudis.Location.Population);
        // Loaded as published by the sample data's recorded override, because the report listed it.
        var loaded = Assert.Single(rudis.StatusChanges);
        Assert.True(loaded.CriteriaOverridden);
        Assert.Contains("KreativLandTransfer report", loaded.Reason);
        var editor = await anna.GetDocumentAsync($"/en/admin/cooperations/edit/{rudis.Id}");
        Assert.Equal("fail", editor.QuerySelector("#criteria-list [data-criterion=population]")!.GetAttribute("data-outcome"));
        Assert.Contains("27,056 inhabitants", editor.Text("#criteria-list [data-criterion=population]"));
        // The passing ones were loaded without any override flag.
        var herrnhut = await db.StatusChanges.SingleAsync(s => db.Cooperations.Any(c => c.Id == s.CooperationId && c.Slug == "herrnhuter-city-kids"));
        Assert.False(herrnhut.CriteriaOverridden);
    }
}
