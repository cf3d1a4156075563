using System.Text.Json.Nodes;
using Dapper;
using Matchmaker.Api.Features.Demo;
using Matchmaker.Api.Features.Matching.Deals;
using Matchmaker.Api.Features.Partners;

namespace Matchmaker.Tests.Features.Demo;

/// <summary>The demo data set as a developer finds it after starting the app with <c>Seed:Demo=true</c>.</summary>
public abstract class DemoDataTests<TApi>(TApi api) where TApi : ApiFixture
{
    private static readonly string[] MachineBuilding = ["C25", "C26", "C27", "C28", "C29", "C30", "M71"];

    protected TApi Api { get; } = api;

    [Fact]
    public async Task The_demo_world_has_119_smes_in_all_nine_regions_and_partners_in_all_16_cities()
    {
        await using var db = await Api.OpenDatabaseAsync();
        Assert.Equal(119, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM smes"));
        Assert.Equal(
            (await db.QueryAsync<string>("SELECT code FROM regions")).Order(StringComparer.Ordinal),
            (await db.QueryAsync<string>("SELECT DISTINCT region_code FROM smes")).Order(StringComparer.Ordinal));
        var perRegion = (await db.QueryAsync<(string Region, long Count)>("SELECT region_code, COUNT(*) FROM smes GROUP BY region_code")).ToDictionary(r => r.Region, r => r.Count);
        Assert.Equal(perRegion.Values.Max(), perRegion["KG-GB"]);
        Assert.True(perRegion["KG-C"] >= perRegion.Where(r => r.Key != "KG-GB").Max(r => r.Value), "Chüy is second only to Bishkek");

        Assert.Equal(60, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM partners"));
        Assert.Equal(
            (await db.QueryAsync<string>("SELECT code FROM cities")).Order(StringComparer.Ordinal),
            (await db.QueryAsync<string>("SELECT DISTINCT city_code FROM partners")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_demo_world_shows_outcomes_decline_reasons_and_needs_about_to_expire_and_the_reports_count_them()
    {
        await using var db = await Api.OpenDatabaseAsync();
        var outcomes = (await db.QueryAsync<(long Match, long Need, decimal Usd, int Jobs, int Youth)>(
            "SELECT match_id, need_id, investment_usd, jobs_created, youth_jobs FROM match_outcomes ORDER BY recorded_at, id")).ToList();
        Assert.True(outcomes.Count >= 5, $"only {outcomes.Count} outcomes");
        Assert.All(outcomes, o => Assert.InRange(o.Youth, 1, o.Jobs));
        Assert.Equal(0, await db.ExecuteScalarAsync<long>("""
            SELECT COUNT(*) FROM match_outcomes o JOIN matches m ON m.id = o.match_id WHERE m.status NOT IN ('agreement', 'closed')
            """));
        var codes = (await db.QueryAsync<string?>("SELECT reason_code FROM match_events WHERE action = 'decline'")).ToList();
        Assert.Contains(codes, c => c is null);
        Assert.True(codes.Count(c => c is not null) >= 5, "most declines carry a reason code");
        var now = DateTime.UtcNow;
        var expiries = (await db.QueryAsync<DateTime>("SELECT expires_at FROM needs WHERE status = 'open'")).ToList();
        Assert.Contains(expiries, e => e < now);
        Assert.Contains(expiries, e => e > now && e < now.AddDays(14));

        var agency = await Api.SignInAsync(DemoAccounts.Agency.Email, DemoAccounts.Agency.Password, "agency");
        var summary = await Expect.StatusAsync(await agency.Client.GetAsync("/api/v1/reports/summary"), 200);
        var latestPerNeed = outcomes.GroupBy(o => o.Need).Select(g => g.Last()).ToList();
        Assert.Equal(latestPerNeed.Sum(o => o.Usd), summary["realisedInvestmentUsd"]!.GetValue<decimal>());
        Assert.Equal(latestPerNeed.Sum(o => o.Jobs), summary["jobsCreated"]!.GetValue<int>());
        Assert.Equal(latestPerNeed.Sum(o => o.Youth), summary["youthJobsCreated"]!.GetValue<int>());
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"demo outcomes: {outcomes.Count} records on {latestPerNeed.Count} needs, realised {summary["realisedInvestmentUsd"]} USD, "
            + $"{summary["jobsCreated"]} jobs of which {summary["youthJobsCreated"]} for young people, {summary["agreements"]} agreements, "
            + $"median {summary["medianDaysToAgreement"]} days to agreement, {codes.Count} declines ({codes.Count(c => c is null)} without a code), "
            + $"{summary["expiredNeeds"]} expired needs");
    }

    [Fact]
    public async Task Machine_building_and_engineering_is_the_largest_partner_sector_group()
    {
        await using var db = await Api.OpenDatabaseAsync();
        var mainSectors = (await db.QueryAsync<string>("SELECT sector_code FROM partner_sectors WHERE position = 0")).ToList();
        var groups = mainSectors.GroupBy(s => MachineBuilding.Contains(s) ? "machine building" : s[..1]).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(groups.Values.Max(), groups["machine building"]);
        Assert.True(groups["machine building"] * 2 > mainSectors.Count, "most partners are machine builders or engineers");

        var smeSectors = (await db.QueryAsync<string>("SELECT sector_code FROM sme_sectors WHERE position = 0")).ToList();
        Assert.Equal(smeSectors.GroupBy(s => MachineBuilding.Contains(s) ? "machine building" : s).Max(g => g.Count()), smeSectors.Count(MachineBuilding.Contains));
        Assert.Subset(smeSectors.ToHashSet(), new HashSet<string> { "A01", "C10", "C13", "C14", "C23", "D35", "F41", "H49", "I55", "J62", "C28" });
    }

    [Fact]
    public async Task Needs_cover_every_type_and_currency_with_jobs_from_5_to_300()
    {
        await using var db = await Api.OpenDatabaseAsync();
        Assert.Equal(
            ["equipment_supply", "equity", "joint_venture", "loan", "offtake", "technology_transfer"],
            (await db.QueryAsync<string>("SELECT DISTINCT need_type_code FROM need_need_types")).Order(StringComparer.Ordinal));
        Assert.Equal(["CNY", "KGS", "USD"], (await db.QueryAsync<string>("SELECT DISTINCT currency FROM needs")).Order(StringComparer.Ordinal));
        var jobs = (await db.QueryAsync<int>("SELECT jobs_to_create FROM needs")).ToList();
        Assert.True(jobs.Count > 119, "some SMEs have more than one need");
        Assert.All(jobs, j => Assert.InRange(j, 5, 300));
    }

    [Fact]
    public async Task Names_and_identifiers_look_like_the_programme()
    {
        await using var db = await Api.OpenDatabaseAsync();
        var smes = (await db.QueryAsync<(string Name, string Inn)>("SELECT name, inn FROM smes")).ToList();
        Assert.All(smes, s => Assert.Matches("^[0-9]{14}$", s.Inn));
        Assert.All(smes, s => Assert.Matches(@"\p{IsCyrillic}", s.Name));
        Assert.Contains(smes, s => s.Name == "Ала-Тоо Машзавод");
        var partners = (await db.QueryAsync<(string Name, string NameZh)>("SELECT name, name_zh FROM partners")).ToList();
        Assert.All(partners, p => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", p.NameZh));
        Assert.Equal(partners.Count, partners.Select(p => p.Name).Distinct().Count());
    }

    [Fact]
    public async Task Every_demo_partners_uscc_is_valid_and_registered_in_its_city()
    {
        await using var db = await Api.OpenDatabaseAsync();
        var partners = await db.QueryAsync<(string Uscc, string City, string Division)>(
            "SELECT p.uscc, p.city_code, c.division FROM partners p JOIN cities c ON c.code = p.city_code");
        Assert.All(partners, p =>
        {
            Assert.True(Uscc.HasValidCharacters(p.Uscc) && Uscc.HasValidCheckCharacter(p.Uscc) && Uscc.IsShandong(p.Uscc), $"{p.Uscc} fails the API's USCC rules");
            var laiwu = p.City == "jinan" && p.Uscc[2..6] == "3712";
            Assert.True(laiwu || p.Uscc[2..6] == p.Division[..4], $"{p.Uscc} is not registered in {p.City} ({p.Division})");
        });
    }

    [Fact]
    public async Task Deals_exist_at_every_stage_and_each_got_there_through_the_match_life_cycle()
    {
        await using var db = await Api.OpenDatabaseAsync();
        var statuses = (await db.QueryAsync<string>("SELECT DISTINCT status FROM matches")).ToHashSet();
        Assert.Superset(new HashSet<string> { "suggested", "sme_interested", "partner_interested", "mutual", "meeting", "negotiation", "agreement", "declined" }, statuses);

        var matches = (await db.QueryAsync<MatchRow>("""
            SELECT id AS Id, status AS Status, sme_interested_at AS SmeInterestedAt, partner_interested_at AS PartnerInterestedAt,
                   mutual_at AS MutualAt, updated_at AS UpdatedAt, version AS Version
            FROM matches
            """)).ToList();
        var events = (await db.QueryAsync<EventRow>("""
            SELECT match_id AS MatchId, actor_role AS ActorRole, action AS Action, from_status AS FromStatus, to_status AS ToStatus, created_at AS At
            FROM match_events ORDER BY id
            """)).ToLookup(e => e.MatchId);
        Assert.All(matches, m =>
        {
            var status = MatchStatus.Suggested;
            DateTime? sme = null, partner = null, mutual = null;
            foreach (var e in events[m.Id])
            {
                Assert.Equal(status, e.FromStatus);
                var transition = MatchStateMachine.Apply(status, e.Action, e.ActorRole, e.Action == MatchAction.Stage ? e.ToStatus : null);
                Assert.Equal(TransitionKind.Moved, transition.Kind);
                Assert.Equal(transition.To, e.ToStatus);
                status = transition.To;
                if (e.Action == MatchAction.Interest)
                {
                    if (e.ActorRole == MatchSide.Sme)
                        sme ??= e.At;
                    else
                        partner ??= e.At;
                }

                if (status == MatchStatus.Mutual)
                    mutual ??= e.At;
            }

            Assert.Equal(status, m.Status);
            Assert.Equal((sme, partner, mutual), (m.SmeInterestedAt, m.PartnerInterestedAt, m.MutualAt));
            Assert.Equal(1 + events[m.Id].Count(), m.Version);
            if (events[m.Id].Any())
                Assert.Equal(events[m.Id].Last().At, m.UpdatedAt);
        });
    }

    [Fact]
    public async Task The_demo_sme_signs_in_and_sees_its_profile_needs_and_matches()
    {
        var sme = await Api.SignInAsync(DemoAccounts.Sme.Email, DemoAccounts.Sme.Password, "sme");
        var me = await Expect.StatusAsync(await sme.Client.GetAsync("/api/v1/auth/me"), 200);
        var smeId = me["smeId"]!.GetValue<string>();
        var profile = await Expect.StatusAsync(await sme.Client.GetAsync($"/api/v1/smes/{smeId}"), 200);
        Assert.Equal("Ала-Тоо Машзавод", profile["name"]!.GetValue<string>());
        Assert.Equal("KG-GB", profile["region"]!.GetValue<string>());

        var needs = (await Expect.StatusAsync(await sme.Client.GetAsync($"/api/v1/smes/{smeId}/needs"), 200))["items"]!.AsArray();
        Assert.Equal(2, needs.Count);
        var statuses = new List<string>();
        foreach (var need in needs)
        {
            var matches = (await Expect.StatusAsync(await sme.Client.GetAsync($"/api/v1/needs/{need!["id"]}/matches?limit=100"), 200))["items"]!.AsArray();
            Assert.NotEmpty(matches);
            statuses.AddRange(matches.Select(m => m!["status"]!.GetValue<string>()));
        }

        Assert.Contains("meeting", statuses);
        Assert.Contains("partner_interested", statuses);
        Assert.Contains("sme_interested", statuses);
    }

    [Fact]
    public async Task The_demo_partner_signs_in_and_sees_its_matches_including_the_deal_with_the_demo_sme()
    {
        var partner = await Api.SignInAsync(DemoAccounts.Partner.Email, DemoAccounts.Partner.Password, "partner");
        var me = await Expect.StatusAsync(await partner.Client.GetAsync("/api/v1/auth/me"), 200);
        var partnerId = me["partnerId"]!.GetValue<string>();
        var matches = (await Expect.StatusAsync(await partner.Client.GetAsync($"/api/v1/partners/{partnerId}/matches?limit=100"), 200))["items"]!.AsArray();
        var meeting = Assert.Single(matches, m => m!["status"]!.GetValue<string>() == "meeting" && m["need"]!["smeName"]?.GetValue<string>() == "Ала-Тоо Машзавод");

        var detail = await Expect.StatusAsync(await partner.Client.GetAsync($"/api/v1/matches/{meeting!["id"]}"), 200);
        Assert.Contains(detail["events"]!.AsArray(), e => e!["to"]!.GetValue<string>() == "meeting");
    }

    [Fact]
    public async Task The_demo_agency_and_the_bootstrap_admin_sign_in_and_read_the_demo_world()
    {
        var agency = await Api.SignInAsync(DemoAccounts.Agency.Email, DemoAccounts.Agency.Password, "agency");
        var smes = await Expect.StatusAsync(await agency.Client.GetAsync("/api/v1/smes?region=KG-N&limit=100"), 200);
        Assert.NotEmpty(smes["items"]!.AsArray());

        var admin = await Api.AdminAsync();
        var partners = await Expect.StatusAsync(await admin.Client.GetAsync("/api/v1/partners?limit=100"), 200);
        Assert.NotEmpty(partners["items"]!.AsArray());
    }

    [Fact]
    public async Task Other_demo_accounts_cannot_sign_in_with_a_demo_password()
    {
        await using var db = await Api.OpenDatabaseAsync();
        var email = await db.ExecuteScalarAsync<string>("SELECT email FROM users WHERE email LIKE 'sme-%@demo.matchmaker.local'");
        var response = await Api.CreateClient().PostAsync("/api/v1/auth/token", new JsonObject { ["email"] = email, ["password"] = DemoAccounts.Sme.Password }, null);
        await Expect.ProblemAsync(response, 401);
    }

    private sealed record MatchRow
    {
        public long Id { get; init; }
        public string Status { get; init; } = "";
        public DateTime? SmeInterestedAt { get; init; }
        public DateTime? PartnerInterestedAt { get; init; }
        public DateTime? MutualAt { get; init; }
        public DateTime UpdatedAt { get; init; }
        public int Version { get; init; }
    }

    private sealed record EventRow
    {
        public long MatchId { get; init; }
        public string ActorRole { get; init; } = "";
        public string Action { get; init; } = "";
        public string FromStatus { get; init; } = "";
        public string ToStatus { get; init; } = "";
        public DateTime At { get; init; }
    }
}

public sealed class DemoDataTestsOnSqlite(DemoSqliteApi api) : DemoDataTests<DemoSqliteApi>(api), IClassFixture<DemoSqliteApi>;

public sealed class DemoDataTestsOnSqlServer : DemoDataTests<DemoSqlServerApi>, IClassFixture<DemoSqlServerApi>
{
    public DemoDataTestsOnSqlServer(DemoSqlServerApi api) : base(api) => api.SkipWhenUnavailable();
}
