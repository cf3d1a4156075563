namespace Matchmaker.Api.Features.Verification;

/// <summary>
/// <see cref="Vetting.Lists"/> as a list query's condition: with <c>@ListedOnly</c> set (see
/// <see cref="Vetting.ListedOnlyFor"/>) only verified profiles, and the needs of verified SMEs, are listed.
/// </summary>
internal static class VettingSql
{
    /// <summary>The SME or partner aliased <paramref name="profileAlias"/> is listed.</summary>
    public static string Listed(string profileAlias) => $"(@ListedOnly = 0 OR {profileAlias}.verification = '{VerificationStatus.Verified}')";

    /// <summary>The partner of the match aliased <paramref name="matchAlias"/> is listed.</summary>
    public static string ListedPartnerOf(string matchAlias) =>
        $"(@ListedOnly = 0 OR EXISTS (SELECT 1 FROM partners lp WHERE lp.id = {matchAlias}.partner_id AND lp.verification = '{VerificationStatus.Verified}'))";
}
