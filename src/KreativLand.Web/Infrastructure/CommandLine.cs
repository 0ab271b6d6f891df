using KreativLand.Web.Data;
using KreativLand.Web.Domain;
using KreativLand.Web.Import;
using KreativLand.Web.Regions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace KreativLand.Web.Infrastructure;

/// <summary>The verbs run.sh passes to the application: they do one job and exit.</summary>
public static class CommandLine
{
    public static readonly string SampleDataPath = Path.Combine(AppContext.BaseDirectory, "SampleData", "cooperations.json");

    /// <summary>
    /// The sample listings the report published are loaded as published: recorded as an override with this reason, so
    /// that a listing failing a criterion by today's rules shows as such to curators.
    /// </summary>
    public static readonly ImportOptions SampleDataImport = new(Actor.CommandLine, "cooperations.json (sample data)",
        "Sample data: listed by the KreativLandTransfer report (August 2024), which checked its own criteria.");

    public static async Task<int?> TryRunAsync(WebApplication app, string[] args)
    {
        var (verbs, options) = Split(args);
        if (verbs.Length == 0) return null;

        // Messages on the console (the importers', Identity's) in English, whatever the machine's locale.
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo(Domain.Languages.English);

        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        switch (verbs[0])
        {
            case "migrate":
                await services.GetRequiredService<KreativLandDbContext>().Database.MigrateAsync();
                await Accounts.EnsureRolesAsync(services.GetRequiredService<RoleManager<IdentityRole>>());
                // The Data Protection key ring is created here, once, rather than by whichever instance starts first: several
                // instances starting together would each create a key of their own.
                services.GetRequiredService<IDataProtectionProvider>().CreateProtector("KreativLand.KeyRing").Protect("ready");
                Console.WriteLine("Database schema is up to date.");
                return 0;
            case "seed":
                return await SeedAsync(services);
            case "load-gazetteer":
                var places = await GazetteerLoader.LoadAsync(services.GetRequiredService<KreativLandDbContext>(), GazetteerLoader.DefaultPath);
                Console.WriteLine($"Gazetteer: {places} places loaded.");
                return 0;
            case "import" when verbs.Length == 2:
                var importOptions = new ImportOptions(Actor.CommandLine, Path.GetFileName(verbs[1]), options.GetValueOrDefault("override"));
                return Report(await services.GetRequiredService<CooperationImporter>().ImportFileAsync(verbs[1], importOptions, default,
                    new ImportProgressPrinter(Console.Out)), verbs[1]);
            case "import":
                Console.Error.WriteLine("usage: import FILE [--override \"REASON\"]   (the override replaces published listings at once and may create published ones)");
                return 2;
            case "import-regions" when verbs.Length == 2:
                var regionOptions = new RegionImporter.Options(
                    options.GetValueOrDefault("level"),
                    options.GetValueOrDefault("name-property") ?? "name",
                    options.GetValueOrDefault("country-property") ?? "country");
                return Report(await services.GetRequiredService<RegionImporter>().ImportFileAsync(verbs[1], regionOptions), verbs[1], "regions from " + verbs[1]);
            case "import-regions":
                Console.Error.WriteLine("usage: import-regions FILE [--level LEVEL] [--name-property NAME] [--country-property NAME]");
                return 2;
            // run.sh passes --remove as the word "remove": a trailing --switch without value is the host configuration's.
            case "generate" when verbs is [_, "remove"]:
                var (listings, partners) = await SyntheticListings.RemoveAsync(services.GetRequiredService<KreativLandDbContext>());
                Console.WriteLine($"Removed {listings} synthetic listings and {partners} synthetic partners.");
                return 0;
            case "generate" when verbs.Length == 4 && verbs[2] == "file" && int.TryParse(verbs[1], out var fileCount) && fileCount is > 0 and <= 1_000_000:
                await SyntheticListings.WriteFileAsync(fileCount, verbs[3]);
                Console.WriteLine($"Wrote {fileCount:N0} synthetic listings to {verbs[3]}.");
                return 0;
            case "generate" when verbs.Length == 2 && int.TryParse(verbs[1], out var count) && count is > 0 and <= 1_000_000:
                return await SyntheticListings.GenerateAsync(app.Services, count, Console.Out);
            case "generate":
                Console.Error.WriteLine("usage: generate N (1 to 1,000,000) | generate remove");
                return 2;
            case "add-user":
                return await AddUserAsync(services, verbs, options);
            case "purge-personal-data":
                var privacy = app.Configuration.GetSection(Operations.PrivacyOptions.Section).Get<Operations.PrivacyOptions>() ?? new Operations.PrivacyOptions();
                var erased = await Operations.Privacy.PurgeAsync(services.GetRequiredService<KreativLandDbContext>(), privacy, DateTimeOffset.UtcNow);
                Console.WriteLine($"Contact data of {erased} submissions decided more than {privacy.SubmitterContactRetentionDays} days ago erased.");
                return 0;
            case "export-all" when verbs.Length == 2:
                return await Operations.FullExport.RunAsync(app.Configuration.GetConnectionString(Data.Database.ConnectionStringName)!, verbs[1]);
            default:
                Console.Error.WriteLine($"unknown command '{verbs[0]}' (known: migrate, seed, load-gazetteer, import FILE, import-regions FILE, generate N [--file FILE]|--remove, add-user EMAIL --role admin|curator, purge-personal-data, export-all FILE)");
                return 2;
        }
    }

    /// <summary>
    /// The verb and its arguments: what is left after the configuration switches the host reads itself
    /// (<c>--key value</c>, <c>--key=value</c>, <c>key=value</c>), so <c>--urls http://…</c> is not taken for a verb.
    /// </summary>
    public static IReadOnlyList<string> Verbs(IReadOnlyList<string> args) => Split(args).Verbs;

    private static (string[] Verbs, Dictionary<string, string> Options) Split(IReadOnlyList<string> args)
    {
        var verbs = new List<string>();
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                var pair = arg[2..].Split('=', 2);
                if (pair.Length == 2) options[pair[0]] = pair[1];
                else if (i + 1 < args.Count) options[pair[0]] = args[++i]; // its value follows
            }
            else if (!arg.Contains('=')) verbs.Add(arg);
        }
        return (verbs.ToArray(), options);
    }

    public static readonly string CountryOutlinesPath = Path.Combine(AppContext.BaseDirectory, "wwwroot", "data", "countries-europe.geojson");

    /// <summary>The first region set: country outlines from the bundled Natural Earth data.</summary>
    public static async Task<int> SeedCountryRegionsAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<KreativLandDbContext>();
        if (await db.Regions.AnyAsync(r => r.Level == Domain.Region.CountryLevel))
        {
            Console.WriteLine("Country outlines: already loaded.");
            return 0;
        }
        var path = File.Exists(CountryOutlinesPath) ? CountryOutlinesPath
            : Path.Combine(services.GetRequiredService<IWebHostEnvironment>().WebRootPath, "data", "countries-europe.geojson");
        return Report(await services.GetRequiredService<RegionImporter>().ImportFileAsync(path,
            new RegionImporter.Options(Domain.Region.CountryLevel, "name", "iso_a2")), "country outlines", "regions from country outlines");
    }

    private static async Task<int> SeedAsync(IServiceProvider services)
    {
        if (await SeedCountryRegionsAsync(services) is var regionStatus and not 0) return regionStatus;
        var db = services.GetRequiredService<KreativLandDbContext>();
        var places = await GazetteerLoader.LoadIfEmptyAsync(db);
        Console.WriteLine(places > 0 ? $"Gazetteer: {places} places loaded." : "Gazetteer: already loaded.");
        if (await db.Cooperations.AnyAsync())
        {
            Console.WriteLine("Sample data: the database already has listings; nothing loaded.");
            return 0;
        }
        return Report(await services.GetRequiredService<CooperationImporter>().ImportFileAsync(SampleDataPath, SampleDataImport), "sample data");
    }

    /// <param name="imported">How the success line names what came in (default: the source).</param>
    private static int Report(ImportResult result, string source, string? imported = null)
    {
        if (result.Succeeded)
        {
            Console.WriteLine($"Imported {imported ?? source}: {result.Created} created, {result.Updated} updated.");
            if (result.Revisions > 0) Console.WriteLine($"  {result.Revisions} record(s) for published listings wait as revisions for a curator's review.");
            if (result.HeldPartnerChanges > 0) Console.WriteLine($"  {result.HeldPartnerChanges} change(s) to partners of published listings wait for review.");
            return 0;
        }
        Console.Error.WriteLine($"Import of {source} refused; nothing was imported. {result.Errors.Count} problem(s):");
        foreach (var error in result.Errors) Console.Error.WriteLine("  " + error);
        return 1;
    }

    private const string AddUserUsage = "usage: add-user EMAIL --role admin|curator   (password from KL_PASSWORD or a prompt)";

    private static async Task<int> AddUserAsync(IServiceProvider services, string[] verbs, Dictionary<string, string> options)
    {
        var email = verbs.ElementAtOrDefault(1);
        var role = options.GetValueOrDefault("role");
        if (email is null || role is null)
        {
            Console.Error.WriteLine(AddUserUsage);
            return 2;
        }

        var password = Environment.GetEnvironmentVariable("KL_PASSWORD");
        if (string.IsNullOrEmpty(password))
        {
            password = ReadPassword($"Password for {email} (at least {Accounts.MinimumPasswordLength} characters): ");
            if (!Console.IsInputRedirected && ReadPassword("Repeat the password: ") != password)
            {
                Console.Error.WriteLine("The passwords differ; no account was created.");
                return 1;
            }
        }

        var errors = await Accounts.CreateUserAsync(
            services.GetRequiredService<UserManager<CuratorUser>>(), services.GetRequiredService<RoleManager<IdentityRole>>(),
            services.GetRequiredService<TimeProvider>(), email, password, role);
        if (errors.Count > 0)
        {
            Console.Error.WriteLine($"No account was created for {email}:");
            foreach (var error in errors) Console.Error.WriteLine("  " + error);
            return 1;
        }
        Console.WriteLine($"Created the {role} account {email}.");
        return 0;
    }

    private static string ReadPassword(string prompt)
    {
        Console.Write(prompt);
        if (Console.IsInputRedirected) return Console.ReadLine() ?? "";
        var password = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter) break;
            if (key.Key == ConsoleKey.Backspace) { if (password.Length > 0) password.Length--; }
            else if (!char.IsControl(key.KeyChar)) password.Append(key.KeyChar);
        }
        Console.WriteLine();
        return password.ToString();
    }
}

/// <summary>Prints an import's progress (records, rate, share of the file, time left), at most once a second.</summary>
public sealed class ImportProgressPrinter(TextWriter output) : IProgress<ImportProgress>
{
    private TimeSpan? last; // not TimeSpan.MinValue: Elapsed - MinValue overflows, and the first report threw

    public void Report(ImportProgress value)
    {
        if (last is { } previous && value.Elapsed - previous < TimeSpan.FromSeconds(1)) return;
        last = value.Elapsed;
        var share = value.Length is > 0 ? $", {100.0 * value.BytesRead / value.Length.Value:0}% of the file" : "";
        var left = value.TimeLeft is { } t ? $", about {t:hh\\:mm\\:ss} left" : "";
        output.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{value.Records:N0} records read, {value.RecordsPerSecond:N0}/s{share}{left}"));
    }
}
