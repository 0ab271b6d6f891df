using Microsoft.Net.Http.Headers;

namespace KreativLand.Web.Media;

/// <summary>
/// Serves the stored images at /media/{name}. A name is the content's hash, so a file never changes under its name:
/// browsers and proxies keep it for a year without asking again. X-Content-Type-Options: nosniff comes with every answer
/// of the site (SecurityHeaders).
/// </summary>
public static class MediaEndpoint
{
    public const string CacheControl = "public, max-age=31536000, immutable";

    public static IEndpointRouteBuilder MapMedia(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(MediaStore.PathPrefix + "{name}", (string name, HttpContext context, MediaStore store) =>
        {
            // Only names the store writes are opened: "../", "%2F", other extensions end here as 404.
            if (store.FileOf(name) is not { } file || !File.Exists(file)) return Results.NotFound();
            context.Response.Headers[HeaderNames.CacheControl] = CacheControl;
            return Results.File(file, MediaStore.ContentType, lastModified: File.GetLastWriteTimeUtc(file));
        }).ExcludeFromDescription();
        return endpoints;
    }
}
