using System.Security.Claims;
using Matchmaker.Api.Features.Audit;
using Matchmaker.Api.Features.Auth;
using Matchmaker.Api.Features.Matching.Scoring;
using Matchmaker.Api.Features.Notifications;
using Matchmaker.Api.Features.Users;

namespace Matchmaker.Api.Features.Verification;

/// <summary>
/// Records an agency's decision on a profile in one transaction with what follows from it: the profile's pairs
/// scored again under the vetting rule (verified: matched at once; rejected: its suggestions go, deals keep their
/// state), and, when the status or note changed, the audit entry and the owner's notice and events.
/// </summary>
internal sealed class VerificationDecisions(Rescorer rescorer, Notifier notifier, AccountRevocation revocation, EmailVerificationOptions email, TimeProvider clock)
{
    /// <summary>Null when recorded; else the refusal.</summary>
    public async Task<IResult?> DecideAsync(DbConnection connection, ClaimsPrincipal caller, ProfileUnderReview profile, DecisionRequest req, CancellationToken ct)
    {
        var status = req.Decision!;
        var note = string.IsNullOrWhiteSpace(req.Note) ? null : req.Note.Trim();
        var now = clock.GetUtcNow().UtcDateTime;
        if (status == VerificationStatus.Verified && email.RequireVerifiedEmail && (await UserAccounts.FindAsync(connection, profile.OwnerId, ct))!.EmailVerifiedAt is null)
            return Problems.Conflict(Messages.Get("Verification.EmailNotVerified"));
        await using var tx = await rescorer.BeginAsync(connection, ct);
        if (!await VerificationStore.DecideAsync(connection, tx, profile.Kind, profile.Id, profile.Version, status, note, now, ct))
            return Problems.PreconditionFailed();

        if (profile.Kind == ProfileKind.Sme)
            await rescorer.RescoreSmeAsync(connection, tx, profile.Id, now, ct);
        else
            await rescorer.RescorePartnerAsync(connection, tx, profile.Id, now, ct);

        if (profile.State.Status != status || profile.State.Note != note)
        {
            var action = status == VerificationStatus.Verified ? AuditAction.ProfileVerified : AuditAction.ProfileRejected;
            await AuditLog.AppendAsync(connection, tx, new AuditEntry(AuditActor.Of(caller), action, profile.Kind, profile.PublicId.ToString(),
                new { from = profile.State.Status, to = status, note }), now, ct);
            await ProfileNotices.AnnounceAsync(notifier, connection, tx,
                new ProfileDecision(profile.Kind, profile.PublicId, profile.Name, profile.OwnerId, status, note, now), ct);
        }

        await tx.CommitAsync(ct);
        revocation.Forget(profile.OwnerId);
        return null;
    }
}
