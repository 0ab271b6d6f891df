using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KreativLand.Web.Tests.Browser;

/// <summary>A partner's website on another origin (another 127.0.0.1 port): serves whatever static pages a test puts there.</summary>
public sealed class PartnerSite : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, string> pages = new();

    private PartnerSite(WebApplication app) => this.app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<PartnerSite> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var site = new PartnerSite(builder.Build());
        site.app.MapGet("/{name}", (string name) =>
            site.pages.TryGetValue(name, out var html) ? Results.Content(html, "text/html; charset=utf-8") : Results.NotFound());
        await site.app.StartAsync();
        var addresses = site.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        site.BaseAddress = new Uri(addresses.Addresses.First());
        return site;
    }

    /// <summary>Publishes a plain HTML page and returns its address.</summary>
    public Uri Page(string name, string body)
    {
        pages[name] = $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Partner {name}</title></head><body><h1>Partner page</h1>{body}<p id=\"after\">Text after the map.</p></body></html>";
        return new Uri(BaseAddress, name);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
