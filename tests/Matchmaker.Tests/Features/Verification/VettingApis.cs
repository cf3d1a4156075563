namespace Matchmaker.Tests.Features.Verification;

/// <summary>The app as it runs in production: profiles take part only once an agency verified them.</summary>
public sealed class VettingSqliteApi : SqliteApi
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => VettingSettings.On;
}

public sealed class VettingSqlServerApi : SqlServerApi
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => VettingSettings.On;
}

internal static class VettingSettings
{
    public static readonly IReadOnlyDictionary<string, string?> On = new Dictionary<string, string?> { ["Profiles:RequireVerification"] = "true" };
}
