using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KreativLand.Web.Tests.Infrastructure;

/// <summary>The site over TestData/map.json and TestData/regions.geojson, with the clock fixed in 2026 so durations do not drift.</summary>
public class MapDataWebFixture : WebFixture
{
    public static readonly DateTimeOffset Today = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

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

public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
