using System.Globalization;
using System.Text.RegularExpressions;
using KreativLand.Web.Domain;
using KreativLand.Web.Infrastructure;
using KreativLand.Web.Listings;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace KreativLand.Web.Pages.Embed;

/// <summary>
/// The chromeless map for partner sites (iframe or embed.js): the map's filter parameters plus center, zoom, list,
/// legend, and for the script widget parentOrigin, widget and height (the map height while the iframe grows with its content).
/// </summary>
[AcceptsQuery("center", "zoom", "list", "legend", "height", "parentOrigin", "widget", Filter = true, LanguageIsParameter = true)]
public partial class MapModel(IStringLocalizer<SharedResource> localizer, IOptions<MapOptions> map, IOptions<EmbedOptions> embed) : PageModel
{
    public const int DefaultHeight = 400, MinHeight = 150, MaxHeight = 2000, MinZoom = 2, MaxZoom = 18;

    public MapOptions Map => map.Value;
    public bool ConsentRequired => embed.Value.ConsentRequiredFor(map.Value);
    public string TileHost => EmbedOptions.TileHost(map.Value);

    public CooperationFilter Filter { get; private set; } = CooperationFilter.None;
    public List<string> Errors { get; } = [];
    public (double Latitude, double Longitude)? Center { get; private set; }
    public int? Zoom { get; private set; }
    public bool List { get; private set; }
    public bool Legend { get; private set; } = true;
    public string? ParentOrigin { get; private set; }
    public string? Widget { get; private set; }
    public int Height { get; private set; } = DefaultHeight;

    public string Language => Languages.Current;
    public string SiteOrigin => SiteUrls.Origin(Request);
    public string HomeLink => SiteUrls.InLanguage(Request, Language, "/", Filter.ToQueryString());

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var query = Request.Query;
        var listing = await ListingRequest.ReadAsync(HttpContext, cancellationToken);
        Filter = listing.Filter;
        Errors.AddRange(listing.ErrorLines());

        var parameters = new EmbedParameters(query, localizer, Errors);
        parameters.Language(); // the culture provider already switched to it; only a bad value needs saying
        if (parameters.Single("center") is { } center)
        {
            var parts = center.Split(',', StringSplitOptions.TrimEntries);
            if (parts.Length == 2 && Number(parts[0]) is { } latitude and >= -90 and <= 90 && Number(parts[1]) is { } longitude and >= -180 and <= 180)
                Center = (latitude, longitude);
            else parameters.Fail("center", "Embed.Error.Center", center);
        }
        if (parameters.Single("zoom") is { } zoom)
        {
            if (int.TryParse(zoom, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= MinZoom and <= MaxZoom) Zoom = value;
            else parameters.Fail("zoom", "Embed.Error.Zoom", zoom, MinZoom, MaxZoom);
        }
        List = parameters.Switch("list", false);
        Legend = parameters.Switch("legend", true);
        Height = parameters.Height(DefaultHeight);
        if (parameters.Single("parentOrigin") is { } parentOrigin)
        {
            // Only an origin (scheme, host, port): the height message is posted to exactly that window origin.
            if (Uri.TryCreate(parentOrigin, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                && uri.GetLeftPart(UriPartial.Authority) == parentOrigin.TrimEnd('/'))
                ParentOrigin = uri.GetLeftPart(UriPartial.Authority);
            else parameters.Fail("parentOrigin", "Embed.Error.ParentOrigin", parentOrigin);
        }
        if (parameters.Single("widget") is { } widget)
        {
            if (WidgetId().IsMatch(widget)) Widget = widget;
            else parameters.Fail("widget", "Embed.Error.Widget", widget);
        }
        if (Errors.Count > 0) Response.StatusCode = StatusCodes.Status400BadRequest;
    }

    private static double? Number(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : null;

    [GeneratedRegex("^[A-Za-z0-9_-]{1,40}$")]
    private static partial Regex WidgetId();
}
