using KreativLand.Web.Data;
using KreativLand.Web.Import;
using Microsoft.EntityFrameworkCore;

namespace KreativLand.Web.Infrastructure;

/// <summary>The verbs run.sh passes to the application: they do one job and exit.</summary>
public static class CommandLine
{
    public static readonly string SampleDataPath = Path.Combine(AppContext.BaseDirectory, "SampleData", "cooperations.json");

    public static async Task<int?> TryRunAsync(WebApplication app, string[] args)
    {
        var verbs = Verbs(args);
        if (verbs.Count == 0) return null;

        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        switch (verbs[0])
        {
            case "migrate":
                await services.GetRequiredService<KreativLandDbContext>().Database.MigrateAsync();
                Console.WriteLine("Database schema is up to date.");
                return 0;
            case "seed":
                return await SeedAsync(services);
            case "import" when verbs.Count == 2:
                return Report(await services.GetRequiredService<CooperationImporter>().ImportFileAsync(verbs[1]), verbs[1]);
            case "import":
                Console.Error.WriteLine("usage: import FILE");
                return 2;
            default:
                Console.Error.WriteLine($"unknown command '{verbs[0]}' (known: migrate, seed, import FILE)");
                return 2;
        }
    }

    /// <summary>
    /// The verb and its arguments: what is left after the configuration switches the host reads itself
    /// (<c>--key value</c>, <c>--key=value</c>, <c>key=value</c>), so <c>--urls http://…</c> is not taken for a verb.
    /// </summary>
    public static IReadOnlyList<string> Verbs(IReadOnlyList<string> args)
    {
        var verbs = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (!arg.Contains('=')) i++; // its value follows
                continue;
            }
            if (!arg.Contains('=')) verbs.Add(arg);
        }
        return verbs;
    }

    private static async Task<int> SeedAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<KreativLandDbContext>();
        if (await db.Cooperations.AnyAsync())
        {
            Console.WriteLine("Sample data: the database already has listings; nothing loaded.");
            return 0;
        }
        return Report(await services.GetRequiredService<CooperationImporter>().ImportFileAsync(SampleDataPath), "sample data");
    }

    private static int Report(ImportResult result, string source)
    {
        if (result.Succeeded)
        {
            Console.WriteLine($"Imported {source}: {result.Created} created, {result.Updated} updated.");
            return 0;
        }
        Console.Error.WriteLine($"Import of {source} refused; nothing was imported. {result.Errors.Count} problem(s):");
        foreach (var error in result.Errors) Console.Error.WriteLine("  " + error);
        return 1;
    }
}
