namespace Matchmaker.Tests.Features.Users;

/// <summary>The bootstrap admin's address is stored as every other: NFKC, trimmed, lower-cased.</summary>
public abstract class BootstrapAdminEmailTests<TApi>(TApi api) where TApi : ApiFixture
{
    public const string TypedAdminEmail = " \uFF21DMIN@Matchmaker.TEST ";

    [Fact]
    public async Task A_bootstrap_admin_configured_in_another_width_and_case_signs_in_with_the_plain_address()
    {
        var admin = await api.AdminAsync();

        var read = await Expect.StatusAsync(await admin.Client.GetAsync($"/api/v1/admin/users/{admin.UserId}"), 200);

        Assert.Equal(ApiFixture.AdminEmail, read["email"]!.GetValue<string>());
    }
}

public sealed class WideAdminEmailSqliteApi : SqliteApi
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings =>
        new Dictionary<string, string?> { ["Bootstrap:AdminEmail"] = BootstrapAdminEmailTests<SqliteApi>.TypedAdminEmail };
}

public sealed class WideAdminEmailSqlServerApi : SqlServerApi
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings =>
        new Dictionary<string, string?> { ["Bootstrap:AdminEmail"] = BootstrapAdminEmailTests<SqlServerApi>.TypedAdminEmail };
}

public sealed class BootstrapAdminEmailTestsOnSqlite(WideAdminEmailSqliteApi api) : BootstrapAdminEmailTests<WideAdminEmailSqliteApi>(api), IClassFixture<WideAdminEmailSqliteApi>;

public sealed class BootstrapAdminEmailTestsOnSqlServer : BootstrapAdminEmailTests<WideAdminEmailSqlServerApi>, IClassFixture<WideAdminEmailSqlServerApi>
{
    public BootstrapAdminEmailTestsOnSqlServer(WideAdminEmailSqlServerApi api) : base(api) => api.SkipWhenUnavailable();
}
