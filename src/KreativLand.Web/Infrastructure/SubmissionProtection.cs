using KreativLand.Web.Api;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.DataProtection;

namespace KreativLand.Web.Infrastructure;

/// <summary>Spam and abuse limits of the public submission form ("Submission" configuration section).</summary>
public sealed class SubmissionOptions
{
    public const string Section = "Submission";
    /// <summary>A form sent sooner than this after it was served is refused (bots fill forms at once).</summary>
    public int MinimumFillSeconds { get; set; } = 5;
    /// <summary>A form older than this is refused and served again.</summary>
    public int MaximumFormAgeHours { get; set; } = 24;
    /// <summary>Submissions per client address and window.</summary>
    public int PermitLimit { get; set; } = 5;
    public int WindowMinutes { get; set; } = 60;
    /// <summary>Largest accepted request body.</summary>
    public int MaxRequestBytes { get; set; } = 64 * 1024;
}

/// <summary>The signed "form served at" timestamp carried by the submission form.</summary>
public sealed class SubmissionToken(IDataProtectionProvider protection, TimeProvider clock)
{
    private readonly IDataProtector protector = protection.CreateProtector("KreativLand.Submission.FormServedAt.v1");

    public string Create() => Create(clock.GetUtcNow());

    public string Create(DateTimeOffset servedAt) => protector.Protect(servedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));

    /// <summary>When the form was served; null when the token is missing, forged or unreadable.</summary>
    public DateTimeOffset? ServedAt(string? token)
    {
        if (string.IsNullOrEmpty(token)) return null;
        try
        {
            return long.TryParse(protector.Unprotect(token), NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
                ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
                : null;
        }
        catch (System.Security.Cryptography.CryptographicException) { return null; }
    }
}

public static class SubmissionProtection
{
    public const string SubmitPath = "/submit";

    public static WebApplicationBuilder AddSubmissionProtection(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<SubmissionOptions>(builder.Configuration.GetSection(SubmissionOptions.Section));
        builder.Services.AddSingleton<SubmissionToken>();
        builder.Services.Configure<NotificationOptions>(builder.Configuration.GetSection(NotificationOptions.Section));
        builder.Services.AddScoped<SubmissionNotifier>();
        builder.Services.AddSingleton<Mailer>();
        var options = builder.Configuration.GetSection(SubmissionOptions.Section).Get<SubmissionOptions>() ?? new SubmissionOptions();
        builder.Services.Configure<RateLimitOptions>(builder.Configuration.GetSection(RateLimitOptions.Section));
        builder.Services.AddSingleton<SignInThrottle>();
        var limits = builder.Configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Only sending the form counts; reading it is free. Keyed by client address (behind a proxy: forwarded headers).
            var submissions = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                HttpMethods.IsPost(context.Request.Method) && context.Request.Path.StartsWithSegments(SubmitPath)
                    ? RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = options.PermitLimit,
                        Window = TimeSpan.FromMinutes(options.WindowMinutes),
                        QueueLimit = 0,
                    })
                    : RateLimitPartition.GetNoLimiter("unlimited"));
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(submissions, RateLimits.Api(limits));
            limiter.OnRejected = async (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers.RetryAfter = RateLimits.Seconds(retryAfter);
                if (ApiProblems.IsApi(context.HttpContext.Request.Path)) await RateLimits.WriteApiRefusalAsync(context.HttpContext, retryAfter);
            };
        });
        return builder;
    }
}
