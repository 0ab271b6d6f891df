using System.Collections.Concurrent;
using KreativLand.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace KreativLand.Web.Tests.Browser;

public class CurationTeamBrowserFixture : BasicDataBrowserFixture
{
    // The spam check refuses forms sent within seconds of loading; a person takes longer than this test.
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Submission:MinimumFillSeconds"] = "0" };
}

/// <summary>A team at work, each in a browser of their own: a submission is assigned, edited by one curator and published by another.</summary>
public class CurationTeamBrowserTests(CurationTeamBrowserFixture site) : BrowserTest, IClassFixture<CurationTeamBrowserFixture>
{
    [Fact]
    public async Task A_public_submission_is_assigned_edited_by_one_curator_and_published_by_a_second()
    {
        var failures = new ConcurrentQueue<string>();
        var adminEmail = await Curators.CreateAsync(site, "admin");
        var annaEmail = await Curators.CreateAsync(site, "curator");
        var benEmail = await Curators.CreateAsync(site, "curator");

        // 1. The partners propose their cooperation.
        var visitor = await NewPageAsync(site.BaseAddress);
        Chromium.CollectFailures(visitor, failures);
        await visitor.GotoAsync("/submit");
        await visitor.Locator("#Input_Title").FillAsync("Kräuterhof trifft Illustratorin");
        await visitor.Locator("#Input_Municipality").FillAsync("Herrnhut");
        await visitor.Locator("#Input_Country").SelectOptionAsync("DE");
        await visitor.Locator("#Input_SmeName").FillAsync("Kräuterhof Berthelsdorf");
        await visitor.Locator("#Input_SmeEmployees").FillAsync("7");
        await visitor.Locator("#Input_CciName").FillAsync("Atelier Linienwerk");
        await visitor.Locator("#Input_CciSubsector").SelectOptionAsync("design");
        await visitor.Locator("#Input_ContactEmail").FillAsync("hof@example.org");
        await visitor.Locator("input[name='Input.Consent']").CheckAsync();
        await visitor.Locator("#submission-form button[type=submit]").Last.ClickAsync();
        await Assertions.Expect(visitor.Locator("#submission-sent")).ToBeVisibleAsync();

        // 2. The admin assigns it to Anna from the queue.
        var admin = await NewPageAsync(site.BaseAddress);
        Chromium.CollectFailures(admin, failures);
        await CuratorBrowserTests.SignInAsync(admin, adminEmail);
        var row = admin.Locator("#bulk-form tbody tr", new() { HasTextString = "Kräuterhof trifft Illustratorin" });
        await row.Locator("input[name=Selected]").CheckAsync();
        await admin.Locator("#BulkAction").SelectOptionAsync("assign");
        await admin.Locator("#Assignee").SelectOptionAsync(annaEmail);
        await admin.Locator("#bulk-apply").ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync(annaEmail);

        // 3. Anna completes it: the facts the form did not ask for and her attestations; then she sends it to review.
        var anna = await NewPageAsync(site.BaseAddress);
        Chromium.CollectFailures(anna, failures);
        await CuratorBrowserTests.SignInAsync(anna, annaEmail);
        await anna.Locator("#bulk-form tbody tr", new() { HasTextString = "Kräuterhof trifft Illustratorin" }).GetByRole(AriaRole.Link).ClickAsync();
        await anna.WaitForURLAsync("**/admin/cooperations/edit/*");
        var editor = anna.Url;
        await Assertions.Expect(anna.Locator(".status-history")).ToContainTextAsync(annaEmail);
        await anna.Locator("#partner-0-urban").SelectOptionAsync("false");
        await anna.Locator("#partner-1-urban").SelectOptionAsync("false");
        foreach (var (name, note) in new[] { ("EconomicBackground", "Both sell the herb labels."), ("EqualTerms", "Shared design and sales."), ("RegionalEffects", "Visitors for the village shop.") })
        {
            await anna.Locator($"input[name='{name}.Confirmed'][value=true]").CheckAsync();
            await anna.Locator($"#{name}_Note").FillAsync(note);
        }
        await Assertions.Expect(anna.Locator("#criteria-list [data-outcome=fail], #criteria-list [data-outcome=unknown]")).ToHaveCountAsync(0);
        await anna.Locator("#save").ClickAsync();
        await Assertions.Expect(anna.Locator("[role=status]").First).ToContainTextAsync("Gespeichert");
        await anna.Locator("#Transition_To").SelectOptionAsync("in-review");
        await anna.Locator("#transition").ClickAsync();
        await Assertions.Expect(anna.Locator("#current-status")).ToHaveTextAsync("In Prüfung");

        // She may not publish her own work.
        await anna.Locator("#Transition_To").SelectOptionAsync("published");
        await anna.Locator("#transition").ClickAsync();
        await Assertions.Expect(anna.Locator("#transition-error")).ToContainTextAsync("Vier-Augen-Prinzip");
        await Assertions.Expect(anna.Locator("#current-status")).ToHaveTextAsync("In Prüfung");
        await Chromium.ScreenshotAsync(anna, "four-eyes-refusal");

        // 4. Ben reviews and publishes.
        var ben = await NewPageAsync(site.BaseAddress);
        Chromium.CollectFailures(ben, failures);
        await CuratorBrowserTests.SignInAsync(ben, benEmail);
        await ben.GotoAsync(new Uri(editor).PathAndQuery);
        await ben.Locator("#Transition_To").SelectOptionAsync("published");
        await ben.Locator("#transition").ClickAsync();
        await Assertions.Expect(ben.Locator("#current-status")).ToHaveTextAsync("Veröffentlicht");
        await Assertions.Expect(ben.Locator(".status-history li").First).ToContainTextAsync(benEmail);

        // 5. The public sees it.
        await visitor.GotoAsync("/cooperations");
        await Assertions.Expect(visitor.Locator("main")).ToContainTextAsync("Kräuterhof trifft Illustratorin");
        Assert.Empty(failures);
    }

    [Theory]
    [InlineData(360)]
    [InlineData(1366)]
    public async Task A_decision_refused_because_another_curator_decided_first_is_shown_where_the_curator_looks(int width)
    {
        var failures = new ConcurrentQueue<string>();
        // A listing in review, made over HTTP (the real server's client must not follow redirects: CreateAsync reads the new id from one).
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = site.BaseAddress };
        using (var signedIn = await Curators.SignInAsync(client, await Curators.CreateAsync(site, "curator"), Curators.Password))
            Assert.Equal(System.Net.HttpStatusCode.Redirect, signedIn.StatusCode);
        var id = await Pages.Admin.Cooperations.EditorTests.CreateAsync(client, Pages.Admin.Cooperations.EditorTests.NewListing($"Zugleich entschieden {width}"));
        using (var moved = await client.SubmitFormAsync($"/admin/cooperations/edit/{id}", "#transition-form", new() { ["Transition.To"] = "in-review" }))
            Assert.Equal(System.Net.HttpStatusCode.Redirect, moved.StatusCode);

        // Two curators open it at the same time.
        var pages = new List<IPage>();
        foreach (var curator in new[] { await Curators.CreateAsync(site, "curator"), await Curators.CreateAsync(site, "curator") })
        {
            var page = await NewPageAsync(site.BaseAddress, configure: options => { if (width == 360) Chromium.Phone(options); else Chromium.Desktop(options); });
            Chromium.CollectFailures(page, failures);
            await CuratorBrowserTests.SignInAsync(page, curator);
            await page.GotoAsync($"/admin/cooperations/edit/{id}");
            pages.Add(page);
        }
        var (first, second) = (pages[0], pages[1]);
        await first.Locator("#Transition_To").SelectOptionAsync("draft");
        await first.Locator("#transition").ClickAsync();
        await Assertions.Expect(first.Locator("#current-status")).ToHaveTextAsync("Entwurf");

        // The second decides on the version they opened: refused, and told where they look, not somewhere down the page.
        await second.Locator("#Transition_To").SelectOptionAsync("draft");
        await second.Locator("#transition").ClickAsync();
        var refusal = second.Locator("#transition-error");
        await Assertions.Expect(refusal).ToContainTextAsync("Der Eintrag wurde geändert, nachdem Sie ihn geöffnet haben.");
        await Assertions.Expect(refusal).ToBeFocusedAsync();
        await Assertions.Expect(refusal).ToBeInViewportAsync();
        Assert.Empty(failures);
    }

    [Fact]
    public async Task A_save_conflict_on_a_phone_keeps_its_table_inside_the_box_and_the_page()
    {
        var failures = new ConcurrentQueue<string>();
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = site.BaseAddress };
        using (var signedIn = await Curators.SignInAsync(client, await Curators.CreateAsync(site, "curator"), Curators.Password))
            Assert.Equal(System.Net.HttpStatusCode.Redirect, signedIn.StatusCode);
        var id = await Pages.Admin.Cooperations.EditorTests.CreateAsync(client, Pages.Admin.Cooperations.EditorTests.NewListing("Zugleich gespeichert am Telefon"));

        var pages = new List<IPage>();
        foreach (var curator in new[] { await Curators.CreateAsync(site, "curator"), await Curators.CreateAsync(site, "curator") })
        {
            var page = await NewPageAsync(site.BaseAddress, configure: options => Chromium.Phone(options));
            Chromium.CollectFailures(page, failures);
            await CuratorBrowserTests.SignInAsync(page, curator);
            await page.GotoAsync($"/admin/cooperations/edit/{id}");
            pages.Add(page);
        }
        var (first, second) = (pages[0], pages[1]);
        // The fields are set directly: which language's fields a phone shows first is not what this test is about. A word
        // longer than a phone is wide makes the table wider than the box whatever the fonts.
        await first.Locator("#Input_Title_De").EvaluateAsync("(field, value) => field.value = value", "Fassung der Ersten");
        await first.Locator("#save").ClickAsync();
        await Assertions.Expect(first.Locator("#Input_Title_De")).ToHaveValueAsync("Fassung der Ersten");
        await second.Locator("#Input_Summary_De").EvaluateAsync("(field, value) => field.value = value",
            "Die Donaudampfschifffahrtsgesellschaftskapitänsmützenfabrik arbeitet mit einer Designerin.");
        await second.Locator("#save").ClickAsync();
        await Assertions.Expect(second.Locator("#conflict tr[data-field='title.de']")).ToBeVisibleAsync();

        // The box holds its table (which scrolls inside it), and the page does not scroll sideways.
        var widths = await second.EvaluateAsync<int[]>("""
            () => { const box = document.getElementById('conflict');
                    return [box.scrollWidth, box.clientWidth, document.documentElement.scrollWidth, document.documentElement.clientWidth]; }
            """);
        Assert.True(widths[0] <= widths[1], $"the conflict box is {widths[1]} px wide, its content {widths[0]} px");
        Assert.True(widths[2] <= widths[3], $"the page is {widths[3]} px wide, its content {widths[2]} px");
        Assert.Empty(failures);
    }

    [Fact]
    public async Task Every_curator_page_fits_a_phone_wide_tables_scroll_in_their_own_box()
    {
        var failures = new ConcurrentQueue<string>();
        var admin = await Curators.CreateAsync(site, "admin");
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = site.BaseAddress };
        using (var signedIn = await Curators.SignInAsync(client, admin, Curators.Password))
            Assert.Equal(System.Net.HttpStatusCode.Redirect, signedIn.StatusCode);
        // A word longer than a phone is wide: the tables that show it are wider than the screen whatever the fonts.
        const string LongWord = "Donaudampfschifffahrtsgesellschaftskapitänsmützenfabrik";
        var id = await Pages.Admin.Cooperations.EditorTests.CreateAsync(client, Pages.Admin.Cooperations.EditorTests.NewListing($"{LongWord} am Telefon"));

        var page = await NewPageAsync(site.BaseAddress, configure: options => Chromium.Phone(options));
        Chromium.CollectFailures(page, failures);
        await CuratorBrowserTests.SignInAsync(page, admin);
        await page.GotoAsync($"/admin/cooperations/edit/{id}");
        var partner = await page.Locator("a[href*='/admin/partners/']").First.GetAttributeAsync("href");
        Assert.NotNull(partner);
        var wide = new List<string>();
        foreach (var path in new[] { "/admin", "/admin/cooperations", $"/admin/cooperations/edit/{id}", "/admin/partners", partner, "/admin/knowledge",
                     "/admin/users", "/admin/settings/regions", "/admin/settings/thresholds", "/admin/settings/workflow", "/admin/cooperations/transfer", "/admin/gazetteer" })
        {
            await page.GotoAsync(path);
            // The page must not scroll sideways; what is wider than the screen is named (a table outside a scroll box, a
            // fieldset as wide as its content, something positioned against the page from inside a scroll box, a word
            // running out of its box).
            var overflow = await page.EvaluateAsync<string>("""
                () => {
                    const width = document.documentElement.clientWidth;
                    if (document.documentElement.scrollWidth <= width) return '';
                    const culprits = [...document.querySelectorAll('body *')]
                        .filter(e => (e.getBoundingClientRect().right > width + 1 || (e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === 'visible'))
                            && (!e.parentElement.closest('.table-scroll') || getComputedStyle(e).position !== 'static'))
                        .slice(0, 3).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.classList.length ? '.' + [...e.classList].join('.') : ''));
                    return `${document.documentElement.scrollWidth} px for ${width} (${culprits.join(', ')})`;
                }
                """);
            if (overflow.Length > 0) wide.Add($"{path}: {overflow}");
        }
        Assert.True(wide.Count == 0, string.Join("; ", wide));
        Assert.Empty(failures);
    }
}
