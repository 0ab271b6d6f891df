using Microsoft.Extensions.Options;

namespace KreativLand.Web.Infrastructure;

public static class SecurityHeaders
{
    /// <summary>A strict CSP: no inline script or style anywhere; tiles are the only outside images; only the embed map may be framed.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var map = context.RequestServices.GetRequiredService<IOptions<MapOptions>>().Value;
        var embed = context.RequestServices.GetRequiredService<IOptions<Pages.Embed.EmbedOptions>>().Value;
        var tileOrigin = Uri.TryCreate(map.TileUrl.Replace("{s}", "a").Replace("{z}", "0").Replace("{x}", "0").Replace("{y}", "0"), UriKind.Absolute, out var tileUri)
            ? $" {tileUri.Scheme}://{(map.TileUrl.Contains("{s}") ? "*." + tileUri.Host.Split('.', 2)[^1] : tileUri.Authority)}"
            : "";
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            // Only the embeddable map may be framed, by the configured partner origins and by the site itself (the generator's preview).
            // Read when the response starts: by then the /de or /en prefix has been moved out of the path.
            var frameAncestors = context.Request.Path.StartsWithSegments(Pages.Embed.EmbedOptions.MapPath)
                ? "'self' " + embed.FrameAncestors.Replace(";", " ").Replace("\n", " ").Trim()
                : "'none'";
            headers.ContentSecurityPolicy =
                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:" + tileOrigin +
                "; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors " + frameAncestors;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            return Task.CompletedTask;
        });
        await next();
    });
}
