using System.Net;
using KreativLand.Web.Domain;
using KreativLand.Web.Tests.Infrastructure;
using KreativLand.Web.Tests.Pages.Admin.Cooperations;
using Microsoft.EntityFrameworkCore;

namespace KreativLand.Web.Tests.Pages.Admin;

public class BulkAndDueTests(BasicDataWebFixture site) : IClassFixture<BasicDataWebFixture>
{
    private async Task<int[]> InReviewAsync(HttpClient client, params string[] titles)
    {
        var ids = new List<int>();
        foreach (var title in titles)
        {
            var id = await EditorTests.CreateAsync(client, EditorTests.NewListing(title));
            using var moved = await client.SubmitFormAsync($"/admin/cooperations/edit/{id}", "#transition-form", new() { ["Transition.To"] = "in-review" });
            Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
            ids.Add(id);
        }
        return ids.ToArray();
    }

    /// <summary>A bulk action as the queue's form sends it; rejecting and archiving confirmed unless <paramref name="confirmed"/> is false.</summary>
    private static async Task<HttpResponseMessage> BulkAsync(HttpClient client, IEnumerable<int> ids, string action, string reason = "", string assignee = "", bool confirmed = true)
    {
        var page = await client.GetDocumentAsync("/en/admin");
        var form = page.QuerySelector("#bulk-form")!;
        // The form's own hidden values (the antiforgery token, each listed listing's version), then the choice.
        var values = Curators.FormValues(form).Where(v => v.Key is not ("Selected" or "BulkAction" or "Reason" or "Assignee" or "Confirmed"))
            .Concat(ids.Select(id => new KeyValuePair<string, string>("Selected", id.ToString())))
            .Append(new("BulkAction", action)).Append(new("Reason", reason)).Append(new("Assignee", assignee))
            .Append(new("Confirmed", confirmed ? "true" : "false"));
        return await client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(values));
    }

    [Fact]
    public async Task Bulk_reject_needs_a_reason_and_then_rejects_and_records_every_selected_listing()
    {
        var client = await Curators.SignedInClientAsync(site, "curator");
        var ids = await InReviewAsync(client, "Masse eins", "Masse zwei");

        using var refused = await BulkAsync(client, ids, "reject");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Please give a reason for the rejection.", (await Html.ParseAsync(refused)).Text("#problems"));

        using var done = await BulkAsync(client, ids, "reject", "Not a rural cooperation.");
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        await using var db = site.OpenContext();
        var stored = await db.Cooperations.Include(c => c.StatusChanges).Where(c => ids.Contains(c.Id)).ToListAsync();
        Assert.All(stored, c =>
        {
            Assert.Equal(CooperationStatus.Rejected, c.Status);
            Assert.Equal("Not a rural cooperation.", c.StatusChanges.OrderBy(s => s.Id).Last().Reason);
        });
    }

    [Fact]
    public async Task A_bulk_action_at_the_same_moment_as_another_save_of_a_chosen_listing_changes_nothing_and_says_so()
    {
        var client = await Curators.SignedInClientAsync(site, "curator");
        var ids = await InReviewAsync(client, "Zugleich eins", "Zugleich zwei");

        using var response = await SameMoment.WhileAnotherWritesAsync(site, $"UPDATE cooperations SET assigned_to = 'someone@example.org' WHERE id = {ids[1]}",
            () => BulkAsync(client, ids, "archive"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Someone changed one of the chosen listings at the same moment, so nothing was changed.", (await Html.ParseAsync(response)).Text("#problems"));
        await using var db = site.OpenContext();
        Assert.All(await db.Cooperations.Where(c => ids.Contains(c.Id)).Select(c => c.Status).ToListAsync(), status => Assert.Equal(CooperationStatus.InReview, status));
    }

    [Fact]
    public async Task A_bulk_action_on_a_listing_saved_after_the_queue_was_shown_is_refused_naming_it_and_goes_through_once_looked_at()
    {
        var client = await Curators.SignedInClientAsync(site, "curator");
        var ids = await InReviewAsync(client, "Gezeigt eins", "Gezeigt zwei");
        var shown = await client.GetDocumentAsync("/en/admin");
        await using (var other = site.OpenContext())
            Assert.Equal(1, await other.Database.ExecuteSqlAsync($"UPDATE cooperations SET assigned_to = 'someone@example.org' WHERE id = {ids[1]}"));

        // The queue's form as shown, with the two listings chosen: it carries each listing's version as listed.
        async Task<HttpResponseMessage> ArchiveAsync(AngleSharp.Dom.IDocument page)
        {
            var form = page.QuerySelector("#bulk-form")!;
            var values = Curators.FormValues(form).Where(v => v.Key is not ("Selected" or "BulkAction" or "Confirmed"))
                .Concat(ids.Select(id => new KeyValuePair<string, string>("Selected", id.ToString())))
                .Append(new("BulkAction", "archive")).Append(new("Confirmed", "true"));
            return await client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(values));
        }
        using var refused = await ArchiveAsync(shown);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await Html.ParseAsync(refused);
        var problems = page.Text("#problems");
        Assert.Contains("Gezeigt zwei (gezeigt-zwei): was saved by someone else after the list was shown, so nothing was changed.", problems);
        Assert.DoesNotContain("gezeigt-eins", problems);
        await using var db = site.OpenContext();
        Assert.All(await db.Cooperations.Where(c => ids.Contains(c.Id)).Select(c => c.Status).ToListAsync(), status => Assert.Equal(CooperationStatus.InReview, status));

        // The queue shown again is the current one: after a look, the same choice goes through.
        using (var done = await ArchiveAsync(page)) Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.All(await db.Cooperations.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => c.Status).ToListAsync(), status => Assert.Equal(CooperationStatus.Archived, status));
    }

    [Fact]
    public async Task A_bulk_action_without_the_version_of_a_chosen_listing_is_refused_as_out_of_date_and_changes_nothing()
    {
        var client = await Curators.SignedInClientAsync(site, "curator");
        var ids = await InReviewAsync(client, "Ohne Stand eins", "Ohne Stand zwei", "Ohne Stand drei");
        const string OutOfDate = "was chosen on a list that did not say which version of it was shown (an out-of-date or altered page), so nothing was changed. Please reload the list and choose again.";

        // The queue's form with the three chosen; an old page or a hand-made client leaves a version out or sends something that is no number.
        async Task<HttpResponseMessage> ArchiveAsync(Func<KeyValuePair<string, string>, KeyValuePair<string, string>?> alter)
        {
            var form = (await client.GetDocumentAsync("/en/admin")).QuerySelector("#bulk-form")!;
            var values = Curators.FormValues(form).Where(v => v.Key is not ("Selected" or "BulkAction" or "Confirmed"))
                .Select(alter).OfType<KeyValuePair<string, string>>()
                .Concat(ids.Select(id => new KeyValuePair<string, string>("Selected", id.ToString())))
                .Append(new("BulkAction", "archive")).Append(new("Confirmed", "true"));
            return await client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(values));
        }
        async Task<string> RefusedAsync(HttpResponseMessage response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await using var db = site.OpenContext();
            Assert.All(await db.Cooperations.Where(c => ids.Contains(c.Id)).Select(c => c.Status).ToListAsync(), status => Assert.Equal(CooperationStatus.InReview, status));
            return (await Html.ParseAsync(response)).Text("#problems");
        }

        using (var missing = await ArchiveAsync(v => v.Key == $"Seen[{ids[0]}]" ? null : v))
        {
            var problems = await RefusedAsync(missing);
            Assert.Contains($"Ohne Stand eins (ohne-stand-eins): {OutOfDate}", problems);
            Assert.DoesNotContain("ohne-stand-zwei", problems);
        }
        using (var garbled = await ArchiveAsync(v => v.Key == $"Seen[{ids[1]}]" ? new(v.Key, "gestern") : v))
        {
            var problems = await RefusedAsync(garbled);
            Assert.Contains($"Ohne Stand zwei (ohne-stand-zwei): {OutOfDate}", problems);
            Assert.DoesNotContain("ohne-stand-eins", problems);
        }

        // With every version, as the queue's form sends it, the same choice goes through.
        using (var done = await ArchiveAsync(v => v)) Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        await using var check = site.OpenContext();
        Assert.All(await check.Cooperations.Where(c => ids.Contains(c.Id)).Select(c => c.Status).ToListAsync(), status => Assert.Equal(CooperationStatus.Archived, status));
    }

    [Fact]
    public async Task Bulk_assign_and_archive()
    {
        var client = await Curators.SignedInClientAsync(site, "curator");
        var other = await Curators.CreateAsync(site, "curator");
        var ids = await InReviewAsync(client, "Zuweisen eins", "Zuweisen zwei");

        using (var assigned = await BulkAsync(client, ids, "assign", assignee: other)) Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
        var dashboard = await client.GetDocumentAsync("/admin");
        Assert.All(ids, id => Assert.Contains(other, dashboard.QuerySelector($".queue-table tr[data-id='{id}']")!.TextContent));

        using (var unknown = await BulkAsync(client, ids, "assign", assignee: "ghost@example.org"))
            Assert.Contains("There is no such account.", (await Html.ParseAsync(unknown)).Text("#problems"));

        using (var archived = await BulkAsync(client, ids, "archive")) Assert.Equal(HttpStatusCode.Redirect, archived.StatusCode);
        await using var db = site.OpenContext();
        Assert.All(await db.Cooperations.Where(c => ids.Contains(c.Id)).ToListAsync(), c => Assert.Equal(CooperationStatus.Archived, c.Status));
    }

    [Fact]
    public async Task Bulk_rejecting_without_confirmation_asks_first_and_changes_nothing_until_confirmed()
    {
        var client = await Curators.SignedInClientAsync(site, "curator");
        var ids = await InReviewAsync(client, "Nachfrage eins", "Nachfrage zwei");

        using var asked = await BulkAsync(client, ids, "reject", "Duplicate entries.", confirmed: false);
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var page = await Html.ParseAsync(asked);
        Assert.Equal("Really set the 2 chosen listings to “Rejected”?", page.Text("#confirm-bulk-box h3"));
        await using (var db = site.OpenContext())
            Assert.All(await db.Cooperations.Where(c => ids.Contains(c.Id)).ToListAsync(), c => Assert.Equal(CooperationStatus.InReview, c.Status));
        Assert.Equal("Really set the {0} chosen listings to “Archived”?", page.QuerySelector("#BulkAction option[value=archive]")!.GetAttribute("data-confirm"));

        using (var confirmed = await client.PostFormAsync(page, "/en/admin", "#confirm-bulk-form", []))
            Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        await using var check = site.OpenContext();
        Assert.All(await check.Cooperations.Include(c => c.StatusChanges).Where(c => ids.Contains(c.Id)).ToListAsync(), c =>
        {
            Assert.Equal(CooperationStatus.Rejected, c.Status);
            Assert.Equal("Duplicate entries.", c.StatusChanges.OrderBy(s => s.Id).Last().Reason);
        });
    }

    [Fact]
    public async Task Bulk_actions_leave_listings_outside_the_queue_alone()
    {
        var client = await Curators.SignedInClientAsync(site, "curator");
        await InReviewAsync(client, "Damit die Liste nicht leer ist");
        int published;
        await using (var db = site.OpenContext()) published = (await db.Cooperations.SingleAsync(c => c.Slug == "pixel-bakery")).Id;
        using var refused = await BulkAsync(client, [published], "archive");
        Assert.Contains("is not in the review queue", (await Html.ParseAsync(refused)).Text("#problems"));
        await using var check = site.OpenContext();
        Assert.Equal(CooperationStatus.Published, (await check.Cooperations.SingleAsync(c => c.Id == published)).Status);
    }

    [Fact]
    public async Task Published_listings_unchecked_for_a_year_are_due_until_marked_as_checked()
    {
        var client = await Curators.SignedInClientAsync(site, "curator");
        await using (var db = site.OpenContext())
        {
            // Time passes in the database: the review dates are the workflow's own, set only by its methods.
            await db.Database.ExecuteSqlAsync($"UPDATE cooperations SET published_at = {DateTimeOffset.UtcNow.AddMonths(-14)}, last_reviewed_at = {DateTimeOffset.UtcNow.AddMonths(-13)} WHERE slug = 'forest-online'");
            await db.Database.ExecuteSqlAsync($"UPDATE cooperations SET last_reviewed_at = {DateTimeOffset.UtcNow.AddMonths(-2)} WHERE slug = 'pixel-bakery'");
        }
        var dashboard = await client.GetDocumentAsync("/admin");
        var due = dashboard.QuerySelectorAll(".due-list li").Select(li => li.TextContent).ToList();
        Assert.Contains(due, text => text.Contains("Wald geht online"));
        Assert.DoesNotContain(due, text => text.Contains("Bäckerei und Pixel"));

        var id = int.Parse(dashboard.QuerySelectorAll(".due-list li").First(li => li.TextContent.Contains("Wald geht online")).GetAttribute("data-id")!);
        using (var checkedNow = await client.SubmitFormAsync($"/admin/cooperations/edit/{id}", "#reviewed-form", new()))
            Assert.Equal(HttpStatusCode.Redirect, checkedNow.StatusCode);
        var after = await client.GetDocumentAsync("/admin");
        Assert.DoesNotContain(after.QuerySelectorAll(".due-list li"), li => li.TextContent.Contains("Wald geht online"));
    }
}
