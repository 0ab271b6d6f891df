using System.Globalization;
using System.IO.Compression;
using KreativLand.Web.Api;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace KreativLand.Web.Infrastructure;

/// <summary>
/// Public reads (pages, API, OGC, feed, sitemap) are answered from ASP.NET Core's output cache, compressed once with
/// Brotli or gzip when they are stored. Entries are keyed by URL, language and content coding, carry the tag
/// <see cref="Tag"/> and are evicted when public data changes (<see cref="PublicDataChanges"/>). In memory by default;
/// with <c>ConnectionStrings:Redis</c> set, in Redis, shared by every instance.
/// </summary>
public static class PublicReadCache
{
    public const string Tag = "public-data";
    public const string Section = "PublicReadCache";

    /// <summary>
    /// Everything a visitor without an account can read, by path (<see cref="PublicPaths.PublicReads"/>, after the language
    /// prefix moved to PathBase). Static files are not here: they carry their own precompressed copies and validators.
    /// </summary>
    private static readonly PathString[] CachedPrefixes = PublicPaths.PublicReads;

    /// <summary>What compression applies to: every text format the public reads answer with.</summary>
    public static readonly string[] CompressedTypes =
    [
        "text/html", "application/json", CooperationsApi.GeoJsonContentType, "application/problem+json", "text/csv",
        "application/atom+xml", "application/xml", "text/xml", "text/plain",
    ];

    public static bool IsPublicRead(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method)) return false;
        var path = request.Path;
        return path == "/" || CachedPrefixes.Any(prefix => path.StartsWithSegments(prefix));
    }

    public static WebApplicationBuilder AddPublicReadCache(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(Section).Get<Settings>() ?? new Settings();
        builder.Services.AddSingleton(options);
        // A response larger than Kestrel's socket write buffer makes its writer wait for the socket to drain before the rest (a
        // wake-up more per response): at ASP.NET Core's default of 64 KiB, cached OGC items pages of 65,498 bytes on the wire
        // served at 0.91 × the sample data's page, of 65,643 bytes at 0.58 ×. Every response; docs/map-and-api.md has the figures.
        builder.WebHost.UseSockets(sockets => sockets.MaxWriteBufferSize = options.SocketWriteBufferKilobytes * 1024L);
        builder.Services.AddSingleton<PublicDataChanges>();
        builder.Services.AddSingleton<PublicDataChanges.Interceptor>();
        builder.Services.AddOutputCache(cache =>
        {
            cache.SizeLimit = options.SizeLimitMegabytes * 1024L * 1024L;
            cache.MaximumBodySize = options.MaximumBodyMegabytes * 1024L * 1024L;
            cache.DefaultExpirationTimeSpan = options.Lifetime;
            cache.AddBasePolicy(new Policy(options));
        });
        if (builder.Configuration.GetConnectionString("Redis") is { Length: > 0 } redis)
        {
            // Shared by all instances: an eviction on one is an eviction on every one.
            builder.Services.AddStackExchangeRedisOutputCache(redisOptions =>
            {
                redisOptions.Configuration = redis;
                redisOptions.InstanceName = options.RedisInstanceName;
            });
            var redisStore = builder.Services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
            builder.Services.Remove(redisStore);
            builder.Services.AddSingleton<IOutputCacheStore>(services => new ResilientOutputCacheStore(
                (IOutputCacheStore)(redisStore.ImplementationInstance ?? redisStore.ImplementationFactory?.Invoke(services)
                    ?? ActivatorUtilities.CreateInstance(services, redisStore.ImplementationType!)),
                services.GetRequiredService<ILogger<ResilientOutputCacheStore>>()));
        }
        builder.Services.AddResponseCompression(compression =>
        {
            // Only public reads are compressed (see UsePublicReadCache): they hold no secret that BREACH could guess.
            compression.EnableForHttps = true;
            compression.Providers.Add<BrotliProvider>();
            compression.Providers.Add<GzipCompressionProvider>();
            compression.MimeTypes = CompressedTypes;
        });
        // Compressed once per cache entry, so a better ratio is worth its time: Brotli at Settings.BrotliQuality (6, not
        // CompressionLevel.Optimal's 4: docs/map-and-api.md has the measurement), gzip at level 6 (Optimal).
        builder.Services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        return builder;
    }

    /// <summary>
    /// After authentication (a signed-in curator's reads are never cached nor served from the cache) and before the
    /// endpoints: Accept-Encoding reduced to the one coding chosen, then the cache, then compression into the entry.
    /// </summary>
    public static IApplicationBuilder UsePublicReadCache(this IApplicationBuilder app)
    {
        var stopping = app.ApplicationServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        return app.UseWhen(IsPublicRead, branch => SegmentedResponseWriter.UseSegmentedResponses(branch
            .Use((context, next) =>
            {
                context.Request.Headers.AcceptEncoding = ChooseCoding(context.Request.Headers.AcceptEncoding);
                // The cache's locking makes concurrent misses of one address wait for the first. Its work must not stop when its
                // own client leaves, or every reader waiting on it inherits the cancellation (a 500); finished, it is stored for
                // them. Only the site's shutdown stops it.
                context.RequestAborted = stopping;
                return next(context);
            }), app.ApplicationServices.GetRequiredService<Settings>().WriteSegmentKilobytes * 1024)
            .UseOutputCache()
            .UseResponseCompression());
    }

    /// <summary>"br", "gzip" or "identity": Brotli when accepted, else gzip, respecting q=0; one cache entry per coding.</summary>
    public static string ChooseCoding(StringValues acceptEncoding)
    {
        if (!StringWithQualityHeaderValue.TryParseList(acceptEncoding, out var codings)) return "identity";
        bool Accepts(string coding) =>
            codings.Any(c => (c.Value.Equals(coding, StringComparison.OrdinalIgnoreCase) || c.Value == "*") && (c.Quality ?? 1) > 0)
            && !codings.Any(c => c.Value.Equals(coding, StringComparison.OrdinalIgnoreCase) && c.Quality == 0);
        return Accepts("br") ? "br" : Accepts("gzip") ? "gzip" : "identity";
    }

    /// <summary>
    /// Brotli at <see cref="Settings.BrotliQuality"/>: ASP.NET Core's own provider takes only a <see cref="CompressionLevel"/>,
    /// whose Optimal is quality 4 and SmallestSize 11 (seconds for the map data at 50,000 listings).
    /// </summary>
    private sealed class BrotliProvider(Settings settings) : ICompressionProvider
    {
        public string EncodingName => "br";
        public bool SupportsFlush => true;

        public Stream CreateStream(Stream outputStream) =>
            new BrotliStream(outputStream, new BrotliCompressionOptions { Quality = settings.BrotliQuality }, leaveOpen: true);
    }

    public sealed class Settings
    {
        /// <summary>False switches the cache off (the benchmark's uncached figures, or a debugging session).</summary>
        public bool Enabled { get; set; } = true;

        /// <summary>
        /// How long an entry lives. A change made through this instance (or any, with Redis) evicts at once; a change made
        /// elsewhere — another instance with in-memory caches, or <c>./run.sh import</c> beside a running site — shows within this time.
        /// </summary>
        public TimeSpan Lifetime { get; set; } = TimeSpan.FromSeconds(60);

        public int SizeLimitMegabytes { get; set; } = 256;
        public int MaximumBodyMegabytes { get; set; } = 64;
        public string RedisInstanceName { get; set; } = "kreativland:";

        /// <summary>
        /// Brotli quality (0–11) of the cached bodies. 6: OGC items limit=1000 at 50,000 listings 15 % smaller than at 4, the
        /// map data 4 % smaller, for about 1.5 times the compression time of a miss; 7 and above cost twice that and more.
        /// </summary>
        public int BrotliQuality { get; set; } = 6;

        /// <summary>A cached body is handed to the server in pieces of this size (0: in one piece, as the output cache does).</summary>
        public int WriteSegmentKilobytes { get; set; } = 64;

        /// <summary>
        /// How much of a response Kestrel's socket transport takes before the writer waits for the socket (its
        /// MaxWriteBufferSize; ASP.NET Core's default is 64). 256 holds a cached OGC items page of 1,000 features at once;
        /// a slow client then keeps up to this much per connection in the server's memory besides the kernel's own buffer.
        /// </summary>
        public int SocketWriteBufferKilobytes { get; set; } = 256;
    }

    /// <summary>Like ASP.NET Core's default policy, plus the language, the content coding and the generation of the data.</summary>
    private sealed class Policy(Settings settings) : IOutputCachePolicy
    {
        private static readonly string CultureCookie = CookieRequestCultureProvider.DefaultCookieName + "=";
        private static readonly string BuildId = typeof(PublicReadCache).Assembly.ManifestModule.ModuleVersionId.ToString("N");

        ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellationToken)
        {
            var http = context.HttpContext;
            var cacheable = settings.Enabled
                && StringValues.IsNullOrEmpty(http.Request.Headers.Authorization)
                && http.User.Identity?.IsAuthenticated != true;
            context.EnableOutputCaching = cacheable;
            context.AllowCacheLookup = cacheable;
            context.AllowCacheStorage = cacheable;
            context.AllowLocking = true;
            context.CacheVaryByRules.QueryKeys = "*";
            context.CacheVaryByRules.HeaderNames = new StringValues(HeaderNames.AcceptEncoding);
            // Only the OGC API negotiates its format by Accept: keyed by the format it chose, not by the header's text.
            if (http.Request.Path.StartsWithSegments("/ogc")) context.CacheVaryByRules.VaryByValues["format"] = OgcApi.CacheFormat(http);
            context.CacheVaryByRules.VaryByValues["lang"] = CultureInfo.CurrentUICulture.Name;
            // A shared (Redis) cache outlives a deployment: pages of the previous build name its asset fingerprints.
            context.CacheVaryByRules.VaryByValues["build"] = BuildId;
            // A page being rendered while a change commits is stored under the generation it started in, so it is never served after it.
            context.CacheVaryByRules.VaryByValues["gen"] = http.RequestServices.GetRequiredService<PublicDataChanges>().Generation
                .ToString(CultureInfo.InvariantCulture);
            context.Tags.Add(Tag);
            return ValueTask.CompletedTask;
        }

        ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellationToken)
        {
            var response = context.HttpContext.Response;
            // The culture cookie a /de or /en address sets is the same for everyone on that address; any other cookie is personal.
            if (response.StatusCode != StatusCodes.Status200OK
                || response.Headers.SetCookie.Any(cookie => cookie is null || !cookie.StartsWith(CultureCookie, StringComparison.Ordinal)))
                context.AllowCacheStorage = false;
            return ValueTask.CompletedTask;
        }
    }
}
