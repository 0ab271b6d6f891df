using System.Net;
using KreativLand.Web.Domain;
using KreativLand.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static KreativLand.Web.Tests.Pages.Admin.Cooperations.EditorTests;

namespace KreativLand.Web.Tests.Pages.Admin.Cooperations;

/// <summary>Nobody publishes, or approves a revision of, what they wrote themselves; an admin's override is recorded.</summary>
public class FourEyesTests(BasicDataWebFixture site) : IClassFixture<BasicDataWebFixture>
{
    private static async Task<HttpResponseMessage> MoveAsync(HttpClient client, int id, string to, string? reason = null, bool @override = false)
    {
        var fields = new Dictionary<string, string> { ["Transition.To"] = to, ["Transition.Reason"] = reason ?? "", ["Transition.Confirmed"] = "true" };
        if (@override) fields["Transition.Override"] = "true";
        return await client.SubmitFormAsync($"/en/admin/cooperations/edit/{id}", "#transition-form", fields);
    }

    private async Task<CooperationStatus> StatusAsync(int id)
    {
        await using var db = site.OpenContext();
        return await db.Cooperations.Where(c => c.Id == id).Select(c => c.Status).SingleAsync();
    }

    [Fact]
    public async Task A_curator_cannot_publish_her_own_listing_a_second_curator_can()
    {
        var (anna, annaEmail) = await Curators.SignedInAsync(site, "curator");
        var (ben, benEmail) = await Curators.SignedInAsync(site, "curator");
        var id = await CreateAsync(anna, With(NewListing("Eigene Arbeit"), Attested()));
        using (var review = await MoveAsync(anna, id, "in-review")) Assert.Equal(HttpStatusCode.Redirect, review.StatusCode);

        var editor = await anna.GetDocumentAsync($"/en/admin/cooperations/edit/{id}");
        Assert.Contains("you wrote the current content", editor.Text("#four-eyes-hint"));
        using (var own = await MoveAsync(anna, id, "published"))
        {
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
            Assert.StartsWith("Four-eyes rule:", (await Html.ParseAsync(own)).Text("#transition-error"));
        }
        Assert.Equal(CooperationStatus.InReview, await StatusAsync(id));

        using (var second = await MoveAsync(ben, id, "published")) Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        await using var db = site.OpenContext();
        var published = await db.StatusChanges.Where(s => s.CooperationId == id).OrderBy(s => s.Id).LastAsync();
        Assert.Equal((CooperationStatus.Published, benEmail, false), (published.To, published.ChangedBy, published.FourEyesOverridden));
        Assert.Equal(annaEmail, (await db.Cooperations.SingleAsync(c => c.Id == id)).LastEditedBy);
    }

    [Fact]
    public async Task The_editor_shows_who_last_wrote_the_content_and_when_which_a_status_change_does_not_alter()
    {
        var (anna, annaEmail) = await Curators.SignedInAsync(site, "curator");
        var (ben, benEmail) = await Curators.SignedInAsync(site, "curator");
        var id = await CreateAsync(anna, With(NewListing("Wer schrieb zuletzt"), Attested()));
        (await MoveAsync(anna, id, "in-review")).Dispose();
        using (var published = await MoveAsync(ben, id, "published")) Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        await using var db = site.OpenContext();
        var stored = await db.Cooperations.AsNoTracking().SingleAsync(c => c.Id == id);
        // The listing table's "updated" moved with the status change; the content's time and author did not.
        Assert.True(stored.UpdatedAt > stored.LastEditedAt, $"{stored.UpdatedAt:O} should be after {stored.LastEditedAt:O}");
        var shown = (await ben.GetDocumentAsync($"/en/admin/cooperations/edit/{id}")).QuerySelector("#last-edited");
        Assert.NotNull(shown);
        Assert.Contains(annaEmail, shown.TextContent);
        Assert.DoesNotContain(benEmail, shown.TextContent);
        Assert.Equal(stored.LastEditedAt!.Value.ToString("O"), shown.QuerySelector("time")?.GetAttribute("datetime"));
        Assert.Contains(stored.LastEditedAt.Value.ToString("yyyy-MM-dd HH:mm"), shown.TextContent);
    }

    [Fact]
    public async Task An_admin_may_override_the_rule_with_a_reason_that_is_recorded()
    {
        var (admin, adminEmail) = await Curators.SignedInAsync(site, "admin");
        var id = await CreateAsync(admin, With(NewListing("Allein im Dienst"), Attested()));
        (await MoveAsync(admin, id, "in-review")).Dispose();

        using (var withoutOverride = await MoveAsync(admin, id, "published"))
            Assert.StartsWith("Four-eyes rule:", (await Html.ParseAsync(withoutOverride)).Text("#transition-error"));
        using (var withoutReason = await MoveAsync(admin, id, "published", @override: true))
            Assert.Equal("Overriding the review needs a written reason.", (await Html.ParseAsync(withoutReason)).Text("#transition-error"));
        const string reason = "Only administrator on duty during the holidays.";
        using (var overridden = await MoveAsync(admin, id, "published", reason, @override: true))
            Assert.Equal(HttpStatusCode.Redirect, overridden.StatusCode);

        await using (var db = site.OpenContext())
        {
            var change = await db.StatusChanges.Where(s => s.CooperationId == id).OrderBy(s => s.Id).LastAsync();
            Assert.Equal((CooperationStatus.Published, adminEmail, true, false, reason),
                (change.To, change.ChangedBy, change.FourEyesOverridden, change.CriteriaOverridden, change.Reason));
        }
        var page = await admin.GetDocumentAsync($"/en/admin/cooperations/edit/{id}");
        Assert.Contains("Four-eyes rule overridden", page.QuerySelector(".status-history li[data-override]")!.TextContent);
    }

    [Fact]
    public async Task A_curator_cannot_approve_her_own_revision()
    {
        var (anna, _) = await Curators.SignedInAsync(site, "curator");
        var (ben, _) = await Curators.SignedInAsync(site, "curator");
        var id = await CreateAsync(anna, With(NewListing("Überarbeitet"), Attested()));
        (await MoveAsync(anna, id, "in-review")).Dispose();
        (await MoveAsync(ben, id, "published")).Dispose();
        Assert.Equal(CooperationStatus.Published, await StatusAsync(id));

        // Ben edits the published listing: a revision; he may not approve it himself, Anna may.
        var page = await ben.GetDocumentAsync($"/en/admin/cooperations/edit/{id}");
        using (var saved = await ben.PostFormAsync(page, $"/en/admin/cooperations/edit/{id}", "#editor-form", new() { ["Input.Title.En"] = "Revised" }))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using (var own = await ben.SubmitFormAsync($"/en/admin/cooperations/edit/{id}", "#approve-revision-form", new()))
        {
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
            Assert.StartsWith("Four-eyes rule:", (await Html.ParseAsync(own)).Text("#revision-error"));
        }
        using (var approved = await anna.SubmitFormAsync($"/en/admin/cooperations/edit/{id}", "#approve-revision-form", new()))
            Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        await using var db = site.OpenContext();
        Assert.Equal("Revised", (await db.Cooperations.SingleAsync(c => c.Id == id)).Title.En);
    }

    [Fact]
    public async Task An_approval_carries_the_version_the_reviewer_saw()
    {
        var (anna, _) = await Curators.SignedInAsync(site, "curator");
        var (ben, _) = await Curators.SignedInAsync(site, "curator");
        var id = await CreateAsync(anna, With(NewListing("Versioniert"), Attested()));
        (await MoveAsync(anna, id, "in-review")).Dispose();
        (await MoveAsync(ben, id, "published")).Dispose();
        var edit = await anna.GetDocumentAsync($"/en/admin/cooperations/edit/{id}");
        (await anna.PostFormAsync(edit, $"/en/admin/cooperations/edit/{id}", "#editor-form", new() { ["Input.Title.En"] = "First revision" })).Dispose();

        // Ben opens the review; meanwhile Anna saves the revision again.
        var review = await ben.GetDocumentAsync($"/en/admin/cooperations/edit/{id}");
        var again = await anna.GetDocumentAsync($"/en/admin/cooperations/edit/{id}");
        (await anna.PostFormAsync(again, $"/en/admin/cooperations/edit/{id}", "#editor-form", new() { ["Input.Title.En"] = "Unreviewed change" })).Dispose();

        using (var stale = await ben.PostFormAsync(review, $"/en/admin/cooperations/edit/{id}", "#approve-revision-form", new()))
        {
            Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
            Assert.Contains("changed after you opened it", (await Html.ParseAsync(stale)).Text("#revision-error"));
        }
        await using (var db = site.OpenContext())
            Assert.Equal("Versioniert", (await db.Cooperations.SingleAsync(c => c.Id == id)).Title.De);
        // Looking again, he approves what he now sees.
        using (var approved = await ben.SubmitFormAsync($"/en/admin/cooperations/edit/{id}", "#approve-revision-form", new()))
            Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        await using (var db = site.OpenContext())
            Assert.Equal("Unreviewed change", (await db.Cooperations.SingleAsync(c => c.Id == id)).Title.En);
    }

    [Fact]
    public async Task Publishing_carries_the_version_the_reviewer_saw()
    {
        var (anna, _) = await Curators.SignedInAsync(site, "curator");
        var (ben, _) = await Curators.SignedInAsync(site, "curator");
        var id = await CreateAsync(anna, With(NewListing("Frisch geprüft"), Attested()));
        (await MoveAsync(anna, id, "in-review")).Dispose();
        var review = await ben.GetDocumentAsync($"/en/admin/cooperations/edit/{id}");
        var edit = await anna.GetDocumentAsync($"/en/admin/cooperations/edit/{id}");
        (await anna.PostFormAsync(edit, $"/en/admin/cooperations/edit/{id}", "#editor-form", new() { ["Input.Title.En"] = "Changed meanwhile" })).Dispose();

        using var stale = await ben.PostFormAsync(review, $"/en/admin/cooperations/edit/{id}", "#transition-form", new() { ["Transition.To"] = "published" });
        Assert.Contains("changed after you opened it", (await Html.ParseAsync(stale)).Text("#transition-error"));
        Assert.Equal(CooperationStatus.InReview, await StatusAsync(id));
    }

    [Fact]
    public async Task An_admin_can_switch_the_rule_off()
    {
        var (admin, _) = await Curators.SignedInAsync(site, "admin");
        var (anna, _) = await Curators.SignedInAsync(site, "curator");
        try
        {
            using (var off = await admin.SubmitFormAsync("/en/admin/settings/workflow", "#workflow-form", new() { ["FourEyes"] = "false" }))
                Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
            var id = await CreateAsync(anna, With(NewListing("Ohne zweites Paar Augen"), Attested()));
            (await MoveAsync(anna, id, "in-review")).Dispose();
            using (var published = await MoveAsync(anna, id, "published")) Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
            // Curators may not change the setting.
            using var forbidden = await anna.GetAsync("/admin/settings/workflow");
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        }
        finally
        {
            (await admin.SubmitFormAsync("/en/admin/settings/workflow", "#workflow-form", new() { ["FourEyes"] = "true" })).Dispose();
        }
    }
}
