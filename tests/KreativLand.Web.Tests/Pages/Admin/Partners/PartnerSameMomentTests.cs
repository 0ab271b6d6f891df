using System.Net;
using KreativLand.Web.Domain;
using KreativLand.Web.Tests.Infrastructure;
using KreativLand.Web.Tests.Pages.Admin.Cooperations;
using Microsoft.EntityFrameworkCore;
using static KreativLand.Web.Tests.Pages.Admin.Cooperations.EditorTests;

namespace KreativLand.Web.Tests.Pages.Admin.Partners;

/// <summary>
/// Two curators deciding on the same partner at the same moment, or one on a page older than the other's proposal: the
/// later one is refused with a message naming what happened, keeps what they typed, and nothing of their decision is
/// stored. Each test makes its own published listing and so its own partners ("Klangraum Studio (title)"), leaving the
/// class's data as it was.
/// </summary>
public class PartnerSameMomentTests(BasicDataWebFixture site) : IClassFixture<BasicDataWebFixture>
{
    private sealed record Setup(HttpClient Anna, HttpClient Ben, int ListingId, int PartnerId, int ChangeId);

    /// <summary>A published listing whose CCI partner (no seat yet) has no change waiting (<see cref="Setup.ChangeId"/> 0).</summary>
    private async Task<Setup> PublishedPartnerAsync(string title)
    {
        var anna = await Curators.SignedInClientAsync(site, "curator");
        var ben = await Curators.SignedInClientAsync(site, "curator");
        var listingId = await PreviewTests.PublishedAsync(anna, ben, title);
        return new(anna, ben, listingId, (await PartnerAsync($"Klangraum Studio ({title})")).Id, 0);
    }

    /// <summary>A published listing whose CCI partner (no seat yet) has a change by Anna waiting for review: seat Dresden.</summary>
    private async Task<Setup> HeldChangeAsync(string title)
    {
        var (anna, ben, listingId, partnerId, _) = await PublishedPartnerAsync(title);
        using (var held = await anna.SubmitFormAsync($"/en/admin/partners/{partnerId}", "#partner-form", new() { ["Input.Municipality"] = "Dresden" }))
            Assert.Equal(HttpStatusCode.Redirect, held.StatusCode);
        await using var db = site.OpenContext();
        var change = await db.PartnerChanges.AsNoTracking().SingleAsync(c => c.PartnerId == partnerId && c.Status == PartnerChangeStatus.Pending);
        Assert.Equal("Dresden", change.Proposed.Municipality);
        return new(anna, ben, listingId, partnerId, change.Id);
    }

    private async Task<Partner> PartnerAsync(string name)
    {
        await using var db = site.OpenContext();
        return await db.Partners.AsNoTracking().SingleAsync(p => p.Name == name);
    }

    private async Task<PartnerChange> ChangeAsync(int id)
    {
        await using var db = site.OpenContext();
        return await db.PartnerChanges.AsNoTracking().SingleAsync(c => c.Id == id);
    }

    private static async Task<AngleSharp.Dom.IDocument> RefusedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Html.ParseAsync(response);
    }

    [Fact]
    public async Task Approving_while_another_curator_saves_a_listing_of_the_partner_approves_nothing_and_keeps_the_reason()
    {
        var setup = await HeldChangeAsync("Freigabe zugleich");
        var page = await setup.Ben.GetDocumentAsync($"/en/admin/partners/{setup.PartnerId}");

        using var response = await SameMoment.WhileAnotherWritesAsync(site, $"UPDATE cooperations SET assigned_to = 'someone@example.org' WHERE id = {setup.ListingId}",
            () => setup.Ben.PostFormAsync(page, $"/en/admin/partners/{setup.PartnerId}", "#approve-partner-form", new() { ["Review.Reason"] = "Umzug bestätigt" }));

        var shown = await RefusedAsync(response);
        Assert.Contains("Someone else saved the waiting change or a listing showing this partner at the same moment, so the change was not approved.", shown.Text("#problems"));
        Assert.Equal("Umzug bestätigt", shown.QuerySelector("#Review_Reason")!.TextContent);
        Assert.Equal(PartnerChangeStatus.Pending, (await ChangeAsync(setup.ChangeId)).Status);
        Assert.NotEqual("Dresden", (await PartnerAsync("Klangraum Studio (Freigabe zugleich)")).Municipality);
        await using var db = site.OpenContext();
        Assert.False(await db.AuditEntries.AnyAsync(a => a.CooperationId == setup.ListingId && a.Event == HistoryEvent.PartnerChanged));
    }

    [Fact]
    public async Task Saving_while_another_curator_revises_the_waiting_change_keeps_the_typed_details_and_their_change()
    {
        var setup = await HeldChangeAsync("Speichern zugleich");
        var page = await setup.Ben.GetDocumentAsync($"/de/admin/partners/{setup.PartnerId}");

        using var response = await SameMoment.WhileAnotherWritesAsync(site, $"UPDATE partner_changes SET proposed_by = 'someone@example.org' WHERE id = {setup.ChangeId}",
            () => setup.Ben.PostFormAsync(page, $"/de/admin/partners/{setup.PartnerId}", "#partner-form", new() { ["Input.Municipality"] = "Chemnitz" }));

        var shown = await RefusedAsync(response);
        Assert.Contains("Im selben Moment hat jemand anderes diesen Partner, seine wartende Änderung oder einen Eintrag mit ihm gespeichert, daher wurden Ihre Angaben nicht gespeichert.",
            shown.Text("#problems"));
        Assert.Equal("Chemnitz", shown.QuerySelector("#Input_Municipality")!.GetAttribute("value"));
        var change = await ChangeAsync(setup.ChangeId);
        Assert.Equal(("Dresden", "someone@example.org", PartnerChangeStatus.Pending), (change.Proposed.Municipality, change.ProposedBy, change.Status));
    }

    [Fact]
    public async Task Proposing_while_another_curator_proposes_a_change_of_the_same_partner_keeps_the_typed_details()
    {
        var setup = await HeldChangeAsync("Vorschlag zugleich");
        using (var discarded = await setup.Ben.SubmitFormAsync($"/en/admin/partners/{setup.PartnerId}", "#discard-partner-form", new()))
            Assert.Equal(HttpStatusCode.Redirect, discarded.StatusCode);
        var page = await setup.Ben.GetDocumentAsync($"/en/admin/partners/{setup.PartnerId}");
        Assert.Null(page.QuerySelector("#pending-change"));

        // The other curator's proposal is a waiting change not yet committed when this save reads: both would wait.
        using var response = await SameMoment.WhileAnotherWritesAsync(site,
            $"UPDATE partner_changes SET status = 'pending', decided_by = NULL, decided_at = NULL WHERE id = {setup.ChangeId}",
            () => setup.Ben.PostFormAsync(page, $"/en/admin/partners/{setup.PartnerId}", "#partner-form", new() { ["Input.Municipality"] = "Chemnitz" }));

        var shown = await RefusedAsync(response);
        Assert.Contains("so your details were not saved. They are kept in the form", shown.Text("#problems"));
        Assert.Equal("Chemnitz", shown.QuerySelector("#Input_Municipality")!.GetAttribute("value"));
        Assert.NotNull(shown.QuerySelector("#pending-change"));
        await using var db = site.OpenContext();
        Assert.Equal([setup.ChangeId], await db.PartnerChanges.Where(c => c.PartnerId == setup.PartnerId && c.Status == PartnerChangeStatus.Pending).Select(c => c.Id).ToListAsync());
    }

    [Fact]
    public async Task Discarding_a_change_revised_since_it_was_shown_or_at_the_same_moment_is_refused()
    {
        var setup = await HeldChangeAsync("Verwerfen zugleich");
        var seen = await setup.Ben.GetDocumentAsync($"/en/admin/partners/{setup.PartnerId}");
        // Anna revises her proposal after Ben opened the page: Ben's discard names the version he saw.
        using (var revised = await setup.Anna.SubmitFormAsync($"/en/admin/partners/{setup.PartnerId}", "#partner-form", new() { ["Input.Municipality"] = "Meißen" }))
            Assert.Equal(HttpStatusCode.Redirect, revised.StatusCode);
        using (var stale = await setup.Ben.PostFormAsync(seen, $"/en/admin/partners/{setup.PartnerId}", "#discard-partner-form", new()))
            Assert.Contains("after you opened this page, so nothing was approved or discarded.", (await RefusedAsync(stale)).Text("#problems"));
        Assert.Equal((PartnerChangeStatus.Pending, "Meißen"), ((await ChangeAsync(setup.ChangeId)).Status, (await ChangeAsync(setup.ChangeId)).Proposed.Municipality));

        var page = await setup.Ben.GetDocumentAsync($"/en/admin/partners/{setup.PartnerId}");
        using var response = await SameMoment.WhileAnotherWritesAsync(site, $"UPDATE partner_changes SET proposed_by = 'someone@example.org' WHERE id = {setup.ChangeId}",
            () => setup.Ben.PostFormAsync(page, $"/en/admin/partners/{setup.PartnerId}", "#discard-partner-form", new()));

        Assert.Contains("Someone else saved the waiting change at the same moment, so it was not discarded.", (await RefusedAsync(response)).Text("#problems"));
        Assert.Equal(PartnerChangeStatus.Pending, (await ChangeAsync(setup.ChangeId)).Status);
    }

    [Fact]
    public async Task Saving_from_a_page_opened_before_another_curators_proposal_is_refused_naming_it_and_keeps_their_proposal()
    {
        var setup = await PublishedPartnerAsync("Vorschlag danach");
        var url = $"/en/admin/partners/{setup.PartnerId}";
        var opened = await setup.Ben.GetDocumentAsync(url);
        Assert.Null(opened.QuerySelector("#pending-change"));
        // Anna proposes a seat after Ben opened the page: his page never showed her proposal.
        using (var held = await setup.Anna.SubmitFormAsync(url, "#partner-form", new() { ["Input.Municipality"] = "Dresden" }))
            Assert.Equal(HttpStatusCode.Redirect, held.StatusCode);
        await using var db = site.OpenContext();
        var annas = await db.PartnerChanges.AsNoTracking().SingleAsync(c => c.PartnerId == setup.PartnerId && c.Status == PartnerChangeStatus.Pending);

        using var response = await setup.Ben.PostFormAsync(opened, url, "#partner-form", new() { ["Input.Municipality"] = "Chemnitz" });

        var shown = await RefusedAsync(response);
        Assert.Contains($"{annas.ProposedBy} proposed a change to this partner on {annas.ProposedAt:yyyy-MM-dd HH:mm}, after you opened this page, so your details were not saved",
            shown.Text("#problems"));
        Assert.Equal("Chemnitz", shown.QuerySelector("#Input_Municipality")!.GetAttribute("value"));
        Assert.Contains("Dresden", shown.Text("#pending-change"));
        var kept = await db.PartnerChanges.AsNoTracking().SingleAsync(c => c.PartnerId == setup.PartnerId && c.Status == PartnerChangeStatus.Pending);
        Assert.Equal((annas.Id, annas.Version, "Dresden", annas.ProposedBy), (kept.Id, kept.Version, kept.Proposed.Municipality, kept.ProposedBy));

        // Saving again from the page that showed her proposal replaces it deliberately.
        using (var again = await setup.Ben.PostFormAsync(shown, url, "#partner-form", new()))
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("Chemnitz", (await ChangeAsync(annas.Id)).Proposed.Municipality);
    }

    [Fact]
    public async Task Saving_from_a_page_older_than_the_waiting_changes_last_revision_is_refused_in_German_and_keeps_it()
    {
        var setup = await HeldChangeAsync("Neuere Fassung");
        var url = $"/de/admin/partners/{setup.PartnerId}";
        var opened = await setup.Ben.GetDocumentAsync(url);
        using (var revised = await setup.Anna.SubmitFormAsync(url, "#partner-form", new() { ["Input.Municipality"] = "Meißen" }))
            Assert.Equal(HttpStatusCode.Redirect, revised.StatusCode);
        var annas = await ChangeAsync(setup.ChangeId);

        using var response = await setup.Ben.PostFormAsync(opened, url, "#partner-form", new() { ["Input.Municipality"] = "Chemnitz" });

        var shown = await RefusedAsync(response);
        Assert.Contains($"{annas.ProposedBy} hat am {annas.ProposedAt:yyyy-MM-dd HH:mm}, nachdem Sie diese Seite geöffnet haben, eine Änderung dieses Partners vorgeschlagen, daher wurden Ihre Angaben nicht gespeichert",
            shown.Text("#problems"));
        Assert.Equal("Chemnitz", shown.QuerySelector("#Input_Municipality")!.GetAttribute("value"));
        var kept = await ChangeAsync(setup.ChangeId);
        Assert.Equal((annas.Version, "Meißen", PartnerChangeStatus.Pending), (kept.Version, kept.Proposed.Municipality, kept.Status));
    }

    [Fact]
    public async Task Approving_a_change_revised_or_decided_since_the_page_was_shown_is_refused_naming_who_and_approves_nothing()
    {
        var setup = await HeldChangeAsync("Freigabe veraltet");
        var url = $"/en/admin/partners/{setup.PartnerId}";
        var opened = await setup.Ben.GetDocumentAsync(url);
        using (var revised = await setup.Anna.SubmitFormAsync(url, "#partner-form", new() { ["Input.Municipality"] = "Meißen" }))
            Assert.Equal(HttpStatusCode.Redirect, revised.StatusCode);
        var annas = await ChangeAsync(setup.ChangeId);

        // Ben approves what his page showed (Dresden): Anna's newer version (Meißen) is not approved unseen.
        using (var stale = await setup.Ben.PostFormAsync(opened, url, "#approve-partner-form", new() { ["Review.Reason"] = "Umzug bestätigt" }))
        {
            var shown = await RefusedAsync(stale);
            Assert.Contains($"{annas.ProposedBy} proposed a change to this partner on {annas.ProposedAt:yyyy-MM-dd HH:mm}, after you opened this page, so nothing was approved or discarded.",
                shown.Text("#problems"));
            Assert.Equal("Umzug bestätigt", shown.QuerySelector("#Review_Reason")!.TextContent);
        }
        Assert.Equal((PartnerChangeStatus.Pending, "Meißen"), ((await ChangeAsync(setup.ChangeId)).Status, (await ChangeAsync(setup.ChangeId)).Proposed.Municipality));
        Assert.Null((await PartnerAsync("Klangraum Studio (Freigabe veraltet)")).Municipality);

        // A third curator discards it after Ben looked again: his approval names that decision.
        var carla = await Curators.SignedInClientAsync(site, "curator");
        var current = await setup.Ben.GetDocumentAsync(url);
        using (var discarded = await carla.SubmitFormAsync(url, "#discard-partner-form", new()))
            Assert.Equal(HttpStatusCode.Redirect, discarded.StatusCode);
        var decided = await ChangeAsync(setup.ChangeId);
        using (var gone = await setup.Ben.PostFormAsync(current, url, "#approve-partner-form", new()))
            Assert.Contains($"The waiting change this page showed was discarded by {decided.DecidedBy} on {decided.DecidedAt:yyyy-MM-dd HH:mm}, after you opened the page",
                (await RefusedAsync(gone)).Text("#problems"));
        Assert.Equal(PartnerChangeStatus.Discarded, (await ChangeAsync(setup.ChangeId)).Status);
        Assert.Null((await PartnerAsync("Klangraum Studio (Freigabe veraltet)")).Municipality);
    }

    [Fact]
    public async Task Merging_from_a_page_opened_before_another_curators_proposal_is_refused_naming_it_and_keeps_their_proposal()
    {
        var setup = await PublishedPartnerAsync("Zusammenführen veraltet");
        var url = $"/en/admin/partners/{setup.PartnerId}";
        var target = await PartnerAsync("Sägewerk Lindner (Zusammenführen veraltet)");
        var opened = await setup.Ben.GetDocumentAsync(url);
        Assert.Null(opened.QuerySelector("#pending-change"));
        // Anna proposes a seat after Ben opened the page: merging would discard her proposal, which his page never showed.
        using (var held = await setup.Anna.SubmitFormAsync(url, "#partner-form", new() { ["Input.Municipality"] = "Dresden" }))
            Assert.Equal(HttpStatusCode.Redirect, held.StatusCode);
        await using var db = site.OpenContext();
        var annas = await db.PartnerChanges.AsNoTracking().SingleAsync(c => c.PartnerId == setup.PartnerId && c.Status == PartnerChangeStatus.Pending);

        using var response = await setup.Ben.PostFormAsync(opened, url, "#merge-form", new() { ["MergeInto"] = target.Slug });

        var shown = await RefusedAsync(response);
        Assert.Contains($"{annas.ProposedBy} proposed a change to this partner on {annas.ProposedAt:yyyy-MM-dd HH:mm}, after you opened this page, so nothing was merged",
            shown.Text("#problems"));
        Assert.Equal(target.Slug, shown.QuerySelector("#MergeInto")!.GetAttribute("value"));
        Assert.Contains("Dresden", shown.Text("#pending-change"));
        var kept = await db.PartnerChanges.AsNoTracking().SingleAsync(c => c.Id == annas.Id);
        Assert.Equal((annas.Version, PartnerChangeStatus.Pending, "Dresden"), (kept.Version, kept.Status, kept.Proposed.Municipality));
        Assert.Null((await db.Partners.AsNoTracking().SingleAsync(p => p.Id == setup.PartnerId)).MergedIntoId);
        Assert.True(await db.CooperationPartners.AnyAsync(cp => cp.CooperationId == setup.ListingId && cp.PartnerId == setup.PartnerId));

        // Merging again from the page that showed her proposal discards it deliberately.
        using (var again = await setup.Ben.PostFormAsync(shown, url, "#merge-form", new()))
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(PartnerChangeStatus.Discarded, (await ChangeAsync(annas.Id)).Status);
        Assert.Equal(target.Id, (await db.Partners.AsNoTracking().SingleAsync(p => p.Id == setup.PartnerId)).MergedIntoId);
    }

    [Fact]
    public async Task Saving_a_partner_of_drafts_from_a_page_older_than_another_curators_change_is_refused_naming_it_and_keeps_theirs()
    {
        var anna = await Curators.SignedInClientAsync(site, "curator");
        var ben = await Curators.SignedInClientAsync(site, "curator");
        await CreateAsync(anna, NewListing("Nur Entwurf veraltet"));
        const string name = "Klangraum Studio (Nur Entwurf veraltet)";
        var url = $"/en/admin/partners/{(await PartnerAsync(name)).Id}";
        var opened = await ben.GetDocumentAsync(url);
        // No published listing shows the partner: Anna's change applies at once, after Ben opened the page.
        using (var applied = await anna.SubmitFormAsync(url, "#partner-form", new() { ["Input.Municipality"] = "Dresden" }))
            Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        var partner = await PartnerAsync(name);
        await using var db = site.OpenContext();
        var annas = await db.PartnerChanges.AsNoTracking().SingleAsync(c => c.PartnerId == partner.Id);
        Assert.Equal((PartnerChangeStatus.Approved, "Dresden"), (annas.Status, partner.Municipality));

        using var response = await ben.PostFormAsync(opened, url, "#partner-form", new() { ["Input.Municipality"] = "Chemnitz" });

        var shown = await RefusedAsync(response);
        Assert.Contains($"{annas.DecidedBy} changed this partner's details on {annas.DecidedAt:yyyy-MM-dd HH:mm}, after you opened this page, so your details were not saved",
            shown.Text("#problems"));
        Assert.Equal("Chemnitz", shown.QuerySelector("#Input_Municipality")!.GetAttribute("value"));
        Assert.Equal(("Dresden", partner.Version), ((await PartnerAsync(name)).Municipality, (await PartnerAsync(name)).Version));
        Assert.Equal(1, await db.PartnerChanges.CountAsync(c => c.PartnerId == partner.Id));

        // Saving again from the page that knows her change replaces it deliberately.
        using (var again = await ben.PostFormAsync(shown, url, "#partner-form", new()))
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("Chemnitz", (await PartnerAsync(name)).Municipality);
    }

    [Fact]
    public async Task Saving_a_partner_of_drafts_changed_unrecorded_or_at_the_same_moment_is_refused_in_German_and_keeps_the_input()
    {
        var ben = await Curators.SignedInClientAsync(site, "curator");
        await CreateAsync(ben, NewListing("Entwurf ohne Spur"));
        const string name = "Klangraum Studio (Entwurf ohne Spur)";
        var id = (await PartnerAsync(name)).Id;
        var url = $"/de/admin/partners/{id}";
        var opened = await ben.GetDocumentAsync(url);
        // A change that left no history (a fix in the database): the page says someone changed the partner, not who.
        await using (var db = site.OpenContext())
            await db.Database.ExecuteSqlAsync($"UPDATE partners SET sector = 'Tontechnik' WHERE id = {id}");

        using (var stale = await ben.PostFormAsync(opened, url, "#partner-form", new() { ["Input.Municipality"] = "Chemnitz" }))
        {
            var shown = await RefusedAsync(stale);
            Assert.Contains("Jemand anderes hat diesen Partner geändert, nachdem Sie diese Seite geöffnet haben, daher wurden Ihre Angaben nicht gespeichert.", shown.Text("#problems"));
            Assert.Equal("Chemnitz", shown.QuerySelector("#Input_Municipality")!.GetAttribute("value"));
        }
        Assert.Equal(("Tontechnik", null), ((await PartnerAsync(name)).Sector, (await PartnerAsync(name)).Municipality));

        // At the very same moment: the partner's version guards the write itself.
        var current = await ben.GetDocumentAsync(url);
        using var response = await SameMoment.WhileAnotherWritesAsync(site, $"UPDATE partners SET sector = 'Studiotechnik' WHERE id = {id}",
            () => ben.PostFormAsync(current, url, "#partner-form", new() { ["Input.Municipality"] = "Chemnitz" }));
        Assert.Contains("Im selben Moment hat jemand anderes diesen Partner", (await RefusedAsync(response)).Text("#problems"));
        Assert.Equal(("Studiotechnik", null), ((await PartnerAsync(name)).Sector, (await PartnerAsync(name)).Municipality));
    }

    [Theory]
    [InlineData("#partner-form", "")]
    [InlineData("#partner-form", "Dresden")]
    [InlineData("#partner-form", "1.2.3")]
    [InlineData("#approve-partner-form", "-1.5")]
    [InlineData("#discard-partner-form", "1.99999999999")]
    [InlineData("#merge-form", "x")]
    public async Task An_altered_or_missing_seen_change_gets_a_clear_message_and_stores_nothing(string form, string seen)
    {
        var setup = await HeldChangeAsync($"Verändert {Guid.NewGuid():N}"[..20]);
        var url = $"/en/admin/partners/{setup.PartnerId}";
        var before = await ChangeAsync(setup.ChangeId);

        using var response = await setup.Ben.SubmitFormAsync(url, form, new() { ["Seen"] = seen, ["Input.Municipality"] = "Chemnitz" });

        var shown = await RefusedAsync(response);
        Assert.Contains("The page did not say which waiting change it showed (its hidden field “Seen” is missing or altered), so nothing was stored.", shown.Text("#problems"));
        var after = await ChangeAsync(setup.ChangeId);
        Assert.Equal((before.Version, PartnerChangeStatus.Pending, "Dresden"), (after.Version, after.Status, after.Proposed.Municipality));
    }

    [Fact]
    public async Task Merging_while_another_curator_saves_a_listing_of_the_duplicate_moves_nothing_and_keeps_the_address()
    {
        var anna = await Curators.SignedInClientAsync(site, "curator");
        var original = await CreateAsync(anna, NewListing("Original zugleich"));
        var fields = NewListing("Dublette zugleich");
        fields["PartnerRows[0].Name"] = "Sägewerk Lindner (Original zugleich) GmbH";
        var withDuplicate = await CreateAsync(anna, fields);
        var duplicate = await PartnerAsync("Sägewerk Lindner (Original zugleich) GmbH");
        var target = await PartnerAsync("Sägewerk Lindner (Original zugleich)");
        var page = await anna.GetDocumentAsync($"/en/admin/partners/{duplicate.Id}");

        using var response = await SameMoment.WhileAnotherWritesAsync(site, $"UPDATE cooperations SET assigned_to = 'someone@example.org' WHERE id = {withDuplicate}",
            () => anna.PostFormAsync(page, $"/en/admin/partners/{duplicate.Id}", "#merge-form", new() { ["MergeInto"] = target.Slug }));

        var shown = await RefusedAsync(response);
        Assert.Contains("Someone else saved a listing showing this partner or its waiting change at the same moment, so nothing was merged.", shown.Text("#problems"));
        Assert.Equal(target.Slug, shown.QuerySelector("#MergeInto")!.GetAttribute("value"));
        await using var db = site.OpenContext();
        Assert.Null((await db.Partners.AsNoTracking().SingleAsync(p => p.Id == duplicate.Id)).MergedIntoId);
        Assert.True(await db.CooperationPartners.AnyAsync(cp => cp.CooperationId == withDuplicate && cp.PartnerId == duplicate.Id));
        Assert.False(await db.CooperationPartners.AnyAsync(cp => cp.CooperationId == withDuplicate && cp.PartnerId == target.Id));
        Assert.True(await db.CooperationPartners.AnyAsync(cp => cp.CooperationId == original && cp.PartnerId == target.Id));
    }
}
