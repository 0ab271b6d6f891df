using System.Net;
using KreativLand.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KreativLand.Web.Tests.Pages.Admin.Knowledge;

public class KnowledgeEditorTests(BasicDataWebFixture site) : IClassFixture<BasicDataWebFixture>
{
    private static Dictionary<string, string> NewPage(string slug) => new()
    {
        ["Input.Slug"] = slug,
        ["Input.TitleDe"] = "Fördertöpfe",
        ["Input.TitleEn"] = "Funding",
        ["Input.SummaryDe"] = "Wo es Geld gibt.",
        ["Input.BodyDe"] = "## Programme\n\n- LEADER\n\n<script>alert(1)</script>",
        ["Input.BodyEn"] = "## Programmes\n\n- LEADER",
        ["Input.Examples"] = "forest-online\nsecret-draft\nno-such-listing",
        ["Input.SortOrder"] = "50",
    };

    [Fact]
    public async Task A_curator_creates_a_page_that_appears_sanitised_with_its_published_examples()
    {
        var curator = await Curators.SignedInClientAsync(site, "curator");
        using var saved = await curator.SubmitFormAsync("/en/admin/knowledge/edit", "#knowledge-form", NewPage("funding"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var editor = await curator.GetDocumentAsync(saved.Headers.Location!.ToString());
        Assert.Contains("(or do not exist) and do not appear yet: secret-draft, no-such-listing", editor.Text("[role=status]"));

        var page = await site.CreateClient().GetDocumentAsync("/de/knowledge/funding");
        Assert.Equal("Fördertöpfe", page.Text("h1"));
        Assert.Equal("Programme", page.Text("main h2"));
        Assert.DoesNotContain("<script", page.Body!.InnerHtml.Split("</main>")[0].Split("<main")[1]);
        var examples = page.QuerySelectorAll(".card-title").Select(e => e.TextContent.Trim()).ToList();
        Assert.Contains("Wald geht online", examples);
        Assert.DoesNotContain(examples, e => e.Contains("Geheim"));
    }

    [Fact]
    public async Task Bad_input_is_named_and_kept_and_nothing_is_stored()
    {
        var curator = await Curators.SignedInClientAsync(site, "curator");
        var fields = NewPage("Not A Slug");
        fields["Input.TitleDe"] = "";
        fields["Input.TitleEn"] = "";
        fields["Input.SummaryEn"] = new string('x', 401);
        using var refused = await curator.SubmitFormAsync("/en/admin/knowledge/edit", "#knowledge-form", fields);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await Html.ParseAsync(refused);
        var problems = page.Text("#problems");
        Assert.Contains("The slug may only contain", problems);
        Assert.Contains("Please give a title", problems);
        Assert.Contains("Summary (English, at most 400 characters): at most 400 characters", problems);
        Assert.Equal("## Programmes\n\n- LEADER", page.QuerySelector("#k-bodyen")!.TextContent);
        await using var db = site.OpenContext();
        Assert.False(await db.KnowledgePages.AnyAsync(k => k.Slug == "Not A Slug" || k.TitleEn == "Funding" && k.Slug != "funding"));
    }

    [Fact]
    public async Task Preview_renders_without_saving()
    {
        var curator = await Curators.SignedInClientAsync(site, "curator");
        using var preview = await curator.SubmitFormAsync("/en/admin/knowledge/edit", "#knowledge-form", NewPage("preview-only"), "#k-preview");
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var page = await Html.ParseAsync(preview);
        Assert.Equal("Programmes", page.Text(".knowledge-preview article[lang=en] h2"));
        Assert.Null(page.QuerySelector(".knowledge-preview script"));
        await using var db = site.OpenContext();
        Assert.False(await db.KnowledgePages.AnyAsync(k => k.Slug == "preview-only"));
    }

    [Fact]
    public async Task A_second_save_of_a_stale_form_is_a_conflict_that_keeps_the_input()
    {
        var curator = await Curators.SignedInClientAsync(site, "curator");
        int id;
        await using (var db = site.OpenContext()) id = await db.KnowledgePages.OrderBy(k => k.Id).Select(k => k.Id).FirstAsync();
        var url = $"/en/admin/knowledge/edit/{id}";
        var stale = await curator.GetDocumentAsync(url);
        using var first = await curator.SubmitFormAsync(url, "#knowledge-form", new() { ["Input.TitleEn"] = "First edit" });
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        using var second = await curator.PostFormAsync(stale, url, "#knowledge-form", new() { ["Input.TitleEn"] = "Second edit" });
        var page = await Html.ParseAsync(second);
        Assert.Contains("Someone saved this page in the meantime", page.Text("#problems"));
        Assert.Equal("Second edit", page.QuerySelector("#k-titleen")!.GetAttribute("value"));
        await using var check = site.OpenContext();
        Assert.Equal("First edit", (await check.KnowledgePages.SingleAsync(k => k.Id == id)).TitleEn);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in()
    {
        using var response = await site.CreateClient().GetAsync("/admin/knowledge");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location!.ToString(), StringComparison.OrdinalIgnoreCase);
    }
}
