#pragma warning disable EF1001 // the Npgsql design-time services are only reachable through their internal type
// Usage: dotnet run --project tools/MigrationScaffolder -- add NAME
//        dotnet run --project tools/MigrationScaffolder -- remove
// Writes to src/KreativLand.Web/Data/Migrations, like `dotnet ef migrations add NAME -o Data/Migrations`.
using KreativLand.Web.Data;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.Extensions.DependencyInjection;

var projectDir = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/KreativLand.Web"));
if (args is not ["add", var name] && args is not ["remove"])
{
    Console.Error.WriteLine("usage: add NAME | remove");
    return 2;
}

using var db = new DesignTimeDbContextFactory().CreateDbContext([]);
var services = new ServiceCollection();
services.AddEntityFrameworkDesignTimeServices();
services.AddDbContextDesignTimeServices(db);
new Npgsql.EntityFrameworkCore.PostgreSQL.Design.Internal.NpgsqlDesignTimeServices().ConfigureDesignTimeServices(services);
var scaffolder = services.BuildServiceProvider().GetRequiredService<IMigrationsScaffolder>();

if (args[0] == "remove")
{
    var removed = scaffolder.RemoveMigration(projectDir, "KreativLand.Web", force: true, language: "C#");
    Console.WriteLine($"Removed {removed.MigrationFile}");
    return 0;
}

var migration = scaffolder.ScaffoldMigration(args[1], "KreativLand.Web", "Data.Migrations", "C#", dryRun: false);
var files = scaffolder.Save(projectDir, migration, Path.Combine(projectDir, "Data", "Migrations"), dryRun: false);
Console.WriteLine($"Wrote {files.MigrationFile}\n      {files.MetadataFile}\n      {files.SnapshotFile}");
return 0;
