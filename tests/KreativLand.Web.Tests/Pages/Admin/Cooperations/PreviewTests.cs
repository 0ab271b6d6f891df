using System.Net;
using KreativLand.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static KreativLand.Web.Tests.Pages.Admin.Cooperations.EditorTests;

namespace KreativLand.Web.Tests.Pages.Admin.Cooperations;

/// <summary>Curators see an unpublished listing and a pending revision as the public page will show them; nobody else does.</summary>
public class PreviewTests(BasicDataWebFixture site) : IClassFixture<BasicDataWebFixture>
{
    /// <summary>Written by <paramref name="client"/>, published by <paramref name="reviewer"/> (the four-eyes rule).</summary>
    internal static async Task<int> PublishedAsync(HttpClient client, HttpClient reviewer, string title)
    {
        var id = await CreateAsync(client, With(NewListing(title), Attested()));
        foreach (var (who, to) in new[] { (client, "in-review"), (reviewer, "published") })
        {
            using var moved = await who.SubmitFormAsync($"/admin/cooperations/edit/{id}", "#transition-form", new() { ["Transition.To"] = to });
            Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        }
        return id;
    }

    [Fact]
    public async Task A_draft_is_previewed_in_both_languages_marked_and_never_indexed_while_the_public_page_stays_404()
    {
        var client = await Curators.SignedInClientAsync(site, "curator");
        var id = await CreateAsync(client, With(NewListing("Entwurf im Blick"), new() { ["Input.Title.En"] = "Draft in view", ["Input.Summary.De"] = "Ein Sägewerk und ein Tonstudio" }));

        var editor = await client.GetDocumentAsync($"/admin/cooperations/edit/{id}");
        Assert.Equal($"/admin/cooperations/preview/{id}", editor.QuerySelector("#editor-preview")!.GetAttribute("href"));

        using var german = await client.GetAsync($"/admin/cooperations/preview/{id}");
        Assert.Equal(HttpStatusCode.OK, german.StatusCode);
        Assert.Equal("noindex, nofollow", german.Headers.GetValues("X-Robots-Tag").Single());
        var page = await Html.ParseAsync(german);
        Assert.Equal("noindex", page.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
        Assert.Null(page.QuerySelector("link[rel=canonical]"));
        Assert.Equal("Entwurf im Blick", page.Text("h1"));
        Assert.Equal("Ein Sägewerk und ein Tonstudio", page.Text(".profile-header .lead"));
        Assert.Contains("Vorschau – nicht öffentlich", page.Text("#preview-banner"));
        Assert.Contains("Entwurf", page.Text("#preview-banner"));
        Assert.Contains($"Sägewerk Lindner (Entwurf im Blick)", page.Text(".partner-list"));
        Assert.Contains("Musik", page.Text(".badges"));

        var english = await client.GetDocumentAsync($"/en/admin/cooperations/preview/{id}");
        Assert.Equal("Draft in view", english.Text("h1"));
        Assert.Equal("A sawmill and a sound studio", english.Text(".profile-header .lead"));
        Assert.Contains("Preview – not public", english.Text("#preview-banner"));
        Assert.Equal("noindex", english.QuerySelector("meta[name=robots]")!.GetAttribute("content"));

        // The public page and anonymous visitors see nothing of it.
        using var anonymous = await site.CreateClient().GetAsync($"/admin/cooperations/preview/{id}");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/account/login", anonymous.Headers.Location!.OriginalString);
        using var publicPage = await site.CreateClient().GetAsync("/cooperations/entwurf-im-blick");
        Assert.Equal(HttpStatusCode.NotFound, publicPage.StatusCode);
        using var missing = await client.GetAsync("/admin/cooperations/preview/999999");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task A_pending_revision_is_previewed_with_a_labelled_diff_and_nothing_of_it_is_stored()
    {
        var client = await Curators.SignedInClientAsync(site, "curator");
        var id = await PublishedAsync(client, await Curators.SignedInClientAsync(site, "curator"), "Öffentliche Fassung");
        var page = await client.GetDocumentAsync($"/admin/cooperations/edit/{id}");
        using (var saved = await client.PostFormAsync(page, $"/admin/cooperations/edit/{id}", "#editor-form", new()
               {
                   ["Input.Title.De"] = "Überarbeitete Fassung", ["PartnerRows[1].Role.De"] = "Tonstudio und Konzerte",
                   ["PartnerRows[2].Name"] = "Neue Weberei", ["PartnerRows[2].Kind"] = "other",
               }))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        int partnersBefore;
        await using (var db = site.OpenContext()) partnersBefore = await db.Partners.CountAsync();

        var editor = await client.GetDocumentAsync($"/admin/cooperations/edit/{id}");
        Assert.Equal($"/admin/cooperations/preview/{id}?revision=true", editor.QuerySelector("#editor-preview-revision")!.GetAttribute("href"));
        // The editor's own diff names the fields too.
        Assert.Equal("Titel (Deutsch)", editor.Text(".revision-diff tr[data-field='title.de'] th"));

        var preview = await client.GetDocumentAsync($"/admin/cooperations/preview/{id}?revision=true");
        Assert.Equal("Überarbeitete Fassung", preview.Text("h1"));
        Assert.Contains("Tonstudio und Konzerte", preview.Text(".partner-list"));
        Assert.Contains("Neue Weberei", preview.Text(".partner-list"));
        Assert.Equal("noindex", preview.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
        var diff = preview.QuerySelectorAll("#preview-diff tbody tr")
            .ToDictionary(tr => tr.GetAttribute("data-field")!, tr => tr.Children.Select(cell => cell.TextContent.Trim()).ToArray());
        Assert.Equal(["Titel (Deutsch)", "Öffentliche Fassung", "Überarbeitete Fassung"], diff["title.de"]);
        Assert.Equal("Partner 2: Funktion (Deutsch)", diff["partners[1].role.de"][0]);
        Assert.Equal("Partner 3: Name", diff["partners[2].name"][0]);

        var english = await client.GetDocumentAsync($"/en/admin/cooperations/preview/{id}?revision=true");
        Assert.Equal("Title (German)", english.Text("#preview-diff tr[data-field='title.de'] th"));
        Assert.Contains("pending revision", english.Text("#preview-banner"));

        // The live version's preview and the public page are unchanged, and nothing was stored.
        var live = await client.GetDocumentAsync($"/de/admin/cooperations/preview/{id}");
        Assert.Equal("Öffentliche Fassung", live.Text("h1"));
        Assert.NotNull(live.QuerySelector("#preview-revision"));
        Assert.Equal("Öffentliche Fassung", (await site.CreateClient().GetDocumentAsync("/de/cooperations/oeffentliche-fassung")).Text("h1"));
        await using (var db = site.OpenContext())
        {
            Assert.Equal(partnersBefore, await db.Partners.CountAsync());
            Assert.Equal(2, await db.CooperationPartners.CountAsync(cp => cp.CooperationId == id));
            Assert.Equal("Öffentliche Fassung", (await db.Cooperations.SingleAsync(c => c.Id == id)).Title.De);
        }
    }
}
