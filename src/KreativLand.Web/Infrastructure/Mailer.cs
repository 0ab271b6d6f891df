using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace KreativLand.Web.Infrastructure;

/// <summary>
/// Sends plain-text e-mail (MailKit) through the SMTP server of the "Notifications" section, or writes each message as an
/// .eml file into <see cref="NotificationOptions.PickupDirectory"/> (development and tests read them there); does nothing
/// while neither is set.
/// </summary>
public sealed class Mailer(IOptions<NotificationOptions> options, IHostEnvironment environment, ILogger<Mailer> logger)
{
    public bool Enabled => options.Value.Enabled;

    /// <summary>True when the message was handed to the server or written; a failure is logged, never thrown.</summary>
    /// <param name="language">The message's language (Content-Language), when it is written in one.</param>
    public async Task<bool> SendAsync(IReadOnlyCollection<string> recipients, string subject, string body, CancellationToken cancellationToken = default,
        string? language = null)
    {
        var settings = options.Value;
        if (!settings.Enabled || recipients.Count == 0) return false;
        try
        {
            using var message = new MimeMessage();
            message.From.Add(MailboxAddress.Parse(settings.From));
            foreach (var recipient in recipients) message.To.Add(MailboxAddress.Parse(recipient));
            message.Subject = subject;
            var text = new TextPart(MimeKit.Text.TextFormat.Plain) { Text = body };
            // A Content-* header belongs to the body part (MimeKit drops it from the message's own headers).
            if (language is not null) text.Headers.Add(HeaderId.ContentLanguage, language);
            message.Body = text;

            if (PickupDirectory() is { } directory)
            {
                Directory.CreateDirectory(directory);
                // Sortable by time, unique without coordination between instances.
                var file = Path.Combine(directory, $"{DateTime.UtcNow:yyyyMMdd-HHmmss-fffffff}-{Guid.NewGuid():N}.eml");
                await message.WriteToAsync(file, cancellationToken);
                return true;
            }

            // Enabled without a pickup directory means a host is set.
            var host = settings.SmtpHost ?? throw new InvalidOperationException("Notifications:SmtpHost is not set");
            using var client = new SmtpClient { Timeout = settings.TimeoutSeconds * 1000 };
            await client.ConnectAsync(host, settings.SmtpPort, settings.EnableSsl ? SecureSocketOptions.Auto : SecureSocketOptions.None, cancellationToken);
            if (!string.IsNullOrEmpty(settings.UserName)) await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken);
            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(true, cancellationToken);
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(exception, "E-mail \"{Subject}\" to {Count} recipient(s) could not be sent", subject, recipients.Count);
            return false;
        }
    }

    private string? PickupDirectory() => string.IsNullOrWhiteSpace(options.Value.PickupDirectory)
        ? null
        : Path.GetFullPath(options.Value.PickupDirectory, environment.ContentRootPath);
}
