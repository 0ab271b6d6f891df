using System.Net;
using KreativLand.Web.Tests.Infrastructure;

namespace KreativLand.Web.Tests.Pages.Embed;

public class EmbedPagesTests(SharedMapDataWebFixture site) : IClassFixture<SharedMapDataWebFixture>
{
    private static string FrameAncestors(HttpResponseMessage response) =>
        response.Headers.GetValues("Content-Security-Policy").Single().Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("frame-ancestors"));

    [Theory]
    [InlineData("/embed/map")]
    [InlineData("/embed/map?subsector=design&lang=en")]
    [InlineData("/en/embed/map")]
    public async Task Only_the_embed_map_may_be_framed_by_the_configured_origins(string url)
    {
        using var response = await site.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("frame-ancestors 'self' https: http://localhost:* http://127.0.0.1:*", FrameAncestors(response));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/en/cooperations")]
    [InlineData("/embed")]
    [InlineData("/en/embed")]
    [InlineData("/api")]
    [InlineData("/api/v1/cooperations")]
    public async Task Every_other_page_refuses_framing(string url)
    {
        using var response = await site.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("frame-ancestors 'none'", FrameAncestors(response));
    }

    [Fact]
    public async Task The_embed_map_hands_filter_language_and_options_to_its_script()
    {
        var document = await site.CreateClient().GetDocumentAsync(
            "/embed/map?subsector=design&country=at&lang=en&list=on&legend=off&center=47.2,11.4&zoom=8&parentOrigin=https://partner.example&widget=kl1&height=300");
        Assert.Equal("en", document.DocumentElement.GetAttribute("lang"));
        var map = document.QuerySelector("#map")!;
        Assert.Equal("subsector=design&country=AT", map.GetAttribute("data-query"));
        Assert.Equal("en", map.GetAttribute("data-lang"));
        Assert.EndsWith("/en/cooperations/", map.GetAttribute("data-profile-base"));
        Assert.StartsWith("http", map.GetAttribute("data-profile-base")); // absolute: the iframe's links leave the partner page
        Assert.Equal("47.2,11.4", map.GetAttribute("data-center"));
        Assert.Equal("8", map.GetAttribute("data-zoom"));
        Assert.Equal("on", map.GetAttribute("data-list"));
        Assert.Equal("https://partner.example", map.GetAttribute("data-parent-origin"));
        Assert.Equal("kl1", map.GetAttribute("data-widget"));
        Assert.Equal("300", map.GetAttribute("data-map-height"));
        Assert.Null(document.QuerySelector(".embed-legend"));
        Assert.NotNull(document.QuerySelector("#result-list"));
        var credit = document.QuerySelector(".embed-credit a")!;
        Assert.Equal("KreativLand", credit.TextContent);
        Assert.Equal("_blank", credit.GetAttribute("target"));
        Assert.Equal("noopener", credit.GetAttribute("rel"));
        // No inline script or style but the import map (allowed by its hash): the strict CSP holds inside the iframe too.
        Assert.Empty(document.QuerySelectorAll("script:not([src]):not([type='importmap'])"));
        Assert.Empty(document.QuerySelectorAll("[style]"));
    }

    [Fact]
    public async Task With_a_third_party_tile_server_and_no_setting_the_tiles_wait_for_consent()
    {
        var document = await site.CreateClient().GetDocumentAsync("/embed/map?lang=de");
        Assert.Equal("required", document.QuerySelector("#map")!.GetAttribute("data-consent"));
        Assert.Contains("127.0.0.1", document.QuerySelector("[data-consent-overlay]")!.TextContent);
    }

    [Theory]
    [InlineData("subsector=nonsense", "subsector")]
    [InlineData("center=95,10", "center")]
    [InlineData("zoom=40", "zoom")]
    [InlineData("list=maybe", "list")]
    [InlineData("parentOrigin=https://partner.example/page", "parentOrigin")]
    [InlineData("widget=%3Cscript%3E", "widget")]
    [InlineData("height=5", "height")]
    [InlineData("lang=fr", "lang")]
    public async Task Bad_settings_are_named_with_a_400(string query, string parameter)
    {
        using var response = await site.CreateClient().GetAsync("/embed/map?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var document = await Html.ParseAsync(response);
        Assert.Contains(parameter + ":", document.QuerySelector("#embed-errors")!.TextContent);
    }

    [Fact]
    public async Task The_generator_renders_preview_and_both_snippets_without_javascript()
    {
        var document = await site.CreateClient().GetDocumentAsync("/en/embed?subsector=design&regionValue=tourism-offer&lang=en&list=on&height=420");
        Assert.Contains("design", document.QuerySelector("#embed-preview")!.GetAttribute("src"));
        var iframe = document.QuerySelector("#iframe-snippet")!.TextContent;
        Assert.Contains("/embed/map?subsector=design&amp;regionValue=tourism-offer&amp;lang=en&amp;list=on\"", iframe);
        Assert.Contains("height=\"420\"", iframe);
        var script = document.QuerySelector("#script-snippet")!.TextContent;
        Assert.Contains("/embed.js\" data-subsector=\"design\" data-region-value=\"tourism-offer\" data-lang=\"en\" data-list=\"on\" data-height=\"420\" async></script>", script);
        Assert.Equal("frame-ancestors 'none'", FrameAncestors(await site.CreateClient().GetAsync("/en/embed")));
    }

    [Theory]
    [InlineData("height=abc", "height: 'abc' is not a height")]
    [InlineData("height=5", "height: '5' is not a height")]
    [InlineData("width=wide", "width: 'wide' is not a width")]
    [InlineData("list=maybe", "list: 'maybe' is not allowed")]
    [InlineData("lang=xx", "lang: Unknown language 'xx'")]
    public async Task The_generator_names_options_it_cannot_use(string query, string expected)
    {
        using var response = await site.CreateClient().GetAsync("/en/embed?" + query);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, (await KreativLand.Web.Tests.Infrastructure.Html.ParseAsync(response)).Text("#filter-errors"));
    }
}
