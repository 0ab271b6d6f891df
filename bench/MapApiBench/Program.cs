// Measures the map API against a database of many generated cooperations.
// Usage (through bench/map-api.sh, which starts the project-local cluster):
//   dotnet run -c Release --project bench/MapApiBench -- [--rows 10000] [--runs 30] [--out bench/results/map-api.md]
using System.Diagnostics;
using System.Globalization;
using KreativLand.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Npgsql;

var rows = Option("--rows", 10_000);
var runs = Option("--runs", 30);
var output = args.SkipWhile(a => a != "--out").Skip(1).FirstOrDefault() ?? "bench/results/map-api.md";
var admin = Environment.GetEnvironmentVariable("KL_TEST_ADMIN_CONNECTION")
    ?? throw new InvalidOperationException("KL_TEST_ADMIN_CONNECTION is not set: run bench/map-api.sh");
var database = $"kl_bench_{Environment.ProcessId}";
var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = database }.ConnectionString;

await Admin($"CREATE DATABASE \"{database}\"");
try
{
    var builder = new DbContextOptionsBuilder<KreativLandDbContext>();
    builder.UseKreativLandDatabase(connectionString);
    var options = builder.Options;
    await using (var db = new KreativLandDbContext(options)) await db.Database.MigrateAsync();

    // SharedResource lives in the web assembly: its entry point is the one to start (this file has its own Program).
    await using var factory = new WebApplicationFactory<KreativLand.Web.SharedResource>().WithWebHostBuilder(builder =>
    {
        builder.UseEnvironment("Production");
        builder.UseSolutionRelativeContentRoot("src/KreativLand.Web");
        builder.UseSetting("ConnectionStrings:KreativLand", connectionString);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
    });
    // The listings come through the importer, as `./run.sh generate` makes them (the domain owns a listing's state).
    var seeding = Stopwatch.StartNew();
    await KreativLand.Web.Import.SyntheticListings.GenerateAsync(factory.Services, rows, Console.Out);
    Console.WriteLine($"Generated {rows} cooperations in {seeding.Elapsed.TotalSeconds:0.0} s");
    await using (var db = new KreativLandDbContext(options)) await db.Database.ExecuteSqlRawAsync("ANALYZE");
    var client = factory.CreateClient();
    var scenarios = new (string Name, string Url)[]
    {
        ("all published cooperations (GeoJSON)", "/api/v1/cooperations"),
        ("one subsector", "/api/v1/cooperations?subsector=design"),
        ("country and duration", "/api/v1/cooperations?country=DE&duration=more-than-5-years"),
        ("free text, one word", "/api/v1/cooperations?q=Holz"),
        ("free text, umlaut transliterated", "/api/v1/cooperations?q=Muehle"),
        ("map area (bbox of Saxony)", "/api/v1/cooperations?bbox=11.8,50.1,15.1,51.7"),
        ("within 50 km of a point", "/api/v1/cooperations?near=13.0,50.6&radiusKm=50"),
        ("facet counts, no filter", "/api/v1/facets"),
        ("facet counts, subsector + country", "/api/v1/facets?subsector=design&country=DE"),
        ("home page (server-rendered)", "/en/?subsector=design"),
    };
    var lines = new List<string>
    {
        $"# Map API benchmark",
        "",
        $"{rows:N0} published cooperations (generated, two partners each), {runs} requests per row after 3 warm-up requests,",
        $"in-process test server, sequential requests, PostgreSQL on the same machine. Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC",
        $"on {Environment.ProcessorCount} cores; `bench/map-api.sh` reproduces it.",
        "",
        "| request | results | median ms | p95 ms | max ms | response KiB |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    };
    foreach (var (name, url) in scenarios)
    {
        for (var i = 0; i < 3; i++) (await client.GetAsync(url)).EnsureSuccessStatusCode();
        var times = new List<double>();
        long size = 0;
        string body = "";
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await client.GetAsync(url);
            body = await response.Content.ReadAsStringAsync();
            watch.Stop();
            response.EnsureSuccessStatusCode();
            times.Add(watch.Elapsed.TotalMilliseconds);
            size = body.Length;
        }
        times.Sort();
        var matched = System.Text.RegularExpressions.Regex.Match(body, "\"(numberMatched|total)\":(\\d+)") is { Success: true } m ? m.Groups[2].Value : "–";
        var line = string.Create(CultureInfo.InvariantCulture,
            $"| {name} (`{url}`) | {matched} | {times[times.Count / 2]:0.0} | {times[(int)Math.Ceiling(times.Count * 0.95) - 1]:0.0} | {times[^1]:0.0} | {size / 1024.0:0} |");
        Console.WriteLine(line);
        lines.Add(line);
    }
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
    await File.WriteAllLinesAsync(output, lines);
    Console.WriteLine($"Written to {output}");
}
finally
{
    NpgsqlConnection.ClearAllPools();
    await Admin($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
}

int Option(string name, int fallback) =>
    args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

async Task Admin(string sql)
{
    await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(admin) { Pooling = false }.ConnectionString);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(sql, connection);
    await command.ExecuteNonQueryAsync();
}

