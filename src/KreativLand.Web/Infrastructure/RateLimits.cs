using KreativLand.Web.Api;
using System.Globalization;
using System.Threading.RateLimiting;

namespace KreativLand.Web.Infrastructure;

/// <summary>Limits per client (and, for sign-in, per account) from the "RateLimits" configuration section. 0 switches one off.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";
    /// <summary>Requests per minute and client to the public API (/api/v1, /ogc, /openapi); health and static files are never limited.</summary>
    public int ApiPermitsPerMinute { get; set; } = 1200;
    /// <summary>Sign-in attempts per client address within <see cref="SignInWindowMinutes"/>.</summary>
    public int SignInPermitsPerClient { get; set; } = 20;
    /// <summary>Sign-in attempts per account (e-mail address, existing or not) within <see cref="SignInWindowMinutes"/>.</summary>
    public int SignInPermitsPerAccount { get; set; } = 10;
    public int SignInWindowMinutes { get; set; } = 5;
}

public static class RateLimits
{
    /// <summary>The client's address as the partition key (behind a proxy: the forwarded address).</summary>
    public static string Client(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    public static string Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    /// <summary>The public API's limiter, chained with the submission form's in the one global limiter (SubmissionProtection).</summary>
    public static PartitionedRateLimiter<HttpContext> Api(RateLimitOptions options) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context =>
            options.ApiPermitsPerMinute > 0 && ApiProblems.IsApi(context.Request.Path)
                ? RateLimitPartition.GetFixedWindowLimiter("api:" + Client(context), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.ApiPermitsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                })
                : RateLimitPartition.GetNoLimiter("unlimited"));

    /// <summary>A refused API request gets a problem (pages get the error page through the status code pages).</summary>
    public static async ValueTask WriteApiRefusalAsync(HttpContext context, TimeSpan wait) =>
        await ApiProblems.TooManyRequests(Seconds(wait)).ExecuteAsync(context);
}

/// <summary>
/// Sign-in attempts per client and per account: past either limit the sign-in page answers 429 with Retry-After,
/// whether the account exists or not, so the limit itself tells nothing about accounts.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> clients;
    private readonly PartitionedRateLimiter<string> accounts;

    public SignInThrottle(Microsoft.Extensions.Options.IOptions<RateLimitOptions> options)
    {
        var o = options.Value;
        PartitionedRateLimiter<string> Limiter(int permits) => PartitionedRateLimiter.Create<string, string>(key => permits > 0
            ? RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits, Window = TimeSpan.FromMinutes(o.SignInWindowMinutes), QueueLimit = 0,
            })
            : RateLimitPartition.GetNoLimiter(""));
        clients = Limiter(o.SignInPermitsPerClient);
        accounts = Limiter(o.SignInPermitsPerAccount);
    }

    /// <summary>Takes one attempt from both budgets; null when allowed, else how long to wait.</summary>
    public TimeSpan? TryAttempt(string client, string account)
    {
        using var byClient = clients.AttemptAcquire(client);
        using var byAccount = accounts.AttemptAcquire(account.Trim().ToUpperInvariant());
        if (byClient.IsAcquired && byAccount.IsAcquired) return null;
        var waits = new[] { byClient, byAccount }.Where(l => !l.IsAcquired)
            .Select(l => l.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1));
        return waits.Max();
    }

    public void Dispose()
    {
        clients.Dispose();
        accounts.Dispose();
    }
}
