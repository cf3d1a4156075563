using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Matchmaker.Api.Infrastructure.Data;

internal sealed class DatabaseHealthCheck(ConnectionFactory db) : IHealthCheck
{
    private const string PingSql = "SELECT COUNT(*) FROM regions";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await db.OpenAsync(cancellationToken);
            var regions = await connection.ExecuteScalarAsync<int>(new CommandDefinition(PingSql, cancellationToken: cancellationToken));
            return regions > 0 ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("Reference data is missing.");
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("The database cannot be reached.", e);
        }
    }
}
