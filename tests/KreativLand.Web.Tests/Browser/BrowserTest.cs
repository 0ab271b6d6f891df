using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace KreativLand.Web.Tests.Browser;

/// <summary>
/// A test class that opens pages in the shared Chromium. Every context a test opens is closed when that test ends (xunit
/// creates the class for each test and calls DisposeAsync after it): left open, the pages of the whole run, with their map
/// timers, iframes and partner pages, keep using CPU and memory and slow the tests after them. A class whose tests only read
/// takes its pages from <see cref="SharedPages"/> instead; those are reset, not closed, when a test ends.
/// </summary>
public abstract class BrowserTest : IAsyncLifetime
{
    private readonly List<IBrowserContext> contexts = [];
    private readonly List<(SharedPages Pages, IPage Page)> sharedPages = [];
    private readonly List<Action> afterTest = [];

    /// <summary>A page in a context of its own (its own cookies and storage), closed when the test ends.</summary>
    protected async Task<IPage> NewPageAsync(Uri baseAddress, string? locale = "de-DE", Action<BrowserNewContextOptions>? configure = null)
    {
        var context = await Chromium.NewContextAsync(baseAddress, locale, configure);
        contexts.Add(context);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// The class's page for this screen (see <see cref="SharedPages.PageAsync"/>), on about:blank, reset when the test ends. Add
    /// listeners through <see cref="CollectFailures"/> or <see cref="AfterTest"/> so that they end with the test.
    /// </summary>
    protected async Task<IPage> SharedPageAsync(SharedPages pages, Uri baseAddress, string? locale = "de-DE", Action<BrowserNewContextOptions>? configure = null)
    {
        var page = await pages.PageAsync(baseAddress, locale, configure);
        sharedPages.Add((pages, page));
        return page;
    }

    /// <summary><see cref="Chromium.CollectFailures"/> for this test only: the listeners are removed when it ends.</summary>
    protected void CollectFailures(IPage page, ConcurrentQueue<string> failures, Func<string, bool>? ignore = null) =>
        afterTest.Add(Chromium.CollectFailures(page, failures, ignore));

    /// <summary>Runs <paramref name="cleanup"/> when the test ends, e.g. to remove a listener from a shared page.</summary>
    protected void AfterTest(Action cleanup) => afterTest.Add(cleanup);

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        foreach (var cleanup in afterTest) cleanup();
        await Task.WhenAll(contexts.Select(context => context.CloseAsync()));
        foreach (var (pages, page) in sharedPages.Distinct()) await pages.ResetAsync(page);
    }
}
