using System.Net;
using KreativLand.Web.Tests.Infrastructure;

namespace KreativLand.Web.Tests.Pages.Legal;

/// <summary>Imprint and privacy notice: editable by admins in German and English, linked from every footer and the embed credit.</summary>
public class LegalPageTests(BasicDataWebFixture site) : IClassFixture<BasicDataWebFixture>
{
    [Theory]
    [InlineData("/de/privacy", "Datenschutz", new[] { "keine Analyse", "Einreichungen", "Konten der Redaktion", "Server-Protokolle", "Einwilligung", "Cookies" })]
    [InlineData("/en/privacy", "Privacy", new[] { "no analytics", "Submissions", "Editorial accounts", "Server logs", "consent", "Cookies" })]
    [InlineData("/de/imprint", "Impressum", new[] { "noch nicht ausgefüllt", "Anschrift" })]
    [InlineData("/en/imprint", "Imprint", new[] { "not filled in the imprint yet", "postal address" })]
    public async Task The_default_texts_say_what_the_site_stores_and_what_the_operator_fills_in(string url, string title, string[] phrases)
    {
        var page = await site.CreateClient().GetDocumentAsync(url);
        Assert.Equal(title, page.Text("h1"));
        var body = page.Text(".knowledge-body");
        Assert.All(phrases, phrase => Assert.Contains(phrase, body, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("/de/")]
    [InlineData("/en/cooperations")]
    [InlineData("/de/cooperations/forest-online")]
    [InlineData("/en/evaluation")]
    [InlineData("/de/submit")]
    [InlineData("/en/embed")]
    [InlineData("/en/no-such-page")]
    [InlineData("/de/account/login")]
    public async Task Every_footer_links_both_pages_in_the_page_language(string url)
    {
        using var response = await site.CreateClient().GetAsync(url);
        var page = await Html.ParseAsync(response);
        var language = url.Split('/')[1];
        Assert.Equal($"/{language}/imprint", page.QuerySelector("footer [data-legal-link='imprint']")?.GetAttribute("href"));
        Assert.Equal($"/{language}/privacy", page.QuerySelector("footer [data-legal-link='privacy']")?.GetAttribute("href"));
    }

    [Fact]
    public async Task The_embedded_map_credits_both_pages()
    {
        var page = await site.CreateClient().GetDocumentAsync("/embed/map?lang=en");
        Assert.EndsWith("/en/imprint", page.QuerySelector(".embed-credit [data-legal-link='imprint']")!.GetAttribute("href"));
        Assert.EndsWith("/en/privacy", page.QuerySelector(".embed-credit [data-legal-link='privacy']")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Both_pages_are_in_the_sitemap()
    {
        var sitemap = await site.CreateClient().GetStringAsync("/sitemap.xml");
        Assert.Contains("/de/imprint</loc>", sitemap);
        Assert.Contains("/en/privacy</loc>", sitemap);
    }

    [Fact]
    public async Task An_admin_writes_the_imprint_in_both_languages_and_a_curator_may_not()
    {
        var admin = await Curators.SignedInClientAsync(site, "admin");
        using var saved = await admin.SubmitFormAsync("/en/admin/settings/legal/imprint", "#legal-form", new()
        {
            ["Input.TitleDe"] = "Impressum",
            ["Input.TitleEn"] = "Imprint",
            ["Input.BodyDe"] = "Betrieben von **Muster e. V.**, Hauptstraße 1, 09456 Annaberg-Buchholz.\n\n<script>alert(1)</script>",
            ["Input.BodyEn"] = "Run by **Muster e. V.**, Hauptstraße 1, 09456 Annaberg-Buchholz.",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var german = await site.CreateClient().GetDocumentAsync("/de/imprint");
        Assert.Contains("Betrieben von Muster e. V.", german.Text(".knowledge-body"));
        Assert.Null(german.QuerySelector(".knowledge-body script"));
        var english = await site.CreateClient().GetDocumentAsync("/en/imprint");
        Assert.Contains("Run by Muster e. V.", english.Text(".knowledge-body"));

        // An empty language is refused and nothing changes.
        using var refused = await admin.SubmitFormAsync("/en/admin/settings/legal/imprint", "#legal-form", new() { ["Input.BodyEn"] = " " });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Please give the text in German and in English.", (await Html.ParseAsync(refused)).Text("#problems"));
        Assert.Contains("Run by Muster e. V.", (await site.CreateClient().GetDocumentAsync("/en/imprint")).Text(".knowledge-body"));

        // The class shares one database: the default text goes back for the other tests.
        var seed = KreativLand.Web.Data.Seeds.LegalPageSeed.Pages.Single(p => p.Slug == "imprint");
        using var restored = await admin.SubmitFormAsync("/en/admin/settings/legal/imprint", "#legal-form", new()
        {
            ["Input.TitleDe"] = seed.TitleDe, ["Input.TitleEn"] = seed.TitleEn, ["Input.BodyDe"] = seed.BodyDe, ["Input.BodyEn"] = seed.BodyEn,
        });
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);

        var curator = await Curators.SignedInClientAsync(site, "curator");
        using var forbidden = await curator.GetAsync("/en/admin/settings/legal/privacy");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }
}
