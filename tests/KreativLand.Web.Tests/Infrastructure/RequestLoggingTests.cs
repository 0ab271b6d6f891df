using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace KreativLand.Web.Tests.Infrastructure;

/// <summary>
/// The request log goes through the logger the configuration builds (Serilog section, sinks from the services), not
/// through Program's bootstrap console logger: a minimum level of Warning keeps every request out of it.
/// </summary>
public class RequestLoggingTests
{
    private sealed class Collected : ILogEventSink
    {
        public ConcurrentQueue<LogEvent> Events { get; } = new();
        public void Emit(LogEvent logEvent) => Events.Enqueue(logEvent);
    }

    private static async Task<List<LogEvent>> RequestEventsAsync(string minimumLevel)
    {
        var sink = new Collected();
        // /health/live needs no database: the site points at a server that does not answer.
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("ConnectionStrings:KreativLand", "Host=127.0.0.1;Port=9;Database=none;Timeout=2");
            builder.UseSetting("Serilog:MinimumLevel:Default", minimumLevel);
            builder.UseEnvironment("Testing");
            builder.ConfigureTestServices(services => services.AddSingleton<ILogEventSink>(sink));
        });
        using var response = await factory.CreateClient().GetAsync("/health/live");
        response.EnsureSuccessStatusCode();
        return [.. sink.Events.Where(e => e.MessageTemplate.Text.StartsWith("HTTP {RequestMethod} {RequestPath} responded", StringComparison.Ordinal))];
    }

    [Fact]
    public async Task Requests_are_logged_through_the_configured_logger_at_its_minimum_level()
    {
        var atInformation = await RequestEventsAsync("Information");
        var atWarning = await RequestEventsAsync("Warning");

        var logged = Assert.Single(atInformation);
        Assert.Equal(LogEventLevel.Information, logged.Level);
        Assert.Equal("\"/health/live\"", logged.Properties["RequestPath"].ToString());
        Assert.Empty(atWarning);
    }
}
