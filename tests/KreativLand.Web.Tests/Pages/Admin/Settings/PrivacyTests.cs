using System.Net;
using KreativLand.Web.Domain;
using KreativLand.Web.Infrastructure;
using KreativLand.Web.Operations;
using KreativLand.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KreativLand.Web.Tests.Pages.Admin.Settings;

public class PrivacyTests(Pages.Submit.SubmissionWebFixture site) : IClassFixture<Pages.Submit.SubmissionWebFixture>
{
    private async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string title, string email, string? token = null)
    {
        var fields = Pages.Submit.SubmissionTests.Proposal(title);
        fields["Input.ContactEmail"] = email;
        fields["FormToken"] = token ?? site.Factory.Services.GetRequiredService<SubmissionToken>().Create(DateTimeOffset.UtcNow.AddMinutes(-1));
        return await client.SubmitFormAsync("/en/submit", "#submission-form", fields);
    }

    [Fact]
    public async Task A_form_token_is_good_for_one_submission_only()
    {
        var client = site.CreateClient();
        var token = site.Factory.Services.GetRequiredService<SubmissionToken>().Create(DateTimeOffset.UtcNow.AddMinutes(-1));
        var responses = new List<HttpStatusCode>();
        // Four posts with one token, two of them at the same moment.
        using (var first = await SubmitAsync(client, "Einmal nur", "once@example.org", token)) responses.Add(first.StatusCode);
        using (var second = await SubmitAsync(client, "Einmal nur", "once@example.org", token))
        {
            responses.Add(second.StatusCode);
            Assert.Contains("already been sent", (await Html.ParseAsync(second)).QuerySelector("#problems")?.TextContent);
        }
        var racing = await Task.WhenAll(SubmitAsync(site.CreateClient(), "Einmal nur", "once@example.org", token), SubmitAsync(site.CreateClient(), "Einmal nur", "once@example.org", token));
        responses.AddRange(racing.Select(r => r.StatusCode));
        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], responses);
        await using var db = site.OpenContext();
        Assert.Equal(1, await db.Cooperations.CountAsync(c => c.Title.De == "Einmal nur"));
    }

    [Fact]
    public async Task Consent_is_recorded_the_address_is_never_public_and_an_admin_exports_and_erases_it()
    {
        var client = site.CreateClient();
        var before = DateTimeOffset.UtcNow;
        using (var sent = await SubmitAsync(client, "Datenschutz im Dorf", "Privat.Person@example.org")) Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        await using (var db = site.OpenContext())
        {
            var stored = await db.Cooperations.SingleAsync(c => c.Title.De == "Datenschutz im Dorf");
            Assert.Equal("Privat.Person@example.org", stored.SubmitterEmail);
            Assert.InRange(stored.SubmitterConsentAt!.Value, before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
            // Even once published, the address appears nowhere public.
            await db.Database.ExecuteSqlRawAsync("UPDATE cooperations SET status = 'published', published_at = now() WHERE id = {0}", stored.Id);
            foreach (var url in new[] { $"/en/cooperations/{stored.Slug}", "/en/cooperations", "/api/v1/cooperations", $"/api/v1/cooperations/{stored.Slug}",
                         "/api/v1/cooperations.csv", "/api/v1/cooperations.geojson", "/ogc/collections/cooperations/items", "/feed.atom", "/sitemap.xml", "/en/" })
            {
                using var response = await client.GetAsync(url);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.DoesNotContain("privat.person", (await response.Content.ReadAsStringAsync()).ToLowerInvariant());
            }
        }

        var admin = await Curators.SignedInClientAsync(site, "admin");
        var page = await admin.GetDocumentAsync("/en/admin/settings/privacy?email=privat.person@EXAMPLE.org");
        Assert.Contains("Datenschutz im Dorf", page.QuerySelector("#privacy-submissions")?.TextContent);
        using (var export = await admin.PostFormAsync(page, "/en/admin/settings/privacy", "#privacy-actions", new(), "#privacy-export"))
        {
            Assert.Equal(HttpStatusCode.OK, export.StatusCode);
            Assert.Equal("application/json", export.Content.Headers.ContentType?.MediaType);
            var json = await export.Content.ReadAsStringAsync();
            Assert.Contains("Privat.Person@example.org", json);
            Assert.Contains("submitterConsentAt", json);
            Assert.Contains("Datenschutz im Dorf", json);
        }
        using (var erase = await admin.PostFormAsync(page, "/en/admin/settings/privacy", "#privacy-actions", new(), "#privacy-erase"))
        {
            Assert.Equal(HttpStatusCode.OK, erase.StatusCode);
            Assert.NotNull((await Html.ParseAsync(erase)).QuerySelector("#privacy-erased"));
        }
        await using (var db = site.OpenContext())
        {
            var stored = await db.Cooperations.SingleAsync(c => c.Title.De == "Datenschutz im Dorf");
            Assert.Null(stored.SubmitterEmail);
            Assert.Null(stored.SubmitterConsentAt);
        }
        // Curators without the admin role cannot reach it.
        var curator = await Curators.SignedInClientAsync(site, "curator");
        using var forbidden = await curator.GetAsync("/en/admin/settings/privacy");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task Contact_data_is_erased_the_configured_time_after_the_decision_and_kept_while_undecided()
    {
        var client = site.CreateClient();
        using (var a = await SubmitAsync(client, "Entschieden vor langer Zeit", "decided@example.org")) Assert.Equal(HttpStatusCode.Redirect, a.StatusCode);
        using (var b = await SubmitAsync(client, "Noch offen", "open@example.org")) Assert.Equal(HttpStatusCode.Redirect, b.StatusCode);
        var now = DateTimeOffset.UtcNow;
        await using var db = site.OpenContext();
        var decided = await db.Cooperations.SingleAsync(c => c.Title.De == "Entschieden vor langer Zeit");
        await db.Database.ExecuteSqlRawAsync("UPDATE cooperations SET status = 'rejected' WHERE id = {0}", decided.Id);
        db.StatusChanges.Add(new StatusChange { CooperationId = decided.Id, From = CooperationStatus.Submitted, To = CooperationStatus.Rejected, ChangedBy = "curator@example.org", ChangedAt = now.AddDays(-31) });
        await db.SaveChangesAsync();

        var options = new PrivacyOptions { SubmitterContactRetentionDays = 30 };
        Assert.True(await Privacy.PurgeAsync(db, options, now) >= 1);
        Assert.Null(await db.Cooperations.Where(c => c.Id == decided.Id).Select(c => c.SubmitterEmail).SingleAsync());
        Assert.Equal("open@example.org", await db.Cooperations.Where(c => c.Title.De == "Noch offen").Select(c => c.SubmitterEmail).SingleAsync());
        // A decision younger than the period keeps the address.
        options.SubmitterContactRetentionDays = 40;
        await db.Database.ExecuteSqlRawAsync("UPDATE cooperations SET submitter_email = 'decided@example.org' WHERE id = {0}", decided.Id);
        await Privacy.PurgeAsync(db, options, now);
        Assert.Equal("decided@example.org", await db.Cooperations.Where(c => c.Id == decided.Id).Select(c => c.SubmitterEmail).SingleAsync());
    }
}
