using System.Globalization;
using KreativLand.Web.Data;
using KreativLand.Web.Domain;
using KreativLand.Web.Api;
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
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext());

        var connectionString = builder.Configuration.GetConnectionString(Database.ConnectionStringName) is { Length: > 0 } configured
            ? configured
            : throw new InvalidOperationException(
                $"Connection string '{Database.ConnectionStringName}' is not set (ConnectionStrings__{Database.ConnectionStringName}). ./run.sh sets it for the local cluster.");
        builder.Services.AddDbContext<KreativLandDbContext>(options => options.UseKreativLandDatabase(connectionString));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<CooperationImporter>();
        builder.Services.AddScoped<RegionImporter>();
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
                new Pages.Embed.EmbedOptions.LanguageFromQuery(),
                new LanguagePathPrefix.ProviderFromPath(),
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });

        builder.Services.AddRazorPages(options =>
            {
                options.Conventions.ConfigureFilter(new Microsoft.AspNetCore.Mvc.AutoValidateAntiforgeryTokenAttribute());
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(options =>
                options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));

        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);

        builder.Services.AddProblemDetails();
        builder.Services.AddPublicData();
        builder.Services.AddKreativLandOpenApi();
        return builder;
    }

    public static WebApplication UseKreativLand(this WebApplication app)
    {
        app.UseSerilogRequestLogging();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
        }
        app.UseSecurityHeaders();
        app.UseMiddleware<LanguagePathPrefix>();
        app.UseRequestLocalization();
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UsePublicData();
        app.UseRouting();
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
        app.MapOgcApi();
        app.MapOpenApi();
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
}
