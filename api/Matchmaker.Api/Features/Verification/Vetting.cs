using System.Security.Claims;

namespace Matchmaker.Api.Features.Verification;

/// <summary>
/// The one rule of vetting (<c>Profiles:RequireVerification</c>, default true): a profile takes part in the
/// programme — seen by the other side, matched, announced — only once an agency verified it, and an account
/// sees the other side only while its own profile is verified. Owners always see what they own; agency and
/// admin see everything. Turned off, every profile takes part whatever its status.
/// </summary>
internal sealed record Vetting(bool Required)
{
    public const string RequiredKey = "Profiles:RequireVerification";

    public static readonly Vetting On = new(true);
    public static readonly Vetting Off = new(false);

    public static Vetting From(IConfiguration configuration) => new(configuration.GetValue(RequiredKey, true));

    /// <summary>Whether a profile in this state (of an SME or partner, or of a need's SME) is listed and matched.</summary>
    public bool Lists(string verification) => !Required || verification == VerificationStatus.Verified;

    /// <summary>Whether a list the caller reads leaves out the profiles, needs and matches this rule does not list: for everyone but agency and admin.</summary>
    public bool ListedOnlyFor(ClaimsPrincipal caller) => Required && !caller.IsOversight();

    /// <summary>Whether the caller may see the other side at all: agency, admin, or an account whose own profile is listed.</summary>
    public bool MayBrowse(ClaimsPrincipal caller) =>
        caller.IsOversight() || !Required || caller.ProfileVerification() == VerificationStatus.Verified;
}
