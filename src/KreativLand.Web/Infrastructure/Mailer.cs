using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace KreativLand.Web.Infrastructure;

/// <summary>Sends plain-text e-mail through the SMTP server of the "Notifications" section; does nothing while none is set.</summary>
public sealed class Mailer(IOptions<NotificationOptions> options, ILogger<Mailer> logger)
{
    public bool Enabled => options.Value.Enabled;

    /// <summary>True when the message was handed to the server; a failure is logged, never thrown.</summary>
    public async Task<bool> SendAsync(IReadOnlyCollection<string> recipients, string subject, string body, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        if (!settings.Enabled || recipients.Count == 0) return false;
        try
        {
            using var message = new MailMessage { From = new MailAddress(settings.From), Subject = subject, Body = body };
            foreach (var recipient in recipients) message.To.Add(recipient);
            using var client = new SmtpClient(settings.SmtpHost, settings.SmtpPort)
            {
                EnableSsl = settings.EnableSsl,
                Timeout = settings.TimeoutSeconds * 1000,
                Credentials = string.IsNullOrEmpty(settings.UserName) ? null : new NetworkCredential(settings.UserName, settings.Password),
            };
            await client.SendMailAsync(message, cancellationToken);
            return true;
        }
        catch (Exception exception) when (exception is SmtpException or InvalidOperationException or FormatException or IOException or System.Net.Sockets.SocketException)
        {
            logger.LogWarning(exception, "E-mail \"{Subject}\" to {Count} recipient(s) could not be sent", subject, recipients.Count);
            return false;
        }
    }
}
