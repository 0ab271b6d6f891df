using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace KreativLand.Web.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without a running database.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<KreativLandDbContext>
{
    public KreativLandDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<KreativLandDbContext>();
        options.UseKreativLandDatabase(Environment.GetEnvironmentVariable("ConnectionStrings__KreativLand") ?? "Host=localhost;Database=kreativland_design");
        return new KreativLandDbContext(options.Options);
    }
}
