using System.Globalization;
using KreativLand.Web.Data;
using KreativLand.Web.Domain;
using KreativLand.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KreativLand.Web.Curation;

/// <summary>
/// The weekly digest of listings due for review (<see cref="CuratorMail.DigestAsync"/>). Every instance checks hourly;
/// the one that moves the "last sent" setting on (one conditional UPDATE) sends it, so several instances send it once.
/// </summary>
public sealed class ReviewDigest(KreativLandDbContext db, CuratorMail mail, TimeProvider clock)
{
    public const string LastSentKey = "notifications.digest-sent-at";
    public static readonly TimeSpan Interval = TimeSpan.FromDays(7);

    /// <summary>Sends the digest when the last one is a week old (or none was sent); returns the messages sent.</summary>
    public async Task<int> RunIfDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var nowText = now.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
        var dueText = (now - Interval).UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
        // ISO 8601 in UTC sorts as text.
        var claimed = await db.SiteSettings
            .Where(s => s.Key == LastSentKey && string.Compare(s.Value, dueText) <= 0)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Value, nowText).SetProperty(x => x.UpdatedAt, now).SetProperty(x => x.UpdatedBy, "digest"), cancellationToken);
        if (claimed == 0)
        {
            if (await db.SiteSettings.AnyAsync(s => s.Key == LastSentKey, cancellationToken)) return 0;
            db.SiteSettings.Add(new SiteSetting { Key = LastSentKey, Value = nowText, UpdatedAt = now, UpdatedBy = "digest" });
            try { await db.SaveChangesAsync(cancellationToken); }
            catch (DbUpdateException) { return 0; } // another instance claimed it first
        }
        return await mail.DigestAsync(now, cancellationToken);
    }

    /// <summary>Checks hourly while mail is configured and <c>Notifications:Digest</c> is not false.</summary>
    public sealed class Service(IServiceScopeFactory scopes, IOptions<NotificationOptions> options, ILogger<Service> logger) : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            using var timer = new PeriodicTimer(TimeSpan.FromHours(1));
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (!options.Value.Enabled || !options.Value.Digest) continue;
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<ReviewDigest>().RunIfDueAsync(stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // The database may be down for a while; the next hour tries again.
                    logger.LogWarning(exception, "Review digest not sent");
                }
            }
        }
    }
}
