using LiteDB;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OpinionBot.Storage;

public sealed class LiteDbHealthCheck(ILiteDatabase database) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            _ = database.UserVersion;
            return Task.FromResult(HealthCheckResult.Healthy());
        }
        catch (LiteException ex)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("LiteDB is not readable", ex));
        }
    }
}
