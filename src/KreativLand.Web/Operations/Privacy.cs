using KreativLand.Web.Data;
using KreativLand.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KreativLand.Web.Operations;

/// <summary>"Privacy" configuration section.</summary>
public sealed class PrivacyOptions
{
    public const string Section = "Privacy";
    /// <summary>Days after the decision on a submission (published, rejected, archived) when the submitter's contact data is erased.</summary>
    public int SubmitterContactRetentionDays { get; set; } = 180;
    /// <summary>How often the retention job runs; 0 switches it off (then run ./run.sh purge-personal-data from cron).</summary>
    public int RetentionIntervalMinutes { get; set; } = 60;
}

/// <summary>
/// Personal data of submitters: their contact address and consent time are kept until a configured time after the
/// decision, can be exported and erased by an admin, and are never part of a public page, the API or an export.
/// </summary>
public static class Privacy
{
    private static readonly CooperationStatus[] Decided = [CooperationStatus.Published, CooperationStatus.Rejected, CooperationStatus.Archived];

    public sealed record Submission(int Id, string Slug, string Title, CooperationStatus Status, string? Email, DateTimeOffset? ConsentAt, DateTimeOffset CreatedAt);

    /// <summary>Every listing a submitter (by e-mail address, case-insensitive) sent.</summary>
    public static Task<List<Submission>> FindAsync(KreativLandDbContext db, string email, CancellationToken cancellationToken = default)
    {
        var normalized = email.Trim().ToLowerInvariant();
        return db.Cooperations.AsNoTracking()
            .Where(c => c.SubmitterEmail != null && c.SubmitterEmail.ToLower() == normalized)
            .OrderBy(c => c.CreatedAt)
            .Select(c => new Submission(c.Id, c.Slug, c.Title.De ?? c.Title.En ?? c.Slug, c.Status, c.SubmitterEmail, c.SubmitterConsentAt, c.CreatedAt))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Erases the contact data of the given listings; returns how many were changed.</summary>
    public static Task<int> EraseAsync(KreativLandDbContext db, IQueryable<Cooperation> listings, CancellationToken cancellationToken = default) =>
        listings.Where(c => c.SubmitterEmail != null || c.SubmitterConsentAt != null)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.SubmitterEmail, (string?)null).SetProperty(c => c.SubmitterConsentAt, (DateTimeOffset?)null), cancellationToken);

    public static Task<int> EraseSubmitterAsync(KreativLandDbContext db, string email, CancellationToken cancellationToken = default)
    {
        var normalized = email.Trim().ToLowerInvariant();
        return EraseAsync(db, db.Cooperations.Where(c => c.SubmitterEmail != null && c.SubmitterEmail.ToLower() == normalized), cancellationToken);
    }

    /// <summary>
    /// The retention rule: contact data of submissions decided longer ago than the retention period is erased, and used
    /// form tokens older than any form could be are deleted. Returns the number of listings whose contact data was erased.
    /// </summary>
    public static async Task<int> PurgeAsync(KreativLandDbContext db, PrivacyOptions options, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var decidedBefore = now.AddDays(-options.SubmitterContactRetentionDays);
        var erased = await EraseAsync(db, db.Cooperations.Where(c => Decided.Contains(c.Status)
            && c.StatusChanges.Where(s => Decided.Contains(s.To)).Max(s => (DateTimeOffset?)s.ChangedAt) < decidedBefore), cancellationToken);
        await db.UsedFormTokens.Where(t => t.UsedAt < now.AddDays(-2)).ExecuteDeleteAsync(cancellationToken);
        return erased;
    }

    /// <summary>Runs <see cref="PurgeAsync"/> every RetentionIntervalMinutes in the site's process.</summary>
    public sealed class RetentionService(IServiceScopeFactory scopes, IOptions<PrivacyOptions> options, TimeProvider clock, ILogger<RetentionService> logger) : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            if (options.Value.RetentionIntervalMinutes <= 0) return;
            using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.RetentionIntervalMinutes), clock);
            do
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var erased = await PurgeAsync(scope.ServiceProvider.GetRequiredService<KreativLandDbContext>(), options.Value, clock.GetUtcNow(), stoppingToken);
                    if (erased > 0) logger.LogInformation("Privacy retention: contact data of {Count} decided submissions erased", erased);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The database may be down for a while: the next run tries again.
                    logger.LogWarning(e, "Privacy retention run failed; it runs again in {Minutes} minutes", options.Value.RetentionIntervalMinutes);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
    }
}
