using System.Collections.Concurrent;
using KreativLand.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace KreativLand.Web.Tests.Browser;

/// <summary>Debian's Chromium driven by Playwright; never a downloaded browser, never an outside host.</summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly Lazy<Task<IBrowser>> Shared = new(LaunchAsync);

    /// <summary>
    /// How long any wait may take: every navigation, action and web-first assertion (Expect, not Playwright's 5 s). A wait
    /// ends as soon as its state arrives, so this costs nothing on a passing run; it only decides when a missing state counts
    /// as a failure. 15 s ran out in a fresh-clone suite at load 70–100 (navigations, a full-page screenshot), states that
    /// arrived later; CI's machine is shared too.
    /// </summary>
    public const int WaitLimitMs = 30_000;

    static Chromium() => Assertions.SetDefaultExpectTimeout(WaitLimitMs);

    public static Task<IBrowser> BrowserAsync() => Shared.Value;

    /// <summary>A context for one test; whoever opens it closes it (<see cref="BrowserTest.NewPageAsync"/> does).</summary>
    public static async Task<IBrowserContext> NewContextAsync(Uri baseAddress, string? locale, Action<BrowserNewContextOptions>? configure = null)
    {
        var browser = await BrowserAsync();
        var options = new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            Locale = locale,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        };
        configure?.Invoke(options);
        var context = await browser.NewContextAsync(options);
        context.SetDefaultTimeout(WaitLimitMs);
        return context;
    }

    /// <summary>
    /// Collects what goes wrong on the page: console errors, failed responses and script errors. Failing map tiles
    /// (they point at a closed port on purpose) and whatever <paramref name="ignore"/> names are expected. A concurrent queue,
    /// because Playwright raises these events on its own thread while the test reads the failures. Returns what removes the
    /// listeners again (a page shared by the tests of a class outlives the test).
    /// </summary>
    public static Action CollectFailures(IPage page, ConcurrentQueue<string> failures, Func<string, bool>? ignore = null)
    {
        void OnConsole(object? sender, IConsoleMessage message)
        {
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource") && ignore?.Invoke(message.Text) != true) failures.Enqueue(message.Text);
        }
        void OnResponse(object? sender, IResponse response)
        {
            if (response.Status >= 400 && !response.Url.StartsWith(WebFixture.UnreachableTiles) && ignore?.Invoke(response.Url) != true)
                failures.Enqueue($"{response.Status} {response.Url}");
        }
        void OnPageError(object? sender, string error) => failures.Enqueue(error);
        page.Console += OnConsole;
        page.Response += OnResponse;
        page.PageError += OnPageError;
        return () =>
        {
            page.Console -= OnConsole;
            page.Response -= OnResponse;
            page.PageError -= OnPageError;
        };
    }

    /// <summary>
    /// Reads a value every 100 ms until <paramref name="done"/> holds or 10 s pass, and returns the last reading. For values
    /// that are computed in two documents (a partner page and its iframe), which no single WaitForFunction can see.
    /// </summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        var value = await read();
        while (!done(value) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            value = await read();
        }
        return value;
    }

    /// <summary>Reads a value until it has stayed the same for half a second (layout that is still settling), at most 10 s.</summary>
    public static async Task<T> SettledAsync<T>(Func<Task<T>> read)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        var value = await read();
        var since = DateTime.UtcNow;
        while (DateTime.UtcNow - since < TimeSpan.FromMilliseconds(500) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            var next = await read();
            if (!EqualityComparer<T>.Default.Equals(next, value)) (value, since) = (next, DateTime.UtcNow);
        }
        return value;
    }

    /// <summary>
    /// Navigation for a test that then waits for the state it needs (a map's data-state, a preview, a form): until the document
    /// is parsed and its scripts have run. The load event also waits for every picture, tile and frame, which on a busy machine
    /// (load average 40-90 on two cores) took longer than a navigation may wait (Chromium.WaitLimitMs), while the page itself was usable.
    /// </summary>
    public static PageGotoOptions Parsed => new() { WaitUntil = WaitUntilState.DOMContentLoaded };

    /// <summary>The map explorer's or embed's #map, as <see cref="MapSettledAsync(ILocator)"/>.</summary>
    public static Task<string> MapSettledAsync(IPage page) => MapSettledAsync(page.Locator("#map"));

    /// <summary>
    /// Waits until a Leaflet map has stopped moving on screen: its place in the viewport, its panes and markers unchanged for
    /// half a second. So no zoom, pan or cluster animation runs (fitBounds animates after data-state='ready' is set) and no
    /// smooth page scroll (html has scroll-behavior: smooth, and focus() scrolls) moves the map between mouse down and up.
    /// Each reading first lets two frames pass, because Leaflet starts a zoom animation in the frame after fitBounds.
    /// </summary>
    public static Task<string> MapSettledAsync(ILocator map) => SettledAsync(() => map.EvaluateAsync<string>("""
        async map => {
          await new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)));
          const box = map.getBoundingClientRect();
          const pane = map.querySelector('.leaflet-map-pane');
          const icons = [...map.querySelectorAll('.leaflet-marker-icon')].map(e => `${e.className} ${e.style.transform} ${e.style.opacity}`);
          return [map.dataset.state, `${box.x} ${box.y} ${box.width} ${box.height}`, pane?.className, pane?.style.transform, ...icons].join('\n');
        }
        """));

    /// <summary>A phone: 360 (or <paramref name="width"/>) CSS pixels wide, touch, mobile viewport.</summary>
    public static void Phone(BrowserNewContextOptions options, int width = 360, int height = 740)
    {
        options.ViewportSize = new ViewportSize { Width = width, Height = height };
        options.IsMobile = true;
        options.HasTouch = true;
        options.DeviceScaleFactor = 2;
    }

    /// <summary>A laptop screen, 1366 × 768 CSS pixels.</summary>
    public static void Desktop(BrowserNewContextOptions options) => options.ViewportSize = new ViewportSize { Width = 1366, Height = 768 };

    /// <summary>
    /// Whole pages in the screenshots only when <c>KL_TEST_SCREENSHOTS=full</c>; otherwise the first screen (the viewport).
    /// Nothing asserts on a screenshot; the whole page is for a person reviewing a change, and an editor page at 1366 px is
    /// 1366 × 8,400 pixels that Chromium rasterises in software and encodes, and Playwright carries over its pipe.
    /// </summary>
    private static readonly bool FullPageScreenshots = Environment.GetEnvironmentVariable("KL_TEST_SCREENSHOTS") == "full";

    /// <summary>
    /// The page for a person to look at (artifacts/screenshots/), in CSS pixels as a JPEG: the first screen, or the whole page
    /// with <c>KL_TEST_SCREENSHOTS=full</c>. A phone's page at device scale 2 as PNG is up to 720 × 29,000 pixels: side by side in
    /// one run, such a shot took 1.6–13.7 s, this one 0.3–3.9 s (on a laptop-sized page both take the same).
    /// </summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(Environment.GetEnvironmentVariable("KL_TEST_ARTIFACTS") ?? Path.Combine(AppContext.BaseDirectory, "artifacts"), "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(folder, name + ".jpg"),
            FullPage = FullPageScreenshots,
            Type = ScreenshotType.Jpeg,
            Quality = 85,
            Scale = ScreenshotScale.Css,
        });
    }

    private static async Task<IBrowser> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
            throw new InvalidOperationException($"{ExecutablePath} is missing: ./test.sh installs Debian's chromium package.");
        var playwright = await Playwright.CreateAsync();
        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
            ],
        });
    }
}
