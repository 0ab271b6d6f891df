using System.Net;
using KreativLand.Web.Domain;
using KreativLand.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static KreativLand.Web.Tests.Pages.Admin.Cooperations.EditorTests;

namespace KreativLand.Web.Tests.Pages.Admin.Cooperations;

public class WorkflowTests(BasicDataWebFixture site) : IClassFixture<BasicDataWebFixture>
{
    /// <summary>A status change as the editor sends it; rejecting and archiving confirmed unless <paramref name="confirmed"/> is false.</summary>
    private static async Task<HttpResponseMessage> MoveAsync(HttpClient client, int id, string to, string? reason = null, bool overrideCriteria = false, bool confirmed = true)
    {
        var fields = new Dictionary<string, string> { ["Transition.To"] = to, ["Transition.Reason"] = reason ?? "", ["Transition.Confirmed"] = confirmed ? "true" : "false" };
        if (overrideCriteria) fields["Transition.Override"] = "true";
        return await client.SubmitFormAsync($"/en/admin/cooperations/edit/{id}", "#transition-form", fields);
    }

    private async Task<CooperationStatus> StatusAsync(int id)
    {
        await using var db = site.OpenContext();
        return await db.Cooperations.Where(c => c.Id == id).Select(c => c.Status).SingleAsync();
    }

    private static async Task<string> RefusalAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await Html.ParseAsync(response)).Text("#transition-error");
    }

    [Fact]
    public async Task A_decision_at_the_same_moment_as_another_save_is_refused_with_the_current_state_shown()
    {
        var client = await Curators.SignedInClientAsync(site, "curator");
        var id = await CreateAsync(client, With(NewListing("Gleichzeitig entschieden"), Attested()));
        var page = await client.GetDocumentAsync($"/en/admin/cooperations/edit/{id}");

        using var response = await SameMoment.WhileAnotherWritesAsync(site, $"UPDATE cooperations SET assigned_to = 'someone@example.org' WHERE id = {id}",
            () => client.PostFormAsync(page, $"/en/admin/cooperations/edit/{id}", "#transition-form", new() { ["Transition.To"] = "archived", ["Transition.Confirmed"] = "true" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var shown = await Html.ParseAsync(response);
        Assert.Equal("The listing was changed after you opened it. Please look at the current version and decide again.", shown.Text("#transition-error"));
        Assert.Contains("someone@example.org", shown.Text("main"));
        Assert.Equal(CooperationStatus.Draft, await StatusAsync(id));
    }

    [Fact]
    public async Task A_conflict_after_another_curators_status_change_names_the_change_and_who_made_it()
    {
        var writer = await Curators.SignedInClientAsync(site, "curator");
        var (reviewer, reviewerEmail) = await Curators.SignedInAsync(site, "curator");
        var id = await CreateAsync(writer, With(NewListing("Inzwischen veröffentlicht"), Attested()));
        using (var moved = await MoveAsync(writer, id, "in-review")) Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var page = await writer.GetDocumentAsync($"/en/admin/cooperations/edit/{id}");

        using (var published = await MoveAsync(reviewer, id, "published")) Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        using var conflict = await writer.PostFormAsync(page, $"/en/admin/cooperations/edit/{id}", "#editor-form", new() { ["Input.Summary.De"] = "Noch eine Änderung" });

        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        var shown = await Html.ParseAsync(conflict);
        Assert.StartsWith($"Meanwhile {reviewerEmail} changed the status from “In review” to “Published” (", shown.Text("#conflict-status"));
        Assert.Equal("no – your edit", shown.QuerySelector("#conflict tr[data-field='summary.de'] td:last-child")?.TextContent);
        await using var db = site.OpenContext();
        Assert.False(await db.CooperationRevisions.AnyAsync(r => r.CooperationId == id));
    }

    [Fact]
    public async Task A_draft_cannot_skip_the_review()
    {
        var client = await Curators.SignedInClientAsync(site, "curator");
        var id = await CreateAsync(client, With(NewListing("Ohne Prüfung"), Attested()));
        using var response = await MoveAsync(client, id, "published");
        Assert.Equal("This status change is not allowed.", await RefusalAsync(response));
        Assert.Equal(CooperationStatus.Draft, await StatusAsync(id));
    }

    [Fact]
    public async Task A_complete_listing_goes_through_review_to_publication_and_every_step_is_recorded()
    {
        var client = await Curators.SignedInClientAsync(site, "curator");
        var id = await CreateAsync(client, With(NewListing("Vollständig geprüft"), Attested()));

        using (var review = await MoveAsync(client, id, "in-review")) Assert.Equal(HttpStatusCode.Redirect, review.StatusCode);
        // A second curator publishes: the author may not (four-eyes rule).
        var reviewer = await Curators.SignedInClientAsync(site, "curator");
        using (var publish = await MoveAsync(reviewer, id, "published")) Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);

        await using var db = site.OpenContext();
        var stored = await db.Cooperations.Include(c => c.StatusChanges).SingleAsync(c => c.Id == id);
        Assert.Equal(CooperationStatus.Published, stored.Status);
        Assert.NotNull(stored.PublishedAt);
        Assert.NotNull(stored.LastReviewedAt);
        Assert.Equal(
            [(null, CooperationStatus.Draft), (CooperationStatus.Draft, CooperationStatus.InReview), (CooperationStatus.InReview, CooperationStatus.Published)],
            stored.StatusChanges.OrderBy(s => s.Id).Select(s => ((CooperationStatus?)s.From, s.To)).ToList());
        Assert.All(stored.StatusChanges, s => Assert.StartsWith("curator-", s.ChangedBy));
        Assert.DoesNotContain(stored.StatusChanges, s => s.CriteriaOverridden);

        using var publicPage = await site.CreateClient().GetAsync($"/cooperations/{stored.Slug}");
        Assert.Equal(HttpStatusCode.OK, publicPage.StatusCode);
    }

    [Fact]
    public async Task Publishing_with_an_open_criterion_is_refused_for_a_curator_even_with_the_override_box()
    {
        var client = await Curators.SignedInClientAsync(site, "curator");
        var id = await CreateAsync(client, NewListing("Offene Kriterien"));
        (await MoveAsync(client, id, "in-review")).Dispose();

        var reviewer = await Curators.SignedInClientAsync(site, "curator");
        using var plain = await MoveAsync(reviewer, id, "published");
        var refusal = await RefusalAsync(plain);
        Assert.StartsWith("Cannot publish", refusal);
        // The refusal names what is open.
        Assert.Contains("Not met or unknown: Economic background, Cooperation on equal terms, not a commissioned service, Visible effects for the rural region.", refusal);
        using var sneaky = await MoveAsync(reviewer, id, "published", "I think it is fine", overrideCriteria: true);
        Assert.Equal("Only an administrator can override the review.", await RefusalAsync(sneaky));
        Assert.Equal(CooperationStatus.InReview, await StatusAsync(id));
    }

    [Fact]
    public async Task An_admin_overrides_with_a_written_reason_which_is_stored_and_shown()
    {
        var admin = await Curators.SignedInClientAsync(site, "admin");
        var fields = NewListing("Ausnahme");
        fields["Input.Location.Population"] = "23000";
        var id = await CreateAsync(admin, With(fields, Attested()));
        (await MoveAsync(admin, id, "in-review")).Dispose();

        using var withoutReason = await MoveAsync(admin, id, "published", overrideCriteria: true);
        Assert.Equal("Overriding the review needs a written reason.", await RefusalAsync(withoutReason));

        const string reason = "The municipality merged in 2023; the village itself has 2,100 inhabitants.";
        using (var published = await MoveAsync(admin, id, "published", reason, overrideCriteria: true))
            Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        await using (var db = site.OpenContext())
        {
            var change = await db.StatusChanges.Where(s => s.CooperationId == id).OrderBy(s => s.Id).LastAsync();
            Assert.Equal(CooperationStatus.Published, change.To);
            Assert.True(change.CriteriaOverridden);
            Assert.Equal(reason, change.Reason);
            Assert.StartsWith("admin-", change.ChangedBy);
        }
        var page = await admin.GetDocumentAsync($"/en/admin/cooperations/edit/{id}");
        var entry = page.QuerySelector(".status-history li[data-override]")!;
        Assert.Contains("Published despite open criteria", entry.TextContent);
        Assert.Contains(reason, entry.TextContent);
    }

    [Fact]
    public async Task Rejecting_needs_a_reason_and_records_it()
    {
        var client = await Curators.SignedInClientAsync(site, "curator");
        var id = await CreateAsync(client, NewListing("Abzulehnen"));
        (await MoveAsync(client, id, "in-review")).Dispose();

        using var withoutReason = await MoveAsync(client, id, "rejected", "  ");
        Assert.Equal("Please give a reason for the rejection.", await RefusalAsync(withoutReason));
        using (var rejected = await MoveAsync(client, id, "rejected", "No CCI partner involved."))
            Assert.Equal(HttpStatusCode.Redirect, rejected.StatusCode);
        Assert.Equal(CooperationStatus.Rejected, await StatusAsync(id));
        await using var db = site.OpenContext();
        Assert.Equal("No CCI partner involved.", (await db.StatusChanges.Where(s => s.CooperationId == id).OrderBy(s => s.Id).LastAsync()).Reason);
    }

    [Fact]
    public async Task Rejecting_or_archiving_without_confirmation_asks_in_a_second_step_and_stores_nothing_until_confirmed()
    {
        var client = await Curators.SignedInClientAsync(site, "curator");
        var id = await CreateAsync(client, NewListing("Erst fragen"));
        (await MoveAsync(client, id, "in-review")).Dispose();

        // Unconfirmed (a browser without JavaScript): the page asks, the status and history stay.
        using var asked = await MoveAsync(client, id, "rejected", "Not rural.", confirmed: false);
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var page = await Html.ParseAsync(asked);
        Assert.Equal("Really set this listing to “Rejected”?", page.Text("#confirm-transition-box h2"));
        Assert.Equal(CooperationStatus.InReview, await StatusAsync(id));
        await using (var db = site.OpenContext())
            Assert.DoesNotContain(await db.StatusChanges.Where(s => s.CooperationId == id).Select(s => s.To).ToListAsync(), s => s == CooperationStatus.Rejected);
        // The dialog's option carries the question, for the script.
        Assert.StartsWith("Really set this listing to “Rejected”?", page.QuerySelector("#Transition_To option[value=rejected]")!.GetAttribute("data-confirm"));
        Assert.All(page.QuerySelectorAll("#Transition_To option:not([value=rejected]):not([value=archived])"), option => Assert.True(string.IsNullOrEmpty(option.GetAttribute("data-confirm"))));

        // "Cancel" leads back to the editor; the confirmation form carries the decision and its reason.
        Assert.EndsWith($"/admin/cooperations/edit/{id}", page.QuerySelector("#cancel-transition")!.GetAttribute("href"));
        using (var confirmed = await client.PostFormAsync(page, $"/en/admin/cooperations/edit/{id}", "#confirm-transition-form", []))
            Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(CooperationStatus.Rejected, await StatusAsync(id));
        await using var check = site.OpenContext();
        Assert.Equal("Not rural.", (await check.StatusChanges.Where(s => s.CooperationId == id).OrderBy(s => s.Id).LastAsync()).Reason);
    }

    [Fact]
    public async Task Unknown_target_states_are_refused_with_a_message()
    {
        var client = await Curators.SignedInClientAsync(site, "curator");
        var id = await CreateAsync(client, NewListing("Unsinn"));
        using var response = await MoveAsync(client, id, "flying");
        Assert.Equal("This status change is not allowed.", await RefusalAsync(response));
    }
}
