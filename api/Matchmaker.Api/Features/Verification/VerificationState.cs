namespace Matchmaker.Api.Features.Verification;

/// <summary>A profile's place with the agencies: its status, the agency's last note, and since when it stands so.</summary>
internal sealed record VerificationState(string Status, string? Note, DateTime? Since)
{
    /// <summary>
    /// After an edit: a verified profile whose identity (names, INN or USCC, region or city) changed goes back to the
    /// queue, as does a rejected one its owner edits; anything else keeps its state. The note stays for the agency to read.
    /// </summary>
    public VerificationState AfterEdit(bool identityChanged, bool byOwner, DateTime now) =>
        (Status == VerificationStatus.Verified && identityChanged) || (Status == VerificationStatus.Rejected && byOwner)
            ? new VerificationState(VerificationStatus.Pending, Note, now)
            : this;

    /// <summary>Whether replacing <paramref name="before"/> with this state puts the profile (back) in the agencies' queue.</summary>
    public bool JoinsQueueFrom(VerificationState before) =>
        Status == VerificationStatus.Pending && before.Status != VerificationStatus.Pending;
}
