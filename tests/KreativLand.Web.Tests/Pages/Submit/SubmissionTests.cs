using System.Net;
using KreativLand.Web.Domain;
using KreativLand.Web.Infrastructure;
using KreativLand.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KreativLand.Web.Tests.Pages.Submit;

/// <summary>The site with a generous rate limit, so only the other spam rules are at work.</summary>
public class SubmissionWebFixture : BasicDataWebFixture
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Submission:MinimumFillSeconds"] = "5",
        ["Submission:PermitLimit"] = "1000",
    };
}

public class SubmissionTests(SubmissionWebFixture site) : IClassFixture<SubmissionWebFixture>
{
    public static Dictionary<string, string> Proposal(string title) => new()
    {
        ["Input.Language"] = "de",
        ["Input.Title"] = title,
        ["Input.Summary"] = "Eine Schreinerei und ein Theater bauen Bühnenbilder.",
        ["Input.StartYear"] = "2021",
        ["Input.Ongoing"] = "true",
        ["Input.Municipality"] = "Görlitz",
        ["Input.Country"] = "DE",
        ["Input.SmeName"] = "Schreinerei Holz & Co",
        ["Input.SmeEmployees"] = "14",
        ["Input.CciName"] = "Theater Unterwegs",
        ["Input.CciSubsector"] = "performing-arts",
        ["Input.ContactEmail"] = "kontakt@example.org",
        ["Input.Consent"] = "true",
        ["ConfirmNotDuplicate"] = "true",
    };

    /// <summary>A form token as if the form had been served a minute ago (so the minimum fill time is met).</summary>
    private string MinuteOldToken() =>
        site.Factory.Services.GetRequiredService<SubmissionToken>().Create(DateTimeOffset.UtcNow.AddMinutes(-1));

    private async Task<bool> StoredAsync(string title)
    {
        await using var db = site.OpenContext();
        return await db.Cooperations.AnyAsync(c => c.Title.De == title);
    }

    [Fact]
    public async Task A_proposal_is_stored_as_submitted_with_its_contact_and_appears_in_the_review_queue_but_not_publicly()
    {
        var client = site.CreateClient();
        var fields = Proposal("Bühnenbilder aus dem Dorf");
        fields["FormToken"] = MinuteOldToken();
        using var response = await client.SubmitFormAsync("/submit", "#submission-form", fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var thanks = await client.GetDocumentAsync(response.Headers.Location!.OriginalString);
        Assert.NotNull(thanks.QuerySelector("#submission-sent"));

        await using var db = site.OpenContext();
        var stored = await db.Cooperations.Include(c => c.Partners).ThenInclude(p => p.Partner).Include(c => c.StatusChanges)
            .SingleAsync(c => c.Title.De == "Bühnenbilder aus dem Dorf");
        Assert.Equal(CooperationStatus.Submitted, stored.Status);
        Assert.Equal("kontakt@example.org", stored.SubmitterEmail);
        Assert.Equal("Görlitz", stored.Location.Municipality);
        Assert.True(stored.Location.Population > 50_000); // from the gazetteer
        Assert.InRange(stored.Location.Latitude, 51.1, 51.2);
        Assert.Equal(["Schreinerei Holz & Co", "Theater Unterwegs"], stored.Partners.OrderBy(p => p.SortOrder).Select(p => p.Partner.Name));
        Assert.Equal("performing-arts", stored.Partners[1].Partner.SubsectorCode);
        Assert.Equal(CooperationStatus.Submitted, Assert.Single(stored.StatusChanges).To);

        using var publicPage = await site.CreateClient().GetAsync($"/cooperations/{stored.Slug}");
        Assert.Equal(HttpStatusCode.NotFound, publicPage.StatusCode);
        using var publicList = await site.CreateClient().GetAsync("/cooperations");
        Assert.DoesNotContain("kontakt@example.org", await publicList.Content.ReadAsStringAsync());

        var curator = await Curators.SignedInClientAsync(site, "curator");
        var editor = await curator.GetDocumentAsync($"/admin/cooperations/edit/{stored.Id}");
        Assert.Equal("kontakt@example.org", editor.Text("#submitter-email"));
        var dashboard = await curator.GetDocumentAsync("/admin");
        Assert.Contains("Bühnenbilder aus dem Dorf", dashboard.Text(".listing-table"));
        Assert.NotEqual("0", dashboard.Text(".count[data-status=submitted]"));
    }

    [Fact]
    public async Task A_form_sent_faster_than_the_minimum_fill_time_is_refused_and_keeps_the_input()
    {
        var client = site.CreateClient();
        using var response = await client.SubmitFormAsync("/submit", "#submission-form", Proposal("Zu schnell"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("sehr schnell abgeschickt", page.Text("#problems"));
        Assert.Equal("Zu schnell", page.QuerySelector("[name='Input.Title']")!.GetAttribute("value"));
        Assert.False(await StoredAsync("Zu schnell"));
    }

    [Fact]
    public async Task A_forged_or_missing_form_token_is_refused()
    {
        var fields = Proposal("Gefälscht");
        fields["FormToken"] = "not-a-token";
        using var response = await site.CreateClient().SubmitFormAsync("/submit", "#submission-form", fields);
        Assert.Contains("abgelaufen", (await Html.ParseAsync(response)).Text("#problems"));
        Assert.False(await StoredAsync("Gefälscht"));
    }

    [Fact]
    public async Task A_filled_honeypot_looks_like_success_but_stores_nothing()
    {
        var fields = Proposal("Vom Bot");
        fields["FormToken"] = MinuteOldToken();
        fields["Homepage"] = "http://spam.example/";
        using var response = await site.CreateClient().SubmitFormAsync("/submit", "#submission-form", fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await StoredAsync("Vom Bot"));
    }

    [Fact]
    public async Task Missing_and_invalid_fields_get_clear_messages_in_english_too()
    {
        var fields = Proposal("");
        fields["FormToken"] = MinuteOldToken();
        fields["Input.ContactEmail"] = "not-an-address";
        fields["Input.SmeEmployees"] = "-1";
        fields.Remove("Input.Consent");
        fields["Input.CciSubsector"] = "gardening";
        fields["Input.Summary"] = "kept";
        using var response = await site.CreateClient().SubmitFormAsync("/en/submit", "#submission-form", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        var summary = page.Text(".error-summary");
        Assert.Contains("Title of the cooperation is required.", summary);
        Assert.Contains("Your e-mail address is not a valid e-mail address.", summary);
        Assert.Contains("Employees must be between 0 and 1000000.", summary);
        Assert.Contains("Please confirm your consent to publication.", summary);
        Assert.Contains("Please choose a subsector from the list.", summary);
        Assert.Equal("kept", page.QuerySelector("[name='Input.Summary']")!.TextContent.Trim());
        await using var db = site.OpenContext();
        Assert.False(await db.Cooperations.AnyAsync(c => c.SubmitterEmail == "not-an-address"));
    }

    [Fact]
    public async Task Similar_published_listings_are_shown_before_sending_but_never_unpublished_ones()
    {
        var fields = Proposal("Geheimer Entwurf im Wald");
        fields.Remove("ConfirmNotDuplicate");
        fields["FormToken"] = MinuteOldToken();
        fields["Input.SmeName"] = "Forst Meier";
        fields["Input.CciName"] = "Hidden Designer";
        var client = site.CreateClient();
        using var warned = await client.SubmitFormAsync("/submit", "#submission-form", fields);
        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        var page = await Html.ParseAsync(warned);
        var similar = page.Text("#similar");
        Assert.Contains("Wald geht online", similar);
        Assert.DoesNotContain("Geheimer Entwurf", similar.Replace("Geheimer Entwurf im Wald", ""));
        Assert.False(await StoredAsync("Geheimer Entwurf im Wald"));

        // Sent again with the confirmation (and the kept token): stored.
        using var sent = await client.PostFormAsync(page, "/submit", "#submission-form", new() { ["ConfirmNotDuplicate"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.True(await StoredAsync("Geheimer Entwurf im Wald"));
    }

    [Fact]
    public async Task Oversized_input_is_refused()
    {
        var fields = Proposal("Zu lang");
        fields["FormToken"] = MinuteOldToken();
        fields["Input.Description"] = new string('x', 5_001);
        using var tooLong = await site.CreateClient().SubmitFormAsync("/submit", "#submission-form", fields);
        Assert.Equal(HttpStatusCode.OK, tooLong.StatusCode);
        Assert.Contains("höchstens 5000 Zeichen", (await Html.ParseAsync(tooLong)).Text(".error-summary"));

        fields["Input.Description"] = new string('x', 70_000);
        using var tooBig = await site.CreateClient().SubmitFormAsync("/submit", "#submission-form", fields);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooBig.StatusCode);
        Assert.False(await StoredAsync("Zu lang"));
    }
}

public class SubmissionRateLimitFixture : BasicDataWebFixture
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Submission:MinimumFillSeconds"] = "0",
        ["Submission:PermitLimit"] = "2",
        ["Submission:WindowMinutes"] = "10",
    };
}

public class SubmissionRateLimitTests(SubmissionRateLimitFixture site) : IClassFixture<SubmissionRateLimitFixture>
{
    [Fact]
    public async Task The_third_submission_from_one_address_in_the_window_gets_429_with_retry_after()
    {
        var client = site.CreateClient();
        for (var i = 0; i < 2; i++)
        {
            using var accepted = await client.SubmitFormAsync("/submit", "#submission-form", SubmissionTests.Proposal($"Erlaubt {i}"));
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        }
        using var refused = await client.SubmitFormAsync("/submit", "#submission-form", SubmissionTests.Proposal("Zu viele"));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single());
        Assert.InRange(retryAfter, 1, 600);
        Assert.Contains("Zu viele Anfragen", await refused.Content.ReadAsStringAsync());

        // Reading the form is not limited.
        using var form = await client.GetAsync("/submit");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        await using var db = site.OpenContext();
        Assert.False(await db.Cooperations.AnyAsync(c => c.Title.De == "Zu viele"));
    }
}

public class SubmissionBadNumberTests(SubmissionWebFixture site) : IClassFixture<SubmissionWebFixture>
{
    [Theory]
    [InlineData("/submit", "„zweitausend“ ist kein gültiger Wert für Beginn (Jahr).")]
    [InlineData("/en/submit", "“zweitausend” is not a valid value for Start year.")]
    public async Task A_value_that_is_not_a_number_gets_a_message_in_the_page_language(string url, string message)
    {
        var fields = SubmissionTests.Proposal("Zahlensalat");
        fields["FormToken"] = site.Factory.Services.GetRequiredService<SubmissionToken>().Create(DateTimeOffset.UtcNow.AddMinutes(-1));
        fields["Input.StartYear"] = "zweitausend";
        using var response = await site.CreateClient().SubmitFormAsync(url, "#submission-form", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = (await Html.ParseAsync(response)).Text(".error-summary");
        Assert.Contains(message, summary);
        Assert.DoesNotContain("Submit.", summary);
    }
}
