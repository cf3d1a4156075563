namespace Matchmaker.Api.Features.Needs.Expiry;

/// <summary>
/// Needs stored before expiry existed get <c>createdAt + Needs:Validity</c> at start-up: the migration cannot
/// know the configured validity, and no request may see a need without an expiry time.
/// </summary>
internal sealed class NeedExpiryBackfill(SqlDialect dialect, NeedOptions options, ILogger<NeedExpiryBackfill> logger) : IStartupSeed
{
    public async Task SeedAsync(DbConnection connection, DateTime now, CancellationToken ct)
    {
        var filled = await NeedStore.FillExpiryAsync(connection, dialect, options.Validity, ct);
        if (filled > 0)
            logger.LogInformation("Gave {Needs} needs stored before expiry existed an expiry time: creation + {Validity}", filled, options.Validity);
    }
}
