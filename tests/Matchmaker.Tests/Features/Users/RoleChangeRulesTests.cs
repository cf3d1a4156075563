using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Matchmaker.Tests.Features.Users;

public abstract class RoleChangeRulesTests<TApi>(TApi api) where TApi : ApiFixture
{
    protected TApi Api { get; } = api;

    private async Task<HttpResponseMessage> ChangeAsync(Actor admin, Guid userId, string role, bool isActive)
    {
        var read = await admin.Client.GetAsync($"/api/v1/admin/users/{userId}");
        await Expect.StatusAsync(read, 200);
        return await admin.Client.PutAsync($"/api/v1/admin/users/{userId}", new JsonObject { ["role"] = role, ["isActive"] = isActive }, read.ETag());
    }

    [Fact]
    public async Task A_partner_with_a_profile_cannot_be_demoted_to_sme_so_it_cannot_hold_both_profiles()
    {
        var admin = await Api.AdminAsync();
        var (partner, partnerId) = await Create.PartnerAccountAsync(Api);

        await Expect.ProblemAsync(await ChangeAsync(admin, partner.UserId, "sme", true), 409);

        var me = await Expect.StatusAsync(await partner.Client.GetAsync("/api/v1/auth/me"), 200);
        Assert.Equal("partner", me["role"]!.GetValue<string>());
        Assert.Equal(partnerId.ToString(), me["partnerId"]!.GetValue<string>());
        await Expect.ProblemAsync(await partner.Client.PostAsJsonAsync("/api/v1/smes", Bodies.Sme()), 403);
    }

    [Fact]
    public async Task An_sme_with_a_profile_keeps_its_role_but_can_still_be_deactivated()
    {
        var admin = await Api.AdminAsync();
        var (owner, _) = await Create.SmeAccountAsync(Api);

        await Expect.ProblemAsync(await ChangeAsync(admin, owner.UserId, "agency", true), 409);
        var deactivated = await Expect.StatusAsync(await ChangeAsync(admin, owner.UserId, "sme", false), 200);

        Assert.False(deactivated["isActive"]!.GetValue<bool>());
    }

    [Fact]
    public async Task An_account_without_a_profile_changes_role()
    {
        var admin = await Api.AdminAsync();
        var partner = await Api.UserAsync("partner");

        var changed = await Expect.StatusAsync(await ChangeAsync(admin, partner.UserId, "sme", true), 200);

        Assert.Equal("sme", changed["role"]!.GetValue<string>());
        await Expect.ProblemAsync(await partner.Client.GetAsync("/api/v1/auth/me"), 401);
    }
}

public sealed class RoleChangeRulesTestsOnSqlite(SqliteApi api) : RoleChangeRulesTests<SqliteApi>(api), IClassFixture<SqliteApi>;

public sealed class RoleChangeRulesTestsOnSqlServer : RoleChangeRulesTests<SqlServerApi>, IClassFixture<SqlServerApi>
{
    public RoleChangeRulesTestsOnSqlServer(SqlServerApi api) : base(api) => api.SkipWhenUnavailable();
}
