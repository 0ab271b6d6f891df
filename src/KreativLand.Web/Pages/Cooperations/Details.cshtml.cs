using KreativLand.Web.Listings;
using System.Text.Json;
using System.Text.Json.Nodes;
using KreativLand.Web.Data;
using KreativLand.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KreativLand.Web.Pages.Cooperations;

[AcceptsQuery]
public class DetailsModel(KreativLandDbContext db, TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<MapOptions> map, Microsoft.Extensions.Options.IOptions<Embed.EmbedOptions> embed) : PageModel
{
    public MapOptions Map => map.Value;
    /// <summary>The small map asks before loading tiles from a third party, as the embedded map does.</summary>
    public bool MapConsentRequired => embed.Value.ConsentRequiredFor(map.Value);
    public string TileHost => Embed.EmbedOptions.TileHost(map.Value);

    public CooperationProfile Cooperation { get; private set; } = null!;
    public IReadOnlyList<CooperationCard> Related { get; private set; } = [];
    public int CurrentYear => clock.GetUtcNow().Year;
    public ProfileView View => new(Cooperation, Related, Map, MapConsentRequired, TileHost, CurrentYear);

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var profile = await CooperationQueries.PublishedProfile(db, slug, cancellationToken);
        if (profile is null) return NotFound();

        Cooperation = profile;
        Related = await CooperationQueries.PublishedCardsOfPartners(db, profile.Partners.Select(p => p.Id).ToList(), profile.Id, cancellationToken);
        return Page();
    }

    /// <summary>
    /// schema.org JSON-LD for search engines: the cooperation as a Project (an Organization) whose members are
    /// the partners and whose location is a Place with geo coordinates. The default encoder escapes &lt; and &gt;,
    /// so no text can close the script element.
    /// </summary>
    public string StructuredData(string language)
    {
        var c = Cooperation;
        var request = HttpContext.Request;
        string PageUrl(string path) => SiteUrls.InLanguage(request, language, path);
        var project = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Project",
            ["@id"] = PageUrl($"/cooperations/{c.Slug}") + "#cooperation",
            ["name"] = c.Title.In(language).Text,
            ["url"] = PageUrl($"/cooperations/{c.Slug}"),
        };
        if (c.Summary.In(language) is { HasText: true } summary) project["description"] = summary.Text;
        if (c.StartYear is { } start) project["foundingDate"] = start.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (c.Images.Count > 0) project["image"] = SiteUrls.Absolute(request, c.Images[0].Url);
        project["location"] = new JsonObject
        {
            ["@type"] = "Place",
            ["name"] = c.Location.Municipality,
            ["address"] = new JsonObject
            {
                ["@type"] = "PostalAddress",
                ["addressLocality"] = c.Location.Municipality,
                ["addressRegion"] = c.Location.Region,
                ["addressCountry"] = c.Location.CountryCode,
            },
            ["geo"] = new JsonObject
            {
                ["@type"] = "GeoCoordinates",
                ["latitude"] = Math.Round(c.Location.Latitude, 6),
                ["longitude"] = Math.Round(c.Location.Longitude, 6),
            },
        };
        project["member"] = new JsonArray(c.Partners.Select(p =>
        {
            var organization = new JsonObject
            {
                ["@type"] = "Organization",
                ["name"] = p.Name,
                ["url"] = PageUrl($"/partners/{p.Slug}"),
            };
            if (p.Website is not null) organization["sameAs"] = p.Website;
            if (p.Subsector is not null) organization["knowsAbout"] = p.Subsector.Name(language);
            else if (p.SectorName(language) is { } sector) organization["knowsAbout"] = sector;
            if (p.Employees is { } employees) organization["numberOfEmployees"] = new JsonObject { ["@type"] = "QuantitativeValue", ["value"] = employees };
            if (p.Municipality is not null) organization["address"] = new JsonObject { ["@type"] = "PostalAddress", ["addressLocality"] = p.Municipality };
            return (JsonNode)organization;
        }).ToArray());
        return project.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }
}

/// <summary>What the profile partial shows: the public page's, or a curator's preview of an unpublished listing or revision.</summary>
public sealed record ProfileView(CooperationProfile Cooperation, IReadOnlyList<CooperationCard> Related, MapOptions Map,
    bool MapConsentRequired, string TileHost, int CurrentYear);
