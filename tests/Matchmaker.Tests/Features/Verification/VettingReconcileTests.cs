using Dapper;
using Matchmaker.Api.Features.Matching.Scoring;
using Matchmaker.Api.Features.Notifications;
using Matchmaker.Api.Features.Verification;
using Matchmaker.Api.Infrastructure.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Matchmaker.Tests.Features.Verification;

/// <summary>
/// A start that finds <c>Profiles:RequireVerification</c> changed since the last one brings the stored matches in
/// line with the new rule before the first request, by scoring the profiles that are not verified again.
/// </summary>
public sealed class VettingReconcileTests(VettingSqliteApi api) : IClassFixture<VettingSqliteApi>
{
    [Fact]
    public async Task Turning_vetting_off_matches_the_pending_profiles_and_turning_it_on_again_removes_their_suggestions()
    {
        var agency = await api.UserAsync("agency");
        var (smeOwner, smeId) = await Create.SmeAccountAsync(api);
        await Vet.VerifyAsync(agency, "sme", smeId);
        var needId = await Create.NeedAsync(smeOwner, smeId);
        var (_, partnerId) = await Create.PartnerAccountAsync(api);
        await using var connection = await api.OpenDatabaseAsync();
        Assert.Equal(0, await SuggestionsOfAsync(connection, partnerId));

        await StartAsync(connection, Vetting.Off);

        Assert.True(await SuggestionsOfAsync(connection, partnerId) > 0, "the pending partner was not matched once vetting was off");
        Assert.Contains(partnerId, await Vet.PartnersMatchedToAsync(agency, needId));
        Assert.False(await connection.ExecuteScalarAsync<bool>("SELECT required FROM vetting_state"));
        await Invariants.AssertHoldAsync(connection, api.Clock.UtcNow, Vetting.Off);

        await StartAsync(connection, Vetting.On);

        Assert.Equal(0, await SuggestionsOfAsync(connection, partnerId));
        Assert.True(await connection.ExecuteScalarAsync<bool>("SELECT required FROM vetting_state"));
        await Invariants.AssertHoldAsync(api);
    }

    [Fact]
    public async Task A_start_with_the_rule_unchanged_scores_nothing_again()
    {
        var (_, partnerId) = await Create.PartnerAccountAsync(api);
        await using var connection = await api.OpenDatabaseAsync();
        var before = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM match_scores");

        await StartAsync(connection, Vetting.On);

        Assert.Equal(before, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM match_scores"));
        Assert.Equal(0, await SuggestionsOfAsync(connection, partnerId));
    }

    /// <summary>What a start of the app with <paramref name="vetting"/> does to the database, with services built for that rule.</summary>
    private async Task StartAsync(System.Data.Common.DbConnection connection, Vetting vetting)
    {
        var services = api.App.Services;
        var rescorer = new Rescorer(new PartnerInputCache(vetting), services.GetRequiredService<SqlDialect>(), services.GetRequiredService<Notifier>(), vetting);
        await new VettingReconcile(vetting, rescorer, NullLogger<VettingReconcile>.Instance).SeedAsync(connection, api.Clock.UtcNow, default);
    }

    private Task<int> SuggestionsOfAsync(System.Data.Common.DbConnection connection, Guid partnerId) =>
        connection.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM matches m JOIN partners p ON p.id = m.partner_id WHERE p.public_id = @PartnerId AND m.status = 'suggested'",
            new { PartnerId = api.KeyOf(partnerId) });
}
