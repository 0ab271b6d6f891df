using System.Net;
using KreativLand.Web.Domain;
using KreativLand.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static KreativLand.Web.Tests.Pages.Admin.Cooperations.EditorTests;

namespace KreativLand.Web.Tests.Pages.Admin.Cooperations;

/// <summary>Edits of a published listing wait as a revision; the public version stays until it is approved.</summary>
public class RevisionTests(BasicDataWebFixture site) : IClassFixture<BasicDataWebFixture>
{
    /// <summary>Written by <paramref name="client"/>, published by a second curator (the four-eyes rule).</summary>
    private async Task<(int Id, string Slug)> PublishedAsync(HttpClient client, string title, bool ongoing = true)
    {
        var fields = With(NewListing(title), Attested());
        if (!ongoing)
        {
            // Ended: the box stays unticked, so the form posts no "ongoing" at all.
            fields.Remove("Input.Ongoing");
            fields["Input.EndYear"] = "2022";
        }
        var id = await CreateAsync(client, fields);
        var reviewer = await Curators.SignedInClientAsync(site, "curator");
        foreach (var (who, to) in new[] { (client, "in-review"), (reviewer, "published") })
        {
            using var moved = await who.SubmitFormAsync($"/admin/cooperations/edit/{id}", "#transition-form", new() { ["Transition.To"] = to });
            Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        }
        return (id, Slugs.From(title));
    }

    /// <summary>Someone other than the revision's author, who approves it.</summary>
    private Task<HttpClient> ReviewerAsync() => Curators.SignedInClientAsync(site, "curator");

    private async Task<string> PublicTitleAsync(string slug) =>
        (await site.CreateClient().GetDocumentAsync($"/cooperations/{slug}")).Text("h1");

    [Fact]
    public async Task An_edit_waits_as_a_revision_with_a_side_by_side_diff_until_it_is_approved()
    {
        var client = await Curators.SignedInClientAsync(site, "curator");
        var (id, slug) = await PublishedAsync(client, "Live Fassung");

        var page = await client.GetDocumentAsync($"/en/admin/cooperations/edit/{id}");
        using (var saved = await client.PostFormAsync(page, $"/en/admin/cooperations/edit/{id}", "#editor-form", new() { ["Input.Title.De"] = "Neue Fassung" }))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        Assert.Equal("Live Fassung", await PublicTitleAsync(slug));
        var dashboard = await client.GetDocumentAsync("/admin");
        Assert.NotNull(dashboard.QuerySelector($".revision-list li[data-id='{id}']"));
        var editor = await client.GetDocumentAsync($"/en/admin/cooperations/edit/{id}");
        Assert.Equal("Neue Fassung", editor.QuerySelector("[name='Input.Title.De']")!.GetAttribute("value"));
        var diff = editor.QuerySelectorAll(".revision-diff tbody tr").Select(tr => tr.Children.Select(td => td.TextContent.Trim()).ToArray()).ToList();
        Assert.Equal(["Title (German)", "Live Fassung", "Neue Fassung"], diff.Single(row => row[0] == "Title (German)"));

        // Saving the revision again keeps one revision and the live version.
        using (var again = await client.PostFormAsync(editor, $"/en/admin/cooperations/edit/{id}", "#editor-form", new() { ["Input.Summary.De"] = "Auch neu" }))
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        await using (var db = site.OpenContext())
        {
            Assert.Equal(1, await db.CooperationRevisions.CountAsync(r => r.CooperationId == id));
            Assert.Equal("Live Fassung", (await db.Cooperations.SingleAsync(c => c.Id == id)).Title.De);
        }

        using (var approved = await (await ReviewerAsync()).SubmitFormAsync($"/en/admin/cooperations/edit/{id}", "#approve-revision-form", new()))
            Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Equal("Neue Fassung", await PublicTitleAsync(slug));
        Assert.Null((await client.GetDocumentAsync("/admin")).QuerySelector($".revision-list li[data-id='{id}']"));
        await using (var db = site.OpenContext())
        {
            var stored = await db.Cooperations.Include(c => c.StatusChanges).Include(c => c.AuditEntries).SingleAsync(c => c.Id == id);
            Assert.Equal(CooperationStatus.Published, stored.Status);
            Assert.Equal("Auch neu", stored.Summary.De);
            Assert.False(await db.CooperationRevisions.AnyAsync(r => r.CooperationId == id));
            Assert.Contains(stored.AuditEntries, a => a.Changes.Contains(new FieldChange("title.de", "Live Fassung", "Neue Fassung")));
            var approval = stored.StatusChanges.OrderBy(s => s.Id).Last();
            Assert.Equal((CooperationStatus.Published, CooperationStatus.Published), (approval.From!.Value, approval.To));
            Assert.Equal(HistoryEvent.RevisionApproved, approval.Event);
            Assert.StartsWith("curator-", approval.Detail);
        }
    }

    [Fact]
    public async Task A_revision_with_a_failing_criterion_is_not_approved_and_can_be_discarded()
    {
        var client = await Curators.SignedInClientAsync(site, "curator");
        var (id, slug) = await PublishedAsync(client, "Stabil bleiben");
        var page = await client.GetDocumentAsync($"/admin/cooperations/edit/{id}");
        using (var saved = await client.PostFormAsync(page, $"/admin/cooperations/edit/{id}", "#editor-form",
            new() { ["Input.Title.De"] = "Zu groß geworden", ["Input.Location.Population"] = "45000" }))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        using var refused = await client.SubmitFormAsync($"/en/admin/cooperations/edit/{id}", "#approve-revision-form", new());
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.StartsWith("Cannot publish", (await Html.ParseAsync(refused)).Text("#revision-error"));
        Assert.Equal("Stabil bleiben", await PublicTitleAsync(slug));

        // Leaving "published" is refused while the revision waits.
        using var moved = await client.SubmitFormAsync($"/en/admin/cooperations/edit/{id}", "#transition-form", new() { ["Transition.To"] = "archived" });
        Assert.Equal("A revision of this listing waits for review: approve or discard it first.", (await Html.ParseAsync(moved)).Text("#transition-error"));

        using (var discarded = await client.SubmitFormAsync($"/admin/cooperations/edit/{id}", "#discard-revision-form", new()))
            Assert.Equal(HttpStatusCode.Redirect, discarded.StatusCode);
        var editor = await client.GetDocumentAsync($"/admin/cooperations/edit/{id}");
        Assert.Null(editor.QuerySelector("#revision"));
        Assert.Equal("Stabil bleiben", editor.QuerySelector("[name='Input.Title.De']")!.GetAttribute("value"));
        Assert.Equal("Stabil bleiben", await PublicTitleAsync(slug));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Saving_a_published_listing_unchanged_creates_no_revision(bool ongoing)
    {
        var client = await Curators.SignedInClientAsync(site, "curator");
        var (id, _) = await PublishedAsync(client, ongoing ? "Unverändert" : "Unverändert beendet", ongoing);
        var page = await client.GetDocumentAsync($"/admin/cooperations/edit/{id}");
        using (var saved = await client.PostFormAsync(page, $"/admin/cooperations/edit/{id}", "#editor-form", new()))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using var db = site.OpenContext();
        Assert.False(await db.CooperationRevisions.AnyAsync(r => r.CooperationId == id));
    }

    [Fact]
    public async Task The_revision_diff_names_fields_by_their_labels_and_flags_by_yes_or_no()
    {
        var client = await Curators.SignedInClientAsync(site, "curator");
        var (id, _) = await PublishedAsync(client, "Wieder aufgenommen", ongoing: false);
        var page = await client.GetDocumentAsync($"/en/admin/cooperations/edit/{id}");
        using (var saved = await client.PostFormAsync(page, $"/en/admin/cooperations/edit/{id}", "#editor-form",
            new() { ["Input.Ongoing"] = "true", ["Input.EndYear"] = "" }))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var editor = await client.GetDocumentAsync($"/en/admin/cooperations/edit/{id}");
        string[] Row(string field) => editor.QuerySelector($".revision-diff tr[data-field='{field}']")!.Children.Select(c => c.TextContent.Trim()).ToArray();
        Assert.Equal(["ongoing", "no", "yes"], Row("ongoing"));
        Assert.Equal(["End year", "2022", ""], Row("endYear"));
    }

    [Fact]
    public async Task A_revision_saved_again_after_the_page_was_opened_is_not_discarded_unseen_and_a_discard_is_recorded()
    {
        var (first, firstEmail) = await Curators.SignedInAsync(site, "curator");
        var (second, secondEmail) = await Curators.SignedInAsync(site, "curator");
        var (id, _) = await PublishedAsync(first, "Nicht verwerfen");
        var firstPage = await first.GetDocumentAsync($"/admin/cooperations/edit/{id}");
        using (var saved = await first.PostFormAsync(firstPage, $"/admin/cooperations/edit/{id}", "#editor-form", new() { ["Input.Title.De"] = "Erste Überarbeitung" }))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        // The second curator opens the revision; then the first saves more work into it.
        var seen = await second.GetDocumentAsync($"/en/admin/cooperations/edit/{id}");
        var again = await first.GetDocumentAsync($"/admin/cooperations/edit/{id}");
        using (var saved = await first.PostFormAsync(again, $"/admin/cooperations/edit/{id}", "#editor-form", new() { ["Input.Summary.De"] = "Stunden an Arbeit" }))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        // Discarding what the second curator saw is refused, with the current revision shown; nothing is dropped.
        using var refused = await second.PostFormAsync(seen, $"/en/admin/cooperations/edit/{id}", "#discard-revision-form", new());
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await Html.ParseAsync(refused);
        Assert.Equal("It was changed after you opened it. Please look at the current version below and decide again.", page.Text("#revision-error"));
        Assert.Equal("Stunden an Arbeit", page.QuerySelector("[name='Input.Summary.De']")!.TextContent);
        await using (var db = site.OpenContext())
            Assert.True(await db.CooperationRevisions.AnyAsync(r => r.CooperationId == id));

        // Discarding the version now shown works, and the history says who discarded whose revision.
        using (var discarded = await second.PostFormAsync(page, $"/en/admin/cooperations/edit/{id}", "#discard-revision-form", new()))
            Assert.Equal(HttpStatusCode.Redirect, discarded.StatusCode);
        var editor = await second.GetDocumentAsync($"/en/admin/cooperations/edit/{id}");
        Assert.Null(editor.QuerySelector("#revision"));
        var discard = editor.QuerySelector(".status-history li[data-event='revision-discarded']");
        Assert.NotNull(discard);
        Assert.Equal($"revision by {firstEmail} discarded", discard!.QuerySelector(".event")?.TextContent);
        Assert.Equal($"({secondEmail})", discard.QuerySelector(".muted")?.TextContent);
    }

    [Fact]
    public async Task The_discard_question_says_whose_changes_are_lost()
    {
        var (first, firstEmail) = await Curators.SignedInAsync(site, "curator");
        var second = await Curators.SignedInClientAsync(site, "curator");
        var (id, _) = await PublishedAsync(first, "Wessen Änderungen");
        using (var saved = await first.SubmitFormAsync($"/admin/cooperations/edit/{id}", "#editor-form", new() { ["Input.Title.De"] = "Meine Überarbeitung" }))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        string Question(AngleSharp.Dom.IDocument page) => page.QuerySelector("#discard-revision")!.GetAttribute("data-confirm")!;
        Assert.Equal("Discard this revision? Your changes are lost.", Question(await first.GetDocumentAsync($"/en/admin/cooperations/edit/{id}")));
        Assert.Equal($"Discard this revision by {firstEmail}? The changes {firstEmail} made are lost.", Question(await second.GetDocumentAsync($"/en/admin/cooperations/edit/{id}")));
        Assert.Equal($"Diese Überarbeitung von {firstEmail} verwerfen? Die Änderungen von {firstEmail} gehen verloren.", Question(await second.GetDocumentAsync($"/de/admin/cooperations/edit/{id}")));
    }

    [Fact]
    public async Task Two_curators_editing_the_same_revision_get_a_conflict()
    {
        var (first, firstEmail) = await Curators.SignedInAsync(site, "curator");
        var second = await Curators.SignedInClientAsync(site, "curator");
        var (id, _) = await PublishedAsync(first, "Zwei Köche");
        var firstPage = await first.GetDocumentAsync($"/admin/cooperations/edit/{id}");
        var secondPage = await second.GetDocumentAsync($"/admin/cooperations/edit/{id}");

        using (var saved = await first.PostFormAsync(firstPage, $"/admin/cooperations/edit/{id}", "#editor-form", new() { ["Input.Title.De"] = "Erster Koch" }))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using var conflict = await second.PostFormAsync(secondPage, $"/admin/cooperations/edit/{id}", "#editor-form", new() { ["Input.Title.De"] = "Zweiter Koch" });
        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        var page = await Html.ParseAsync(conflict);
        Assert.Contains("Erster Koch", page.Text("#conflict"));
        // The title is the first curator's revision, named by its author.
        Assert.Equal($"ja, von {firstEmail}", page.QuerySelector("#conflict tr[data-field='title.de'].changed-meanwhile td:last-child")?.TextContent);
        Assert.Equal("Zweiter Koch", page.QuerySelector("[name='Input.Title.De']")!.GetAttribute("value"));
    }
}
