namespace Matchmaker.Api.Features.Verification;

/// <summary>What an agency decided about one SME or partner profile, as its notices, events and audit entry tell it.</summary>
/// <param name="Kind"><see cref="ProfileKind.Sme"/> or <see cref="ProfileKind.Partner"/>.</param>
/// <param name="Status"><see cref="VerificationStatus.Verified"/> or <see cref="VerificationStatus.Rejected"/>.</param>
internal sealed record ProfileDecision(
    string Kind,
    Guid ProfilePublicId,
    string ProfileName,
    Guid OwnerId,
    string Status,
    string? Note,
    DateTime At);
