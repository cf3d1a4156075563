using Matchmaker.Api.Features.Shared;

namespace Matchmaker.Api.Features.Verification;

internal static class VerificationExamples
{
    public static DecisionRequest Rejection => new()
    {
        Decision = VerificationStatus.Rejected,
        Note = "The INN does not match the registration certificate you sent; please correct it.",
    };

    public static Queue.QueueItem QueueItem => new(ProfileKind.Sme, Examples.SmeId, "Ала-Тоо Машзавод", "02103201510123", "KG-C", Examples.Registered, Examples.Registered, null);

    public static string DecisionDescription(string profile, string otherSide) =>
        $"Agency and admin. `decision` is `verified` or `rejected`; `note` (≤ {DecisionRequest.MaxNoteLength} characters) is required for a rejection and shown to the owner. "
        + $"A verified {profile} is visible to {otherSide} and matched within this request: the answer's matches exist when it returns. A rejected one "
        + "leaves every list and loses its untouched suggestions; deals in progress keep their state and wait, unseen by the other side, until it is verified again. "
        + "A decision may be changed later; one that changes the status or note is audited, put in the owner's inbox (and e-mail) and sent to webhook subscribers. "
        + "`If-Match` is optional: send the ETag of the profile you reviewed to get 412 if its owner changed it since. "
        + "A profile cannot be verified while its owner's e-mail address is not (409) when `Auth:RequireVerifiedEmail` is on.";
}
