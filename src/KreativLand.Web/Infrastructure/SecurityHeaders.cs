using Microsoft.Extensions.Options;

namespace KreativLand.Web.Infrastructure;

public static class SecurityHeaders
{
    /// <summary>
    /// A strict CSP: no inline script or style anywhere but the import map, allowed by its hash; tiles are the only outside
    /// images; only the embed map may be framed; workers (the map's clustering) only from the site's own script files.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        // The options are fixed for the application's lifetime: both policies are built once, around the import map's hash.
        var map = app.ApplicationServices.GetRequiredService<IOptions<MapOptions>>().Value;
        var embed = app.ApplicationServices.GetRequiredService<IOptions<Pages.Embed.EmbedOptions>>().Value;
        var importMap = app.ApplicationServices.GetRequiredService<ModuleImportMap>();
        var tileOrigin = map.TileUri is { } tileUri
            ? $" {tileUri.Scheme}://{(map.TileUrl.Contains("{s}") ? "*." + tileUri.Host.Split('.', 2)[^1] : tileUri.Authority)}"
            : "";
        const string beforeScriptHash = "default-src 'self'; script-src 'self' ";
        string AfterScriptHash(string frameAncestors) =>
            "; style-src 'self'; img-src 'self' data:" + tileOrigin +
            "; connect-src 'self'; font-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors " + frameAncestors;
        // Only the embeddable map may be framed, by the configured partner origins and by the site itself (the generator's preview).
        var embeddable = AfterScriptHash("'self' " + embed.FrameAncestors.Replace(";", " ").Replace("\n", " ").Trim());
        var unframeable = AfterScriptHash("'none'");

        return app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                // Read when the response starts: by then the /de or /en prefix has been moved out of the path.
                headers.ContentSecurityPolicy = beforeScriptHash + importMap.For(LanguagePathPrefix.SitePathBase(context)).CspSource
                    + (context.Request.Path.StartsWithSegments(Pages.Embed.EmbedOptions.MapPath) ? embeddable : unframeable);
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                return Task.CompletedTask;
            });
            await next();
        });
    }
}
