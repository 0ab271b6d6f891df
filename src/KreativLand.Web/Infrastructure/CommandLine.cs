using KreativLand.Web.Data;
using KreativLand.Web.Domain;
using KreativLand.Web.Import;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace KreativLand.Web.Infrastructure;

/// <summary>The verbs run.sh passes to the application: they do one job and exit.</summary>
public static class CommandLine
{
    public static readonly string SampleDataPath = Path.Combine(AppContext.BaseDirectory, "SampleData", "cooperations.json");

    public static async Task<int?> TryRunAsync(WebApplication app, string[] args)
    {
        var verbs = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal) && !a.Contains('=')).ToArray();
        if (verbs.Length == 0) return null;

        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        switch (verbs[0])
        {
            case "migrate":
                await services.GetRequiredService<KreativLandDbContext>().Database.MigrateAsync();
                await Accounts.EnsureRolesAsync(services.GetRequiredService<RoleManager<IdentityRole>>());
                Console.WriteLine("Database schema is up to date.");
                return 0;
            case "seed":
                return await SeedAsync(services);
            case "load-gazetteer":
                var places = await GazetteerLoader.LoadAsync(services.GetRequiredService<KreativLandDbContext>(), GazetteerLoader.DefaultPath);
                Console.WriteLine($"Gazetteer: {places} places loaded.");
                return 0;
            case "import" when verbs.Length == 2:
                return Report(await services.GetRequiredService<CooperationImporter>().ImportFileAsync(verbs[1]), verbs[1]);
            case "import":
                Console.Error.WriteLine("usage: import FILE");
                return 2;
            case "add-user":
                return await AddUserAsync(services, args);
            default:
                Console.Error.WriteLine($"unknown command '{verbs[0]}' (known: migrate, seed, load-gazetteer, import FILE, add-user EMAIL --role admin|curator)");
                return 2;
        }
    }

    private static async Task<int> SeedAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<KreativLandDbContext>();
        var places = await GazetteerLoader.LoadIfEmptyAsync(db);
        Console.WriteLine(places > 0 ? $"Gazetteer: {places} places loaded." : "Gazetteer: already loaded.");
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

    private const string AddUserUsage = "usage: add-user EMAIL --role admin|curator   (password from KL_PASSWORD or a prompt)";

    private static async Task<int> AddUserAsync(IServiceProvider services, string[] args)
    {
        var position = Array.IndexOf(args, "add-user");
        var email = position + 1 < args.Length && !args[position + 1].StartsWith("--", StringComparison.Ordinal) ? args[position + 1] : null;
        var roleFlag = Array.IndexOf(args, "--role");
        var role = roleFlag >= 0 && roleFlag + 1 < args.Length ? args[roleFlag + 1] : null;
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
