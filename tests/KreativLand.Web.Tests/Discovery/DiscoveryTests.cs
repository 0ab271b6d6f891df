using System.Net;
using System.Xml.Linq;
using KreativLand.Web.Tests.Infrastructure;

namespace KreativLand.Web.Tests.Discovery;

/// <summary>Sitemap, robots.txt, the Atom feed and the per-page head (canonical, hreflang, OpenGraph) over the map data.</summary>
public class DiscoveryTests(SharedMapDataWebFixture site) : IClassFixture<SharedMapDataWebFixture>
{
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly string[] Published =
        ["erz-code", "goelles-experience", "karakoje", "lausitz-film", "vogtland-crafts", "tirol-music", "porto-architecture"];

    private async Task<XDocument> GetXmlAsync(string url, string mediaType)
    {
        using var response = await site.CreateClient().GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {body}");
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        return XDocument.Parse(body);
    }

    [Fact]
    public async Task Sitemap_lists_every_public_page_in_both_languages_with_alternates()
    {
        var sitemap = await GetXmlAsync("/sitemap.xml", "application/xml");
        var urls = sitemap.Root!.Elements(Sitemap + "url").ToList();
        var locations = urls.Select(u => u.Element(Sitemap + "loc")!.Value).ToHashSet();
        foreach (var language in new[] { "de", "en" })
        {
            Assert.Contains($"http://localhost/{language}/", locations);
            Assert.Contains($"http://localhost/{language}/cooperations", locations);
            Assert.Contains($"http://localhost/{language}/evaluation", locations);
            Assert.Contains($"http://localhost/{language}/knowledge", locations);
            Assert.Contains($"http://localhost/{language}/knowledge/advice-for-municipalities", locations);
            foreach (var slug in Published) Assert.Contains($"http://localhost/{language}/cooperations/{slug}", locations);
            Assert.Contains($"http://localhost/{language}/partners/pixelwald", locations);
            Assert.Contains($"http://localhost/{language}/partners/studio-form", locations);
        }
        Assert.DoesNotContain(locations, l => l.Contains("hidden-film"));
        Assert.Equal(locations.Count, urls.Count);

        var profile = urls.Single(u => u.Element(Sitemap + "loc")!.Value == "http://localhost/en/cooperations/erz-code");
        Assert.NotNull(profile.Element(Sitemap + "lastmod"));
        var alternates = profile.Elements(Xhtml + "link").ToDictionary(l => l.Attribute("hreflang")!.Value, l => l.Attribute("href")!.Value);
        Assert.Equal("http://localhost/de/cooperations/erz-code", alternates["de"]);
        Assert.Equal("http://localhost/en/cooperations/erz-code", alternates["en"]);
        Assert.Equal("http://localhost/cooperations/erz-code", alternates["x-default"]);
    }

    [Fact]
    public async Task Robots_excludes_the_admin_area_and_names_the_sitemap()
    {
        using var response = await site.CreateClient().GetAsync("/robots.txt");
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n');
        Assert.Contains("User-agent: *", lines);
        Assert.Contains("Disallow: /admin", lines);
        Assert.Contains("Disallow: /en/admin", lines);
        Assert.Contains("Sitemap: http://localhost/sitemap.xml", lines);
    }

    private async Task<List<XElement>> FeedEntriesAsync(string query)
    {
        var feed = await GetXmlAsync("/feed.atom" + query, "application/atom+xml");
        Assert.Equal(Atom + "feed", feed.Root!.Name);
        foreach (var required in new[] { "id", "title", "updated", "author" }) Assert.NotNull(feed.Root.Element(Atom + required));
        return feed.Root.Elements(Atom + "entry").ToList();
    }

    private static string Slug(XElement entry) => entry.Element(Atom + "link")!.Attribute("href")!.Value.Split('/')[^1];

    [Fact]
    public async Task Feed_has_every_published_cooperation_without_a_filter()
    {
        var entries = await FeedEntriesAsync("");
        Assert.Equal(Published.Order(), entries.Select(Slug).Order());
        foreach (var entry in entries)
        {
            foreach (var required in new[] { "id", "title", "updated", "published", "summary" }) Assert.NotNull(entry.Element(Atom + required));
        }
    }

    [Theory]
    [InlineData("?subsector=design", new[] { "goelles-experience", "vogtland-crafts" })]
    [InlineData("?country=AT", new[] { "goelles-experience", "tirol-music" })]
    [InlineData("?region=westsachsen-testgebiet", new[] { "erz-code", "vogtland-crafts" })]
    [InlineData("?q=Holz", new[] { "erz-code" })]
    [InlineData("?near=13.0,50.58&radiusKm=10", new[] { "erz-code" })]
    public async Task Feed_honours_the_map_filter(string query, string[] expected)
    {
        var entries = await FeedEntriesAsync(query);
        Assert.Equal(expected.Order(), entries.Select(Slug).Order());
    }

    [Theory]
    [InlineData("", "KreativLand – new cooperations")]
    [InlineData("&subsector=design&subsector=film&country=AT", "KreativLand – new cooperations: Design / Film industry; Austria")]
    [InlineData("&q=Holz&duration=more-than-5-years", "KreativLand – new cooperations: longer than 5 years; text “Holz”")]
    [InlineData("&state=DE-sachsen&state=Tirol", "KreativLand – new cooperations: Saxony / Tyrol")]
    [InlineData("&region=westsachsen-testgebiet&near=13.0,50.58&radiusKm=10", "KreativLand – new cooperations: Westsachsen Testgebiet; within 10 km of 50.58° N, 13° E")]
    public async Task A_filtered_feed_is_titled_by_its_filter(string query, string title)
    {
        var feed = await GetXmlAsync("/feed.atom?lang=en" + query, "application/atom+xml");
        Assert.Equal(title, feed.Root!.Element(Atom + "title")!.Value);
    }

    [Fact]
    public async Task Feed_speaks_the_requested_language()
    {
        var feed = await GetXmlAsync("/feed.atom?subsector=software-games&lang=en", "application/atom+xml");
        Assert.Equal("en", feed.Root!.Attribute(XNamespace.Xml + "lang")!.Value);
        var entry = feed.Root.Element(Atom + "entry")!;
        Assert.Equal("Timber meets code", entry.Element(Atom + "title")!.Value);
        Assert.Equal("http://localhost/en/cooperations/erz-code", entry.Element(Atom + "link")!.Attribute("href")!.Value);
        Assert.Equal("software-games", entry.Element(Atom + "category")!.Attribute("term")!.Value);

        var german = await GetXmlAsync("/de/feed.atom?subsector=software-games", "application/atom+xml");
        Assert.Equal("Holz trifft Code", german.Root!.Element(Atom + "entry")!.Element(Atom + "title")!.Value);
    }

    [Theory]
    [InlineData("?subsector=knitting", "subsector")]
    [InlineData("?radiusKm=-1&near=1,2", "radiusKm")]
    public async Task Feed_refuses_bad_parameters_by_name(string query, string parameter)
    {
        using var response = await site.CreateClient().GetAsync("/feed.atom" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(parameter, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Home_links_the_feed_of_the_current_view()
    {
        var page = await site.CreateClient().GetDocumentAsync("/en/?subsector=design&country=AT");
        Assert.Equal("/en/feed.atom?subsector=design&country=AT", page.QuerySelector("#feed-link")!.GetAttribute("href"));
        var alternate = page.QuerySelector("link[rel=alternate][type='application/atom+xml']")!;
        Assert.Equal("/en/feed.atom?subsector=design&country=AT", alternate.GetAttribute("href"));
    }

    [Fact]
    public async Task Pages_have_canonical_hreflang_and_their_own_title_and_description()
    {
        var profile = await site.CreateClient().GetDocumentAsync("/en/cooperations/erz-code");
        Assert.Equal("http://localhost/en/cooperations/erz-code", profile.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        string Alternate(string hreflang) => profile.QuerySelector($"link[rel=alternate][hreflang='{hreflang}']")!.GetAttribute("href")!;
        Assert.Equal("http://localhost/de/cooperations/erz-code", Alternate("de"));
        Assert.Equal("http://localhost/en/cooperations/erz-code", Alternate("en"));
        Assert.Equal("http://localhost/cooperations/erz-code", Alternate("x-default"));
        Assert.Equal("Timber meets code", profile.QuerySelector("meta[property='og:title']")!.GetAttribute("content"));
        Assert.Equal("http://localhost/en/cooperations/erz-code", profile.QuerySelector("meta[property='og:url']")!.GetAttribute("content"));
        Assert.Equal("en_GB", profile.QuerySelector("meta[property='og:locale']")!.GetAttribute("content"));

        var seen = new HashSet<string>();
        foreach (var url in new[] { "/en/", "/en/cooperations", "/en/evaluation", "/en/cooperations/erz-code", "/en/cooperations/goelles-experience", "/en/partners/pixelwald" })
        {
            var page = await site.CreateClient().GetDocumentAsync(url);
            var title = page.Title!;
            var description = page.QuerySelector("meta[name=description]")!.GetAttribute("content")!;
            Assert.True(seen.Add(title), $"{url}: title '{title}' used twice");
            Assert.True(seen.Add(description), $"{url}: description '{description}' used twice");
            Assert.NotNull(page.QuerySelector("meta[property='og:description']"));
        }
    }

    [Fact]
    public async Task Error_pages_are_not_indexed()
    {
        using var response = await site.CreateClient().GetAsync("/en/cooperations/hidden-film");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("noindex", page.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
        Assert.Null(page.QuerySelector("link[rel=canonical]"));
    }
}
