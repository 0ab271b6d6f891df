using System.Security.Cryptography;
using System.Text;
using KreativLand.Web.Data;
using KreativLand.Web.Domain;
using KreativLand.Web.Infrastructure;
using KreativLand.Web.Pages.Embed;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace KreativLand.Web.Api;

/// <summary>
/// What the read-only public data (the API, the OGC API and the embedded map) shares: any origin may read it (CORS),
/// HEAD works like GET, and responses carry validators (ETag, Last-Modified) that change when a listing is
/// published, changed or withdrawn, so clients and proxies revalidate cheaply and get 304s.
/// </summary>
public static class PublicData
{
    public const string CorsPolicy = "PublicReadOnly";

    /// <summary>The headers besides the URL that choose the answer: format negotiation (OGC API) and language.</summary>
    private const string VaryOn = "Accept, Accept-Language";

    /// <summary>
    /// The data, and the HTML pages that show only published data (and the request's language): not the pages with forms or
    /// per-visitor content (submission, sign-in, admin), nor any page for a signed-in curator.
    /// </summary>
    private static bool Validated(HttpContext context) =>
        Under(context.Request.Path, PublicPaths.Data) || context.Request.Path == "/" || Under(context.Request.Path, PublicPaths.DataPages);

    /// <summary>A notice waiting in TempData is shown once: that answer must not be validated.</summary>
    private const string TempDataCookie = ".AspNetCore.Mvc.CookieTempDataProvider";

    /// <summary>Changes with every build, so new markup or scripts are never answered with a stale 304.</summary>
    private static readonly string BuildId = typeof(PublicData).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    public static IServiceCollection AddPublicData(this IServiceCollection services) =>
        DataLicence.AddDataLicence(services).AddCors(options => options.AddPolicy(CorsPolicy, policy => policy
            .AllowAnyOrigin()
            .WithMethods(HttpMethods.Get, HttpMethods.Head)
            .AllowAnyHeader()
            .WithExposedHeaders(HeaderNames.ETag, HeaderNames.LastModified, HeaderNames.ContentDisposition, HeaderNames.Link)));

    private static bool Under(PathString path, PathString[] prefixes) => PublicPaths.Under(path, prefixes);

    /// <summary>
    /// CORS, HEAD and validators by path, before routing: every endpoint under /api/v1 and /ogc gets them, however
    /// and wherever it is mapped. The CORS middleware answers preflight requests itself.
    /// </summary>
    public static IApplicationBuilder UsePublicData(this IApplicationBuilder app) => app
        .UseWhen(context => ApiProblems.IsApi(context.Request.Path), branch => branch.UseCors(CorsPolicy))
        .UseWhen(context => Under(context.Request.Path, PublicPaths.Data), branch => branch.Use((context, next) =>
        {
            // Every data answer names its licence, also where the body has no place for it (CSV, HTML).
            var link = DataLicence.Of(context).LinkHeader;
            context.Response.OnStarting(() =>
            {
                if (context.Response.StatusCode is >= 200 and < 400) context.Response.Headers.Append(HeaderNames.Link, link);
                return Task.CompletedTask;
            });
            return next(context);
        }))
        .UseHeadAsGet();

    /// <summary>HEAD on the read-only data is answered as GET without a body (minimal-API routes only match GET).</summary>
    public static IApplicationBuilder UseHeadAsGet(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!HttpMethods.IsHead(context.Request.Method) || !Under(context.Request.Path, PublicPaths.Data))
        {
            await next();
            return;
        }
        context.Request.Method = HttpMethods.Get;
        var body = context.Response.Body;
        context.Response.Body = Stream.Null;
        try { await next(); }
        finally
        {
            context.Response.Body = body;
            context.Request.Method = HttpMethods.Head;
        }
    });

    /// <summary>
    /// Conditional GET: one cheap SQL query gives the data version. A matching entity tag is answered with 304 at once. For
    /// If-None-Match: * and If-Modified-Since the endpoint still runs, into a buffer: only an answer that would be 200
    /// becomes a 304 (RFC 9110 §13.2.1), so a bad parameter keeps its 400 and a missing item its 404.
    /// </summary>
    public static IApplicationBuilder UseDataValidators(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!HttpMethods.IsGet(context.Request.Method) || !Validated(context) || context.User.Identity?.IsAuthenticated == true
            || context.Request.Cookies.ContainsKey(TempDataCookie))
        {
            await next();
            return;
        }
        var db = context.RequestServices.GetRequiredService<KreativLandDbContext>();
        var clock = context.RequestServices.GetRequiredService<TimeProvider>();
        var version = await DataVersionAsync(db, context.RequestAborted);
        var etag = new EntityTagHeaderValue("\"" + Hash(context, version, clock.GetUtcNow().Year, Settings(context)) + "\"", isWeak: true);
        var lastModified = version.LastModified;
        var headers = context.Response.GetTypedHeaders();
        void Validators()
        {
            headers.ETag = etag;
            headers.LastModified = lastModified;
            headers.CacheControl = new CacheControlHeaderValue { Public = true, NoCache = true };
            context.Response.Headers.Append(HeaderNames.Vary, VaryOn);
        }

        var conditional = context.Request.Headers.IfNoneMatch.Count > 0 || context.Request.Headers.IfModifiedSince.Count > 0;
        // The tag names this URL at this data version, and it was only ever sent with a 200: a match is answered at once,
        // without running the endpoint's query. (A stored answer in the output cache does not even get here.)
        if (conditional && MatchesTag(context.Request, etag))
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            Validators();
            return;
        }
        if (!conditional)
        {
            // Set before the endpoint runs, so the output cache (which takes the headers as the body starts) stores them;
            // taken away again from any answer that is not a 200.
            Validators();
            context.Response.OnStarting(() =>
            {
                if (context.Response.StatusCode != StatusCodes.Status200OK)
                {
                    context.Response.Headers.ETag = default;
                    context.Response.Headers.LastModified = default;
                    context.Response.Headers.CacheControl = default;
                }
                return Task.CompletedTask;
            });
            await next();
            return;
        }

        var body = context.Response.Body;
        await using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try { await next(); }
        finally { context.Response.Body = body; }
        if (context.Response.StatusCode == StatusCodes.Status200OK && Matches(context.Request, etag, lastModified))
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            context.Response.ContentLength = null;
            context.Response.Headers.ContentType = default;
            context.Response.Headers.ContentDisposition = default;
            Validators();
            return;
        }
        if (context.Response.StatusCode == StatusCodes.Status200OK) Validators();
        buffer.Position = 0;
        await buffer.CopyToAsync(body, context.RequestAborted);
    });

    /// <summary>What the public data depends on: published count, last change of any listing, last publication, the regions.</summary>
    public sealed record DataVersion(int Published, DateTimeOffset? LastUpdated, DateTimeOffset? LastPublished,
        long RegionIds, DateTimeOffset? LastRegionImport, long KnowledgeIds = 0, DateTimeOffset? LastKnowledgeUpdate = null)
    {
        /// <summary>Whole seconds, as HTTP dates have no more.</summary>
        public DateTimeOffset? LastModified
        {
            get
            {
                var latest = new[] { LastUpdated, LastPublished, LastKnowledgeUpdate }.Max();
                return latest is { } value ? new DateTimeOffset(value.UtcTicks - value.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero) : null;
            }
        }
    }

    public static async Task<DataVersion> DataVersionAsync(KreativLandDbContext db, CancellationToken cancellationToken) =>
        // One statement: aggregates over the cooperations plus a scalar subquery for the regions.
        await db.Cooperations.AsNoTracking()
            .AsSingleQuery()
            .GroupBy(c => 1)
            .Select(g => new DataVersion(
                g.Count(c => c.Status == CooperationStatus.Published),
                g.Max(c => (DateTimeOffset?)c.UpdatedAt),
                g.Max(c => c.PublishedAt),
                // The sum of the ids changes when any region is removed or added (ids are positive and never reused);
                // a re-imported one moves the import time.
                db.Regions.Sum(r => (long?)r.Id) ?? 0,
                db.Regions.Max(r => (DateTimeOffset?)r.ImportedAt),
                // Knowledge pages: the sitemap and /knowledge show them.
                db.KnowledgePages.Sum(k => (long?)k.Id) ?? 0,
                db.KnowledgePages.Max(k => (DateTimeOffset?)k.UpdatedAt)))
            .SingleOrDefaultAsync(cancellationToken)
        ?? new DataVersion(0, null, null,
            await db.Regions.SumAsync(r => (long?)r.Id, cancellationToken) ?? 0, await db.Regions.MaxAsync(r => (DateTimeOffset?)r.ImportedAt, cancellationToken),
            await db.KnowledgePages.SumAsync(k => (long?)k.Id, cancellationToken) ?? 0, await db.KnowledgePages.MaxAsync(k => (DateTimeOffset?)k.UpdatedAt, cancellationToken));

    /// <summary>Configuration the embed page renders (tiles, consent): a changed setting must not be answered with a stale 304.</summary>
    private static string Settings(HttpContext context)
    {
        var map = context.RequestServices.GetRequiredService<IOptions<MapOptions>>().Value;
        var embed = context.RequestServices.GetRequiredService<IOptions<EmbedOptions>>().Value;
        var licence = DataLicence.Of(context);
        return string.Join('|', map.TileUrl, map.Attribution, map.MaxZoom, embed.ConsentRequiredFor(map), licence.Name, licence.Url, licence.Attribution);
    }

    private static string Hash(HttpContext context, DataVersion version, int year, string settings)
    {
        var request = context.Request;
        var input = string.Join('|',
            BuildId, settings, version.Published, version.LastUpdated?.UtcTicks, version.LastPublished?.UtcTicks, version.RegionIds, version.LastRegionImport?.UtcTicks,
            version.KnowledgeIds, version.LastKnowledgeUpdate?.UtcTicks, year,
            request.Scheme, request.Host.Value, request.PathBase.Value, request.Path.Value, request.QueryString.Value,
            Languages.Current, request.Headers.Accept.ToString());
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(input)))[..32];
    }

    private static bool MatchesTag(HttpRequest request, EntityTagHeaderValue etag) =>
        request.GetTypedHeaders().IfNoneMatch.Any(candidate => !candidate.Equals(EntityTagHeaderValue.Any) && candidate.Compare(etag, useStrongComparison: false));

    private static bool Matches(HttpRequest request, EntityTagHeaderValue etag, DateTimeOffset? lastModified)
    {
        var conditions = request.GetTypedHeaders();
        // If-None-Match wins over If-Modified-Since when both are sent (RFC 9110 §13.2.2).
        if (request.Headers.IfNoneMatch.Count > 0)
            return conditions.IfNoneMatch.Any(candidate => candidate.Equals(EntityTagHeaderValue.Any) || candidate.Compare(etag, useStrongComparison: false));
        return lastModified is { } modified && conditions.IfModifiedSince is { } since && modified <= since;
    }

}
