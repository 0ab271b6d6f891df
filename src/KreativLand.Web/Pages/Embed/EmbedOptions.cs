using KreativLand.Web.Infrastructure;

namespace KreativLand.Web.Pages.Embed;

/// <summary>Configuration section "Embed": who may frame the map, and whether tiles wait for the visitor's consent.</summary>
public sealed class EmbedOptions
{
    public const string Section = "Embed";

    /// <summary>The embeddable route; every other page refuses to be framed.</summary>
    public static readonly PathString MapPath = "/embed/map";

    /// <summary>CSP frame-ancestors sources for <see cref="MapPath"/>: by default any https site, and local development.</summary>
    public string FrameAncestors { get; set; } = "https: http://localhost:* http://127.0.0.1:*";

    /// <summary>
    /// Show a click-to-load overlay before any request to the tile server. Unset: required exactly when the tiles
    /// come from a third party (an absolute tile URL); self-hosted tiles (a site-relative URL) load at once.
    /// </summary>
    public bool? ConsentRequired { get; set; }

    public bool ConsentRequiredFor(MapOptions map) => ConsentRequired ?? !map.TileUrl.StartsWith('/');

    /// <summary>The host of the tile server, named in the consent overlay.</summary>
    public static string TileHost(MapOptions map) => map.TileUri?.Host ?? map.TileUrl;
}
