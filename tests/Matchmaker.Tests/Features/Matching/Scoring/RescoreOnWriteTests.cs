using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dapper;

namespace Matchmaker.Tests.Features.Matching.Scoring;

/// <summary>Creating or changing a need, SME or partner stores its scored pairs before the write returns.</summary>
public abstract class RescoreOnWriteTests<TApi>(TApi api) where TApi : ApiFixture
{
    private const string StoredSql = """
        SELECT ms.score AS Score, ms.criteria_version AS Version, m.status AS Status
        FROM matches m
        JOIN needs n ON n.id = m.need_id
        JOIN partners p ON p.id = m.partner_id
        JOIN match_scores ms ON ms.match_id = m.id
        WHERE n.public_id = @Need AND p.public_id = @Partner
        """;

    [Fact]
    public async Task The_worked_example_is_stored_at_87_0_when_the_partner_registers_after_the_need()
    {
        var (needId, _) = await WorkedExampleNeedAsync();
        var partnerId = await WorkedExamplePartnerAsync();

        var stored = await StoredAsync(needId, partnerId);

        var row = Assert.Single(stored);
        Assert.Equal(87.0m, row.Score);
        Assert.Equal(1, row.Version);
        Assert.Equal("suggested", row.Status);
    }

    [Fact]
    public async Task The_worked_example_is_stored_at_87_0_when_the_need_is_posted_after_the_partner()
    {
        var partnerId = await WorkedExamplePartnerAsync();
        var (needId, _) = await WorkedExampleNeedAsync();

        Assert.Equal(87.0m, Assert.Single(await StoredAsync(needId, partnerId)).Score);
    }

    [Fact]
    public async Task Updating_a_need_rescores_its_pairs_before_the_answer()
    {
        var partnerId = await WorkedExamplePartnerAsync();
        var (needId, owner) = await WorkedExampleNeedAsync();
        var etag = (await owner.Client.GetAsync($"/api/v1/needs/{needId}")).ETag();
        var body = WorkedExampleNeedBody();
        body["amount"] = new JsonObject { ["amount"] = 20_000_000, ["currency"] = "USD" };

        await Expect.StatusAsync(await owner.Client.PutAsync($"/api/v1/needs/{needId}", body, etag), 200);

        // 20 M is a factor 10 above the 2 M ceiling: ticket scores 0, so 87.0 − 25 = 62.0.
        Assert.Equal(62.0m, Assert.Single(await StoredAsync(needId, partnerId)).Score);
    }

    [Fact]
    public async Task Updating_a_partner_profile_rescores_its_pairs()
    {
        var partner = await api.UserAsync("partner");
        var partnerBody = WorkedExamplePartnerBody();
        var partnerId = await Create.PartnerAsync(partner, partnerBody);
        var (needId, _) = await WorkedExampleNeedAsync();
        var etag = (await partner.Client.GetAsync($"/api/v1/partners/{partnerId}")).ETag();
        partnerBody["offerings"] = Bodies.Array("equipment_supply", "joint_venture");

        await Expect.StatusAsync(await partner.Client.PutAsync($"/api/v1/partners/{partnerId}", partnerBody, etag), 200);

        // need_type now 2 of 2: +10 points.
        Assert.Equal(97.0m, Assert.Single(await StoredAsync(needId, partnerId)).Score);
    }

    [Fact]
    public async Task Updating_an_sme_profile_rescores_the_needs_it_owns()
    {
        var partnerId = await WorkedExamplePartnerAsync();
        var (needId, owner) = await WorkedExampleNeedAsync();
        var smeId = (await Expect.StatusAsync(await owner.Client.GetAsync("/api/v1/auth/me"), 200))["smeId"]!.GetValue<string>();
        var etag = (await owner.Client.GetAsync($"/api/v1/smes/{smeId}")).ETag();
        var sme = WorkedExampleSmeBody();
        sme["certifications"] = Bodies.Array("ISO 9001");

        await Expect.StatusAsync(await owner.Client.PutAsync($"/api/v1/smes/{smeId}", sme, etag), 200);

        Assert.Equal(89.0m, Assert.Single(await StoredAsync(needId, partnerId)).Score);
    }

    [Fact]
    public async Task A_partner_failing_a_required_criterion_is_never_stored()
    {
        var partner = await api.UserAsync("partner");
        var body = WorkedExamplePartnerBody();
        body["sectors"] = Bodies.Array("A01");
        var partnerId = await Create.PartnerAsync(partner, body);
        var (needId, _) = await WorkedExampleNeedAsync();

        Assert.Empty(await StoredAsync(needId, partnerId));
    }

    [Fact]
    public async Task A_pair_below_the_minimum_score_is_not_stored()
    {
        var partner = await api.UserAsync("partner");
        var body = WorkedExamplePartnerBody();
        body["sectors"] = Bodies.Array("C25");
        body["offerings"] = Bodies.Array("loan", "equipment_supply");
        body["ticket"] = new JsonObject { ["minUsd"] = 40_000_000, ["maxUsd"] = 90_000_000 };
        body["targetRegions"] = Bodies.Array("KG-B");
        body["languages"] = Bodies.Array("zh");
        var partnerId = await Create.PartnerAsync(partner, body);
        var (needId, _) = await WorkedExampleNeedAsync();

        // sector 0.5 (15) + need_type 0.5 (10) + export 5 + jobs 4.02 + nothing else = 34.0 < 40.
        Assert.Empty(await StoredAsync(needId, partnerId));
    }

    [Fact]
    public async Task Closing_a_need_removes_its_suggested_matches()
    {
        var partnerId = await WorkedExamplePartnerAsync();
        var (needId, owner) = await WorkedExampleNeedAsync();
        Assert.Single(await StoredAsync(needId, partnerId));

        await Expect.StatusAsync(await owner.Client.PostAsJsonAsync($"/api/v1/needs/{needId}/close", new { reason = "funded" }), 200);

        Assert.Empty(await StoredAsync(needId, partnerId));
    }

    [Fact]
    public async Task A_new_fx_rate_rescores_needs_in_that_currency()
    {
        var partnerId = await WorkedExamplePartnerAsync();
        var owner = await api.UserAsync("sme");
        var smeId = await Create.SmeAsync(owner, WorkedExampleSmeBody());
        var body = WorkedExampleNeedBody();
        body["amount"] = new JsonObject { ["amount"] = 5_000_000, ["currency"] = "CNY" };
        var needId = await Create.NeedAsync(owner, smeId, body);
        Assert.Equal(87.0m, Assert.Single(await StoredAsync(needId, partnerId)).Score);
        var admin = await api.AdminAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd");

        // 5 M CNY at 4 USD each is 20 M USD: ten times the partner's ceiling, so the ticket criterion drops to 0.
        await Expect.StatusAsync(await admin.Client.PutAsJsonAsync("/api/v1/reference/fx-rates", new { rates = new[] { new { currency = "CNY", usdPerUnit = 4m, effectiveDate = today } } }), 200);

        Assert.Equal(62.0m, Assert.Single(await StoredAsync(needId, partnerId)).Score);
        await Expect.StatusAsync(await admin.Client.PutAsJsonAsync("/api/v1/reference/fx-rates", new { rates = new[] { new { currency = "CNY", usdPerUnit = 0.14m, effectiveDate = today } } }), 200);
    }

    [Fact]
    public async Task A_rate_effective_in_the_future_does_not_change_todays_scores()
    {
        var partnerId = await WorkedExamplePartnerAsync();
        var owner = await api.UserAsync("sme");
        var smeId = await Create.SmeAsync(owner, WorkedExampleSmeBody());
        var body = WorkedExampleNeedBody();
        body["amount"] = new JsonObject { ["amount"] = 40_000_000, ["currency"] = "KGS" };
        var admin = await api.AdminAsync();
        var nextYear = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(1).ToString("yyyy-MM-dd");
        await Expect.StatusAsync(await admin.Client.PutAsJsonAsync("/api/v1/reference/fx-rates", new { rates = new[] { new { currency = "KGS", usdPerUnit = 1m, effectiveDate = nextYear } } }), 200);

        var needId = await Create.NeedAsync(owner, smeId, body);

        // 40 M KGS at today's 0.011435 is 457,400 USD, inside the ticket: the worked example's 87.0.
        Assert.Equal(87.0m, Assert.Single(await StoredAsync(needId, partnerId)).Score);
        var need = await Expect.StatusAsync(await owner.Client.GetAsync($"/api/v1/needs/{needId}"), 200);
        Assert.Equal(457_400m, need["amountUsd"]!.GetValue<decimal>());
    }

    private async Task<List<StoredRow>> StoredAsync(Guid needId, Guid partnerId)
    {
        await using var connection = await api.OpenDatabaseAsync();
        return (await connection.QueryAsync<StoredRow>(StoredSql, new { Need = api.KeyOf(needId), Partner = api.KeyOf(partnerId) })).ToList();
    }


    private async Task<(Guid NeedId, Actor Owner)> WorkedExampleNeedAsync()
    {
        var (owner, smeId) = await Create.SmeAccountAsync(api, WorkedExampleSmeBody());
        return (await Create.NeedAsync(owner, smeId, WorkedExampleNeedBody()), owner);
    }

    private async Task<Guid> WorkedExamplePartnerAsync() =>
        (await Create.PartnerAccountAsync(api, WorkedExamplePartnerBody())).PartnerId;

    /// <summary>the worked example (Features/Matching/README.md): SME in KG-C, C28, export-oriented, ru/en, no certifications.</summary>
    public static JsonObject WorkedExampleSmeBody()
    {
        var body = Bodies.Sme(region: "KG-C", sectors: ["C28"]);
        body["exportOriented"] = true;
        body["languages"] = Bodies.Array("ru", "en");
        body["certifications"] = Bodies.Array();
        return body;
    }

    public static JsonObject WorkedExampleNeedBody()
    {
        var body = Bodies.Need(amount: 500_000m, currency: "USD");
        body["needTypes"] = Bodies.Array("equipment_supply", "joint_venture");
        body["jobsToCreate"] = 40;
        return body;
    }

    public static JsonObject WorkedExamplePartnerBody()
    {
        var body = Bodies.Partner(sectors: ["C28", "C29"]);
        body["offerings"] = Bodies.Array("equipment_supply");
        body["ticket"] = new JsonObject { ["minUsd"] = 100_000, ["maxUsd"] = 2_000_000 };
        body["targetRegions"] = Bodies.Array("KG-C", "KG-Y");
        body["seeksExportOriented"] = true;
        body["languages"] = Bodies.Array("zh", "en");
        body["requiredCertifications"] = Bodies.Array("ISO 9001");
        return body;
    }

    private sealed record StoredRow
    {
        public decimal Score { get; init; }
        public int Version { get; init; }
        public string Status { get; init; } = "";
    }
}

public sealed class RescoreOnWriteTestsOnSqlite(SqliteApi api) : RescoreOnWriteTests<SqliteApi>(api), IClassFixture<SqliteApi>;

public sealed class RescoreOnWriteTestsOnSqlServer : RescoreOnWriteTests<SqlServerApi>, IClassFixture<SqlServerApi>
{
    public RescoreOnWriteTestsOnSqlServer(SqlServerApi api) : base(api) => api.SkipWhenUnavailable();
}
