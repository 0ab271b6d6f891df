using Microsoft.Net.Http.Headers;

namespace KreativLand.Web.Infrastructure;

/// <summary>
/// Only for bench/run.sh: with <c>Bench:ReferenceDirectory</c> set, files of that directory are served under
/// <c>/bench-reference/</c> as a static file server with precompressed copies does (FILE.br, FILE.gz chosen by
/// Accept-Encoding, like nginx's gzip_static), through the same pipeline as the site's own answers. The benchmark puts
/// there the exact bytes of the map data and a bare Leaflet page, the references the site is measured against.
/// Unset (always, outside the benchmark), nothing is mapped.
/// </summary>
public static class BenchReference
{
    public const string Path = "/bench-reference";

    public static IApplicationBuilder UseBenchReference(this IApplicationBuilder app, IConfiguration configuration)
    {
        if (configuration["Bench:ReferenceDirectory"] is not { Length: > 0 } directory) return app;
        var root = System.IO.Path.GetFullPath(directory);
        var types = new Microsoft.AspNetCore.StaticFiles.FileExtensionContentTypeProvider();
        types.Mappings[".geojson"] = "application/geo+json";
        return app.Use(async (context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments(Path, out var rest) || rest.Value is not { Length: > 1 } name
                || name.IndexOfAny(['\\', ':']) >= 0 || name.Contains("..", StringComparison.Ordinal))
            {
                await next();
                return;
            }
            var file = System.IO.Path.GetFullPath(System.IO.Path.Combine(root, name.TrimStart('/')));
            if (!file.StartsWith(root, StringComparison.Ordinal) || !File.Exists(file))
            {
                await next();
                return;
            }
            var coding = PublicReadCache.ChooseCoding(context.Request.Headers.AcceptEncoding);
            var suffix = coding switch { "br" => ".br", "gzip" => ".gz", _ => "" };
            var served = suffix.Length > 0 && File.Exists(file + suffix) ? file + suffix : file;
            context.Response.ContentType = types.TryGetContentType(file, out var type) ? type : "application/octet-stream";
            if (served != file) context.Response.Headers.ContentEncoding = coding;
            context.Response.Headers.Vary = HeaderNames.AcceptEncoding;
            context.Response.Headers.CacheControl = "no-cache";
            context.Response.ContentLength = new FileInfo(served).Length;
            await context.Response.SendFileAsync(served, context.RequestAborted);
        });
    }
}
