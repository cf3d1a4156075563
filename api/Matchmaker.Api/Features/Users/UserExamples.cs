using Matchmaker.Api.Features.Shared;

namespace Matchmaker.Api.Features.Users;

internal static class UserExamples
{
    public const string SmeEmail = "aibek@alatoo.example";
    public const string AgencyEmail = "analyst@invest.gov.kg";
    public const string Password = "correct-horse-battery-staple";

    public static UserResponse Sme => new(Examples.SmeUserId, SmeEmail, "sme", true, false, Examples.Registered, Examples.Registered);

    public static UserResponse Agency => new(Examples.AgencyUserId, AgencyEmail, "agency", true, true, Examples.Registered, Examples.Registered);

    public static Page<UserResponse> Page => new([Agency, Sme], Examples.Cursor);
}
