using KreativLand.Web.Domain;
using Microsoft.Extensions.Options;

namespace KreativLand.Web.Infrastructure;

/// <summary>E-mail to the curators about new submissions ("Notifications" section). Off while no SMTP host is set.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";
    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 25;
    public bool EnableSsl { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "kreativland@localhost";
    /// <summary>Recipients, comma-separated; empty: every active curator and admin account.</summary>
    public string? To { get; set; }
    /// <summary>The site's public address for links in mail (e.g. https://kreativland.example), used when Site:PublicOrigin is not set.</summary>
    public string? SiteUrl { get; set; }
    public int TimeoutSeconds { get; set; } = 10;
    /// <summary>Instead of SMTP: a folder (relative to the content root) where every message is written as an .eml file.</summary>
    public string? PickupDirectory { get; set; }
    /// <summary>The weekly digest of listings due for review (<see cref="Curation.ReviewDigest"/>).</summary>
    public bool Digest { get; set; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(SmtpHost) || !string.IsNullOrWhiteSpace(PickupDirectory);
}

public sealed class SubmissionNotifier(IOptions<NotificationOptions> options, Mailer mailer, Curation.CuratorMail curatorMail, ILogger<SubmissionNotifier> logger)
{
    /// <summary>Sends the message; a failure is logged and never stops the submission.</summary>
    public async Task NotifyAsync(Cooperation submission, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        if (!settings.Enabled) return;
        if (string.IsNullOrWhiteSpace(settings.To))
        {
            // Every active curator who has not switched these mails off, each in their own language.
            await curatorMail.WaitingAsync(submission, "Submission", Actor.PublicSubmissionName, cancellationToken);
            return;
        }
        var recipients = settings.To.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var title = submission.Title.De ?? submission.Title.En ?? submission.Slug;
        var link = $"{curatorMail.SiteUrl()}/admin/cooperations/edit/{submission.Id}";
        var sent = await mailer.SendAsync(recipients, $"KreativLand: neue Einreichung / new submission – {title}", $"""
            Eine neue Kooperation wurde eingereicht und wartet auf Prüfung.
            A new cooperation was submitted and awaits review.

            {title}
            {submission.Location.Municipality} ({submission.Location.CountryCode})

            {link}
            """, cancellationToken);
        if (sent) logger.LogInformation("Submission {Slug}: notified {Count} curator address(es)", submission.Slug, recipients.Count);
    }
}
