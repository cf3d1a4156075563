namespace Matchmaker.Api.Features.Verification;

/// <summary>The two kinds of profile agencies vet, as the queue's <c>kind</c> and the audit's target type name them.</summary>
internal static class ProfileKind
{
    public const string Sme = "sme";
    public const string Partner = "partner";

    public static readonly IReadOnlyList<string> All = [Sme, Partner];
}
