using System.Net;

namespace KreativLand.Web.Tests.Infrastructure;

public class HealthTests(SharedBasicDataWebFixture site) : IClassFixture<SharedBasicDataWebFixture>
{
    [Fact]
    public async Task Live_and_ready_answer_200_with_a_database()
    {
        var client = site.CreateClient();
        using var live = await client.GetAsync("/health/live");
        using var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }
}

public class HealthWithoutDatabaseTests(HealthWithoutDatabaseTests.NoDatabaseFixture site) : IClassFixture<HealthWithoutDatabaseTests.NoDatabaseFixture>
{
    /// <summary>The site pointed at a database server that does not answer.</summary>
    public sealed class NoDatabaseFixture : IAsyncLifetime
    {
        public Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> Factory { get; } =
            new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
            {
                builder.UseSetting("ConnectionStrings:KreativLand", "Host=127.0.0.1;Port=9;Database=none;Timeout=2");
                Microsoft.AspNetCore.Hosting.HostingAbstractionsWebHostBuilderExtensions.UseEnvironment(builder, "Testing");
            });

        public Task InitializeAsync() => Task.CompletedTask;
        public Task DisposeAsync() => Factory.DisposeAsync().AsTask();
    }

    [Fact]
    public async Task Ready_is_503_and_live_stays_200_when_the_database_is_down()
    {
        var client = site.Factory.CreateClient();
        using var ready = await client.GetAsync("/health/ready");
        using var live = await client.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }
}
