using System.Collections.Concurrent;
using System.Net;
using System.Reflection;
using KreativLand.Web.Data;
using KreativLand.Web.Import;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KreativLand.Web.Tests.Infrastructure;

/// <summary>
/// The site in-process over its own database; with <see cref="UseRealServer"/> it listens on 127.0.0.1 for the browser.
/// The database starts as a copy of its <see cref="DataSet"/>'s template, seeded once per run; with <see cref="Shared"/>,
/// one site of the fixture's type serves every test class that asks for it.
/// </summary>
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

    /// <summary>
    /// PBKDF2 iterations of the site's password hasher; null: the site's own (100,000). The tests create and sign in a few
    /// hundred accounts, each hash 0.07 s of CPU at the real cost (0.27 s under load). An account's hash carries its iteration
    /// count, and sign-in checks unknown and locked accounts at the configured cost too, so the answers stay alike in time;
    /// <c>SignInSecurityTests</c> times them at the real cost.
    /// </summary>
    protected virtual int? PasswordHashIterations => 1_000;

    /// <summary>
    /// The name of the data <see cref="SeedAsync"/> loads. The first fixture of a data set has it imported once per run into
    /// a template database, by a site of the fixture type that names the data set (its clock and settings apply, not those
    /// of a subclass); every fixture of the data set then starts from a copy of that template, the site's caches empty.
    /// Null: the fixture seeds its own database (data generated per class, a database on another server).
    /// </summary>
    protected virtual string? DataSet => "sample_data";

    /// <summary>
    /// One site, database and media store of this fixture type for every test class that asks for it, started by the first
    /// and disposed when the run ends: only for classes that change nothing (no writes, no clock or settings of their own).
    /// Their contexts are read-only; classes keep running in parallel.
    /// </summary>
    protected virtual bool Shared => false;

    private static readonly ConcurrentDictionary<string, Lazy<Task<SeededTemplate>>> SeededTemplates = new();
    private static readonly ConcurrentDictionary<Type, Lazy<Task<WebFixture>>> SharedSites = new();
    private bool isSharedSite;

    private sealed record SeededTemplate(string Database, string MediaDirectory);

    public WebApplicationFactory<Program> Factory => factory ?? throw new InvalidOperationException("not initialised");

    public Uri BaseAddress { get; private set; } = new("http://localhost");

    /// <summary>This site's store of uploaded images (Media:Directory): a folder of its own, removed with the fixture.</summary>
    public string MediaDirectory { get; private set; } = Path.Combine(Path.GetTempPath(), "kl-media-" + Guid.NewGuid().ToString("N"));

    private bool JoinsSharedSite => Shared && !isSharedSite;

    public override async Task InitializeAsync()
    {
        if (JoinsSharedSite)
        {
            var site = await SharedSites.GetOrAdd(GetType(), type => new(() => StartSharedSiteAsync(type))).Value;
            (factory, DatabaseName, BaseAddress, MediaDirectory) = (site.factory, site.DatabaseName, site.BaseAddress, site.MediaDirectory);
            return;
        }
        var dataSet = CheckedDataSet();
        if (OwnsDatabase && dataSet is not null)
        {
            var template = await SeededTemplates.GetOrAdd(dataSet, name => new(() => SeedTemplateAsync(name, DataSetOwner()))).Value;
            DatabaseName = await TestDatabase.CreateAsync(template.Database);
            CopyDirectory(template.MediaDirectory, MediaDirectory);
        }
        else await base.InitializeAsync();
        factory = CreateFactory();
        if (UseRealServer)
        {
            factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
            factory.StartServer();
            var addresses = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
            BaseAddress = new Uri(addresses.Addresses.First());
        }
        // A database of another fixture (a second instance over it) is already seeded.
        if (OwnsDatabase && dataSet is null) await SeedAsync();
    }

    private WebApplicationFactory<Program> CreateFactory() => new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
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
        // Warnings and errors only: at Information every request of every test was a console line (about 14,000 a run) that
        // testhost formatted and dotnet test carried and printed. RequestLoggingTests checks the request log at both levels.
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        if (PasswordHashIterations is { } iterations)
            builder.ConfigureServices(services => services.Configure<PasswordHasherOptions>(options => options.IterationCount = iterations));
        builder.ConfigureTestServices(ConfigureServices);
        builder.UseStaticWebAssets();
    });

    /// <summary>
    /// The data set, checked against what this fixture overrides: a fixture that seeds differently from the type naming its
    /// data set, or whose database lies on another server, must name a data set of its own or none.
    /// </summary>
    private string? CheckedDataSet()
    {
        if (DataSet is null) return null;
        var owner = DataSetOwner();
        if (!DeclaringType(nameof(SeedAsync)).IsAssignableFrom(owner) || DeclaringType("get_" + nameof(ConnectionString)) != typeof(DatabaseFixture))
            throw new InvalidOperationException($"{GetType().Name} seeds its own data or uses a database elsewhere but names the data set '{DataSet}' of {owner.Name}: override DataSet (null for data of its own).");
        return DataSet;
    }

    /// <summary>The fixture type that names this fixture's data set: it seeds the data set's template.</summary>
    private Type DataSetOwner() => DeclaringType("get_" + nameof(DataSet));

    /// <summary>The most derived type that overrides the member (reflection returns only the last override of a virtual).</summary>
    private Type DeclaringType(string method) =>
        GetType().GetMethod(method, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)!.DeclaringType!;

    private static async Task<SeededTemplate> SeedTemplateAsync(string dataSet, Type owner)
    {
        var seeder = (WebFixture)(Activator.CreateInstance(owner)
            ?? throw new InvalidOperationException($"{owner.Name} names a data set and needs a constructor without parameters to seed it."));
        var database = await TestDatabase.CreateSeededTemplateAsync(dataSet, async name =>
        {
            seeder.DatabaseName = name;
            seeder.factory = seeder.CreateFactory();
            try
            {
                await seeder.SeedAsync();
                // Each site makes its own Data Protection key, as it did over a database of its own.
                await using var db = seeder.OpenContext();
                await db.DataProtectionKeys.ExecuteDeleteAsync();
            }
            finally
            {
                await seeder.factory.DisposeAsync();
                seeder.factory = null;
            }
        });
        var media = seeder.MediaDirectory;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => { if (Directory.Exists(media)) Directory.Delete(media, recursive: true); };
        return new SeededTemplate(database, media);
    }

    private static void CopyDirectory(string from, string to)
    {
        if (!Directory.Exists(from)) return;
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static async Task<WebFixture> StartSharedSiteAsync(Type type)
    {
        var site = (WebFixture)Activator.CreateInstance(type)!;
        site.isSharedSite = true;
        await site.InitializeAsync();
        // xunit (v2) has no fixture for the whole run; the process's exit is its end.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Task.Run(site.DisposeAsync).Wait(TimeSpan.FromSeconds(30)); }
            catch (AggregateException) { /* the database server may already be gone */ }
        };
        return site;
    }

    /// <summary>
    /// Writes through this context reach the site's public read cache like a second writer on the same instance would:
    /// the site's interceptor sees them and evicts.
    /// </summary>
    public override KreativLandDbContext OpenContext() => factory is null
        ? base.OpenContext()
        : TestDatabase.OpenContextAt(TestDatabase.ConnectionStringFor(DatabaseName, readOnly: Shared),
            Factory.Services.GetRequiredService<KreativLand.Web.Infrastructure.PublicDataChanges.Interceptor>());

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
        if (JoinsSharedSite) return; // the shared site lives until the run ends
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
