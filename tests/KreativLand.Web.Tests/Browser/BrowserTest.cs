using Microsoft.Playwright;

namespace KreativLand.Web.Tests.Browser;

/// <summary>
/// A test class that opens pages in the shared Chromium. Every context a test opens is closed when that test ends (xunit
/// creates the class for each test and calls DisposeAsync after it): left open, the pages of the whole run, with their map
/// timers, iframes and partner pages, keep using CPU and memory and slow the tests after them.
/// </summary>
public abstract class BrowserTest : IAsyncLifetime
{
    private readonly List<IBrowserContext> contexts = [];

    /// <summary>A page in a context of its own (its own cookies and storage), closed when the test ends.</summary>
    protected async Task<IPage> NewPageAsync(Uri baseAddress, string? locale = "de-DE", Action<BrowserNewContextOptions>? configure = null)
    {
        var context = await Chromium.NewContextAsync(baseAddress, locale, configure);
        contexts.Add(context);
        return await context.NewPageAsync();
    }

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync() => Task.WhenAll(contexts.Select(context => context.CloseAsync()));
}
