using Matchmaker.Api.Features.Notifications;
using Matchmaker.Api.Features.Verification;
using Matchmaker.Api.Infrastructure.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Matchmaker.Tests.Features.Notifications;

/// <summary>An agency's decision on a profile, announced as the decision endpoint does: in a transaction on the app's own database.</summary>
internal static class ProfileDecisions
{
    public static ProfileDecision Of(ApiFixture api, Actor owner, string kind, Guid profileId, string name, string status, string? note = null) =>
        new(kind, profileId, name, owner.UserId, status, note, api.Clock.UtcNow);

    /// <param name="commit">False rolls the transaction back, as a decision refused after the announcement would be.</param>
    public static async Task AnnounceAsync(ApiFixture api, ProfileDecision decision, bool commit = true)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connection = await api.App.Services.GetRequiredService<ConnectionFactory>().OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await ProfileNotices.AnnounceAsync(api.App.Services.GetRequiredService<Notifier>(), connection, tx, decision, ct);
        if (commit)
            await tx.CommitAsync(ct);
        else
            await tx.RollbackAsync(ct);
    }
}
