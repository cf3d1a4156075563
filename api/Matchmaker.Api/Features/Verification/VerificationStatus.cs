namespace Matchmaker.Api.Features.Verification;

/// <summary>Where an SME or partner profile stands with the agencies.</summary>
internal static class VerificationStatus
{
    public const string Pending = "pending";
    public const string Verified = "verified";
    public const string Rejected = "rejected";

    public static readonly IReadOnlyList<string> All = [Pending, Verified, Rejected];

    /// <summary>What an agency may decide.</summary>
    public static readonly IReadOnlyList<string> Decisions = [Verified, Rejected];
}
