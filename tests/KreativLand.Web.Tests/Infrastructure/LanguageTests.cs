using System.Net.Http.Headers;

namespace KreativLand.Web.Tests.Infrastructure;

public class LanguageTests(SharedBasicDataWebFixture site) : IClassFixture<SharedBasicDataWebFixture>
{
    [Fact]
    public async Task German_is_the_default()
    {
        var page = await site.CreateClient().GetDocumentAsync("/cooperations/forest-online");
        Assert.Equal("de", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Wald geht online", page.Text("h1"));
    }

    [Fact]
    public async Task Accept_language_chooses_english()
    {
        var client = site.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en-GB"));
        var page = await client.GetDocumentAsync("/cooperations/forest-online");
        Assert.Equal("Forest goes online", page.Text("h1"));
    }

    [Fact]
    public async Task The_url_segment_wins_is_remembered_and_links_keep_it()
    {
        var client = site.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("de"));
        using var response = await client.GetAsync("/en/cooperations/forest-online");
        var page = await Html.ParseAsync(response);

        Assert.Equal("Forest goes online", page.Text("h1"));
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=c%3Den%7Cuic%3Den"));
        // Links generated on the page stay in English; the switcher offers the same page in German.
        Assert.Equal("/en/cooperations", page.QuerySelector(".breadcrumb li:nth-child(2) a")!.GetAttribute("href"));
        Assert.Equal("/de/cooperations/forest-online", page.QuerySelector(".language-switch a[hreflang=de]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_culture_cookie_is_honoured_without_a_prefix()
    {
        var client = site.CreateClient();
        client.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");
        var page = await client.GetDocumentAsync("/");
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task Pages_send_a_strict_content_security_policy()
    {
        using var response = await site.CreateClient().GetAsync("/");
        var csp = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
    }
}
