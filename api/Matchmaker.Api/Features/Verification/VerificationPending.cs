namespace Matchmaker.Api.Features.Verification;

/// <summary>The answer to an SME or partner that asks for the other side before an agency verified its own profile.</summary>
internal static class VerificationPending
{
    public static IResult Problem() => Problems.Forbidden(Messages.Get("Verification.Pending"));
}
