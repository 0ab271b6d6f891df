using System.Net;
using KreativLand.Web.Domain;
using KreativLand.Web.Infrastructure;
using KreativLand.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KreativLand.Web.Tests.Pages.Knowledge;

/// <summary>The knowledge pages over the shipped sample data, with the content the migration seeds.</summary>
public class KnowledgePageTests(WebFixture site) : IClassFixture<WebFixture>
{
    private static readonly string[] SeededSlugs = ["inclusion-criteria", "learnings", "advice-for-smes", "advice-for-municipalities"];

    [Fact]
    public async Task Migration_seeds_four_pages_in_German_and_English()
    {
        await using var db = site.OpenContext();
        var pages = await db.KnowledgePages.OrderBy(k => k.SortOrder).ToListAsync();
        Assert.Equal(SeededSlugs, pages.Select(p => p.Slug));
        var published = await db.Cooperations.Where(c => c.Status == CooperationStatus.Published).Select(c => c.Slug).ToListAsync();
        foreach (var page in pages)
        {
            Assert.False(string.IsNullOrWhiteSpace(page.TitleDe) || string.IsNullOrWhiteSpace(page.TitleEn), page.Slug);
            Assert.False(string.IsNullOrWhiteSpace(page.SummaryDe) || string.IsNullOrWhiteSpace(page.SummaryEn), page.Slug);
            Assert.NotEqual(page.BodyDe, page.BodyEn);
            // The seed names its examples by slug: each must be a published listing of the sample data, or the page shows none.
            Assert.NotEmpty(page.ExampleSlugs);
            Assert.All(page.ExampleSlugs, slug => Assert.Contains(slug, published));
            // The seeded text is Markdown that renders to several paragraphs (its raw-string indentation stripped, not a code block).
            foreach (var body in new[] { page.BodyDe, page.BodyEn })
            {
                var html = MarkdownHtml.ToSafeHtml(body);
                Assert.True(html.Split("<p>").Length > 2, page.Slug);
                Assert.DoesNotContain("<pre>", html);
            }
        }
    }

    [Fact]
    public async Task Overview_lists_the_pages_in_the_reader_s_language()
    {
        var german = await site.CreateClient().GetDocumentAsync("/de/knowledge");
        Assert.Equal(["Aufnahmekriterien", "Erkenntnisse aus den Kooperationen", "Tipps für KMU", "Tipps für Kommunen und Politik"],
            german.QuerySelectorAll(".knowledge-list h2").Select(h => h.TextContent.Trim()));
        var english = await site.CreateClient().GetDocumentAsync("/en/knowledge");
        Assert.Equal("/en/knowledge/advice-for-smes", english.QuerySelectorAll(".knowledge-list h2 a")[2].GetAttribute("href"));
        Assert.Equal("Advice for SMEs", english.QuerySelectorAll(".knowledge-list h2 a")[2].TextContent.Trim());
    }

    [Fact]
    public async Task Page_renders_its_Markdown_and_links_published_example_profiles()
    {
        var page = await site.CreateClient().GetDocumentAsync("/en/knowledge/inclusion-criteria");
        Assert.Equal("Inclusion criteria", page.Text("h1"));
        Assert.Equal("The criteria", page.Text(".knowledge-body h2"));
        Assert.True(page.QuerySelectorAll(".knowledge-body ul li").Length >= 6);
        Assert.Contains("250", page.Text(".knowledge-body"));
        Assert.Equal("Last updated: 25 November 2026", page.Text(".knowledge .hint"));
        Assert.NotNull(page.QuerySelector(".knowledge-body strong"));

        var examples = page.QuerySelectorAll("#examples-heading ~ .cards .card-title a").Select(a => a.GetAttribute("href")).ToArray();
        Assert.Equal(new string?[] { "/en/cooperations/mealgood-schicktanz", "/en/cooperations/rudis", "/en/cooperations/herrnhuter-city-kids" }, examples);
        foreach (var href in examples)
        {
            using var profile = await site.CreateClient().GetAsync(href);
            Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
        }

        var german = await site.CreateClient().GetDocumentAsync("/de/knowledge/learnings");
        Assert.Equal("Erkenntnisse aus den Kooperationen", german.Text("h1"));
        Assert.Equal("/evaluation", german.QuerySelector(".knowledge-body a")!.GetAttribute("href"));
        Assert.Equal(3, german.QuerySelectorAll(".knowledge-more li").Length);
    }

    [Fact]
    public async Task Unknown_page_is_not_found()
    {
        using var response = await site.CreateClient().GetAsync("/en/knowledge/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Script_and_other_dangerous_markup_in_Markdown_does_not_survive()
    {
        const string evil = """
            # Heading

            Text with <script>alert('x')</script> inside.

            <img src="/x.png" onerror="alert(1)"> <a href="javascript:alert(2)">click</a> [link](javascript:alert(3))

            <p style="color:red">styled</p> <iframe src="https://example.org"></iframe>

            **kept** and [a profile](/cooperations/rudis)
            """;
        await using (var db = site.OpenContext())
        {
            db.KnowledgePages.Add(new KnowledgePage
            {
                Slug = "sanitizer-test", TitleDe = "Test", TitleEn = "Test", SummaryDe = "Test", SummaryEn = "Test",
                BodyDe = evil, BodyEn = evil, SortOrder = 99, UpdatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }
        try
        {
            var page = await site.CreateClient().GetDocumentAsync("/en/knowledge/sanitizer-test");
            var body = page.QuerySelector(".knowledge-body")!;
            Assert.Empty(body.QuerySelectorAll("script, iframe, [onerror], [style]"));
            Assert.DoesNotContain(body.QuerySelectorAll("a"), a => (a.GetAttribute("href") ?? "").StartsWith("javascript", StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain("alert('x')", body.InnerHtml);
            Assert.Equal("kept", body.QuerySelector("strong")!.TextContent);
            Assert.Equal("/cooperations/rudis", body.QuerySelectorAll("a").Last().GetAttribute("href"));
        }
        finally
        {
            await using var db = site.OpenContext();
            await db.KnowledgePages.Where(k => k.Slug == "sanitizer-test").ExecuteDeleteAsync();
        }
    }

    [Fact]
    public void Markdown_renderer_sanitises_on_its_own()
    {
        var html = MarkdownHtml.ToSafeHtml("Hi <script>alert(1)</script><b onclick=\"x()\">bold</b>");
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("onclick", html);
        Assert.Contains("<b>bold</b>", html);
        Assert.Equal("", MarkdownHtml.ToSafeHtml("  "));
    }
}
