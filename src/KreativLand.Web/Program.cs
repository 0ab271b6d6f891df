using KreativLand.Web.Infrastructure;
using Serilog;

// Only for failures before the host has its configured logger (see Startup.AddKreativLand).
Log.Logger = new LoggerConfiguration().WriteTo.Console().CreateLogger();

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddKreativLand();
    var app = builder.Build();

    // Command verbs (migrate, seed, import FILE, …) run and exit; no verb serves the site.
    if (await CommandLine.TryRunAsync(app, args) is { } exitCode) return exitCode;

    app.UseKreativLand();
    await app.RunAsync();
    return 0;
}
catch (Exception exception) when (exception is not HostAbortedException)
{
    Log.Fatal(exception, "KreativLand stopped unexpectedly");
    return 1;
}
finally
{
    await Log.CloseAndFlushAsync();
}

/// <summary>Entry point marker for WebApplicationFactory in the tests.</summary>
public partial class Program;
