using KreativLand.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KreativLand.Web.Infrastructure;

/// <summary>Ready when the database answers and PostGIS is installed in it.</summary>
public sealed class DatabaseHealthCheck(KreativLandDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            var version = await db.Database
                .SqlQueryRaw<string>("SELECT postgis_lib_version() AS \"Value\"")
                .SingleAsync(timeout.Token);
            return HealthCheckResult.Healthy($"PostGIS {version}");
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("database or PostGIS unavailable", exception);
        }
    }
}
