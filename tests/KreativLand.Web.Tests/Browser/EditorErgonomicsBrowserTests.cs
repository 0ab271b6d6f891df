using System.Collections.Concurrent;
using KreativLand.Web.Domain;
using KreativLand.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace KreativLand.Web.Tests.Browser;

/// <summary>Issue 13 item 3 in Chromium: the checklist stays in view, leaving with unsaved changes asks first, removing looks destructive.</summary>
public class EditorErgonomicsBrowserTests(BasicDataBrowserFixture site) : BrowserTest, IClassFixture<BasicDataBrowserFixture>
{
    [Fact]
    public async Task The_checklist_stays_in_view_while_partners_are_edited_on_wide_and_narrow_screens()
    {
        var email = await Curators.CreateAsync(site, "curator");
        var failures = new ConcurrentQueue<string>();
        foreach (var width in new[] { 1366, 360 })
        {
            var page = await NewPageAsync(site.BaseAddress, configure: o => o.ViewportSize = new() { Width = width, Height = 900 });
            Chromium.CollectFailures(page, failures);
            await CuratorBrowserTests.SignInAsync(page, email);
            await page.GotoAsync("/admin/cooperations/edit");
            await page.Locator("#partner-0-name").ScrollIntoViewIfNeededAsync();
            await page.Locator("#partner-0-name").FillAsync("Tischlerei Sichtbar");
            await page.Locator("#partner-0-employees").FillAsync("300");
            if (width > 1024)
            {
                await Assertions.Expect(page.Locator("#criteria-list")).ToBeInViewportAsync();
                await Assertions.Expect(page.Locator("#criteria-bar")).ToBeHiddenAsync();
                // The refreshed checklist names the failing SME criterion beside the partner being edited.
                await Assertions.Expect(page.Locator("#criteria-list [data-criterion=sme]")).ToHaveAttributeAsync("data-outcome", "fail");
            }
            else
            {
                var bar = page.Locator("#criteria-bar");
                await Assertions.Expect(bar).ToBeInViewportAsync();
                // The employees typed make the SME criterion fail; the bar is refreshed with the checklist.
                await Assertions.Expect(bar).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^Kriterien: \d von 7 erfüllt, [1-9] nicht erfüllt$"));
            }
            // Nothing is wider than the screen (the admin navigation wraps).
            Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1"),
                await page.EvaluateAsync<string>("[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1).slice(0, 5).map(e => e.tagName + '.' + e.className + '#' + e.id).join(', ')"));
            await Chromium.ScreenshotAsync(page, $"editor-checklist-in-view-{width}");
        }
        Assert.Empty(failures);
    }

    [Fact]
    public async Task Rejecting_and_archiving_ask_first_and_dismissing_keeps_the_status_in_the_editor_and_the_queue()
    {
        // Listings in review, made over HTTP (the real server's client must not follow redirects: CreateAsync reads the new id from one).
        var email = await Curators.CreateAsync(site, "curator");
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = site.BaseAddress };
        using (var signedIn = await Curators.SignInAsync(client, email, Curators.Password))
            Assert.Equal(System.Net.HttpStatusCode.Redirect, signedIn.StatusCode);
        async Task<int> InReviewAsync(string title)
        {
            var id = await Pages.Admin.Cooperations.EditorTests.CreateAsync(client, Pages.Admin.Cooperations.EditorTests.NewListing(title));
            using var moved = await client.SubmitFormAsync($"/admin/cooperations/edit/{id}", "#transition-form", new() { ["Transition.To"] = "in-review" });
            Assert.Equal(System.Net.HttpStatusCode.Redirect, moved.StatusCode);
            return id;
        }
        async Task<CooperationStatus> StatusAsync(int id)
        {
            await using var db = site.OpenContext();
            return (await db.Cooperations.FindAsync(id))!.Status;
        }
        var single = await InReviewAsync("Vorsicht Ablehnung");
        var bulk = new[] { await InReviewAsync("Vorsicht Archiv eins"), await InReviewAsync("Vorsicht Archiv zwei") };

        var page = await NewPageAsync(site.BaseAddress);
        await CuratorBrowserTests.SignInAsync(page, email);
        var dialogs = new ConcurrentQueue<string>();
        var accept = false;
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Enqueue(dialog.Message);
            if (accept) await dialog.AcceptAsync(); else await dialog.DismissAsync();
        };

        // The editor (DE): dismissed, nothing is sent and the status stays; confirmed, the listing is rejected.
        await page.GotoAsync($"/admin/cooperations/edit/{single}");
        await page.Locator("#Transition_To").SelectOptionAsync("rejected");
        await page.Locator("#Transition_Reason").FillAsync("Kein ländlicher Raum.");
        await page.Locator("#transition").ClickAsync();
        Assert.Equal(1, await Chromium.EventuallyAsync(() => Task.FromResult(dialogs.Count), count => count == 1));
        Assert.StartsWith("Diesen Eintrag wirklich auf „Abgelehnt“ setzen?", dialogs.Single());
        await Assertions.Expect(page.Locator("#current-status")).ToHaveTextAsync("In Prüfung");
        await Assertions.Expect(page.Locator("#confirm-transition-box")).ToHaveCountAsync(0);
        Assert.Equal(CooperationStatus.InReview, await StatusAsync(single));
        accept = true;
        await page.Locator("#transition").ClickAsync();
        await Assertions.Expect(page.Locator("#current-status")).ToHaveTextAsync("Abgelehnt");
        Assert.Equal(CooperationStatus.Rejected, await StatusAsync(single));

        // The queue's bulk action (EN): the question names how many listings are chosen.
        accept = false;
        dialogs.Clear();
        await page.GotoAsync("/en/admin");
        foreach (var id in bulk) await page.Locator($".queue-table tr[data-id='{id}'] input[name=Selected]").CheckAsync();
        await page.Locator("#BulkAction").SelectOptionAsync("archive");
        await page.Locator("#bulk-apply").ClickAsync();
        Assert.Equal(1, await Chromium.EventuallyAsync(() => Task.FromResult(dialogs.Count), count => count == 1));
        Assert.Equal("Really set the 2 chosen listings to “Archived”?", dialogs.Single());
        Assert.Equal([CooperationStatus.InReview, CooperationStatus.InReview], [await StatusAsync(bulk[0]), await StatusAsync(bulk[1])]);
        accept = true;
        await page.Locator("#bulk-apply").ClickAsync();
        await Assertions.Expect(page.Locator("[role=status]").First).ToContainTextAsync("2");
        Assert.Equal([CooperationStatus.Archived, CooperationStatus.Archived], [await StatusAsync(bulk[0]), await StatusAsync(bulk[1])]);
    }

    [Fact]
    public async Task The_bulk_question_writes_a_count_over_999_with_the_languages_grouping()
    {
        // One listing in review, so the queue and its bulk form are shown.
        var email = await Curators.CreateAsync(site, "curator");
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = site.BaseAddress };
        using (var signedIn = await Curators.SignInAsync(client, email, Curators.Password))
            Assert.Equal(System.Net.HttpStatusCode.Redirect, signedIn.StatusCode);
        var id = await Pages.Admin.Cooperations.EditorTests.CreateAsync(client, Pages.Admin.Cooperations.EditorTests.NewListing("Viele auf einmal"));
        using (var moved = await client.SubmitFormAsync($"/admin/cooperations/edit/{id}", "#transition-form", new() { ["Transition.To"] = "in-review" }))
            Assert.Equal(System.Net.HttpStatusCode.Redirect, moved.StatusCode);

        var failures = new ConcurrentQueue<string>();
        var page = await NewPageAsync(site.BaseAddress);
        Chromium.CollectFailures(page, failures);
        await CuratorBrowserTests.SignInAsync(page, email);
        var dialogs = new ConcurrentQueue<string>();
        page.Dialog += async (_, dialog) => { dialogs.Enqueue(dialog.Message); await dialog.DismissAsync(); };
        var posts = new ConcurrentQueue<string>();
        page.Request += (_, request) => { if (request.Method == "POST") posts.Enqueue(request.Url); };
        foreach (var (path, question) in new[]
        {
            ("/de/admin", "Die 1.234 gewählten Einträge wirklich auf „Archiviert“ setzen?"),
            ("/en/admin", "Really set the 1,234 chosen listings to “Archived”?"),
        })
        {
            dialogs.Clear();
            await page.GotoAsync(path);
            // A queue after a large import: 1,234 rows chosen (the one row drawn here and 1,233 more like it).
            await page.Locator($".queue-table tr[data-id='{id}'] input[name=Selected]").CheckAsync();
            await page.Locator("#bulk-form").EvaluateAsync("""
                form => {
                  const row = form.querySelector('input[name=Selected]:checked');
                  for (let i = 1; i < 1234; i++) form.append(Object.assign(row.cloneNode(), { hidden: true, checked: true }));
                }
                """);
            await page.Locator("#BulkAction").SelectOptionAsync("archive");
            await page.Locator("#bulk-apply").ClickAsync();
            Assert.Equal(1, await Chromium.EventuallyAsync(() => Task.FromResult(dialogs.Count), count => count == 1));
            Assert.Equal(question, dialogs.Single());
        }
        Assert.Empty(posts); // dismissed: nothing sent
        Assert.Empty(failures);
    }

    [Fact]
    public async Task Errors_are_shown_beside_their_fields_and_the_first_takes_the_focus_in_German_and_English()
    {
        var email = await Curators.CreateAsync(site, "curator");
        var failures = new ConcurrentQueue<string>();
        foreach (var (prefix, width) in new[] { ("", 1366), ("/en", 360) })
        {
            var page = await NewPageAsync(site.BaseAddress, configure: o => o.ViewportSize = new() { Width = width, Height = 900 });
            Chromium.CollectFailures(page, failures);
            await CuratorBrowserTests.SignInAsync(page, email);
            await page.GotoAsync($"{prefix}/admin/cooperations/edit");
            // No title, one partner only, a quote without its person, no place: refused by the server's rules, not the browser's.
            await page.Locator("#partner-0-name").FillAsync("Sägewerk Allein");
            await page.Locator("#quote-0-de").FillAsync("Ein Satz ohne Sprecher.");
            await page.Locator("#save").ClickAsync();
            await Assertions.Expect(page.Locator("#problems")).ToBeVisibleAsync();

            // The first field with a problem has the focus: the German title, whose tab the English page opens first.
            await Assertions.Expect(page.Locator("#Input_Title_De")).ToBeFocusedAsync();
            await Assertions.Expect(page.Locator("#Input_Title_De")).ToHaveAttributeAsync("aria-invalid", "true");
            await Assertions.Expect(page.Locator("#Input_Title_De-error")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#Input_Title_De-error")).ToHaveTextAsync(prefix == "" ? "Titel: bitte auf Deutsch oder Englisch ausfüllen." : "Title: please fill it in German or English.");
            if (width == 1366) await Chromium.ScreenshotAsync(page, $"editor-errors-{width}");
            // Beside the fields further down, too: the empty second partner, the quote's person, the place.
            await Assertions.Expect(page.Locator("#partner-1-name-error")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#Input_Location_Municipality-error")).ToBeVisibleAsync();
            var personError = page.Locator("#quote-0-person-error");
            await Assertions.Expect(personError).ToContainTextAsync(prefix == "" ? "Zitat 1: Person" : "Quote 1: Person");

            // A link of the summary moves the focus to its field, as the message beside it says.
            await page.Locator("#problems a[href='#quote-0-person']").ClickAsync();
            await Assertions.Expect(page.Locator("#quote-0-person")).ToBeFocusedAsync();
            await Assertions.Expect(personError).ToBeInViewportAsync();
            Assert.Equal("quote-0-person-error", await page.Locator("#quote-0-person").GetAttributeAsync("aria-describedby"));
            Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1"), $"wider than {width} px");
            await Chromium.ScreenshotAsync(page, $"editor-errors-{(prefix == "" ? "de" : "en")}-{width}-person");
        }
        Assert.Empty(failures);
    }

    [Fact]
    public async Task The_place_search_fills_municipality_population_point_district_and_region()
    {
        await site.ImportRegionsAsync(Path.Combine(AppContext.BaseDirectory, "TestData", "regions.geojson"));
        var email = await Curators.CreateAsync(site, "curator");
        var page = await NewPageAsync(site.BaseAddress);
        await CuratorBrowserTests.SignInAsync(page, email);
        await page.GotoAsync("/admin/cooperations/edit");

        // Zwickau: its district from the imported region set, its Land from GeoNames' admin1 through the state table.
        await page.Locator("#gazetteer-query").FillAsync("Zwick");
        var choice = page.Locator("#gazetteer-results button", new() { HasTextString = "Zwickau" }).First;
        await Assertions.Expect(choice).ToContainTextAsync("Westsachsen Testgebiet, Sachsen");
        await choice.ClickAsync();
        await Assertions.Expect(page.Locator("#Input_Location_Municipality")).ToHaveValueAsync("Zwickau");
        await Assertions.Expect(page.Locator("#Input_Location_Population")).ToHaveValueAsync("98796");
        await Assertions.Expect(page.Locator("#Input_Location_Country")).ToHaveValueAsync("DE");
        await Assertions.Expect(page.Locator("#Input_Location_District")).ToHaveValueAsync("Westsachsen Testgebiet");
        await Assertions.Expect(page.Locator("#Input_Location_Region")).ToHaveValueAsync("Sachsen");
        await Assertions.Expect(page.Locator("#Input_Location_Latitude")).ToHaveValueAsync("50.72724");
        await Assertions.Expect(page.Locator("#Input_Location_Longitude")).ToHaveValueAsync("12.48839");

        // Another place replaces the location: no district known there, so the old one is not left behind.
        await page.Locator("#gazetteer-query").FillAsync("Innsbr");
        await page.Locator("#gazetteer-results button", new() { HasTextString = "Innsbruck" }).First.ClickAsync();
        await Assertions.Expect(page.Locator("#Input_Location_Municipality")).ToHaveValueAsync("Innsbruck");
        await Assertions.Expect(page.Locator("#Input_Location_Country")).ToHaveValueAsync("AT");
        await Assertions.Expect(page.Locator("#Input_Location_District")).ToHaveValueAsync("");
        await Assertions.Expect(page.Locator("#Input_Location_Region")).ToHaveValueAsync("Tirol");
    }

    [Fact]
    public async Task Leaving_with_unsaved_changes_asks_first_and_remove_buttons_look_destructive()
    {
        var email = await Curators.CreateAsync(site, "curator");
        var page = await NewPageAsync(site.BaseAddress);
        await CuratorBrowserTests.SignInAsync(page, email);
        await page.GotoAsync("/admin/cooperations/edit");
        // Untouched: leaving asks nothing.
        var dialogs = new ConcurrentQueue<string>();
        page.Dialog += async (_, dialog) => { dialogs.Enqueue(dialog.Type); await dialog.DismissAsync(); };
        await page.GetByRole(AriaRole.Link, new() { Name = "Einträge", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/admin/cooperations");
        Assert.Empty(dialogs);

        await page.GotoAsync("/admin/cooperations/edit");
        await page.Locator("#Input_Title_De").ClickAsync();
        await page.Locator("#Input_Title_De").PressSequentiallyAsync("Nicht gespeichert");
        await page.GetByRole(AriaRole.Link, new() { Name = "Einträge", Exact = true }).ClickAsync();
        // The dialog is dismissed: the page and the typed text stay.
        await Assertions.Expect(page.Locator("#Input_Title_De")).ToHaveValueAsync("Nicht gespeichert");
        Assert.Contains("beforeunload", dialogs);
        Assert.EndsWith("/admin/cooperations/edit", page.Url);

        // Remove buttons of rows are styled apart from "Save".
        var remove = page.Locator("[data-rows] .remove-row, .partner-row .remove-row").First;
        var (removeColour, saveColour) = (await remove.EvaluateAsync<string>("b => getComputedStyle(b).color"), await page.Locator("#save").EvaluateAsync<string>("b => getComputedStyle(b).backgroundColor"));
        Assert.Equal("rgb(164, 22, 26)", removeColour);
        Assert.NotEqual(removeColour, saveColour);
    }
}
