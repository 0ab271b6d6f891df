using System.Net;
using System.Text.Json;
using KreativLand.Web.Domain;
using KreativLand.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KreativLand.Web.Tests.Pages.Admin.Cooperations;

public class EditorTests(BasicDataWebFixture site) : IClassFixture<BasicDataWebFixture>
{
    /// <summary>
    /// A new listing that passes every data criterion (the attestations are left open). Its partners are its own (named
    /// after the title), as in life: two listings naming one partner share it, and a partner is changed through one listing.
    /// </summary>
    public static Dictionary<string, string> NewListing(string title) => new()
    {
        ["Input.Title.De"] = title,
        ["Input.Summary.En"] = "A sawmill and a sound studio",
        ["Input.StartYear"] = "2019",
        ["Input.Ongoing"] = "true",
        ["Input.Location.Municipality"] = "Görlitz-Land",
        ["Input.Location.Population"] = "19999",
        ["Input.Location.Country"] = "DE",
        ["Input.Location.Latitude"] = "51.15",
        ["Input.Location.Longitude"] = "14.98",
        ["PartnerRows[0].Name"] = title.Length == 0 ? "Sägewerk Lindner" : $"Sägewerk Lindner ({title})",
        ["PartnerRows[0].Kind"] = "sme",
        ["PartnerRows[0].Employees"] = "250",
        ["PartnerRows[0].Urban"] = "false",
        ["PartnerRows[1].Name"] = title.Length == 0 ? "Klangraum Studio" : $"Klangraum Studio ({title})",
        ["PartnerRows[1].Kind"] = "cci",
        ["PartnerRows[1].Subsector"] = "music",
        ["PartnerRows[1].Urban"] = "true",
        // Tests create many listings alike; the duplicate warning has its own test.
        ["ConfirmNotDuplicate"] = "true",
    };

    public static Dictionary<string, string> Attested() => new()
    {
        ["EconomicBackground.Confirmed"] = "true", ["EconomicBackground.Note"] = "Both partners earn their living from it.",
        ["EqualTerms.Confirmed"] = "true", ["EqualTerms.Note"] = "Joint product, shared revenue.",
        ["RegionalEffects.Confirmed"] = "true", ["RegionalEffects.Note"] = "Visitors and two new jobs in the village.",
    };

    public static Dictionary<string, string> With(Dictionary<string, string> fields, Dictionary<string, string> more)
    {
        foreach (var (key, value) in more) fields[key] = value;
        return fields;
    }

    public static async Task<int> CreateAsync(HttpClient client, Dictionary<string, string> fields)
    {
        using var response = await client.SubmitFormAsync("/admin/cooperations/edit", "#editor-form", fields);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var page = await Html.ParseAsync(response);
            Assert.Fail($"not saved ({(int)response.StatusCode}): {page.QuerySelector("#problems")?.TextContent}");
        }
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
    }

    [Fact]
    public async Task A_curator_creates_a_draft_with_partners_and_the_creation_is_recorded()
    {
        var client = await Curators.SignedInClientAsync(site, "curator");
        var id = await CreateAsync(client, NewListing("Sägespäne und Klang"));

        await using var db = site.OpenContext();
        var stored = await db.Cooperations.Include(c => c.Partners).ThenInclude(p => p.Partner).Include(c => c.StatusChanges).SingleAsync(c => c.Id == id);
        Assert.Equal("saegespaene-und-klang", stored.Slug);
        Assert.Equal(CooperationStatus.Draft, stored.Status);
        Assert.True(stored.Ongoing);
        Assert.Equal(51.15, stored.Location.Latitude, 5);
        Assert.Equal(14.98, stored.Location.Longitude, 5);
        Assert.Equal(["Sägewerk Lindner (Sägespäne und Klang)", "Klangraum Studio (Sägespäne und Klang)"], stored.Partners.OrderBy(p => p.SortOrder).Select(p => p.Partner.Name));
        Assert.Equal("music", stored.Partners.Single(p => p.Partner.Kind == PartnerKind.Cci).Partner.SubsectorCode);
        var created = Assert.Single(stored.StatusChanges);
        Assert.Null(created.From);
        Assert.Equal(CooperationStatus.Draft, created.To);
        Assert.StartsWith("curator-", created.ChangedBy);

        // The page shows the saved state with data criteria passing and the attestations still open.
        var page = await client.GetDocumentAsync($"/en/admin/cooperations/edit/{id}");
        Assert.Equal("pass", page.QuerySelector("#criteria-list [data-criterion=sme]")!.GetAttribute("data-outcome"));
        Assert.Equal("pass", page.QuerySelector("#criteria-list [data-criterion=population]")!.GetAttribute("data-outcome"));
        Assert.Equal("pass", page.QuerySelector("#criteria-list [data-criterion=urban]")!.GetAttribute("data-outcome"));
        Assert.Equal("unknown", page.QuerySelector("#criteria-list [data-criterion=equal-terms]")!.GetAttribute("data-outcome"));
        Assert.Equal("51.15", page.QuerySelector("[name='Input.Location.Latitude']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Invalid_input_is_refused_with_messages_naming_the_fields_and_is_kept()
    {
        var client = await Curators.SignedInClientAsync(site, "curator");
        var fields = NewListing("");
        fields["Input.Location.Latitude"] = "";
        fields["PartnerRows[0].Employees"] = "-3";
        fields["Input.Summary.En"] = "kept summary";
        using var response = await client.SubmitFormAsync("/admin/cooperations/edit", "#editor-form", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        var problems = page.Text("#problems");
        Assert.Contains("Titel: bitte auf Deutsch oder Englisch ausfüllen.", problems);
        Assert.Contains("Breitengrad fehlt.", problems);
        Assert.Contains("Partner 1: Beschäftigte muss mindestens 0 sein.", problems);
        Assert.Equal("kept summary", page.QuerySelector("[name='Input.Summary.En']")!.TextContent);
        Assert.Equal("Sägewerk Lindner", page.QuerySelector("[name='PartnerRows[0].Name']")!.GetAttribute("value"));
        await using var db = site.OpenContext();
        Assert.False(await db.Cooperations.AnyAsync(c => c.Summary.En == "kept summary"));
    }

    [Fact]
    public async Task A_website_typed_without_a_scheme_is_saved_with_https_and_one_with_a_scheme_is_kept()
    {
        var client = await Curators.SignedInClientAsync(site, "curator");
        var fields = NewListing("Adresse ohne Schema");
        fields["PartnerRows[0].Website"] = " www.saegewerk-lindner.de ";
        fields["PartnerRows[1].Website"] = "http://klangraum.example/studio";
        var id = await CreateAsync(client, fields);

        await using var db = site.OpenContext();
        var websites = await db.Cooperations.Where(c => c.Id == id).SelectMany(c => c.Partners).OrderBy(p => p.SortOrder)
            .Select(p => p.Partner.Website).ToListAsync();
        Assert.Equal(["https://www.saegewerk-lindner.de", "http://klangraum.example/studio"], websites);
        var page = await client.GetDocumentAsync($"/admin/cooperations/edit/{id}");
        Assert.Equal("https://www.saegewerk-lindner.de", page.QuerySelector("[name='PartnerRows[0].Website']")!.GetAttribute("value"));
    }

    [Theory]
    [InlineData("www.example.org", "https://www.example.org")]
    [InlineData("example.org/path", "https://example.org/path")]
    [InlineData("https://example.org", "https://example.org")]
    [InlineData("ftp://example.org", "ftp://example.org")]
    [InlineData("javascript:alert(1)", "javascript:alert(1)")]
    [InlineData("not a site.org", "not a site.org")]
    public void WithScheme_adds_https_only_to_what_looks_like_a_bare_address(string typed, string expected) =>
        Assert.Equal(expected, KreativLand.Web.Pages.Admin.Cooperations.EditorForm.WithScheme(typed));

    /// <summary>
    /// Partners posted as the editor script leaves them (a removed row in between, keys made by the script), with problems in
    /// rows of every kind, texts, the location and an attestation.
    /// </summary>
    private static async Task<AngleSharp.Dom.IDocument> RefusedWithProblemsEverywhereAsync(HttpClient client, string url)
    {
        var page = await client.GetDocumentAsync(url);
        var form = page.QuerySelector("#editor-form")!;
        var values = Curators.FormValues(form).Where(v => !v.Key.StartsWith("PartnerRows", StringComparison.Ordinal)).ToList();
        void Set(string name, string value) { values.RemoveAll(v => v.Key == name); values.Add(new(name, value)); }
        foreach (var (key, value) in NewListing("").Where(f => !f.Key.StartsWith("PartnerRows", StringComparison.Ordinal))) Set(key, value);
        Set("Input.Title.De", "");
        Set("Input.Location.Latitude", "");
        Set("EqualTerms.Note", new string('x', 2001));
        foreach (var (key, name, kind) in new[] { ("0", "Sägewerk Feldnah", "sme"), ("gone", "Entfernt", "sme"), ("n1712", "Studio Feldnah", "cci") })
        {
            values.Add(new("PartnerRows.Index", key));
            values.Add(new($"PartnerRows[{key}].Name", name));
            values.Add(new($"PartnerRows[{key}].Kind", kind));
        }
        values.Add(new("PartnerRows[gone].Remove", "true"));
        values.Add(new("PartnerRows[0].Website", "javascript:alert(1)"));
        values.Add(new("PartnerRows[n1712].Subsector", "music"));
        values.Add(new("PartnerRows[n1712].Employees", "many"));
        values.Add(new("PartnerRows[n1712].Role.En", new string('r', 201)));
        Set("QuoteRows[0].Text.En", "Without a person");
        Set("MediaRows[0].Url", "not a url");
        Set("ImageRows[0].Url", "https://example.org/picture.jpg");
        using var response = await client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(values));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Html.ParseAsync(response);
    }

    [Theory]
    [InlineData("/admin/cooperations/edit", "Input_Title_De", "Titel: bitte auf Deutsch oder Englisch ausfüllen.")]
    [InlineData("/en/admin/cooperations/edit", "Input_Title_De", "Title: please fill it in German or English.")]
    public async Task Each_problem_is_shown_beside_its_field_linked_from_the_summary_and_the_first_field_takes_the_focus(string url, string firstId, string firstMessage)
    {
        var client = await Curators.SignedInClientAsync(site, "curator");
        var page = await RefusedWithProblemsEverywhereAsync(client, url);

        // Field ids: the row numbers are those of the page shown again (the removed row is gone, "n1712" is partner 2).
        string[] fields = [firstId, "Input_Location_Latitude", "partner-0-website", "partner-1-employees", "partner-1-role-en",
            "quote-0-person", "media-0-url", "image-0-alt-de", "EqualTerms_Note"];
        var links = page.QuerySelectorAll("#problems li a").ToDictionary(a => a.GetAttribute("href")!, a => a.TextContent.Trim(), StringComparer.Ordinal);
        foreach (var id in fields)
        {
            var field = page.GetElementById(id) ?? throw new Xunit.Sdk.XunitException($"no field {id}");
            Assert.True(field.GetAttribute("aria-invalid") == "true", $"{id} is not marked invalid");
            Assert.Contains($"{id}-error", field.GetAttribute("aria-describedby")!.Split(' '));
            var message = page.GetElementById($"{id}-error")!.TextContent.Trim();
            Assert.True(links.TryGetValue($"#{id}", out var linked), $"the summary has no link to {id}: {string.Join(" | ", links.Keys)}");
            Assert.Contains(linked, message);
        }
        Assert.Equal(firstMessage, page.GetElementById($"{firstId}-error")!.TextContent.Trim());
        Assert.Contains(url.StartsWith("/en", StringComparison.Ordinal) ? "Partner 2: Employees" : "Partner 2: Beschäftigte", links["#partner-1-employees"]);
        // Only the first field with a problem (in the page's order) has autofocus; fields without problems are unmarked.
        var focused = Assert.Single(page.QuerySelectorAll("[autofocus]"));
        Assert.Equal(firstId, focused.Id);
        Assert.Equal(firstId, page.QuerySelector("#editor-form [aria-invalid=true]")!.Id);
        Assert.Null(page.GetElementById("partner-0-name")!.GetAttribute("aria-invalid"));
        Assert.Equal("partner-0-suggest-hint", page.GetElementById("partner-0-name")!.GetAttribute("aria-describedby"));
        // Boxes keep their state (boolean attributes on elements the helper looks at).
        Assert.NotNull(page.GetElementById("Input_Ongoing")!.GetAttribute("checked"));
    }

    [Fact]
    public async Task A_slug_taken_and_a_missing_second_partner_point_at_their_fields()
    {
        var client = await Curators.SignedInClientAsync(site, "curator");
        var fields = NewListing("Zweiter fehlt");
        fields["PartnerRows[1].Name"] = "";
        fields["Input.Slug"] = "pixel-bakery";
        fields["Input.Ongoing"] = "false";
        fields["Input.EndYear"] = "1800";
        using var response = await client.SubmitFormAsync("/en/admin/cooperations/edit", "#editor-form", fields);
        var page = await Html.ParseAsync(response);
        var links = page.QuerySelectorAll("#problems li a").Select(a => a.GetAttribute("href")).ToList();
        // "At least two partners": the empty row after the one kept.
        Assert.Contains("#partner-1-name", links);
        Assert.Contains("#Input_Slug", links);
        Assert.Contains("#Input_EndYear", links);
        Assert.Contains("already", page.GetElementById("Input_Slug-error")!.TextContent);
        Assert.Null(page.GetElementById("Input_Ongoing")!.GetAttribute("checked"));
    }

    [Theory]
    [InlineData("title", "Input_Title_De")]
    [InlineData("advice.policy.en", "Input_Advice_Policy_En")]
    [InlineData("location", "Input_Location_Municipality")]
    [InlineData("location.population", "Input_Location_Population")]
    [InlineData("continuousSinceStart", "Input_ContinuousSinceStart")]
    [InlineData("contactOrigins[1]", "Input_ContactOrigins")]
    [InlineData("partners", "partner-0-name")]
    [InlineData("partners[3].slug", "partner-3-name")]
    [InlineData("partners[2].sectorCode", "partner-2-sector-code")]
    [InlineData("partners[1].urban", "partner-1-urban")]
    [InlineData("quotes[0].text", "quote-0-de")]
    [InlineData("quotes[2].text.en", "quote-2-en")]
    [InlineData("media[1].kind", "media-1-kind")]
    [InlineData("images[0].alt.en", "image-0-alt-en")]
    [InlineData("images[4].credit", "image-4-credit")]
    [InlineData("attestations.smeSize.note", "SmeSize_Note")]
    [InlineData("attestations.equalTerms.confirmed", "attestation-equal-terms")]
    [InlineData("equalTerms.confirmed", "attestation-equal-terms")]
    [InlineData("status", null)]
    [InlineData("partners[n12].name", null)]
    public void Validator_paths_map_to_the_editors_field_ids(string path, string? id) =>
        Assert.Equal(id, KreativLand.Web.Pages.Admin.Cooperations.EditorFields.IdOf(path));

    [Fact]
    public void Posted_row_keys_become_the_numbers_of_the_rows_shown_again()
    {
        var rows = new[] { "kept", "removed", "kept" };
        var numbers = new Dictionary<string, Dictionary<string, int>>
        {
            ["partners"] = KreativLand.Web.Pages.Admin.Cooperations.EditorFields.RowNumbers(rows, ["0", "x", "n99"], r => r == "kept"),
        };
        Assert.Equal("partners[1].employees", KreativLand.Web.Pages.Admin.Cooperations.EditorFields.WithRowNumber("partners[n99].employees", numbers));
        Assert.Equal("partners[x].employees", KreativLand.Web.Pages.Admin.Cooperations.EditorFields.WithRowNumber("partners[x].employees", numbers));
        Assert.Equal("startYear", KreativLand.Web.Pages.Admin.Cooperations.EditorFields.WithRowNumber("startYear", numbers));
    }

    [Fact]
    public async Task A_failing_criterion_shows_its_reason_and_the_live_checklist_answers_json()
    {
        var client = await Curators.SignedInClientAsync(site, "curator");
        var fields = NewListing("Zu groß");
        fields["Input.Location.Population"] = "20000";
        fields["PartnerRows[0].Employees"] = "251";
        using var preview = await client.SubmitFormAsync("/en/admin/cooperations/edit", "#editor-form", fields, submitButton: "#preview");
        var page = await Html.ParseAsync(preview);
        var population = page.QuerySelector("#criteria-list [data-criterion=population]")!;
        Assert.Equal("fail", population.GetAttribute("data-outcome"));
        Assert.Contains("20,000 inhabitants – the threshold for DE is 20,000", population.TextContent);
        Assert.Equal("fail", page.QuerySelector("#criteria-list [data-criterion=sme]")!.GetAttribute("data-outcome"));

        var form = page.QuerySelector("#editor-form")!;
        var values = Curators.FormValues(form);
        values.RemoveAll(v => v.Key == "Input.Location.Population");
        values.Add(new("Input.Location.Population", "19999"));
        using var json = await client.PostAsync(form.GetAttribute("data-criteria-url"), new FormUrlEncodedContent(values));
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        using var document = JsonDocument.Parse(await json.Content.ReadAsStringAsync());
        var criteria = document.RootElement.GetProperty("criteria").EnumerateArray().ToDictionary(c => c.GetProperty("key").GetString()!);
        Assert.Equal("pass", criteria["population"].GetProperty("outcome").GetString());
        Assert.Equal("fail", criteria["sme"].GetProperty("outcome").GetString());
        Assert.Equal("Every SME partner has more than 250 employees.", criteria["sme"].GetProperty("reason").GetString());
        Assert.False(document.RootElement.GetProperty("allPass").GetBoolean());
    }

    [Fact]
    public async Task A_live_check_answered_between_a_save_and_its_redirect_leaves_the_saved_notice()
    {
        var client = await Curators.SignedInClientAsync(site, "curator");
        var form = (await client.GetDocumentAsync("/de/admin/cooperations/edit")).QuerySelector("#editor-form")!;
        var checkUrl = form.GetAttribute("data-criteria-url")!;
        var typed = Curators.FormValues(form);

        int id;
        using (var saved = await client.SubmitFormAsync("/de/admin/cooperations/edit", "#editor-form", NewListing("Hinweis bleibt")))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            id = int.Parse(saved.Headers.Location!.OriginalString.Split('/').Last());
        }
        // The checklist's request, sent while typing, is answered after the save's redirect and before the page loads.
        using (var check = await client.PostAsync(checkUrl, new FormUrlEncodedContent(typed)))
            Assert.Equal(HttpStatusCode.OK, check.StatusCode);

        var page = await client.GetDocumentAsync($"/de/admin/cooperations/edit/{id}");
        Assert.Equal("Gespeichert.", page.QuerySelector("p.notice[role=status]")?.TextContent.Trim());
        // Shown once: the next visit has no notice, under either language prefix.
        Assert.Null((await client.GetDocumentAsync($"/en/admin/cooperations/edit/{id}")).QuerySelector("p.notice[role=status]"));
        Assert.Null((await client.GetDocumentAsync($"/de/admin/cooperations/edit/{id}")).QuerySelector("p.notice[role=status]"));
    }

    [Fact]
    public async Task A_long_title_that_is_taken_gets_a_numbered_slug_that_still_fits()
    {
        var client = await Curators.SignedInClientAsync(site, "curator");
        var title = string.Concat(Enumerable.Repeat("Lange Kooperation ", 9)).Trim(); // 161 characters: its slug is cut to the maximum
        var first = await CreateAsync(client, NewListing(title));
        var second = await CreateAsync(client, NewListing(title));

        await using var db = site.OpenContext();
        var firstSlug = (await db.Cooperations.SingleAsync(c => c.Id == first)).Slug;
        var secondSlug = (await db.Cooperations.SingleAsync(c => c.Id == second)).Slug;
        Assert.InRange(firstSlug.Length, Slugs.MaxLength - 1, Slugs.MaxLength); // cut at the maximum, a dash at the cut dropped
        Assert.EndsWith("-2", secondSlug);
        Assert.True(secondSlug.Length <= Slugs.MaxLength, secondSlug);
        Assert.StartsWith(secondSlug[..^2], firstSlug);
    }

    [Fact]
    public async Task Removing_a_row_and_adding_one_without_javascript()
    {
        var client = await Curators.SignedInClientAsync(site, "curator");
        var id = await CreateAsync(client, NewListing("Drei Partner"));

        // The saved page offers one empty row: that is how a third partner is added without JavaScript.
        var page = await client.GetDocumentAsync($"/admin/cooperations/edit/{id}");
        Assert.Equal(3, page.QuerySelectorAll("#editor-form .partner-row").Length);
        using (var added = await client.PostFormAsync(page, $"/admin/cooperations/edit/{id}", "#editor-form",
            new() { ["PartnerRows[2].Name"] = "Gemeinde Testdorf", ["PartnerRows[2].Kind"] = "other" }))
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        page = await client.GetDocumentAsync($"/admin/cooperations/edit/{id}");
        Assert.Equal(4, page.QuerySelectorAll("#editor-form .partner-row").Length);

        using var saved = await client.PostFormAsync(page, $"/admin/cooperations/edit/{id}", "#editor-form", new() { ["PartnerRows[2].Remove"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using var db = site.OpenContext();
        Assert.Equal(2, await db.CooperationPartners.CountAsync(cp => cp.CooperationId == id));
        // The partner organisation itself stays (it may take part elsewhere).
        Assert.True(await db.Partners.AnyAsync(p => p.Name == "Gemeinde Testdorf"));
    }

    [Fact]
    public async Task Edits_are_recorded_field_by_field_and_shown_in_the_editor()
    {
        var client = await Curators.SignedInClientAsync(site, "curator");
        var id = await CreateAsync(client, NewListing("Vorher"));
        var page = await client.GetDocumentAsync($"/admin/cooperations/edit/{id}");
        using var saved = await client.PostFormAsync(page, $"/admin/cooperations/edit/{id}", "#editor-form",
            new() { ["Input.Title.De"] = "Nachher", ["PartnerRows[0].Employees"] = "40" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        await using var db = site.OpenContext();
        var entries = await db.AuditEntries.Where(a => a.CooperationId == id).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(2, entries.Count);
        var changes = entries[1].Changes;
        Assert.Contains(new FieldChange("title.de", "Vorher", "Nachher"), changes);
        Assert.Contains(new FieldChange("partners[0].employees", "250", "40"), changes);
        Assert.DoesNotContain(changes, c => c.Field.StartsWith("location"));

        var after = await client.GetDocumentAsync($"/admin/cooperations/edit/{id}");
        var audit = after.QuerySelector(".audit-entry")!.TextContent;
        Assert.Equal("Titel (Deutsch)", after.QuerySelector(".audit-entry tr[data-field='title.de'] th")!.TextContent);
        Assert.Contains("Vorher", audit);
        Assert.Contains("Nachher", audit);
    }

    [Fact]
    public async Task Browser_line_breaks_are_stored_as_lf_so_an_unchanged_save_records_nothing()
    {
        var client = await Curators.SignedInClientAsync(site, "curator");
        var fields = NewListing("Zeilenenden");
        fields["Input.Description.De"] = "Erster Absatz.\r\n\r\nZweiter Absatz.";
        var id = await CreateAsync(client, fields);
        await using (var db = site.OpenContext())
            Assert.Equal("Erster Absatz.\n\nZweiter Absatz.", (await db.Cooperations.SingleAsync(c => c.Id == id)).Description.De);

        // The page renders LF; the browser sends CRLF again: nothing changed, nothing recorded.
        var page = await client.GetDocumentAsync($"/admin/cooperations/edit/{id}");
        using (var saved = await client.PostFormAsync(page, $"/admin/cooperations/edit/{id}", "#editor-form",
            new() { ["Input.Description.De"] = "Erster Absatz.\r\n\r\nZweiter Absatz." }))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using (var db = site.OpenContext())
            Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.CooperationId == id));
    }

    [Fact]
    public async Task A_conflict_marks_the_other_curators_changes_names_them_and_tells_them_from_ones_own_edits()
    {
        var (first, firstEmail) = await Curators.SignedInAsync(site, "curator");
        var second = await Curators.SignedInClientAsync(site, "curator");
        var id = await CreateAsync(first, NewListing("Wer hat was geändert"));
        var firstPage = await first.GetDocumentAsync($"/en/admin/cooperations/edit/{id}");
        var secondPage = await second.GetDocumentAsync($"/en/admin/cooperations/edit/{id}");

        using (var saved = await first.PostFormAsync(firstPage, $"/en/admin/cooperations/edit/{id}", "#editor-form", new() { ["Input.Title.De"] = "Fassung der Ersten" }))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using var conflict = await second.PostFormAsync(secondPage, $"/en/admin/cooperations/edit/{id}", "#editor-form", new() { ["Input.Summary.De"] = "Fassung der Zweiten" });

        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        var page = await Html.ParseAsync(conflict);
        Assert.Equal("Changed meanwhile", page.Text("#conflict thead th:last-child"));
        var theirs = page.QuerySelector("#conflict tr[data-field='title.de']")!;
        Assert.True(theirs.ClassList.Contains("changed-meanwhile"));
        Assert.Equal($"yes, by {firstEmail}", theirs.QuerySelector("td:last-child")!.TextContent);
        var own = page.QuerySelector("#conflict tr[data-field='summary.de']")!;
        Assert.False(own.ClassList.Contains("changed-meanwhile"));
        Assert.Equal("no – your edit", own.QuerySelector("td:last-child")!.TextContent);
        Assert.Null(page.QuerySelector("#conflict-status"));

        // The page now counts as loaded from the stored state: the first curator's next save is the only change marked.
        using (var saved = await first.SubmitFormAsync($"/en/admin/cooperations/edit/{id}", "#editor-form", new() { ["Input.Summary.En"] = "A second thought" }))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using var again = await second.PostFormAsync(page, $"/en/admin/cooperations/edit/{id}", "#editor-form", new());
        var marked = (await Html.ParseAsync(again)).QuerySelectorAll("#conflict tr.changed-meanwhile").ToList();
        Assert.Equal(["summary.en"], marked.Select(tr => tr.GetAttribute("data-field")));
        Assert.Equal($"yes, by {firstEmail}", marked[0].QuerySelector("td:last-child")!.TextContent);
    }

    [Fact]
    public async Task A_conflict_names_every_curator_who_changed_the_field_since_the_page_was_loaded_each_once_in_order()
    {
        var (first, firstEmail) = await Curators.SignedInAsync(site, "curator");
        var (third, thirdEmail) = await Curators.SignedInAsync(site, "curator");
        var second = await Curators.SignedInClientAsync(site, "curator");
        var id = await CreateAsync(first, NewListing("Viele Hände"));
        // Before the second curator opens the page: not a change made meanwhile.
        using (var before = await third.SubmitFormAsync($"/en/admin/cooperations/edit/{id}", "#editor-form", new() { ["Input.Title.De"] = "Vorher" }))
            Assert.Equal(HttpStatusCode.Redirect, before.StatusCode);
        var secondPage = await second.GetDocumentAsync($"/en/admin/cooperations/edit/{id}");
        foreach (var (who, title) in new[] { (first, "Erste Fassung"), (third, "Dritte Fassung"), (first, "Wieder die Erste") })
        {
            using var saved = await who.SubmitFormAsync($"/en/admin/cooperations/edit/{id}", "#editor-form", new() { ["Input.Title.De"] = title });
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }
        using (var saved = await third.SubmitFormAsync($"/en/admin/cooperations/edit/{id}", "#editor-form", new() { ["Input.Summary.En"] = "Only the third" }))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        using var conflict = await second.PostFormAsync(secondPage, $"/en/admin/cooperations/edit/{id}", "#editor-form", new() { ["Input.Summary.De"] = "Fassung der Zweiten" });

        var page = await Html.ParseAsync(conflict);
        Assert.Equal($"yes, by {firstEmail} and {thirdEmail}", page.Text("#conflict tr[data-field='title.de'] td:last-child"));
        Assert.Equal($"yes, by {thirdEmail}", page.Text("#conflict tr[data-field='summary.en'] td:last-child"));
        Assert.Equal("no – your edit", page.Text("#conflict tr[data-field='summary.de'] td:last-child"));
    }

    [Fact]
    public async Task Saving_partner_details_from_a_page_older_than_another_curators_partner_proposal_is_refused_naming_it_and_keeps_both()
    {
        var anna = await Curators.SignedInClientAsync(site, "curator");
        var ben = await Curators.SignedInClientAsync(site, "curator");
        var id = await PreviewTests.PublishedAsync(anna, ben, "Partner überholt");
        await using var db = site.OpenContext();
        var partnerId = (await db.Partners.AsNoTracking().SingleAsync(p => p.Name == "Klangraum Studio (Partner überholt)")).Id;
        var url = $"/en/admin/cooperations/edit/{id}";
        var opened = await ben.GetDocumentAsync(url);
        // Anna proposes a seat on the partner's page after Ben opened the listing: the partner is public, so it waits.
        using (var held = await anna.SubmitFormAsync($"/en/admin/partners/{partnerId}", "#partner-form", new() { ["Input.Municipality"] = "Dresden" }))
            Assert.Equal(HttpStatusCode.Redirect, held.StatusCode);
        var annas = await db.PartnerChanges.AsNoTracking().SingleAsync(c => c.PartnerId == partnerId && c.Status == PartnerChangeStatus.Pending);

        using var response = await ben.PostFormAsync(opened, url, "#editor-form", new() { ["Input.Title.De"] = "Bens Fassung", ["PartnerRows[1].Municipality"] = "Chemnitz" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains($"{annas.ProposedBy} proposed a change to the partner “Klangraum Studio (Partner überholt)” on {annas.ProposedAt:yyyy-MM-dd HH:mm}, after you opened this page, so nothing was saved",
            page.Text("#problems"));
        Assert.Equal(("Chemnitz", "Bens Fassung"), (page.QuerySelector("[name='PartnerRows[1].Municipality']")!.GetAttribute("value"),
            page.QuerySelector("[name='Input.Title.De']")!.GetAttribute("value")));
        var kept = await db.PartnerChanges.AsNoTracking().SingleAsync(c => c.Id == annas.Id);
        Assert.Equal((annas.Version, "Dresden", annas.ProposedBy), (kept.Version, kept.Proposed.Municipality, kept.ProposedBy));
        Assert.False(await db.CooperationRevisions.AnyAsync(r => r.CooperationId == id));

        // Saving again from the page that named her proposal replaces it deliberately.
        using (var again = await ben.PostFormAsync(page, url, "#editor-form", new()))
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("Chemnitz", (await db.PartnerChanges.AsNoTracking().SingleAsync(c => c.Id == annas.Id)).Proposed.Municipality);
    }

    [Fact]
    public async Task A_partner_proposal_of_another_curator_at_the_same_moment_is_named_on_its_row_not_as_a_taken_address()
    {
        var anna = await Curators.SignedInClientAsync(site, "curator");
        var ben = await Curators.SignedInClientAsync(site, "curator");
        await PreviewTests.PublishedAsync(anna, ben, "Zugleich vorgeschlagen");
        const string name = "Klangraum Studio (Zugleich vorgeschlagen)";
        await using var db = site.OpenContext();
        var partner = await db.Partners.AsNoTracking().SingleAsync(p => p.Name == name);
        // Anna's earlier proposal, discarded: the other curator's write below makes it wait again at the very moment of Ben's save.
        using (var held = await anna.SubmitFormAsync($"/en/admin/partners/{partner.Id}", "#partner-form", new() { ["Input.Municipality"] = "Dresden" }))
            Assert.Equal(HttpStatusCode.Redirect, held.StatusCode);
        using (var discarded = await anna.SubmitFormAsync($"/en/admin/partners/{partner.Id}", "#discard-partner-form", new()))
            Assert.Equal(HttpStatusCode.Redirect, discarded.StatusCode);
        var annas = await db.PartnerChanges.AsNoTracking().SingleAsync(c => c.PartnerId == partner.Id);

        // Ben adds a draft with the same (public) partner, picked from the suggestions, and a seat for it: a proposal of his own.
        var fields = NewListing("Zugleich vorgeschlagen, Entwurf");
        fields["PartnerRows[1].Name"] = name;
        fields["PartnerRows[1].Slug"] = partner.Slug;
        fields["PartnerRows[1].Municipality"] = "Chemnitz";
        fields["PartnerRows[1].Country"] = "DE";
        fields["PartnerRows[1].Seen"] = JsonDocument.Parse(await ben.GetStringAsync($"/en/admin/partners?handler=Suggest&q={Uri.EscapeDataString("Zugleich vorgeschlagen")}"))
            .RootElement.EnumerateArray().First(p => p.GetProperty("slug").GetString() == partner.Slug).GetProperty("seen").GetString()!;
        using var response = await Pages.Admin.SameMoment.WhileAnotherWritesAsync(site, $"UPDATE partner_changes SET status = 'pending' WHERE id = {annas.Id}",
            () => ben.SubmitFormAsync("/en/admin/cooperations/edit", "#editor-form", fields));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains($"{annas.ProposedBy} proposed a change to the partner “{name}” on {annas.ProposedAt:yyyy-MM-dd HH:mm}", page.Text("#problems"));
        Assert.DoesNotContain("already belongs to another listing", page.Text("#problems"));
        Assert.Equal("Chemnitz", page.QuerySelector("[name='PartnerRows[1].Municipality']")!.GetAttribute("value"));
        Assert.False(await db.Cooperations.AnyAsync(c => c.Title.De == "Zugleich vorgeschlagen, Entwurf"));
        Assert.Equal("Dresden", (await db.PartnerChanges.AsNoTracking().SingleAsync(c => c.PartnerId == partner.Id && c.Status == PartnerChangeStatus.Pending)).Proposed.Municipality);
    }

    [Fact]
    public async Task A_partner_proposal_at_the_same_moment_as_a_revision_is_named_on_its_row_and_the_typed_partner_details_stay()
    {
        var anna = await Curators.SignedInClientAsync(site, "curator");
        var ben = await Curators.SignedInClientAsync(site, "curator");
        var id = await PreviewTests.PublishedAsync(anna, ben, "Zugleich in der Revision");
        const string name = "Klangraum Studio (Zugleich in der Revision)";
        await using var db = site.OpenContext();
        var partnerId = (await db.Partners.AsNoTracking().SingleAsync(p => p.Name == name)).Id;
        using (var held = await anna.SubmitFormAsync($"/en/admin/partners/{partnerId}", "#partner-form", new() { ["Input.Municipality"] = "Dresden" }))
            Assert.Equal(HttpStatusCode.Redirect, held.StatusCode);
        using (var discarded = await anna.SubmitFormAsync($"/en/admin/partners/{partnerId}", "#discard-partner-form", new()))
            Assert.Equal(HttpStatusCode.Redirect, discarded.StatusCode);
        var annas = await db.PartnerChanges.AsNoTracking().SingleAsync(c => c.PartnerId == partnerId);

        // Ben edits the published listing (a revision) and gives its partner a seat, while Anna's proposal waits again at that moment.
        var url = $"/en/admin/cooperations/edit/{id}";
        var opened = await ben.GetDocumentAsync(url);
        using var response = await Pages.Admin.SameMoment.WhileAnotherWritesAsync(site, $"UPDATE partner_changes SET status = 'pending' WHERE id = {annas.Id}",
            () => ben.PostFormAsync(opened, url, "#editor-form", new() { ["Input.Title.De"] = "Bens Fassung", ["PartnerRows[1].Municipality"] = "Chemnitz" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains($"{annas.ProposedBy} proposed a change to the partner “{name}” on {annas.ProposedAt:yyyy-MM-dd HH:mm}", page.Text("#problems"));
        Assert.Equal(("Chemnitz", "Bens Fassung"), (page.QuerySelector("[name='PartnerRows[1].Municipality']")!.GetAttribute("value"),
            page.QuerySelector("[name='Input.Title.De']")!.GetAttribute("value")));
        Assert.False(await db.CooperationRevisions.AnyAsync(r => r.CooperationId == id));
        Assert.Equal("Dresden", (await db.PartnerChanges.AsNoTracking().SingleAsync(c => c.Id == annas.Id)).Proposed.Municipality);
    }

    [Fact]
    public async Task Saving_partner_details_of_a_draft_changed_by_another_curator_or_with_an_altered_row_is_refused_in_German()
    {
        var anna = await Curators.SignedInClientAsync(site, "curator");
        var ben = await Curators.SignedInClientAsync(site, "curator");
        var id = await CreateAsync(anna, NewListing("Partner im Entwurf überholt"));
        const string name = "Klangraum Studio (Partner im Entwurf überholt)";
        await using var db = site.OpenContext();
        var partnerId = (await db.Partners.AsNoTracking().SingleAsync(p => p.Name == name)).Id;
        var url = $"/de/admin/cooperations/edit/{id}";

        // A row whose hidden Seen was altered: a clear message, nothing stored.
        using (var altered = await ben.SubmitFormAsync(url, "#editor-form", new() { ["PartnerRows[1].Seen"] = "7:x", ["PartnerRows[1].Employees"] = "3" }))
        {
            Assert.Equal(HttpStatusCode.OK, altered.StatusCode);
            Assert.Contains($"Die Seite hat nicht mitgeteilt, welchen Stand des Partners „{name}“ sie zeigte", (await Html.ParseAsync(altered)).Text("#problems"));
        }
        Assert.Null((await db.Partners.AsNoTracking().SingleAsync(p => p.Id == partnerId)).Employees);

        var opened = await ben.GetDocumentAsync(url);
        // Only drafts show the partner: Anna's change applies at once, after Ben opened the listing.
        using (var applied = await anna.SubmitFormAsync($"/de/admin/partners/{partnerId}", "#partner-form", new() { ["Input.Municipality"] = "Dresden" }))
            Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        var annas = await db.PartnerChanges.AsNoTracking().SingleAsync(c => c.PartnerId == partnerId);

        using var response = await ben.PostFormAsync(opened, url, "#editor-form", new() { ["PartnerRows[1].Employees"] = "3" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains($"{annas.DecidedBy} hat am {annas.DecidedAt:yyyy-MM-dd HH:mm}, nachdem Sie diese Seite geöffnet haben, den Partner „{name}“ geändert, daher wurde nichts gespeichert",
            page.Text("#problems"));
        Assert.Equal("3", page.QuerySelector("[name='PartnerRows[1].Employees']")!.GetAttribute("value"));
        var stored = await db.Partners.AsNoTracking().SingleAsync(p => p.Id == partnerId);
        Assert.Equal(("Dresden", (int?)null), (stored.Municipality, stored.Employees));
    }

    [Fact]
    public async Task A_conflict_with_a_pending_revision_names_every_curator_who_saved_the_field_in_it_since_the_page_was_loaded()
    {
        var (first, firstEmail) = await Curators.SignedInAsync(site, "curator");
        var (third, thirdEmail) = await Curators.SignedInAsync(site, "curator");
        var second = await Curators.SignedInClientAsync(site, "curator");
        var id = await PreviewTests.PublishedAsync(first, third, "Viele Hände in der Revision");
        var url = $"/en/admin/cooperations/edit/{id}";
        // A revision saved before the second curator opens the page: not a change made meanwhile.
        using (var before = await third.SubmitFormAsync(url, "#editor-form", new() { ["Input.Title.De"] = "Vorher" }))
            Assert.Equal(HttpStatusCode.Redirect, before.StatusCode);
        var secondPage = await second.GetDocumentAsync(url);
        // Edits of a published listing go into its one pending revision, which leaves no history entry per save.
        foreach (var (who, title) in new[] { (first, "Erste Fassung"), (third, "Dritte Fassung"), (first, "Wieder die Erste") })
        {
            using var saved = await who.SubmitFormAsync(url, "#editor-form", new() { ["Input.Title.De"] = title });
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }
        using (var saved = await third.SubmitFormAsync(url, "#editor-form", new() { ["Input.Summary.En"] = "Only the third" }))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        using var conflict = await second.PostFormAsync(secondPage, url, "#editor-form", new() { ["Input.Summary.De"] = "Fassung der Zweiten" });

        var page = await Html.ParseAsync(conflict);
        Assert.Equal($"yes, by {firstEmail} and {thirdEmail}", page.Text("#conflict tr[data-field='title.de'] td:last-child"));
        Assert.Equal($"yes, by {thirdEmail}", page.Text("#conflict tr[data-field='summary.en'] td:last-child"));
        Assert.Equal("no – your edit", page.Text("#conflict tr[data-field='summary.de'] td:last-child"));
    }

    [Theory]
    [InlineData("{\"Fields\":null,\"Status\":\"bogus\"}")]
    [InlineData("not what the page sent")]
    public async Task An_altered_seen_state_still_gets_the_conflict_page(string seen)
    {
        var first = await Curators.SignedInClientAsync(site, "curator");
        var id = await CreateAsync(first, NewListing($"Verändert gesehen {seen.Length}"));
        var page = await first.GetDocumentAsync($"/en/admin/cooperations/edit/{id}");
        using (var saved = await first.SubmitFormAsync($"/en/admin/cooperations/edit/{id}", "#editor-form", new() { ["Input.Title.De"] = "Zwischendurch" }))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        using var conflict = await first.PostFormAsync(page, $"/en/admin/cooperations/edit/{id}", "#editor-form", new() { ["Seen"] = seen });
        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        Assert.Contains("Zwischendurch", (await Html.ParseAsync(conflict)).Text("#conflict"));
    }

    [Fact]
    public async Task A_second_save_of_the_same_version_gets_a_conflict_and_keeps_its_input()
    {
        var first = await Curators.SignedInClientAsync(site, "curator");
        var second = await Curators.SignedInClientAsync(site, "curator");
        var id = await CreateAsync(first, NewListing("Gemeinsam bearbeitet"));

        var firstPage = await first.GetDocumentAsync($"/admin/cooperations/edit/{id}");
        var secondPage = await second.GetDocumentAsync($"/admin/cooperations/edit/{id}");

        using (var saved = await first.PostFormAsync(firstPage, $"/admin/cooperations/edit/{id}", "#editor-form", new() { ["Input.Title.De"] = "Erste Fassung" }))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        using var conflict = await second.PostFormAsync(secondPage, $"/admin/cooperations/edit/{id}", "#editor-form",
            new() { ["Input.Summary.De"] = "Zweite Fassung der Kurzbeschreibung" });
        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        var page = await Html.ParseAsync(conflict);
        var table = page.Text("#conflict");
        Assert.Equal("Titel (Deutsch)", page.QuerySelector("#conflict tr[data-field='title.de'] th")!.TextContent);
        Assert.Contains("Erste Fassung", table);
        Assert.Contains("Gemeinsam bearbeitet", table);
        Assert.Equal("Zweite Fassung der Kurzbeschreibung", page.QuerySelector("[name='Input.Summary.De']")!.TextContent);

        await using (var db = site.OpenContext())
        {
            var stored = await db.Cooperations.SingleAsync(c => c.Id == id);
            Assert.Equal("Erste Fassung", stored.Title.De);
            Assert.Null(stored.Summary.De);
        }

        // Saving again after seeing the conflict is a deliberate overwrite.
        using var again = await second.PostFormAsync(page, $"/admin/cooperations/edit/{id}", "#editor-form", new());
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        await using (var db = site.OpenContext())
            Assert.Equal("Zweite Fassung der Kurzbeschreibung", (await db.Cooperations.SingleAsync(c => c.Id == id)).Summary.De);
    }

    [Fact]
    public async Task A_new_partner_row_with_an_existing_name_links_the_existing_partner()
    {
        var client = await Curators.SignedInClientAsync(site, "curator");
        var fields = NewListing("Mit Pixel Studio");
        fields["PartnerRows[1].Name"] = "pixel studio";
        // Nothing typed that contradicts the stored details: linked at once, the stored details kept.
        fields["PartnerRows[1].Subsector"] = "";
        fields["PartnerRows[1].Urban"] = "";
        var id = await CreateAsync(client, fields);
        await using var db = site.OpenContext();
        Assert.Equal(1, await db.Partners.CountAsync(p => p.Name.ToLower() == "pixel studio"));
        Assert.True(await db.CooperationPartners.AnyAsync(cp => cp.CooperationId == id && cp.Partner.Slug == "pixel-studio"));
    }

    [Fact]
    public async Task The_gazetteer_suggests_places_with_country_population_and_position()
    {
        var client = await Curators.SignedInClientAsync(site, "curator");
        using var response = await client.GetAsync("/admin/gazetteer?q=gorli");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("GeoNames", json.RootElement.GetProperty("attribution").GetString());
        var places = json.RootElement.GetProperty("places").EnumerateArray().ToList();
        var goerlitz = places.First(p => p.GetProperty("name").GetString() == "Görlitz");
        Assert.Equal("DE", goerlitz.GetProperty("country").GetString());
        Assert.True(goerlitz.GetProperty("population").GetInt32() > 50_000);
        Assert.InRange(goerlitz.GetProperty("lat").GetDouble(), 51.1, 51.2);
        Assert.InRange(goerlitz.GetProperty("lon").GetDouble(), 14.9, 15.1);

        using var filtered = await client.GetAsync("/admin/gazetteer?q=wien&country=AT");
        using var filteredJson = JsonDocument.Parse(await filtered.Content.ReadAsStringAsync());
        Assert.All(filteredJson.RootElement.GetProperty("places").EnumerateArray(), p => Assert.Equal("AT", p.GetProperty("country").GetString()));

        using var tooShort = await client.GetAsync("/admin/gazetteer?q=g");
        using var shortJson = JsonDocument.Parse(await tooShort.Content.ReadAsStringAsync());
        Assert.Equal(0, shortJson.RootElement.GetProperty("places").GetArrayLength());
    }

    [Fact]
    public async Task The_gazetteer_names_district_and_state_where_imported_regions_or_the_state_tables_know_them()
    {
        var client = await Curators.SignedInClientAsync(site, "curator");
        async Task<JsonElement> FirstAsync(string query, string name)
        {
            using var response = await client.GetAsync($"/admin/gazetteer?{query}");
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return json.RootElement.GetProperty("places").EnumerateArray().First(p => p.GetProperty("name").GetString() == name).Clone();
        }
        string? Text(JsonElement place, string property) => place.GetProperty(property).ValueKind == JsonValueKind.Null ? null : place.GetProperty(property).GetString();

        // Without imported regions: the state from GeoNames' admin1 through the state tables, no district.
        var goerlitz = await FirstAsync("q=gorli", "Görlitz");
        Assert.Equal(("Sachsen", (string?)null), (Text(goerlitz, "state"), Text(goerlitz, "district")));
        // A country without a state table: GeoNames has only a numeric code, so nothing is made up.
        var florence = await FirstAsync("q=florence&country=IT", "Florence");
        Assert.Equal(((string?)null, (string?)null), (Text(florence, "state"), Text(florence, "district")));

        // Imported region sets: a district (level "district") and a state (level "state") covering the place.
        await site.ImportRegionsAsync(Path.Combine(AppContext.BaseDirectory, "TestData", "regions.geojson"));
        var zwickau = await FirstAsync("q=zwickau", "Zwickau");
        Assert.Equal(("Sachsen", "Westsachsen Testgebiet"), (Text(zwickau, "state"), Text(zwickau, "district")));
        var innsbruck = await FirstAsync("q=innsbruck&country=AT", "Innsbruck");
        Assert.Equal(("Tirol", (string?)null), (Text(innsbruck, "state"), Text(innsbruck, "district")));
    }

    [Fact]
    public async Task Similar_listings_are_shown_before_the_first_save_until_the_curator_confirms()
    {
        var client = await Curators.SignedInClientAsync(site, "curator");
        var fields = NewListing("Wald geht wieder online");
        fields.Remove("ConfirmNotDuplicate");
        fields["PartnerRows[0].Name"] = "Forst Meier";
        fields["Input.Location.Latitude"] = "50.61";
        fields["Input.Location.Longitude"] = "13.11";
        using var warned = await client.SubmitFormAsync("/en/admin/cooperations/edit", "#editor-form", fields);
        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        var page = await Html.ParseAsync(warned);
        var similar = page.QuerySelectorAll("#similar li").Single(li => li.TextContent.Contains("Forest goes online")).TextContent;
        Assert.Contains("same partner: Forst Meier", similar);
        Assert.Contains("km away", similar);
        Assert.Contains("similar title", similar);
        await using (var db = site.OpenContext())
            Assert.False(await db.Cooperations.AnyAsync(c => c.Title.De == "Wald geht wieder online"));

        // Confirmed: "Forst Meier" is the existing partner, but the row says other things about it than stored (250 employees,
        // no seat): the row is linked, shows the stored details, and the curator saves again.
        fields["ConfirmNotDuplicate"] = "true";
        using var linked = await client.SubmitFormAsync("/en/admin/cooperations/edit", "#editor-form", fields);
        var linkedPage = await Html.ParseAsync(linked);
        Assert.Contains("\"Forst Meier\" exists already (Testdorf, DE) with other details", linkedPage.Text("#problems"));
        Assert.Equal("12", linkedPage.QuerySelector("[name='PartnerRows[0].Employees']")!.GetAttribute("value"));
        using var saved = await client.PostFormAsync(linkedPage, "/en/admin/cooperations/edit", "#editor-form", new() { ["ConfirmNotDuplicate"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }

    [Fact]
    public async Task Unknown_listings_are_404()
    {
        var client = await Curators.SignedInClientAsync(site, "curator");
        using var response = await client.GetAsync("/admin/cooperations/edit/999999");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

public class EditorBadInputTests(BasicDataWebFixture site) : IClassFixture<BasicDataWebFixture>
{
    [Theory]
    [InlineData("Input.StartYear", "abc", "Beginn (Jahr): „abc“ ist kein gültiger Wert")]
    [InlineData("Input.Location.Latitude", "north", "Breitengrad: „north“ ist kein gültiger Wert")]
    [InlineData("Input.Location.Latitude", "123", "Breitengrad muss zwischen -90 und 90 liegen.")]
    [InlineData("Input.Location.Country", "ZZ", "Land muss ein Ländercode nach ISO 3166-1 sein")]
    [InlineData("PartnerRows[0].Kind", "robot", "Partner 1: Art muss einer dieser Werte sein: sme, cci, other.")]
    [InlineData("PartnerRows[1].Subsector", "gardening", "Partner 2: Teilmarkt (Kultur- und Kreativwirtschaft): „gardening“ ist nicht zulässig")]
    [InlineData("PartnerRows[0].Website", "javascript:alert(1)", "Partner 1: Website muss eine Webadresse (http/https) sein.")]
    [InlineData("Input.EndYear", "2001", "Ende (Jahr) muss leer bleiben, wenn die Kooperation noch läuft.")]
    [InlineData("Input.Slug", "Not A Slug", "Adresse (Slug): nur Kleinbuchstaben, Ziffern und einzelne Bindestriche.")]
    [InlineData("Input.Location.District", "LONG", "höchstens 200 Zeichen")]
    [InlineData("Input.Location.Region", "LONG", "höchstens 200 Zeichen")]
    [InlineData("PartnerRows[0].Sector", "LONG", "höchstens 200 Zeichen")]
    [InlineData("PartnerRows[0].Municipality", "LONG", "höchstens 200 Zeichen")]
    [InlineData("Input.ContactOrigins", "carrier-pigeon", "Wie der Kontakt entstand (1): „carrier-pigeon“ ist nicht zulässig")]
    public async Task Bad_values_get_a_message_naming_the_field_and_nothing_is_stored(string field, string value, string expected)
    {
        var client = await Curators.SignedInClientAsync(site, "curator");
        var fields = EditorTests.NewListing("Kaputt " + Guid.NewGuid().ToString("N")[..6]);
        fields[field] = value == "LONG" ? new string('x', 300) : value;
        using var response = await client.SubmitFormAsync("/admin/cooperations/edit", "#editor-form", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(expected, (await Html.ParseAsync(response)).Text("#problems"));
        await using var db = site.OpenContext();
        Assert.False(await db.Cooperations.AnyAsync(c => c.Title.De == fields["Input.Title.De"]));
    }

    [Fact]
    public async Task An_overlong_title_is_refused_with_its_limit()
    {
        var client = await Curators.SignedInClientAsync(site, "curator");
        var fields = EditorTests.NewListing(new string('x', 201));
        using var response = await client.SubmitFormAsync("/admin/cooperations/edit", "#editor-form", fields);
        Assert.Contains("Titel (Deutsch) darf höchstens 200 Zeichen lang sein.", (await Html.ParseAsync(response)).Text("#problems"));

        using var english = await client.SubmitFormAsync("/en/admin/cooperations/edit", "#editor-form", fields);
        Assert.Contains("Title (German) must be at most 200 characters long.", (await Html.ParseAsync(english)).Text("#problems"));
    }

    [Fact]
    public async Task The_live_checklist_answers_even_for_nonsense()
    {
        var client = await Curators.SignedInClientAsync(site, "curator");
        var page = await client.GetDocumentAsync("/admin/cooperations/edit");
        // The nonsense replaces the form's own (empty) values: a second value of a field would not be the one bound.
        var nonsense = new Dictionary<string, string> { ["PartnerRows[0].Employees"] = "many", ["Input.Location.Population"] = "-5" };
        var values = Curators.FormValues(page.QuerySelector("#editor-form")!).Where(v => !nonsense.ContainsKey(v.Key)).Concat(nonsense).ToList();
        using var response = await client.PostAsync(page.QuerySelector("#editor-form")!.GetAttribute("data-criteria-url"), new FormUrlEncodedContent(values));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Every criterion is still judged, and the impossible population is called what it is.
        var answer = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.False(answer.GetProperty("allPass").GetBoolean());
        var criteria = answer.GetProperty("criteria").EnumerateArray().ToDictionary(c => c.GetProperty("key").GetString()!);
        Assert.Equal(KreativLand.Web.Domain.InclusionCriteria.Keys.Order(), criteria.Keys.Order());
        Assert.Equal("fail", criteria["population"].GetProperty("outcome").GetString());
        Assert.Contains("-5", criteria["population"].GetProperty("reason").GetString());
        Assert.All(criteria.Values, c => Assert.False(string.IsNullOrWhiteSpace(c.GetProperty("label").GetString())));
    }
}

public class ValidationTextTests
{
    private static readonly Microsoft.Extensions.Localization.IStringLocalizer Text = CreateLocalizer();

    private static Microsoft.Extensions.Localization.IStringLocalizer CreateLocalizer()
    {
        var factory = new Microsoft.Extensions.Localization.ResourceManagerStringLocalizerFactory(
            Microsoft.Extensions.Options.Options.Create(new Microsoft.Extensions.Localization.LocalizationOptions { ResourcesPath = "Resources" }),
            Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
        return factory.Create(typeof(KreativLand.Web.SharedResource));
    }

    [Theory]
    [InlineData("Image 2: Alt text (English): please fill it in German or English.", "ImportMessage.NeedsText", "images[1].alt.en")]
    [InlineData("Media link 1: Address (URL) must be a web address (http/https).", "ImportMessage.Url", "media[0].url")]
    [InlineData("A cooperation needs at least two partners.", "ImportMessage.TwoPartners", "partners", 2)]
    [InlineData("End year must be at least Start year.", "ImportMessage.AtLeast", "endYear", "startYear")]
    [InlineData("images[0] is null", "ImportMessage.IsNull", "images[0]")]
    public void Validator_messages_read_like_the_form(string expected, string key, params object[] arguments)
    {
        var culture = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("en");
        try { Assert.Equal(expected, KreativLand.Web.Pages.Admin.Cooperations.ValidationText.Localize(new KreativLand.Web.Import.ImportProblem(key, arguments), Text)); }
        finally { System.Globalization.CultureInfo.CurrentUICulture = culture; }
    }
}
