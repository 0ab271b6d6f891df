using System.Net;
using KreativLand.Web.Domain;
using KreativLand.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static KreativLand.Web.Tests.Pages.Admin.Cooperations.EditorTests;

namespace KreativLand.Web.Tests.Pages.Admin.Partners;

/// <summary>
/// Partners are shared: a draft never changes what published listings show. "Pixel Studio" (Leipzig, DE, urban) takes
/// part in the two published listings of the basic data.
/// </summary>
public class PartnerReviewTests(BasicDataWebFixture site) : IClassFixture<BasicDataWebFixture>
{
    private async Task<string> PublicSeatAsync() =>
        (await site.CreateClient().GetDocumentAsync("/en/partners/pixel-studio")).QuerySelector("main")!.TextContent;

    private async Task<Partner> StoredAsync(string slug)
    {
        await using var db = site.OpenContext();
        return await db.Partners.AsNoTracking().SingleAsync(p => p.Slug == slug);
    }

    [Fact]
    public async Task Typing_an_existing_partners_name_links_it_and_never_wipes_its_details()
    {
        var (anna, _) = await Curators.SignedInAsync(site, "curator");
        // The name alone, seat and country left empty (the case that wiped a published partner's seat).
        // "Forst Meier" (Testdorf, DE, 12 employees) takes part in the published forest-online.
        var fields = NewListing("Neuer Entwurf mit Forst Meier");
        fields["PartnerRows[0].Name"] = "forst meier";
        fields["PartnerRows[0].Employees"] = "";
        fields["PartnerRows[0].Urban"] = "";
        var id = await CreateAsync(anna, fields);

        var stored = await StoredAsync("forst-meier");
        Assert.Equal(("Forst Meier", "Testdorf", "DE", false, 12), (stored.Name, stored.Municipality, stored.CountryCode, stored.IsUrban, stored.Employees));
        await using var db = site.OpenContext();
        Assert.Equal(1, await db.Partners.CountAsync(p => p.Name == "Forst Meier"));
        Assert.True(await db.CooperationPartners.AnyAsync(cp => cp.CooperationId == id && cp.PartnerId == stored.Id));
        Assert.False(await db.PartnerChanges.AnyAsync(c => c.PartnerId == stored.Id));
        Assert.Contains("Testdorf", (await site.CreateClient().GetDocumentAsync("/en/partners/forst-meier")).QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task A_name_with_other_details_is_linked_and_shown_before_anything_is_saved()
    {
        var (anna, _) = await Curators.SignedInAsync(site, "curator");
        // "Bäckerei Huber" (30 employees, no seat) takes part in the published pixel-bakery.
        var fields = NewListing("Bäckerei woanders");
        fields["PartnerRows[0].Name"] = "Bäckerei Huber";
        fields["PartnerRows[0].Employees"] = "45";
        using var first = await anna.SubmitFormAsync("/en/admin/cooperations/edit", "#editor-form", fields);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var page = await Html.ParseAsync(first);
        Assert.Contains("\"Bäckerei Huber\" exists already (–) with other details", page.Text("#problems"));
        Assert.Equal("baeckerei-huber", page.QuerySelector("[name='PartnerRows[0].Slug']")!.GetAttribute("value"));
        Assert.Equal("30", page.QuerySelector("[name='PartnerRows[0].Employees']")!.GetAttribute("value"));
        await using (var db = site.OpenContext()) Assert.False(await db.Cooperations.AnyAsync(c => c.Slug == "baeckerei-woanders"));

        using var saved = await anna.PostFormAsync(page, "/en/admin/cooperations/edit", "#editor-form", new() { ["ConfirmNotDuplicate"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(30, (await StoredAsync("baeckerei-huber")).Employees);
    }

    [Fact]
    public async Task A_change_to_a_partner_of_published_listings_waits_for_review_and_the_live_pages_stay()
    {
        var (anna, annaEmail) = await Curators.SignedInAsync(site, "curator");
        var (ben, benEmail) = await Curators.SignedInAsync(site, "curator");
        var fields = NewListing("Pixel zieht um");
        fields["PartnerRows[1].Name"] = "Pixel Studio";
        fields["PartnerRows[1].Slug"] = "pixel-studio";
        fields["PartnerRows[1].Municipality"] = "Dresden";
        fields["PartnerRows[1].Country"] = "DE";
        fields["PartnerRows[1].Subsector"] = "software-games";
        // Picked from the suggestions, as the editor's script does: the row carries what it showed of the partner (SeenChange).
        var suggested = System.Text.Json.JsonDocument.Parse(await anna.GetStringAsync("/en/admin/partners?handler=Suggest&q=pixel")).RootElement
            .EnumerateArray().First(p => p.GetProperty("slug").GetString() == "pixel-studio");
        fields["PartnerRows[1].Seen"] = suggested.GetProperty("seen").GetString()!;
        using var saved = await anna.SubmitFormAsync("/en/admin/cooperations/edit", "#editor-form", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var editor = await anna.GetDocumentAsync(saved.Headers.Location!.OriginalString);
        var held = editor.Text("[data-notice='partner-held']");
        Assert.Contains("\"Pixel Studio\" waits for review", held);
        Assert.Contains("forest-online", held);
        Assert.Contains("pixel-bakery", held);

        // Nothing public changed, and the stored partner neither.
        Assert.Equal("Leipzig", (await StoredAsync("pixel-studio")).Municipality);
        Assert.Contains("Leipzig", await PublicSeatAsync());
        Assert.DoesNotContain("Dresden", await PublicSeatAsync());

        var partnerId = (await StoredAsync("pixel-studio")).Id;
        var dashboard = await ben.GetDocumentAsync("/en/admin");
        Assert.NotNull(dashboard.QuerySelector($".partner-change-list li[data-partner-id='{partnerId}']"));

        // Four eyes: Anna proposed it, Ben approves it.
        using (var own = await anna.SubmitFormAsync($"/en/admin/partners/{partnerId}", "#approve-partner-form", new()))
            Assert.Contains("Four-eyes rule:", (await Html.ParseAsync(own)).Text("#problems"));
        var review = await ben.GetDocumentAsync($"/en/admin/partners/{partnerId}");
        Assert.Contains(review.QuerySelectorAll("#pending-change tbody tr"), tr => tr.TextContent.Contains("municipality") && tr.TextContent.Contains("Dresden"));
        using (var approved = await ben.PostFormAsync(review, $"/en/admin/partners/{partnerId}", "#approve-partner-form", new()))
            Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);

        Assert.Equal("Dresden", (await StoredAsync("pixel-studio")).Municipality);
        Assert.Contains("Dresden", await PublicSeatAsync());
        await using var db = site.OpenContext();
        // Each listing showing the partner records the change, and the partner keeps it as history.
        var forestAudit = await db.AuditEntries.Where(a => db.Cooperations.Any(c => c.Id == a.CooperationId && c.Slug == "forest-online") && a.Event == HistoryEvent.PartnerChanged).ToListAsync();
        Assert.Contains(forestAudit, a => a.Changes.Contains(new FieldChange("partner[pixel-studio].municipality", "Leipzig", "Dresden")) && a.ChangedBy == annaEmail);
        var change = await db.PartnerChanges.SingleAsync(c => c.PartnerId == partnerId);
        Assert.Equal((PartnerChangeStatus.Approved, benEmail), (change.Status, change.DecidedBy));
    }

    [Fact]
    public async Task The_editor_offers_the_NACE_section_of_a_partner_in_the_page_language_and_refuses_an_unknown_one()
    {
        var (anna, _) = await Curators.SignedInAsync(site, "curator");
        var empty = await anna.GetDocumentAsync("/de/admin/cooperations/edit");
        var options = empty.QuerySelectorAll("select[name='PartnerRows[0].SectorCode'] option").Select(o => o.TextContent.Trim()).ToList();
        Assert.Equal(22, options.Count);
        Assert.Contains("C – Verarbeitendes Gewerbe", options);

        var refused = NewListing("Abschnitt unbekannt");
        refused["PartnerRows[0].SectorCode"] = "Z";
        using (var response = await anna.SubmitFormAsync("/en/admin/cooperations/edit", "#editor-form", refused))
            Assert.Contains("Partner 1: Economic section (NACE)", (await Html.ParseAsync(response)).Text("#problems"));

        var fields = NewListing("Mit Wirtschaftsabschnitt");
        fields["PartnerRows[0].Name"] = "Drechslerei Vogt";
        fields["PartnerRows[0].SectorCode"] = "C";
        using var saved = await anna.SubmitFormAsync("/en/admin/cooperations/edit", "#editor-form", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using var db = site.OpenContext();
        Assert.Equal("C", (await db.Partners.AsNoTracking().SingleAsync(p => p.Name == "Drechslerei Vogt")).SectorCode);
        var editor = await anna.GetDocumentAsync(saved.Headers.Location!.OriginalString);
        Assert.Equal("C", editor.QuerySelectorAll("select[name$='.SectorCode'] option[selected]").Select(o => o.GetAttribute("value")).First(v => v != ""));
    }

    [Fact]
    public async Task A_partner_of_drafts_only_changes_at_once_and_its_listings_record_it()
    {
        var (anna, _) = await Curators.SignedInAsync(site, "curator");
        var partnerId = (await StoredAsync("hidden-designer")).Id;
        using (var saved = await anna.SubmitFormAsync($"/en/admin/partners/{partnerId}", "#partner-form", new() { ["Input.Municipality"] = "Zwickau" }))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("Zwickau", (await StoredAsync("hidden-designer")).Municipality);
        await using var db = site.OpenContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => db.Cooperations.Any(c => c.Id == a.CooperationId && c.Slug == "secret-draft") && a.Event == HistoryEvent.PartnerChanged));
    }

    [Fact]
    public async Task The_partner_area_lists_searches_and_merges_duplicates_keeping_history()
    {
        var (anna, _) = await Curators.SignedInAsync(site, "curator");
        // A duplicate of the draft's SME, in a second draft.
        var fields = NewListing("Dublette");
        fields["PartnerRows[0].Name"] = "Hidden SME GmbH";
        var id = await CreateAsync(anna, fields);
        var list = await anna.GetDocumentAsync("/en/admin/partners?q=hidden");
        Assert.Equal(["Hidden Designer", "Hidden SME", "Hidden SME GmbH"], list.QuerySelectorAll("#partners tbody td:first-child a").Select(a => a.TextContent.Trim()));

        // Names starting with the text come first.
        var suggestions = System.Text.Json.JsonDocument.Parse(await anna.GetStringAsync("/en/admin/partners?handler=Suggest&q=pixel")).RootElement;
        var pixel = suggestions.EnumerateArray().First();
        Assert.Equal(("pixel-studio", "cci", "DE"), (pixel.GetProperty("slug").GetString(), pixel.GetProperty("kind").GetString(), pixel.GetProperty("country").GetString()));
        Assert.StartsWith("Pixel Studio · Cultural and creative industries · ", pixel.GetProperty("label").GetString());
        Assert.EndsWith(" · Software & games", pixel.GetProperty("label").GetString());

        var duplicate = await StoredAsync("hidden-sme-gmbh");
        using (var merged = await anna.SubmitFormAsync($"/en/admin/partners/{duplicate.Id}", "#merge-form", new() { ["MergeInto"] = "hidden-sme" }))
            Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        await using var db = site.OpenContext();
        var listing = await db.Cooperations.Include(c => c.Partners).ThenInclude(p => p.Partner).SingleAsync(c => c.Id == id);
        Assert.Contains(listing.Partners, p => p.Partner.Slug == "hidden-sme");
        Assert.DoesNotContain(listing.Partners, p => p.Partner.Slug == "hidden-sme-gmbh");
        Assert.True(await db.AuditEntries.AnyAsync(a => a.CooperationId == id && a.Event == HistoryEvent.PartnersMerged));
        Assert.NotNull((await db.Partners.SingleAsync(p => p.Slug == "hidden-sme-gmbh")).MergedIntoId);
        var after = await anna.GetDocumentAsync("/en/admin/partners?q=hidden");
        Assert.DoesNotContain(after.QuerySelectorAll("#partners tbody td:first-child a"), a => a.TextContent.Contains("GmbH"));
    }
}
