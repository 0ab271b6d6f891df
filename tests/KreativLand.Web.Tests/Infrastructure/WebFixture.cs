using System.Net;
using KreativLand.Web.Data;
using KreativLand.Web.Import;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace KreativLand.Web.Tests.Infrastructure;

/// <summary>The site in-process over its own database; with <see cref="UseRealServer"/> it listens on 127.0.0.1 for the browser.</summary>
public class WebFixture : DatabaseFixture
{
    private WebApplicationFactory<Program>? factory;

    /// <summary>Where the tests' map tiles come from: a closed local port, so no test reaches an outside host.</summary>
    public const string UnreachableTiles = "http://127.0.0.1:9/";

    protected virtual bool UseRealServer => false;

    /// <summary>The hosting environment; Production is what ./run.sh serves.</summary>
    protected virtual string EnvironmentName => "Testing";

    /// <summary>Extra configuration, e.g. a connection string pointing nowhere.</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public WebApplicationFactory<Program> Factory => factory ?? throw new InvalidOperationException("not initialised");

    public Uri BaseAddress { get; private set; } = new("http://localhost");

    /// <summary>This site's store of uploaded images (Media:Directory): a folder of its own, removed with the fixture.</summary>
    public string MediaDirectory { get; } = Path.Combine(Path.GetTempPath(), "kl-media-" + Guid.NewGuid().ToString("N"));

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment(EnvironmentName);
            builder.UseSetting("ConnectionStrings:KreativLand", ConnectionString);
            // Nothing outside this machine: the tile URL points at a closed local port.
            builder.UseSetting("Map:TileUrl", UnreachableTiles + "{z}/{x}/{y}.png");
            // Every test client comes from one address (none in the test host): the rate limits are off unless a class sets them.
            builder.UseSetting("RateLimits:ApiPermitsPerMinute", "0");
            builder.UseSetting("RateLimits:SignInPermitsPerClient", "0");
            builder.UseSetting("RateLimits:SignInPermitsPerAccount", "0");
            // No background privacy retention while tests look at their data (PrivacyTests call it directly).
            builder.UseSetting("Privacy:RetentionIntervalMinutes", "0");
            builder.UseSetting("Media:Directory", MediaDirectory);
            foreach (var (key, value) in Settings) builder.UseSetting(key, value);
            builder.ConfigureTestServices(ConfigureServices);
            builder.UseStaticWebAssets();
        });
        if (UseRealServer)
        {
            factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
            factory.StartServer();
            var addresses = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
            BaseAddress = new Uri(addresses.Addresses.First());
        }
        await SeedAsync();
    }

    /// <summary>
    /// Writes through this context reach the site's public read cache like a second writer on the same instance would:
    /// the site's interceptor sees them and evicts.
    /// </summary>
    public override KreativLandDbContext OpenContext() => factory is null
        ? base.OpenContext()
        : TestDatabase.OpenContext(DatabaseName, interceptors: Factory.Services.GetRequiredService<KreativLand.Web.Infrastructure.PublicDataChanges.Interceptor>());

    /// <summary>Replaces services for the test, e.g. a fixed clock.</summary>
    protected virtual void ConfigureServices(IServiceCollection services) { }

    /// <summary>Loads test data; by default the product's sample data.</summary>
    protected virtual Task SeedAsync() => ImportFileAsync(Path.Combine(AppContext.BaseDirectory, "SampleData", "cooperations.json"), KreativLand.Web.Infrastructure.CommandLine.SampleDataImport);

    public async Task ImportFileAsync(string path, ImportOptions? options = null)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<CooperationImporter>().ImportFileAsync(path, options ?? TestImports.Seed);
        if (!result.Succeeded) throw new InvalidOperationException("test data refused: " + string.Join("; ", result.Errors));
    }

    public async Task ImportRegionsAsync(string path, string? level = null)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<KreativLand.Web.Regions.RegionImporter>()
            .ImportFileAsync(path, new KreativLand.Web.Regions.RegionImporter.Options(level));
        if (!result.Succeeded) throw new InvalidOperationException("test regions refused: " + string.Join("; ", result.Errors));
    }

    public HttpClient CreateClient() => UseRealServer
        ? new HttpClient { BaseAddress = BaseAddress }
        : Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public override async Task DisposeAsync()
    {
        if (factory is not null) await factory.DisposeAsync();
        if (Directory.Exists(MediaDirectory)) Directory.Delete(MediaDirectory, recursive: true);
        await base.DisposeAsync();
    }
}

/// <summary>The site on a real Kestrel port for browser tests.</summary>
public class BrowserWebFixture : WebFixture
{
    protected override bool UseRealServer => true;
}
