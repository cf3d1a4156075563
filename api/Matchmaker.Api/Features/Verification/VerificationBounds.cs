namespace Matchmaker.Api.Features.Verification;

internal static class VerificationBounds
{
    public static void DescribeFields(FieldBounds fields) => fields
        .Code("verification", 16, VerificationStatus.All)
        .Code("profileVerification", 16, VerificationStatus.All)
        .String("verificationNote", DecisionRequest.MaxNoteLength)
        .Code("decision", 16, VerificationStatus.Decisions)
        .String("DecisionRequest.note", DecisionRequest.MaxNoteLength)
        .Code("QueueItem.kind", 16, ProfileKind.All)
        .String("QueueItem.registrationCode", 18)
        .String("QueueItem.place", 16)
        .String("QueueItem.lastNote", DecisionRequest.MaxNoteLength)
        .Code("/api/v1/verification-queue param.kind", 16, ProfileKind.All);
}
