using Matchmaker.Api.Features.Matching.Scoring;

namespace Matchmaker.Api.Features.Verification;

/// <summary>
/// When <c>Profiles:RequireVerification</c> changed since the last start, the profiles that are not verified are
/// scored again under the new rule before the first request: turned on, their suggestions go; turned off, they are
/// matched. Every profile that existed when vetting came is verified, so a start with the rule unchanged does nothing.
/// </summary>
internal sealed class VettingReconcile(Vetting vetting, Rescorer rescorer, ILogger<VettingReconcile> logger) : IStartupSeed
{
    public async Task SeedAsync(DbConnection connection, DateTime now, CancellationToken ct)
    {
        if (await VerificationStore.AppliedRuleAsync(connection, ct) == vetting.Required)
            return;
        await using var tx = await rescorer.BeginAsync(connection, ct);
        var (smes, partners) = await VerificationStore.UnverifiedAsync(connection, tx, ct);
        foreach (var sme in smes)
            await rescorer.RescoreSmeAsync(connection, tx, sme, now, ct);
        foreach (var partner in partners)
            await rescorer.RescorePartnerAsync(connection, tx, partner, now, ct);
        await VerificationStore.SetAppliedRuleAsync(connection, tx, vetting.Required, ct);
        await tx.CommitAsync(ct);
        logger.LogInformation("{Key} is now {Required}: scored {Smes} SMEs and {Partners} partners that are not verified again",
            Vetting.RequiredKey, vetting.Required, smes.Count, partners.Count);
    }
}
