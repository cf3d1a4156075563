using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dapper;
using Matchmaker.Api.Features.Audit;
using Matchmaker.Api.Infrastructure.Data;
using Microsoft.Extensions.DependencyInjection;
using Matchmaker.Tests.Features.Matching;
using Matchmaker.Tests.Features.Matching.Criteria;
using Matchmaker.Tests.Features.Matching.Jobs;

namespace Matchmaker.Tests.Features.Audit;

public abstract class AuditTests<TApi>(TApi api) where TApi : ApiFixture
{
    protected TApi Api { get; } = api;

    private async Task<List<JsonObject>> EntriesAsync(string query = "")
    {
        var admin = await Api.AdminAsync();
        return await Paging.AllAsync(admin.Client, $"/api/v1/audit{(query.Length == 0 ? "" : "?" + query)}", 100);
    }

    private async Task<List<JsonObject>> AboutAsync(Guid targetId) =>
        (await EntriesAsync()).Where(e => e["targetId"]?.GetValue<string>() == targetId.ToString()).ToList();

    private static string Action(JsonObject entry) => entry["action"]!.GetValue<string>();

    private static string? Detail(JsonObject entry, string key) => entry["detail"]![key]?.ToString();

    private async Task<string> ETagAsync(HttpClient client, string url)
    {
        var read = await client.GetAsync(url);
        await Expect.StatusAsync(read, 200);
        return read.ETag();
    }

    [Theory]
    [InlineData("sme", 403)]
    [InlineData("partner", 403)]
    [InlineData("agency", 403)]
    [InlineData("anonymous", 401)]
    public async Task Only_the_admin_reads_the_audit_log(string caller, int status)
    {
        var client = caller == "anonymous" ? Api.CreateClient() : (await Api.UserAsync(caller)).Client;

        await Expect.ProblemAsync(await client.GetAsync("/api/v1/audit"), status);
    }

    [Fact]
    public async Task The_bootstrap_admin_was_created_by_the_system()
    {
        var admin = await Api.AdminAsync();

        var created = Assert.Single(await AboutAsync(admin.UserId));

        Assert.Equal(("user.created", "user", "system"), (Action(created), created["targetType"]!.GetValue<string>(), created["actorRole"]!.GetValue<string>()));
        Assert.Null(created["actorId"]);
        Assert.Equal(("admin", "bootstrap"), (Detail(created, "role"), Detail(created, "via")));
    }

    [Fact]
    public async Task Registration_and_admin_creation_record_who_created_the_account()
    {
        var admin = await Api.AdminAsync();
        var sme = await Api.UserAsync("sme");
        var agency = await Api.UserAsync("agency");

        var registered = Assert.Single(await AboutAsync(sme.UserId));
        var created = Assert.Single(await AboutAsync(agency.UserId));

        Assert.Equal(("user.created", sme.UserId.ToString(), "sme", "registration"),
            (Action(registered), registered["actorId"]!.GetValue<string>(), registered["actorRole"]!.GetValue<string>(), Detail(registered, "via")));
        Assert.Equal(("user.created", admin.UserId.ToString(), "admin", "agency"),
            (Action(created), created["actorId"]!.GetValue<string>(), created["actorRole"]!.GetValue<string>(), Detail(created, "role")));
    }

    [Fact]
    public async Task Role_and_activity_changes_are_recorded_with_from_and_to_and_a_refused_change_is_not()
    {
        var admin = await Api.AdminAsync();
        var user = await Api.UserAsync("partner");
        var (owner, _) = await Create.SmeAccountAsync(Api);
        var url = $"/api/v1/admin/users/{user.UserId}";

        await Expect.StatusAsync(await admin.Client.PutAsync(url, new JsonObject { ["role"] = "agency", ["isActive"] = false }, await ETagAsync(admin.Client, url)), 200);
        await Expect.StatusAsync(await admin.Client.PutAsync(url, new JsonObject { ["role"] = "agency", ["isActive"] = true }, await ETagAsync(admin.Client, url)), 200);
        var ownerUrl = $"/api/v1/admin/users/{owner.UserId}";
        await Expect.ProblemAsync(await admin.Client.PutAsync(ownerUrl, new JsonObject { ["role"] = "partner", ["isActive"] = true }, await ETagAsync(admin.Client, ownerUrl)), 409);

        var entries = await AboutAsync(user.UserId);
        Assert.Equal(["user.reactivated", "user.deactivated", "user.role_changed", "user.created"], entries.Select(Action));
        Assert.Equal(("partner", "agency"), (Detail(entries[2], "from"), Detail(entries[2], "to")));
        Assert.All(entries.Take(3), e => Assert.Equal(admin.UserId.ToString(), e["actorId"]!.GetValue<string>()));
        Assert.Equal(["user.created"], (await AboutAsync(owner.UserId)).Select(Action));
    }

    [Fact]
    public async Task A_password_change_is_recorded_and_a_wrong_current_password_is_not()
    {
        var user = await Api.UserAsync("sme");
        await Expect.ProblemAsync(await user.Client.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = "wrong-password-here", newPassword = "another-long-password" }), 400);

        await Expect.StatusAsync(await user.Client.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = ApiFixture.Password, newPassword = "another-long-password" }), 204);

        var entries = await AboutAsync(user.UserId);
        Assert.Equal(["user.password_changed", "user.created"], entries.Select(Action));
        Assert.Equal(user.UserId.ToString(), entries[0]["actorId"]!.GetValue<string>());
        Assert.DoesNotContain("password", entries[0]["detail"]!.ToJsonString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Every_match_transition_is_recorded_with_the_acting_account()
    {
        var cast = await Api.SharedAsync(DealCast.CreateAsync);
        var matchId = await cast.FreshMatchAsync();
        await Matches.ActAsync(cast.Partner.Client, matchId, "interest");
        await Matches.ActAsync(cast.Owner.Client, matchId, "interest");
        await Matches.ActAsync(cast.Owner.Client, matchId, "stage", new JsonObject { ["stage"] = "meeting" });
        await Matches.ActAsync(cast.Partner.Client, matchId, "decline", new JsonObject { ["reason"] = "Terms" });

        var entries = await EntriesAsync($"targetType=match&action=match.transition");
        var mine = entries.Where(e => e["targetId"]!.GetValue<string>() == matchId.ToString()).Reverse().ToList();

        Assert.Equal(
        [
            (cast.Partner.UserId.ToString(), "partner", "interest", "suggested", "partner_interested"),
            (cast.Owner.UserId.ToString(), "sme", "interest", "partner_interested", "mutual"),
            (cast.Owner.UserId.ToString(), "sme", "stage", "mutual", "meeting"),
            (cast.Partner.UserId.ToString(), "partner", "decline", "meeting", "declined"),
        ], mine.Select(e => (e["actorId"]!.GetValue<string>(), e["actorRole"]!.GetValue<string>(), Detail(e, "action"), Detail(e, "from"), Detail(e, "to"))));
    }

    [Fact]
    public async Task Criteria_changes_job_restarts_and_fx_changes_are_recorded()
    {
        var admin = await Api.AdminAsync();
        var agency = await Api.UserAsync("agency");
        var changed = await agency.Client.PutAsync("/api/v1/criteria", CriteriaBodies.Valid(minScore: 35), await ETagAsync(agency.Client, "/api/v1/criteria"));
        var job = await Expect.StatusAsync(changed, 202);
        var jobUrl = changed.Headers.Location!.OriginalString;
        var version = job["criteriaVersion"]!.GetValue<int>();
        await JobPolling.WaitForStatusAsync(agency.Client, jobUrl, "succeeded");
        await FailJobInDatabaseAsync(job["id"]!.GetValue<string>());
        await Expect.StatusAsync(await admin.Client.PostAsync($"{jobUrl}/restart", null, null), 202);
        await JobPolling.WaitForStatusAsync(agency.Client, jobUrl, "succeeded");
        var rates = new JsonObject { ["rates"] = new JsonArray(new JsonObject { ["currency"] = "CNY", ["usdPerUnit"] = 0.1385m, ["effectiveDate"] = "2026-01-05" }) };
        await Expect.StatusAsync(await admin.Client.PutAsJsonAsync("/api/v1/reference/fx-rates", rates), 200);

        var criteria = Assert.Single(await EntriesAsync($"action=criteria.changed&actor={agency.UserId}"));
        Assert.Equal(("criteria", version.ToString(), (version - 1).ToString(), version.ToString(), job["id"]!.GetValue<string>()),
            (criteria["targetType"]!.GetValue<string>(), criteria["targetId"]!.GetValue<string>(), Detail(criteria, "from"), Detail(criteria, "to"), Detail(criteria, "jobId")));
        var restart = Assert.Single(await EntriesAsync("action=job.restarted"));
        Assert.Equal(("job", job["id"]!.GetValue<string>(), admin.UserId.ToString()),
            (restart["targetType"]!.GetValue<string>(), restart["targetId"]!.GetValue<string>(), restart["actorId"]!.GetValue<string>()));
        var fx = Assert.Single(await EntriesAsync("targetType=fx_rates"));
        Assert.Equal("fx.changed", Action(fx));
        Assert.Null(fx["targetId"]);
        Assert.Equal("CNY", fx["detail"]!["rates"]![0]!["currency"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_log_pages_newest_first_and_filters_by_actor_action_and_time()
    {
        var admin = await Api.AdminAsync();
        var before = DateTime.UtcNow.AddSeconds(-1);
        var created = new List<Guid>();
        for (var i = 0; i < 5; i++)
            created.Add((await Api.UserAsync("agency")).UserId);

        var all = await EntriesAsync();
        var byAdmin = await Paging.AllAsync(admin.Client, $"/api/v1/audit?actor={admin.UserId}&action=user.created&from={before:yyyy-MM-ddTHH:mm:ss.fffZ}", 2);
        var future = await EntriesAsync($"from={DateTime.UtcNow.AddDays(1):yyyy-MM-dd}");
        var past = await EntriesAsync($"to={before.AddDays(-1):yyyy-MM-dd}");

        var times = all.Select(e => e["at"]!.GetValue<DateTime>()).ToList();
        Assert.Equal(times.OrderDescending(), times);
        Assert.Equal(all.Count, all.Select(e => e["id"]!.GetValue<string>()).Distinct().Count());
        // The window starts a second early, so accounts the admin created just before may follow the five, never precede them.
        Assert.Equal(created.AsEnumerable().Reverse().Select(id => id.ToString()), byAdmin.Take(created.Count).Select(e => e["targetId"]!.GetValue<string>()));
        Assert.All(byAdmin, e => Assert.True(e["at"]!.GetValue<DateTime>() >= before));
        Assert.Empty(future);
        Assert.Empty(past);
    }

    [Fact]
    public async Task Profile_decisions_and_password_resets_are_listed_and_filtered_by_action_and_target_type()
    {
        var agency = await Api.UserAsync("agency");
        var (owner, smeId) = await Create.SmeAccountAsync(Api);
        var (_, partnerId) = await Create.PartnerAccountAsync(Api);
        var ct = TestContext.Current.CancellationToken;
        await using (var connection = await Api.App.Services.GetRequiredService<ConnectionFactory>().OpenAsync(ct))
        await using (var tx = await connection.BeginTransactionAsync(ct))
        {
            var by = new AuditActor(agency.UserId, "agency");
            await AuditLog.AppendAsync(connection, tx, new AuditEntry[]
            {
                new(by, AuditAction.ProfileRejected, AuditTarget.Sme, smeId.ToString(), new { from = "pending", to = "rejected", note = "Wrong INN." }),
                new(by, AuditAction.ProfileVerified, AuditTarget.Partner, partnerId.ToString(), new { from = "pending", to = "verified" }),
                new(AuditActor.System, AuditAction.UserPasswordReset, AuditTarget.User, owner.UserId.ToString(), new { via = "reset" }),
            }, Api.Clock.UtcNow, ct);
            await tx.CommitAsync(ct);
        }

        var rejected = Assert.Single(await EntriesAsync("action=profile.rejected"));
        var partners = Assert.Single(await EntriesAsync("targetType=partner"));
        var resets = Assert.Single(await EntriesAsync("action=user.password_reset"));

        Assert.Equal(("sme", smeId.ToString(), "Wrong INN."), (rejected["targetType"]!.GetValue<string>(), rejected["targetId"]!.GetValue<string>(), Detail(rejected, "note")));
        Assert.Equal(("profile.verified", partnerId.ToString()), (Action(partners), partners["targetId"]!.GetValue<string>()));
        Assert.Equal(owner.UserId.ToString(), resets["targetId"]!.GetValue<string>());
        Assert.Single(await EntriesAsync("targetType=sme"));
    }

    [Theory]
    [InlineData("action=user.exploded", "action")]
    [InlineData("targetType=need", "targetType")]
    [InlineData("from=01/02/2026", "from")]
    [InlineData("from=2026-02-01&to=2026-01-01", "to")]
    [InlineData("limit=0", "limit")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("actorRole=admin", "actorRole")]
    [InlineData("actor=admin", "actor")]
    public async Task A_bad_filter_is_a_400_naming_it(string query, string field)
    {
        var admin = await Api.AdminAsync();

        await Expect.ProblemAsync(await admin.Client.GetAsync($"/api/v1/audit?{query}"), 400, field);
    }

    [Fact]
    public async Task The_database_refuses_to_change_or_delete_an_entry()
    {
        await Api.AdminAsync();
        await using var connection = await Api.OpenDatabaseAsync();
        Assert.True(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM audit_log") > 0);

        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => connection.ExecuteAsync("UPDATE audit_log SET actor_role = 'admin'"));
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => connection.ExecuteAsync("DELETE FROM audit_log"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM audit_log WHERE actor_role = 'admin' AND action = 'user.created' AND actor_id IS NULL"));
    }

    private async Task FailJobInDatabaseAsync(string jobId)
    {
        await using var connection = await Api.OpenDatabaseAsync();
        Assert.Equal(1, await connection.ExecuteAsync("UPDATE jobs SET status = 'failed', error = 'simulated outage' WHERE public_id = @Id",
            new { Id = Api.KeyOf(Guid.Parse(jobId)) }));
    }
}

public sealed class AuditTestsOnSqlite(SqliteApi api) : AuditTests<SqliteApi>(api), IClassFixture<SqliteApi>;

public sealed class AuditTestsOnSqlServer : AuditTests<SqlServerApi>, IClassFixture<SqlServerApi>
{
    public AuditTestsOnSqlServer(SqlServerApi api) : base(api) => api.SkipWhenUnavailable();
}
