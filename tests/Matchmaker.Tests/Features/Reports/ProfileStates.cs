using Dapper;

namespace Matchmaker.Tests.Features.Reports;

/// <summary>
/// Sets where a profile stands with the agencies by writing the column, as the report tests' worlds need: profiles
/// are pending on creation, and the reports count only verified ones while <c>Profiles:RequireVerification</c> is on.
/// </summary>
internal static class ProfileStates
{
    /// <param name="table"><c>smes</c> or <c>partners</c>.</param>
    public static async Task SetAsync(ApiFixture api, string table, Guid profileId, string status)
    {
        Assert.Contains(table, new[] { "smes", "partners" });
        await using var connection = await api.OpenDatabaseAsync();
        var changed = await connection.ExecuteAsync($"UPDATE {table} SET verification = @Status WHERE public_id = @Id", new { Status = status, Id = api.KeyOf(profileId) });
        Assert.Equal(1, changed);
    }
}
