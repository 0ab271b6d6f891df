using System.Net;
using System.Net.Mail;
using KreativLand.Web.Data;
using KreativLand.Web.Domain;
using Microsoft.EntityFrameworkCore;
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
    /// <summary>The site's public address, for the link in the message (e.g. https://kreativland.example).</summary>
    public string? SiteUrl { get; set; }
    public int TimeoutSeconds { get; set; } = 10;

    public bool Enabled => !string.IsNullOrWhiteSpace(SmtpHost);
}

public sealed class SubmissionNotifier(IOptions<NotificationOptions> options, KreativLandDbContext db, ILogger<SubmissionNotifier> logger)
{
    /// <summary>Sends the message; a failure is logged and never stops the submission.</summary>
    public async Task NotifyAsync(Cooperation submission, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        if (!settings.Enabled) return;
        try
        {
            var recipients = string.IsNullOrWhiteSpace(settings.To)
                ? await db.Users.AsNoTracking().Where(u => !u.Disabled && u.Email != null).Select(u => u.Email!).ToListAsync(cancellationToken)
                : settings.To.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
            if (recipients.Count == 0) return;

            var title = submission.Title.De ?? submission.Title.En ?? submission.Slug;
            var link = $"{settings.SiteUrl?.TrimEnd('/')}/admin/cooperations/edit/{submission.Id}";
            using var message = new MailMessage
            {
                From = new MailAddress(settings.From),
                Subject = $"KreativLand: neue Einreichung / new submission – {title}",
                Body = $"""
                    Eine neue Kooperation wurde eingereicht und wartet auf Prüfung.
                    A new cooperation was submitted and awaits review.

                    {title}
                    {submission.Location.Municipality} ({submission.Location.CountryCode})

                    {link}
                    """,
            };
            foreach (var recipient in recipients) message.To.Add(recipient);
            using var client = new SmtpClient(settings.SmtpHost, settings.SmtpPort)
            {
                EnableSsl = settings.EnableSsl,
                Timeout = settings.TimeoutSeconds * 1000,
                Credentials = string.IsNullOrEmpty(settings.UserName) ? null : new NetworkCredential(settings.UserName, settings.Password),
            };
            await client.SendMailAsync(message, cancellationToken);
            logger.LogInformation("Submission {Slug}: notified {Count} curator address(es)", submission.Slug, recipients.Count);
        }
        catch (Exception exception) when (exception is SmtpException or InvalidOperationException or FormatException or IOException or System.Net.Sockets.SocketException)
        {
            logger.LogWarning(exception, "Submission {Slug}: the e-mail notification could not be sent", submission.Slug);
        }
    }
}
