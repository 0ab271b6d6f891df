using System.Net;
using System.Net.Http.Headers;
using System.Text;
using KreativLand.Web.Data;
using KreativLand.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KreativLand.Web.Tests.Infrastructure;

/// <summary>The site over a scratch cluster of its own, which the tests stop and start like an operator's outage.</summary>
public sealed class OutageWebFixture : BasicDataWebFixture
{
    public ScratchCluster Cluster { get; } = new();

    public override string ConnectionString => Cluster.ConnectionString();

    /// <summary>The data set's template lies in the project's cluster, not in this fixture's own.</summary>
    protected override string? DataSet => null;

    public override KreativLandDbContext OpenContext() => Cluster.OpenContext(pooling: false);

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Submission:MinimumFillSeconds"] = "0",
        ["Submission:PermitLimit"] = "1000",
    };

    public override async Task InitializeAsync()
    {
        await Cluster.InitializeAsync();
        await using (var db = Cluster.OpenContext(pooling: false))
        {
            await KreativLand.Web.Import.GazetteerLoader.LoadAsync(db, KreativLand.Web.Import.GazetteerLoader.DefaultPath);
        }
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Cluster.DisposeAsync();
    }
}

public class DatabaseOutageTests(OutageWebFixture site) : IClassFixture<OutageWebFixture>
{
    /// <summary>Waits until the site answers <paramref name="url"/> with 200 again, as a visitor pressing reload would.</summary>
    private static async Task<TimeSpan> RecoveredAsync(HttpClient client, string url)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        // A new address each time, so the public read cache cannot answer for the database: a campaign tag, which every
        // page tolerates (unknown parameters are a 400).
        for (var attempt = 0; clock.Elapsed < TimeSpan.FromSeconds(20); attempt++)
        {
            using var response = await client.GetAsync($"{url}{(url.Contains('?') ? '&' : '?')}utm_content=recovery{attempt}{Guid.NewGuid():N}"[..^24]);
            if (response.StatusCode == HttpStatusCode.OK) return clock.Elapsed;
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException($"{url} did not recover within 20 s");
    }

    private static void AssertRetryAfter(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(DatabaseOutage.RetryAfterSeconds), response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task Pages_and_API_answer_503_with_Retry_After_in_the_readers_language_and_recover_by_themselves()
    {
        var client = site.CreateClient();
        using (var before = await client.GetAsync("/en/cooperations")) Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        await site.Cluster.StopAsync();
        try
        {
            // Addresses not read before the outage: a page the read cache already holds may still be served from it.
            foreach (var (url, heading) in new[] { ("/en/cooperations?q=outage", "Temporarily unavailable"), ("/de/cooperations/forest-online?utm_source=outage", "Vorübergehend nicht erreichbar"), ("/en/?q=outage", "Temporarily unavailable"), ("/de/evaluation?q=outage", "Vorübergehend nicht erreichbar") })
            {
                using var page = await client.GetAsync(url);
                AssertRetryAfter(page);
                var document = await Html.ParseAsync(page);
                Assert.Equal(heading, document.QuerySelector("h1")?.TextContent);
                Assert.Null(document.QuerySelector("code")); // no request id: nothing for the reader to report
            }
            foreach (var url in new[] { "/api/v1/cooperations?q=outage", "/api/v1/facets?q=outage", "/ogc/collections/cooperations/items?limit=7", "/feed.atom?q=outage", "/sitemap.xml" })
            {
                using var api = await client.GetAsync(url);
                AssertRetryAfter(api);
                if (url.StartsWith("/api") || url.StartsWith("/ogc"))
                {
                    Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
                    Assert.Contains("database is unavailable", await api.Content.ReadAsStringAsync());
                }
            }
            using var ready = await client.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        }
        finally { await site.Cluster.StartAsync(); }

        await RecoveredAsync(client, "/en/cooperations");
        using var api2 = await client.GetAsync("/api/v1/cooperations");
        Assert.Equal(HttpStatusCode.OK, api2.StatusCode);
    }

    [Fact]
    public async Task Forms_posted_during_an_outage_come_back_with_their_input_and_are_saved_when_sent_again()
    {
        // The other test may have left connections of the stopped server in the pool (the site drops each on first use).
        Npgsql.NpgsqlConnection.ClearAllPools();
        var visitor = site.CreateClient();
        var submitForm = await visitor.GetDocumentAsync("/en/submit");
        var curator = await Curators.SignedInClientAsync(site, "curator");
        int id;
        await using (var db = site.OpenContext()) id = await db.Cooperations.Where(c => c.Slug == "secret-draft").Select(c => c.Id).SingleAsync();
        var editor = await curator.GetDocumentAsync($"/en/admin/cooperations/edit/{id}");
        var uploadPage = await curator.GetDocumentAsync("/en/admin/cooperations/transfer");
        var login = await site.CreateClient().GetDocumentAsync("/de/account/login");
        var loginClient = site.CreateClient();
        login = await loginClient.GetDocumentAsync("/de/account/login");

        await site.Cluster.StopAsync();
        HttpResponseMessage submitted, edited, signIn, uploaded;
        try
        {
            var proposal = Pages.Submit.SubmissionTests.Proposal("Bühnenbilder trotz Ausfall 🎭");
            proposal["FormToken"] = submitForm.QuerySelector("input[name=FormToken]")!.GetAttribute("value")!;
            submitted = await visitor.PostFormAsync(submitForm, "/en/submit", "#submission-form", proposal);
            edited = await curator.PostFormAsync(editor, $"/en/admin/cooperations/edit/{id}", "#editor-form",
                new() { ["Input.Title.En"] = "Draft edited during an outage" });
            signIn = await loginClient.PostFormAsync(login, "/de/account/login", "form", new() { ["Input.Email"] = "jemand@example.org", ["Input.Password"] = "irgendein passwort" });

            var token = uploadPage.QuerySelector("#upload-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            using var content = new MultipartFormDataContent();
            content.Add(new StringContent(token), "__RequestVerificationToken");
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes("""{ "formatVersion": 1, "cooperations": [] }"""));
            file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            content.Add(file, "upload", "upload.json");
            uploaded = await curator.PostAsync("/en/admin/cooperations/transfer", content);
        }
        finally { await site.Cluster.StartAsync(); }

        // The submission form itself is shown again: every value still in its field, a message on top.
        AssertRetryAfter(submitted);
        var submitAgain = await Html.ParseAsync(submitted);
        Assert.Equal("Bühnenbilder trotz Ausfall 🎭", submitAgain.QuerySelector("input[name='Input.Title']")?.GetAttribute("value"));
        Assert.Equal("Görlitz", submitAgain.QuerySelector("input[name='Input.Municipality']")?.GetAttribute("value"));
        Assert.Contains("Nothing has been saved yet", submitAgain.QuerySelector("#outage-notice")?.TextContent);

        // Sign-in: the address stays, the password is never written back.
        AssertRetryAfter(signIn);
        var signInAgain = await Html.ParseAsync(signIn);
        Assert.Equal("jemand@example.org", signInAgain.QuerySelector("input[name='Input.Email']")?.GetAttribute("value"));
        Assert.DoesNotContain("irgendein passwort", signInAgain.DocumentElement.OuterHtml);
        Assert.Contains("Gespeichert wurde noch nichts", signInAgain.QuerySelector("#outage-notice")?.TextContent);

        // The editor's input comes back, either in the editor or in the error page's "send again" form.
        AssertRetryAfter(edited);
        var editAgain = await Html.ParseAsync(edited);
        var keptForm = editAgain.QuerySelector("#editor-form") ?? editAgain.QuerySelector("#kept-form");
        Assert.NotNull(keptForm);
        Assert.Contains(keptForm!.QuerySelectorAll("input[name='Input.Title.En']"), input => input.GetAttribute("value") == "Draft edited during an outage");
        if (editAgain.QuerySelector("#editor-form") is { } redrawn)
        {
            // Drawn again without the stored listing: still this listing's editor, saving to it, no empty checklist.
            Assert.Equal("Edit listing: Geheimer Entwurf", editAgain.QuerySelector("h1")?.TextContent);
            Assert.Equal($"/en/admin/cooperations/edit/{id}?handler=Save", redrawn.GetAttribute("action"));
            Assert.NotNull(editAgain.QuerySelector("#criteria-bar[hidden]"));
        }

        // An upload cannot keep its file: the page says to choose it again.
        AssertRetryAfter(uploaded);
        var uploadAgain = await Html.ParseAsync(uploaded);
        Assert.True(uploadAgain.QuerySelector("#form-kept") is not null || uploadAgain.QuerySelector("#outage-notice") is not null, uploadAgain.DocumentElement.OuterHtml);

        await RecoveredAsync(visitor, "/en/submit");
        // Sent again unchanged once the database is back: both are stored.
        using (var resent = await visitor.PostFormAsync(submitAgain, "/en/submit", "#submission-form", new()))
            Assert.Equal(HttpStatusCode.Redirect, resent.StatusCode);
        var keptAction = keptForm.GetAttribute("action") is { Length: > 0 } action ? action : $"/en/admin/cooperations/edit/{id}";
        using (var resent = await curator.PostFormAsync(editAgain, keptAction, keptForm.Id == "kept-form" ? "#kept-form" : "#editor-form", new()))
            Assert.Equal(HttpStatusCode.Redirect, resent.StatusCode);
        await using var check = site.OpenContext();
        Assert.True(await check.Cooperations.AnyAsync(c => c.Title.De == "Bühnenbilder trotz Ausfall 🎭"));
        Assert.Equal("Draft edited during an outage", await check.Cooperations.Where(c => c.Id == id).Select(c => c.Title.En).SingleAsync());
    }

    [Fact]
    public async Task A_form_whose_page_cannot_be_drawn_without_the_database_is_kept_by_the_error_page_with_503()
    {
        Npgsql.NpgsqlConnection.ClearAllPools();
        var curator = await Curators.SignedInClientAsync(site, "curator");
        int partnerId;
        await using (var db = site.OpenContext()) partnerId = await db.Partners.Where(p => p.MergedIntoId == null).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        var url = $"/de/admin/partners/{partnerId}";
        var page = await curator.GetDocumentAsync(url);

        // The partner page needs the stored partner to draw itself again: without the database it cannot, so the error page
        // keeps the input (it answered 500 with a notice promising a form that was not there).
        await site.Cluster.StopAsync();
        HttpResponseMessage saved;
        try
        {
            saved = await curator.PostFormAsync(page, url, "#partner-form", new() { ["Input.Website"] = "https://ausfall.example.org" });
        }
        finally { await site.Cluster.StartAsync(); }

        AssertRetryAfter(saved);
        var kept = await Html.ParseAsync(saved);
        var keptForm = kept.QuerySelector("#kept-form");
        Assert.NotNull(keptForm);
        Assert.Contains(keptForm!.QuerySelectorAll("input[name='Input.Website']"), input => input.GetAttribute("value") == "https://ausfall.example.org");
        Assert.Null(kept.QuerySelector("#outage-notice")); // one message, the error page's own

        await RecoveredAsync(curator, url);
        using (var resent = await curator.PostFormAsync(kept, keptForm.GetAttribute("action")!, "#kept-form", new()))
            Assert.Equal(HttpStatusCode.Redirect, resent.StatusCode);
        await using var check = site.OpenContext();
        var partner = await check.Partners.AsNoTracking().SingleAsync(p => p.Id == partnerId);
        var waiting = await check.PartnerChanges.AsNoTracking().Where(c => c.PartnerId == partnerId && c.Status == KreativLand.Web.Domain.PartnerChangeStatus.Pending).ToListAsync();
        Assert.Contains("https://ausfall.example.org", new[] { partner.Details.Website }.Concat(waiting.Select(c => c.Proposed.Website)));
    }
}
