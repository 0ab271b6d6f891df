using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KreativLand.Web.Tests.Infrastructure;

/// <summary>The site over TestData/map.json and TestData/regions.geojson, with the clock fixed in 2026 so durations do not drift.</summary>
public class MapDataWebFixture : WebFixture
{
    public static readonly DateTimeOffset Today = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    protected override string? DataSet => "map";

    protected override void ConfigureServices(IServiceCollection services) =>
        services.Replace(ServiceDescriptor.Singleton<TimeProvider>(new FixedClock(Today)));

    protected override async Task SeedAsync()
    {
        await ImportFileAsync(Path.Combine(AppContext.BaseDirectory, "TestData", "map.json"));
        await ImportRegionsAsync(Path.Combine(AppContext.BaseDirectory, "TestData", "regions.geojson"));
    }
}

public class MapDataBrowserFixture : MapDataWebFixture
{
    protected override bool UseRealServer => true;
}

/// <summary>One site over the map test data for every class that only reads (see <see cref="WebFixture.Shared"/>).</summary>
public sealed class SharedMapDataWebFixture : MapDataWebFixture
{
    protected override bool Shared => true;
}

/// <summary>One site over the map test data on a real port for every browser class that only reads.</summary>
public sealed class SharedMapDataBrowserFixture : MapDataBrowserFixture
{
    protected override bool Shared => true;
}

public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
