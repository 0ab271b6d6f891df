using System.Net;
using KreativLand.Web.Curation;
using KreativLand.Web.Domain;
using KreativLand.Web.Tests.Infrastructure;
using KreativLand.Web.Tests.Pages.Submit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using static KreativLand.Web.Tests.Pages.Admin.Cooperations.EditorTests;

namespace KreativLand.Web.Tests.Curation;

/// <summary>The site with mail written to a pickup folder, which the tests read.</summary>
public class MailWebFixture : BasicDataWebFixture
{
    public string Pickup { get; } = Path.Combine(Path.GetTempPath(), "kl-mail-" + Guid.NewGuid().ToString("N"));

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Submission:MinimumFillSeconds"] = "0",
        ["Notifications:PickupDirectory"] = Pickup,
        ["Notifications:From"] = "kreativland@example.org",
        // Links in mail come from the site's public origin like every other absolute link (NotificationTests covers the
        // older Notifications:SiteUrl).
        ["Site:PublicOrigin"] = "https://kreativland.example",
        // The tests send the digest themselves.
        ["Notifications:Digest"] = "false",
    };

    /// <summary>Every message written so far.</summary>
    public IReadOnlyList<MimeMessage> Mails() => Directory.Exists(Pickup)
        ? Directory.GetFiles(Pickup, "*.eml").Order().Select(file => MimeMessage.Load(file)).ToList()
        : [];

    public IReadOnlyList<MimeMessage> MailsTo(string address) =>
        Mails().Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(Pickup)) Directory.Delete(Pickup, recursive: true);
    }
}

/// <summary>Issue 13 item 4: who is told what by mail, in which language, and that each kind can be switched off.</summary>
public class CuratorMailTests(MailWebFixture site) : IClassFixture<MailWebFixture>
{
    // MimeKit types a message's subject and body as nullable: a mail without them matches nothing here.
    private static bool SubjectHas(MimeMessage mail, string text) => mail.Subject?.Contains(text) == true;
    private static string? Language(MimeMessage mail) => mail.Body?.Headers[HeaderId.ContentLanguage];

    private static async Task SettingsAsync(HttpClient client, string language, params string[] receive)
    {
        var fields = new Dictionary<string, string> { ["Language"] = language };
        var page = await client.GetDocumentAsync("/account/notifications");
        // Unchecked boxes are not sent: untick all, then send the wanted ones.
        using var saved = await client.PostAsync("/account/notifications", new FormUrlEncodedContent(
            receive.Select(kind => new KeyValuePair<string, string>("Receive", kind))
                .Append(new("Language", language))
                .Append(new("__RequestVerificationToken", page.QuerySelector("#notifications-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!))));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }

    private static async Task InReviewAsync(HttpClient client, int id)
    {
        using var moved = await client.SubmitFormAsync($"/admin/cooperations/edit/{id}", "#transition-form", new() { ["Transition.To"] = "in-review" });
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
    }

    private static async Task<HttpResponseMessage> BulkAsync(HttpClient client, int id, string action, string reason = "", string assignee = "")
    {
        var page = await client.GetDocumentAsync("/admin");
        var form = page.QuerySelector("#bulk-form")!;
        return await client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Selected"] = id.ToString(), ["BulkAction"] = action, ["Reason"] = reason, ["Assignee"] = assignee, ["Confirmed"] = "true",
            ["__RequestVerificationToken"] = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            // The listing's version as the queue shows it: a choice without it is refused.
            [$"Seen[{id}]"] = form.QuerySelector($"input[name='Seen[{id}]']")!.GetAttribute("value")!,
        }));
    }

    [Fact]
    public async Task An_assignment_is_mailed_to_the_assignee_in_their_language_recorded_in_the_history_and_can_be_switched_off()
    {
        var (lead, leadEmail) = await Curators.SignedInAsync(site, "curator");
        var (anna, annaEmail) = await Curators.SignedInAsync(site, "curator");
        await SettingsAsync(anna, "en", MailKinds.All);
        var first = await CreateAsync(lead, NewListing("Zugewiesen per Mail"));
        await InReviewAsync(lead, first);

        using (var assigned = await BulkAsync(lead, first, "assign", assignee: annaEmail))
            Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
        var mail = Assert.Single(site.MailsTo(annaEmail), m => SubjectHas(m, "\"Zugewiesen per Mail\" was assigned"));
        Assert.Equal("KreativLand: \"Zugewiesen per Mail\" was assigned to you", mail.Subject);
        Assert.Equal("en", Language(mail));
        Assert.Contains($"{leadEmail} assigned the listing \"Zugewiesen per Mail\" (Görlitz-Land (DE)) to you.", mail.TextBody);
        Assert.Contains($"https://kreativland.example/en/admin/cooperations/edit/{first}", mail.TextBody);
        Assert.Contains("https://kreativland.example/en/account/notifications", mail.TextBody);
        Assert.Equal("kreativland@example.org", mail.From.Mailboxes.Single().Address);
        await using (var db = site.OpenContext())
        {
            var history = await db.StatusChanges.Where(s => s.CooperationId == first).OrderBy(s => s.Id).ToListAsync();
            Assert.Contains(history, s => s.Event == HistoryEvent.Assigned && s.Detail == annaEmail && s.ChangedBy == leadEmail);
        }
        // Assigning the same curator again changes nothing and tells nobody.
        using (await BulkAsync(lead, first, "assign", assignee: annaEmail)) { }
        Assert.Single(site.MailsTo(annaEmail), m => SubjectHas(m, "\"Zugewiesen per Mail\" was assigned"));

        // Switched off: the next assignment is recorded but not mailed.
        await SettingsAsync(anna, "en", MailKinds.Waiting, MailKinds.Digest);
        var second = await CreateAsync(lead, NewListing("Still zugewiesen"));
        await InReviewAsync(lead, second);
        using (await BulkAsync(lead, second, "assign", assignee: annaEmail)) { }
        Assert.DoesNotContain(site.MailsTo(annaEmail), m => SubjectHas(m, "\"Still zugewiesen\" was assigned"));
        await using (var db = site.OpenContext())
            Assert.Equal(annaEmail, (await db.Cooperations.SingleAsync(c => c.Id == second)).AssignedTo);
        var settings = await anna.GetDocumentAsync("/account/notifications");
        Assert.Null(settings.QuerySelector("#receive-assignment[checked]"));
        Assert.NotNull(settings.QuerySelector("#receive-waiting[checked]"));
    }

    [Fact]
    public async Task Reviewers_are_told_when_a_listing_a_revision_or_a_submission_waits_each_in_their_language_but_not_the_author()
    {
        var (author, authorEmail) = await Curators.SignedInAsync(site, "curator");
        var (german, germanEmail) = await Curators.SignedInAsync(site, "curator");
        var (english, englishEmail) = await Curators.SignedInAsync(site, "curator");
        var (quiet, quietEmail) = await Curators.SignedInAsync(site, "curator");
        await SettingsAsync(german, "de", MailKinds.All);
        await SettingsAsync(english, "en", MailKinds.All);
        await SettingsAsync(quiet, "de", MailKinds.Assignment);

        var id = await CreateAsync(author, With(NewListing("Wartet auf Blick"), Attested()));
        await InReviewAsync(author, id);
        Assert.Equal("KreativLand: „Wartet auf Blick“ wartet auf Prüfung", Assert.Single(site.MailsTo(germanEmail), m => SubjectHas(m, "Wartet auf Blick")).Subject);
        var englishMail = Assert.Single(site.MailsTo(englishEmail), m => SubjectHas(m, "Wartet auf Blick"));
        Assert.Equal("KreativLand: \"Wartet auf Blick\" waits for review", englishMail.Subject);
        Assert.Contains($"{authorEmail} sent the listing", englishMail.TextBody);
        Assert.DoesNotContain(site.MailsTo(authorEmail), m => SubjectHas(m, "Wartet auf Blick"));
        Assert.DoesNotContain(site.MailsTo(quietEmail), m => SubjectHas(m, "Wartet auf Blick"));

        // Published by the German reviewer, then revised by the author: a revision waits (told once, not on every save).
        using (var published = await german.SubmitFormAsync($"/admin/cooperations/edit/{id}", "#transition-form", new() { ["Transition.To"] = "published" }))
            Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        foreach (var summary in new[] { "Erste Überarbeitung", "Zweite Überarbeitung" })
        {
            var page = await author.GetDocumentAsync($"/admin/cooperations/edit/{id}");
            using var saved = await author.PostFormAsync(page, $"/admin/cooperations/edit/{id}", "#editor-form", new() { ["Input.Summary.De"] = summary });
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }
        Assert.Equal("KreativLand: a revision of \"Wartet auf Blick\" waits for review",
            Assert.Single(site.MailsTo(englishEmail), m => SubjectHas(m, "revision of \"Wartet auf Blick\"")).Subject);
        Assert.Single(site.MailsTo(germanEmail), m => SubjectHas(m, "Überarbeitung von „Wartet auf Blick“"));

        // A public submission (no team address configured): every curator who wants it, in their language.
        using (var submitted = await site.CreateClient().SubmitFormAsync("/submit", "#submission-form", SubmissionTests.Proposal("Eingereicht mit Post")))
            Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Equal("KreativLand: new submission \"Eingereicht mit Post\" waits for review",
            Assert.Single(site.MailsTo(englishEmail), m => SubjectHas(m, "Eingereicht mit Post")).Subject);
        Assert.Single(site.MailsTo(authorEmail), m => SubjectHas(m, "Eingereicht mit Post"));
        Assert.DoesNotContain(site.MailsTo(quietEmail), m => SubjectHas(m, "Eingereicht mit Post"));
    }

    [Fact]
    public async Task A_submitter_is_told_of_publication_and_of_a_rejection_with_its_reason_in_the_submissions_language()
    {
        var (author, _) = await Curators.SignedInAsync(site, "curator");
        var (reviewer, _) = await Curators.SignedInAsync(site, "curator");
        var published = await CreateAsync(author, With(NewListing("Angenommen per Post"), Attested()));
        var rejected = await CreateAsync(author, With(NewListing(""), new() { ["Input.Title.En"] = "Declined by mail", ["PartnerRows[0].Name"] = "Mill Declined", ["PartnerRows[1].Name"] = "Studio Declined" }));
        await using (var db = site.OpenContext())
        {
            await db.Cooperations.Where(c => c.Id == published).ExecuteUpdateAsync(s => s.SetProperty(c => c.SubmitterEmail, "eva@example.org"));
            await db.Cooperations.Where(c => c.Id == rejected).ExecuteUpdateAsync(s => s.SetProperty(c => c.SubmitterEmail, "sam@example.org"));
        }
        await InReviewAsync(author, published);
        await InReviewAsync(author, rejected);
        Assert.Empty(site.MailsTo("eva@example.org"));

        using (var done = await reviewer.SubmitFormAsync($"/en/admin/cooperations/edit/{published}", "#transition-form", new() { ["Transition.To"] = "published" }))
            Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var eva = Assert.Single(site.MailsTo("eva@example.org"));
        Assert.Equal("KreativLand: Ihre Einreichung „Angenommen per Post“ ist veröffentlicht", eva.Subject);
        Assert.Equal("de", Language(eva));
        Assert.Contains("https://kreativland.example/de/cooperations/angenommen-per-post", eva.TextBody);
        Assert.DoesNotContain("/admin/", eva.TextBody);
        Assert.DoesNotContain("account/notifications", eva.TextBody);

        using (var done = await BulkAsync(reviewer, rejected, "reject", "Both partners are in a city of 200,000."))
            Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var sam = Assert.Single(site.MailsTo("sam@example.org"));
        Assert.Equal("KreativLand: your submission \"Declined by mail\"", sam.Subject);
        Assert.Equal("en", Language(sam));
        Assert.Contains("Reason: Both partners are in a city of 200,000.", sam.TextBody);
    }

    [Fact]
    public async Task The_weekly_digest_lists_each_curators_due_listings_once_a_week_unless_switched_off()
    {
        var (author, authorEmail) = await Curators.SignedInAsync(site, "curator");
        var (reviewer, reviewerEmail) = await Curators.SignedInAsync(site, "curator");
        await SettingsAsync(author, "en", MailKinds.All);
        await SettingsAsync(reviewer, "de", MailKinds.Assignment, MailKinds.Waiting);
        var id = await CreateAsync(author, With(NewListing("Lange nicht geprüft"), Attested()));
        await InReviewAsync(author, id);
        using (var done = await reviewer.SubmitFormAsync($"/admin/cooperations/edit/{id}", "#transition-form", new() { ["Transition.To"] = "published" }))
            Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        await using (var db = site.OpenContext())
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE cooperations SET published_at = now() - interval '400 days', last_reviewed_at = now() - interval '400 days', assigned_to = {authorEmail} WHERE id = {id}");
            await db.SiteSettings.Where(s => s.Key == ReviewDigest.LastSentKey).ExecuteDeleteAsync();
        }

        int sent;
        await using (var scope = site.Factory.Services.CreateAsyncScope())
            sent = await scope.ServiceProvider.GetRequiredService<ReviewDigest>().RunIfDueAsync(default);
        Assert.True(sent >= 1);
        var digest = Assert.Single(site.MailsTo(authorEmail), m => SubjectHas(m, "due for review"));
        Assert.Contains("Lange nicht geprüft", digest.TextBody);
        Assert.Contains($"https://kreativland.example/en/admin/cooperations/edit/{id}", digest.TextBody);
        Assert.Equal("en", Language(digest));
        Assert.DoesNotContain(site.MailsTo(reviewerEmail), m => SubjectHas(m, "Überprüfung fällig"));

        // Within the week nothing more is sent.
        await using (var scope = site.Factory.Services.CreateAsyncScope())
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<ReviewDigest>().RunIfDueAsync(default));
        Assert.Single(site.MailsTo(authorEmail), m => SubjectHas(m, "due for review"));
    }
}
