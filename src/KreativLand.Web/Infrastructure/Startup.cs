using Microsoft.AspNetCore.HttpOverrides;
using System.Globalization;
using KreativLand.Web.Data;
using KreativLand.Web.Domain;
using KreativLand.Web.Api;
using KreativLand.Web.Discovery;
using KreativLand.Web.Import;
using KreativLand.Web.Regions;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Serilog;

namespace KreativLand.Web.Infrastructure;

public static class Startup
{
    public static WebApplicationBuilder AddKreativLand(this WebApplicationBuilder builder)
    {
        // ./run.sh serves the build output, not a publish, in Production: the compressed, fingerprinted assets
        // are then under obj/ and only found through the static-web-assets manifest (a no-op in a publish).
        builder.WebHost.UseStaticWebAssets();
        // Served from a build manifest, MapStaticAssets sends no-cache for every asset unless this is set. The manifest's own
        // headers are right in every environment: fingerprinted URLs (a rebuilt file gets a new one) are immutable, plain ones no-cache.
        builder.Configuration["EnableStaticAssetsDevelopmentCaching"] ??= "true";
        // A build manifest also switches on the runtime reloader, which answers every .gz with an uncompressed copy of the file
        // (leaflet.js: 147,605 "gzip" bytes for 147,552). Off, the build's own Brotli and gzip files are served, as after a publish.
        builder.Configuration["ReloadStaticAssetsAtRuntime"] ??= "false";
        // preserveStaticLogger: several hosts in one process (the tests) must not race to freeze the static bootstrap logger.
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext(), preserveStaticLogger: true);

        var connectionString = builder.Configuration.GetConnectionString(Database.ConnectionStringName) is { Length: > 0 } configured
            ? configured
            : throw new InvalidOperationException(
                $"Connection string '{Database.ConnectionStringName}' is not set (ConnectionStrings__{Database.ConnectionStringName}). ./run.sh sets it for the local cluster.");
        builder.AddKreativLandDatabase(connectionString);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ModuleImportMap>();
        builder.Services.AddScoped<CooperationImporter>();
        builder.Services.AddSingleton<ImportProgressBoard>();
        builder.Services.AddScoped<Curation.CuratorMail>();
        builder.Services.AddScoped<Curation.ReviewDigest>();
        builder.Services.AddHostedService<Curation.ReviewDigest.Service>();
        builder.Services.AddScoped<RegionImporter>();
        builder.Services.Configure<Media.MediaOptions>(builder.Configuration.GetSection(Media.MediaOptions.Section));
        builder.Services.AddSingleton<Media.MediaStore>();
        Media.MediaFetch.AddMediaFetch(builder.Services);
        builder.Services.Configure<MapOptions>(builder.Configuration.GetSection(MapOptions.Section));
        builder.Services.Configure<Pages.Embed.EmbedOptions>(builder.Configuration.GetSection(Pages.Embed.EmbedOptions.Section));

        builder.Services.AddLocalization(options => options.ResourcesPath = "Resources");
        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = Languages.All.Select(CultureInfo.GetCultureInfo).ToList();
            options.DefaultRequestCulture = new RequestCulture(Languages.German);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            options.RequestCultureProviders =
            [
                new QueryParameters.LanguageFromQuery(),
                new LanguagePathPrefix.ProviderFromPath(),
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });

        builder.AddCuratorAccounts();
        // Beside Identity's own rules (length, distinct characters): no password from the common-password list.
        builder.Services.AddScoped<Microsoft.AspNetCore.Identity.IPasswordValidator<CuratorUser>, CommonPasswords>();
        builder.AddSubmissionProtection();
        // Razor components rendered on the server only: the OGC API's HTML pages (Api/OgcPage.razor through RazorComponentResult).
        builder.Services.AddRazorComponents();
        // A global filter (not a page convention), so a page's own [IgnoreAntiforgeryToken] stays the closer policy:
        // the error page must render for a POST that was refused (403, 429) and re-executed.
        builder.Services.AddRazorPages(options =>
            {
                // Every page under /admin now and later is guarded here, not page by page.
                options.Conventions.AuthorizeFolder("/Admin", Policies.CuratorArea);
                options.Conventions.AuthorizeFolder("/Admin/Users", Policies.AdminOnly);
                options.Conventions.AuthorizeFolder("/Admin/Settings", Policies.AdminOnly);
            })
            .AddMvcOptions(options =>
            {
                options.Filters.Add(new Microsoft.AspNetCore.Mvc.AutoValidateAntiforgeryTokenAttribute());
                options.Filters.Add(new AntiforgeryFailureMarker());
                options.Filters.Add(new InputGuard.FormFilter());
                options.Filters.Add(new DatabaseOutage.FormFilter());
                options.Filters.Add(new TamperedFormFilter());
                RowListBinders.WrapDefaults(options);
                InvariantFormValueProviderFactory.ReplaceDefault(options);
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(options =>
                options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));

        builder.Services.AddSingleton<Microsoft.Extensions.Options.IConfigureOptions<Microsoft.AspNetCore.Mvc.MvcOptions>, LocalizedBindingMessages>();
        // Site-wide like the sign-in cookie (see Accounts): a form loaded under /de and posted under /en, or a notice
        // stored under one prefix and shown under another, must find its cookie.
        // Secure whenever the request is HTTPS (antiforgery's own default never sets it).
        builder.Services.AddAntiforgery(options =>
        {
            options.Cookie.Path = "/";
            options.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
        });
        builder.Services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(options =>
        {
            options.Cookie.Path = "/";
            options.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
        });
        builder.Services.Configure<SiteOptions>(builder.Configuration.GetSection(SiteOptions.Section));
        builder.Services.Configure<Operations.PrivacyOptions>(builder.Configuration.GetSection(Operations.PrivacyOptions.Section));
        builder.Services.AddHostedService<Operations.Privacy.RetentionService>();
        // HSTS on every HTTPS answer (also behind a TLS proxy that forwards the scheme); a year, as browsers' preload lists expect.
        builder.Services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));

        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);

        // ASP.NET Core's default for JSON answers is the relaxed encoder, which leaves < > & ' as they are: a problem that
        // names a refused value would carry markup verbatim. Every Unicode letter stays readable; only HTML-sensitive characters are escaped.
        builder.Services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All));
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            if (context.ProblemDetails.Status != StatusCodes.Status503ServiceUnavailable) return;
            context.ProblemDetails.Title = "The database is unavailable for a moment.";
            context.ProblemDetails.Detail = $"Nothing was changed. Try again in {DatabaseOutage.RetryAfterSeconds} seconds.";
            DatabaseOutage.MarkUnavailable(context.HttpContext.Response);
        });
        builder.Services.AddPublicData();
        builder.AddPublicReadCache();
        builder.Services.AddKreativLandOpenApi();
        return builder;
    }

    public static WebApplication UseKreativLand(this WebApplication app)
    {
        // Behind a TLS proxy on this machine (the default KnownProxies: loopback), take scheme and client from X-Forwarded-*,
        // so cookies are Secure and absolute links use https.
        app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto });
        // Through the configured logger (its levels, overrides and sinks): the middleware's default is the static Log.Logger,
        // which AddSerilog(preserveStaticLogger: true) leaves as Program's bootstrap console logger, so every request was
        // written to the console at Information whatever the configuration said.
        app.UseSerilogRequestLogging(options => options.Logger = app.Services.GetRequiredService<Serilog.ILogger>());
        if (!app.Environment.IsDevelopment())
        {
            app.UseOutageAwareExceptionHandler("/error");
            app.UseHsts();
        }
        app.UseSecurityHeaders();
        app.UseMiddleware<LanguagePathPrefix>();
        app.UseRequestLocalization();
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseApiProblemDetails();
        app.UseInputGuard();
        app.UsePublicData();
        app.UseRouting();
        app.UseStrictQueryParameters();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        // After authorization: the curator area first asks who is there (sign-in, 403), then says what a page accepts.
        app.UseMethodNotAllowed();
        app.UseRequestSizeCheck();
        app.UsePublicReadCache();
        // Inside the cache: a stored answer keeps its validators, and a cache miss computes them.
        app.UseDataValidators();
        app.UseBenchReference(app.Configuration);
        app.MapStaticAssets();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("ready"),
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        });

        app.MapCooperationsApi();
        app.MapStatsApi();
        Media.MediaEndpoint.MapMedia(app);
        app.MapDiscovery();
        app.MapOgcApi();
        app.MapOpenApi().WithMetadata(new AcceptsQueryAttribute());
        app.MapRazorPages().WithStaticAssets();
        return app;
    }
}

public sealed class MapOptions
{
    public const string Section = "Map";
    public string TileUrl { get; set; } = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
    public string Attribution { get; set; } = "© OpenStreetMap contributors";
    public int MaxZoom { get; set; } = 19;

    /// <summary>
    /// Map data up to this many bytes (about 130 bytes a point: some 500 listings) is clustered on the page's main thread,
    /// larger in a Web Worker (wwwroot/js/map-data.js). Parsing and indexing 500 points took 24 ms on a 2-core machine under
    /// load (1,000: 28 ms; 5,000: 131 ms; 10,000: 372 ms), so the task stays short; above it the worker's start-up (about
    /// 100–300 ms) is worth paying. 0 sends every load to the worker (the browser tests of the embedded map do).
    /// </summary>
    public int MainThreadClusteringBytes { get; set; } = 64 * 1024;

    /// <summary>The tile URL with its placeholders filled in, when it is absolute (a third-party or separate tile server).</summary>
    public Uri? TileUri =>
        Uri.TryCreate(TileUrl.Replace("{s}", "a").Replace("{z}", "0").Replace("{x}", "0").Replace("{y}", "0"), UriKind.Absolute, out var uri) ? uri : null;
}
