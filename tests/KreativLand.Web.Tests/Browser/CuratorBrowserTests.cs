using System.Collections.Concurrent;
using KreativLand.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace KreativLand.Web.Tests.Browser;

public class CuratorBrowserTests(BasicDataBrowserFixture site) : BrowserTest, IClassFixture<BasicDataBrowserFixture>
{
    [Fact]
    public async Task A_curator_enters_a_listing_with_the_gazetteer_fixes_a_failing_check_and_publishes_it_to_the_pages_and_the_api()
    {
        var email = await Curators.CreateAsync(site, "curator");
        var page = await NewPageAsync(site.BaseAddress);
        var failures = new ConcurrentQueue<string>();
        // Anything failing besides the tiles (a CSP violation, a 500) is a defect.
        Chromium.CollectFailures(page, failures);

        await SignInAsync(page, email);

        await page.GetByRole(AriaRole.Link, new() { Name = "Neuer Eintrag" }).First.ClickAsync();
        await page.WaitForURLAsync("**/admin/cooperations/edit");
        await page.Locator("#Input_Title_De").FillAsync("Holz und Klang im Dreiländereck");

        // The gazetteer fills municipality, country, population and position.
        await page.Locator("#gazetteer-query").FillAsync("Görli");
        await page.Locator("#gazetteer-results button", new() { HasTextString = "Görlitz" }).First.ClickAsync();
        Assert.Equal("Görlitz", await page.Locator("#Input_Location_Municipality").InputValueAsync());
        Assert.Equal("57751", await page.Locator("#Input_Location_Population").InputValueAsync());
        Assert.StartsWith("51.15", await page.Locator("#Input_Location_Latitude").InputValueAsync());

        await page.Locator("#partner-0-name").FillAsync("Tischlerei Neiße");
        await page.Locator("#partner-0-employees").FillAsync("18");
        await page.Locator("#partner-0-urban").SelectOptionAsync("false");
        await page.Locator("#partner-1-name").FillAsync("Studio Grenzklang");
        await page.Locator("#partner-1-subsector").SelectOptionAsync("music");
        await page.Locator("#partner-1-urban").SelectOptionAsync("true");
        foreach (var (name, note) in new[] { ("EconomicBackground", "Both earn their living from it."), ("EqualTerms", "Joint product, shared risk."), ("RegionalEffects", "Concerts in the workshop draw visitors.") })
        {
            await page.Locator($"input[name='{name}.Confirmed'][value=true]").CheckAsync();
            await page.Locator($"#{name}_Note").FillAsync(note);
        }

        // The live checklist shows the failing population check with its reason.
        var population = page.Locator("#criteria-list [data-criterion=population]");
        await Assertions.Expect(population).ToHaveAttributeAsync("data-outcome", "fail");
        await Assertions.Expect(population).ToContainTextAsync("57.751 Einwohner");
        await Chromium.ScreenshotAsync(page, "editor-failing-check");

        // Fixed: the cooperation is really located in the small neighbouring town; the map click sets the exact point.
        await page.Locator("#gazetteer-query").FillAsync("Ostritz");
        await page.Locator("#gazetteer-results button", new() { HasTextString = "Ostritz" }).First.ClickAsync();
        // The choice focuses the municipality field, which scrolls the page smoothly, and moves the map: wait until nothing
        // moves any more. The map is centred on the place, whose marker stands above the centre: the click goes a quarter of
        // the map below and right of it, where it lies on the map, clear of the marker, the controls and the attribution, and
        // sets a point far enough from the place to differ in the fifth decimal (the map's centre itself rounded to the place's
        // latitude or not depending on the map's size).
        var editorMap = page.Locator("#editor-map");
        await Chromium.MapSettledAsync(editorMap);
        var checkedForms = new ConcurrentQueue<string>();
        page.RequestFinished += (_, request) => { if (request.Url.Contains("handler=Criteria")) checkedForms.Enqueue(request.PostData ?? ""); };
        var mapBox = (await editorMap.BoundingBoxAsync())!;
        await editorMap.ClickAsync(new() { Position = new() { X = mapBox.Width * 0.75f, Y = mapBox.Height * 0.75f } });
        var latitude = await page.Locator("#Input_Location_Latitude").InputValueAsync();
        Assert.NotEqual("51.01451", latitude);
        // The checklist checks the clicked position after a pause. Save only once that answer is in: a check request still on
        // its way while saving takes the "Gespeichert" notice with it (both run on the edit page, whose notice is TempData).
        Assert.True(await Chromium.EventuallyAsync(() => Task.FromResult(checkedForms.Any(form => form.Contains(latitude))), found => found),
            $"no criteria check for latitude {latitude}");
        await Assertions.Expect(population).ToHaveAttributeAsync("data-outcome", "pass");
        await Assertions.Expect(page.Locator("#criteria-list [data-outcome=fail], #criteria-list [data-outcome=unknown]")).ToHaveCountAsync(0);

        await page.Locator("#save").ClickAsync();
        await page.WaitForURLAsync("**/admin/cooperations/edit/*");
        await Assertions.Expect(page.Locator("[role=status]").First).ToContainTextAsync("Gespeichert");

        await page.Locator("#Transition_To").SelectOptionAsync("in-review");
        await page.Locator("#transition").ClickAsync();
        await Assertions.Expect(page.Locator("#current-status")).ToHaveTextAsync("In Prüfung");
        // She wrote it, so a second curator publishes it (the four-eyes rule).
        await Assertions.Expect(page.Locator("#four-eyes-hint")).ToContainTextAsync("Vier-Augen-Prinzip");
        var reviewer = await NewPageAsync(site.BaseAddress);
        await SignInAsync(reviewer, await Curators.CreateAsync(site, "curator"));
        await reviewer.GotoAsync(new Uri(page.Url).PathAndQuery);
        await reviewer.Locator("#Transition_To").SelectOptionAsync("published");
        await reviewer.Locator("#transition").ClickAsync();
        await Assertions.Expect(reviewer.Locator("#current-status")).ToHaveTextAsync("Veröffentlicht");
        await page.ReloadAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Öffentliche Seite ansehen" }).ClickAsync();
        await page.WaitForURLAsync("**/cooperations/holz-und-klang-im-dreilaendereck");
        Assert.Equal("Holz und Klang im Dreiländereck", (await page.Locator("h1").InnerTextAsync()).Trim());
        await page.GotoAsync("/cooperations");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Holz und Klang im Dreiländereck");
        Assert.Empty(failures);

        // … and in the API.
        var api = site.CreateClient();
        using var details = await api.GetAsync("/api/v1/cooperations/holz-und-klang-im-dreilaendereck");
        Assert.Equal(System.Net.HttpStatusCode.OK, details.StatusCode);
        Assert.Contains("Studio Grenzklang", await details.Content.ReadAsStringAsync());
        using var list = await api.GetAsync("/api/v1/cooperations");
        Assert.Contains("holz-und-klang-im-dreilaendereck", await list.Content.ReadAsStringAsync());
    }

    /// <summary>Signs in through the redirect from the curator area, as a person would.</summary>
    internal static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/admin");
        await page.WaitForURLAsync("**/account/login**");
        await page.GetByLabel("E-Mail-Adresse").FillAsync(email);
        await page.GetByLabel("Passwort").FillAsync(Curators.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin$"));
    }
}
