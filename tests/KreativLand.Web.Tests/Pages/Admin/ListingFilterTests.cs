using System.Net;
using KreativLand.Web.Domain;
using KreativLand.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static KreativLand.Web.Tests.Pages.Admin.Cooperations.EditorTests;

namespace KreativLand.Web.Tests.Pages.Admin;

/// <summary>The listing table and the review queue filter by assignee, subsector, country and criteria state, and show the state.</summary>
public class ListingFilterTests(BasicDataWebFixture site) : IClassFixture<BasicDataWebFixture>
{
    /// <summary>Three listings in review: criteria all met (DE, music), failing (DE, population above the threshold), open (AT, design, nothing attested).</summary>
    private async Task<(int Met, int Failing, int Open)> ThreeAsync(HttpClient client, string tag)
    {
        var met = await CreateAsync(client, With(NewListing($"{tag} erfüllt"), Attested()));
        var failing = await CreateAsync(client, With(NewListing($"{tag} verfehlt"), With(Attested(), new() { ["Input.Location.Population"] = "45000" })));
        var open = await CreateAsync(client, With(NewListing($"{tag} offen"), new()
        {
            ["Input.Location.Country"] = "AT", ["Input.Location.Latitude"] = "47.26", ["Input.Location.Longitude"] = "11.39",
            ["Input.Location.Population"] = "900", ["PartnerRows[1].Subsector"] = "design",
        }));
        foreach (var id in new[] { met, failing, open })
        {
            using var moved = await client.SubmitFormAsync($"/admin/cooperations/edit/{id}", "#transition-form", new() { ["Transition.To"] = "in-review" });
            Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        }
        return (met, failing, open);
    }

    [Fact]
    public async Task The_tables_evaluate_the_criteria_of_their_listings_once_per_request()
    {
        var client = await Curators.SignedInClientAsync(site, "curator");
        await ThreeAsync(client, "Einmalprobe");
        // The criteria facts (attestations, partners) are read once: by the criteria filter when it is set (its states
        // then also label the rows), else for the rows shown.
        foreach (var url in new[] { "/en/admin/cooperations?q=Einmalprobe&criteria=failing", "/en/admin/cooperations?q=Einmalprobe",
                     "/en/admin?q=Einmalprobe&criteria=open" })
        {
            var statements = await StatementCounter.StatementsAsync(site.DatabaseName, async () => await client.GetDocumentAsync(url));
            // The facts query selects the attestations but no title (the rows' query selects whole listings).
            static string Selected(string sql) => sql[..Math.Max(0, sql.IndexOf("FROM", StringComparison.Ordinal))];
            Assert.Single(statements, s => Selected(s).Contains("equal_terms_confirmed", StringComparison.Ordinal) && !Selected(s).Contains("title_de", StringComparison.Ordinal));
        }
        // The filter's own evaluation labels the row.
        var page = await client.GetDocumentAsync("/en/admin/cooperations?q=Einmalprobe&criteria=failing");
        Assert.Equal("failing", Assert.Single(page.QuerySelectorAll(".listing-table tbody tr [data-criteria]")).GetAttribute("data-criteria"));
    }

    private static async Task<int[]> IdsAsync(HttpClient client, string url, string rows = ".listing-table tbody tr") =>
        (await client.GetDocumentAsync(url)).QuerySelectorAll(rows).Select(tr => int.Parse(tr.GetAttribute("data-id")!)).Order().ToArray();

    [Fact]
    public async Task The_table_filters_by_criteria_state_country_subsector_and_assignee_and_shows_the_criteria()
    {
        var (client, email) = await Curators.SignedInAsync(site, "curator");
        var (met, failing, open) = await ThreeAsync(client, "Filterprobe");
        string Url(string query) => "/en/admin/cooperations?q=Filterprobe&" + query;

        Assert.Equal(new[] { met, failing, open }.Order(), await IdsAsync(client, Url("")));
        Assert.Equal([met], await IdsAsync(client, Url("criteria=met")));
        Assert.Equal([failing], await IdsAsync(client, Url("criteria=failing")));
        Assert.Equal([open], await IdsAsync(client, Url("criteria=open")));
        Assert.Equal([open], await IdsAsync(client, Url("country=at")));
        Assert.Equal([open], await IdsAsync(client, Url("subsector=design")));
        Assert.Equal(new[] { met, failing }.Order(), await IdsAsync(client, Url("subsector=music&country=DE")));
        Assert.Equal([failing], await IdsAsync(client, Url("subsector=music&criteria=failing")));
        Assert.Empty(await IdsAsync(client, Url("mine=true")));

        var page = await client.GetDocumentAsync(Url(""));
        Assert.Equal("met", page.QuerySelector($"tr[data-id='{met}'] .criteria-state")!.GetAttribute("data-criteria"));
        Assert.Equal("failing", page.QuerySelector($"tr[data-id='{failing}'] .criteria-state")!.GetAttribute("data-criteria"));
        Assert.Equal("open", page.QuerySelector($"tr[data-id='{open}'] .criteria-state")!.GetAttribute("data-criteria"));
        Assert.Equal("all met", page.Text($"tr[data-id='{met}'] .criteria-state"));

        // The form shows what was applied; a value naming nothing is dropped rather than filtering everything away.
        var filtered = await client.GetDocumentAsync(Url("criteria=failing&subsector=music&mine=true"));
        Assert.Equal("failing", filtered.QuerySelector("#criteria option[selected]")!.GetAttribute("value"));
        Assert.Equal("music", filtered.QuerySelector("#subsector option[selected]")!.GetAttribute("value"));
        Assert.NotNull(filtered.QuerySelector("#mine[checked]"));
        Assert.Equal(new[] { met, failing, open }.Order(), await IdsAsync(client, Url("criteria=nonsense&subsector=nothing&country=Deutschland")));

        // Assigned to me: through the queue's bulk action, recorded as an assignment.
        using (var assigned = await BulkAsync(client, "/en/admin?q=Filterprobe&criteria=met", [met], "assign", assignee: email))
        {
            Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
            Assert.Contains("criteria=met", assigned.Headers.Location!.OriginalString);
        }
        Assert.Equal([met], await IdsAsync(client, Url("mine=true")));
        var other = await Curators.SignedInClientAsync(site, "curator");
        Assert.Empty(await IdsAsync(other, Url("mine=true")));
    }

    [Fact]
    public async Task A_chosen_sort_is_kept_for_the_next_visit_without_one()
    {
        var client = await Curators.SignedInClientAsync(site, "curator");
        var (met, failing, open) = await ThreeAsync(client, "Sortierprobe");
        // Titles: "… erfüllt" < "… offen" < "… verfehlt".
        Assert.Equal([failing, open, met], await OrderAsync(client, "/admin/cooperations?q=Sortierprobe&sort=title&desc=true"));
        var again = await client.GetDocumentAsync("/admin/cooperations?q=Sortierprobe");
        Assert.Equal("descending", again.QuerySelector("th[aria-sort]")!.GetAttribute("aria-sort"));
        Assert.Equal([failing, open, met], await OrderAsync(client, "/admin/cooperations?q=Sortierprobe"));
        Assert.Equal([met, open, failing], await OrderAsync(client, "/admin/cooperations?q=Sortierprobe&sort=title"));
        Assert.Equal([met, open, failing], await OrderAsync(client, "/admin/cooperations?q=Sortierprobe&p=1"));
        // Another curator's browser keeps its own default.
        var other = await Curators.SignedInClientAsync(site, "curator");
        Assert.Equal("updated", (await other.GetDocumentAsync("/admin/cooperations?q=Sortierprobe")).QuerySelector("input[name=sort]")!.GetAttribute("value"));

        static async Task<int[]> OrderAsync(HttpClient client, string url) =>
            (await client.GetDocumentAsync(url)).QuerySelectorAll(".listing-table tbody tr").Select(tr => int.Parse(tr.GetAttribute("data-id")!)).ToArray();
    }

    [Fact]
    public async Task The_queue_filters_and_a_bulk_action_on_the_filtered_set_keeps_the_filter()
    {
        var client = await Curators.SignedInClientAsync(site, "curator");
        var (met, failing, open) = await ThreeAsync(client, "Schlangenprobe");

        Assert.Equal([failing], await IdsAsync(client, "/en/admin?q=Schlangenprobe&criteria=failing", "#bulk-form tbody tr"));
        Assert.Equal([open], await IdsAsync(client, "/en/admin?q=Schlangenprobe&country=AT", "#bulk-form tbody tr"));
        var page = await client.GetDocumentAsync("/en/admin?q=Schlangenprobe&criteria=failing");
        Assert.StartsWith("1 of ", page.Text("#queue-count"));
        Assert.Equal("failing", page.QuerySelector("#bulk-form input[type=hidden][name=criteria]")!.GetAttribute("value"));

        using (var rejected = await BulkAsync(client, "/en/admin?q=Schlangenprobe&criteria=failing", [failing], "reject", "Above the population threshold."))
        {
            Assert.Equal(HttpStatusCode.Redirect, rejected.StatusCode);
            Assert.Contains("criteria=failing", rejected.Headers.Location!.OriginalString);
            Assert.Contains("q=Schlangenprobe", rejected.Headers.Location!.OriginalString);
        }
        var after = await client.GetDocumentAsync("/en/admin?q=Schlangenprobe&criteria=failing");
        Assert.Empty(after.QuerySelectorAll("#bulk-form tbody tr"));
        Assert.Equal("No listing in the queue matches the filter.", after.Text("#queue-empty"));
        await using var db = site.OpenContext();
        var states = await db.Cooperations.Where(c => c.Id == met || c.Id == failing || c.Id == open).ToDictionaryAsync(c => c.Id, c => c.Status);
        Assert.Equal(CooperationStatus.Rejected, states[failing]);
        Assert.Equal(CooperationStatus.InReview, states[met]);
        Assert.Equal(CooperationStatus.InReview, states[open]);
    }

    /// <summary>The queue's bulk form as shown at <paramref name="url"/> (its hidden filter fields included), with the chosen rows.</summary>
    private static async Task<HttpResponseMessage> BulkAsync(HttpClient client, string url, int[] ids, string action, string reason = "", string assignee = "")
    {
        var page = await client.GetDocumentAsync(url);
        var form = page.QuerySelector("#bulk-form")!;
        var values = form.QuerySelectorAll("input[type=hidden]").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))
            .Where(v => v.Key != "Confirmed").Append(new("Confirmed", "true"))
            .Concat(ids.Select(id => new KeyValuePair<string, string>("Selected", id.ToString())))
            .Append(new("BulkAction", action)).Append(new("Reason", reason)).Append(new("Assignee", assignee));
        return await client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(values));
    }
}
