namespace Matchmaker.Api.Infrastructure.Data;

/// <summary>
/// Work a feature needs done on the database at start-up, after migrations and reference data and
/// before the server accepts requests; a failure stops start-up.
/// </summary>
internal interface IStartupSeed
{
    Task SeedAsync(DbConnection connection, DateTime now, CancellationToken ct);
}
