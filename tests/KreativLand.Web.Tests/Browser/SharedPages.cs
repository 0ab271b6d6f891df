using Microsoft.Playwright;

namespace KreativLand.Web.Tests.Browser;

/// <summary>
/// One context and page per screen (site, language, viewport, phone or not) for a browser class whose tests only read, reused
/// by its tests instead of a context and page of their own each: under load a new context took 0.7 s and a new page 2 s.
/// A class fixture, so the pages close when the class ends. xunit runs a class's tests one after the other, so a page serves one
/// test at a time, and <see cref="BrowserTest"/> hands it back through <see cref="ResetAsync"/> when the test ends: what one test
/// did (document, scripts and timers, listeners, routes, emulated media, viewport, cookies, storage, pointer, extra tabs) does not
/// reach the next. The site stores nothing in the browser but cookies; the HTTP cache is kept, as a visitor's browser keeps it.
/// </summary>
public sealed class SharedPages : IAsyncLifetime
{
    private readonly Dictionary<string, Screen> screens = [];

    private sealed record Screen(IBrowserContext Context, IPage Page, PageViewportSizeResult Viewport, string Origin);

    /// <summary>
    /// The page for this screen. <paramref name="configure"/> may set the screen only (viewport, mobile, touch, device scale):
    /// those and the language are the page's key; a context option of another kind would be shared unseen, so it is refused.
    /// </summary>
    internal async Task<IPage> PageAsync(Uri baseAddress, string? locale, Action<BrowserNewContextOptions>? configure)
    {
        var options = new BrowserNewContextOptions();
        configure?.Invoke(options);
        var screenOnly = new BrowserNewContextOptions
        {
            ViewportSize = options.ViewportSize, IsMobile = options.IsMobile, HasTouch = options.HasTouch, DeviceScaleFactor = options.DeviceScaleFactor,
        };
        if (System.Text.Json.JsonSerializer.Serialize(options) != System.Text.Json.JsonSerializer.Serialize(screenOnly))
            throw new ArgumentException("a shared page's options may set the screen only", nameof(configure));
        var key = $"{baseAddress} {locale} {options.ViewportSize?.Width}×{options.ViewportSize?.Height} mobile={options.IsMobile} touch={options.HasTouch} scale={options.DeviceScaleFactor}";
        if (screens.TryGetValue(key, out var screen)) return screen.Page;
        var context = await Chromium.NewContextAsync(baseAddress, locale, configure);
        var page = await context.NewPageAsync();
        screens[key] = new Screen(context, page, page.ViewportSize!, baseAddress.GetLeftPart(UriPartial.Authority));
        return page;
    }

    /// <summary>
    /// Takes the page back after a test. The test has already dropped the listeners it added. If anything here fails, the
    /// context is closed and the next test of this screen gets a new one.
    /// </summary>
    internal async Task ResetAsync(IPage page)
    {
        var (key, screen) = screens.Single(entry => entry.Value.Page == page);
        try
        {
            foreach (var other in screen.Context.Pages.Where(other => other != page).ToList()) await other.CloseAsync();
            await page.UnrouteAllAsync(new() { Behavior = UnrouteBehavior.IgnoreErrors });
            await screen.Context.UnrouteAllAsync(new() { Behavior = UnrouteBehavior.IgnoreErrors });
            if (page.Url.StartsWith(screen.Origin, StringComparison.Ordinal))
                await page.EvaluateAsync("() => { localStorage.clear(); sessionStorage.clear(); }");
            // A new document: the old one's scripts, timers, requests and focus end with it.
            await page.GotoAsync("about:blank");
            await page.EmulateMediaAsync(new()
            {
                Media = Microsoft.Playwright.Media.Null, ColorScheme = ColorScheme.Null, ReducedMotion = ReducedMotion.Null, ForcedColors = ForcedColors.Null, Contrast = Contrast.Null,
            });
            if (page.ViewportSize is not { } size || size.Width != screen.Viewport.Width || size.Height != screen.Viewport.Height)
                await page.SetViewportSizeAsync(screen.Viewport.Width, screen.Viewport.Height);
            await page.Mouse.MoveAsync(0, 0);
            await screen.Context.ClearCookiesAsync();
            await screen.Context.ClearPermissionsAsync();
        }
        // Playwright reports a timeout as System.TimeoutException, everything else as PlaywrightException.
        catch (Exception failed) when (failed is PlaywrightException or TimeoutException)
        {
            screens.Remove(key);
            try { await screen.Context.CloseAsync(); }
            catch (Exception closing) when (closing is PlaywrightException or TimeoutException) { }
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => Task.WhenAll(screens.Values.Select(screen => screen.Context.CloseAsync()));
}
