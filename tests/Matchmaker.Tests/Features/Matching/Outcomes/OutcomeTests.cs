using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Matchmaker.Tests.Features.Matching.Outcomes;

public abstract partial class OutcomeTests<TApi>(TApi api) where TApi : ApiFixture
{
    private Task<DealCast> SharedCastAsync() => api.SharedAsync(DealCast.CreateAsync);

    internal static JsonObject Body(decimal amount = 3_200_000m, string currency = "CNY", int jobs = 35, int youth = 21) => new()
    {
        ["investment"] = new JsonObject { ["amount"] = amount, ["currency"] = currency },
        ["jobsCreated"] = jobs,
        ["youthJobs"] = youth,
        ["productionStartedOn"] = "2026-09-01",
        ["exportMarkets"] = new JsonArray("KZ", "UZ"),
        ["note"] = "Line installed",
    };

    [Theory]
    [InlineData("owner", "sme", "agreement")]
    [InlineData("partner", "partner", "closed")]
    [InlineData("agency", "agency", "agreement")]
    [InlineData("admin", "admin", "closed")]
    public async Task A_party_agency_or_admin_records_an_outcome_once_the_deal_reached_agreement(string caller, string role, string status)
    {
        var cast = await SharedCastAsync();
        var matchId = await cast.FreshMatchAsync(status);

        var response = await cast.ClientOf(caller).PostAsJsonAsync($"/api/v1/matches/{matchId}/outcomes", Body());

        var outcome = await Expect.StatusAsync(response, 201);
        var id = outcome["id"]!.GetValue<string>();
        Assert.Equal($"/api/v1/matches/{matchId}/outcomes/{id}", response.Headers.Location!.OriginalString);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        Assert.Equal(matchId.ToString(), outcome["matchId"]!.GetValue<string>());
        Assert.Equal(3_200_000m, outcome["investment"]!["amount"]!.GetValue<decimal>());
        Assert.Equal("CNY", outcome["investment"]!["currency"]!.GetValue<string>());
        Assert.Equal(Math.Round(3_200_000m * await UsdPerUnitAsync(cast, "CNY"), 2, MidpointRounding.AwayFromZero), outcome["investmentUsd"]!.GetValue<decimal>());
        Assert.Equal(35, outcome["jobsCreated"]!.GetValue<int>());
        Assert.Equal(21, outcome["youthJobs"]!.GetValue<int>());
        Assert.Equal("2026-09-01", outcome["productionStartedOn"]!.GetValue<string>());
        Assert.Equal(["KZ", "UZ"], outcome["exportMarkets"]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.Equal(role, outcome["recordedByRole"]!.GetValue<string>());
        var read = await Expect.StatusAsync(await cast.Owner.Client.GetAsync(response.Headers.Location), 200);
        Assert.Equal(outcome.ToJsonString(), read.ToJsonString());
    }

    [Fact]
    public async Task Follow_ups_are_kept_oldest_first_on_the_list_and_on_the_match()
    {
        var cast = await SharedCastAsync();
        var matchId = await cast.FreshMatchAsync("agreement");

        var first = await RecordAsync(cast.Owner.Client, matchId, Body(jobs: 10, youth: 2));
        api.Clock.Advance(TimeSpan.FromDays(90));
        var second = await RecordAsync(cast.Agency.Client, matchId, Body(currency: "USD", amount: 500_000m, jobs: 30, youth: 12));

        var list = (await Expect.StatusAsync(await cast.Partner.Client.GetAsync($"/api/v1/matches/{matchId}/outcomes"), 200))["items"]!.AsArray();
        Assert.Equal([first, second], list.Select(o => o!["id"]!.GetValue<string>()));
        Assert.Equal(500_000m, list[1]!["investmentUsd"]!.GetValue<decimal>());
        var match = await cast.ReadAsync(matchId, cast.Partner.Client);
        Assert.Equal([first, second], match["outcomes"]!.AsArray().Select(o => o!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_match_without_outcomes_lists_none()
    {
        var cast = await SharedCastAsync();
        var matchId = await cast.FreshMatchAsync();

        Assert.Empty((await Expect.StatusAsync(await cast.Owner.Client.GetAsync($"/api/v1/matches/{matchId}/outcomes"), 200))["items"]!.AsArray());
        Assert.Empty((await cast.ReadAsync(matchId))["outcomes"]!.AsArray());
    }

    [Theory]
    [InlineData("suggested")]
    [InlineData("mutual")]
    [InlineData("negotiation")]
    [InlineData("declined")]
    public async Task Before_agreement_an_outcome_is_a_conflict_and_records_nothing(string status)
    {
        var cast = await SharedCastAsync();
        var matchId = await cast.FreshMatchAsync(status);

        await Expect.ProblemAsync(await cast.Owner.Client.PostAsJsonAsync($"/api/v1/matches/{matchId}/outcomes", Body()), 409);

        Assert.Empty((await cast.ReadAsync(matchId))["outcomes"]!.AsArray());
    }

    [Theory]
    [InlineData("other-sme")]
    [InlineData("other-partner")]
    public async Task Someone_who_may_not_read_the_match_gets_404_for_its_outcomes(string caller)
    {
        var cast = await SharedCastAsync();
        var matchId = await cast.FreshMatchAsync("agreement");
        var id = await RecordAsync(cast.Owner.Client, matchId, Body());

        await Expect.ProblemAsync(await cast.ClientOf(caller).PostAsJsonAsync($"/api/v1/matches/{matchId}/outcomes", Body()), 404);
        await Expect.ProblemAsync(await cast.ClientOf(caller).GetAsync($"/api/v1/matches/{matchId}/outcomes"), 404);
        await Expect.ProblemAsync(await cast.ClientOf(caller).GetAsync($"/api/v1/matches/{matchId}/outcomes/{id}"), 404);
        Assert.Single((await cast.ReadAsync(matchId))["outcomes"]!.AsArray());
    }

    [Fact]
    public async Task An_outcome_read_through_another_match_is_404()
    {
        var cast = await SharedCastAsync();
        var matchId = await cast.FreshMatchAsync("agreement");
        var otherMatch = await cast.FreshMatchAsync("agreement");
        var id = await RecordAsync(cast.Owner.Client, matchId, Body());

        await Expect.ProblemAsync(await cast.Owner.Client.GetAsync($"/api/v1/matches/{otherMatch}/outcomes/{id}"), 404);
    }

    [Fact]
    public async Task Recording_writes_an_outcome_recorded_audit_entry_on_the_match()
    {
        var cast = await SharedCastAsync();
        var matchId = await cast.FreshMatchAsync("agreement");

        var id = await RecordAsync(cast.Partner.Client, matchId, Body(jobs: 7, youth: 3));

        var entries = (await Expect.StatusAsync(await cast.Admin.Client.GetAsync("/api/v1/audit?action=outcome.recorded&limit=100"), 200))["items"]!.AsArray();
        var entry = entries.Single(e => e!["targetId"]!.GetValue<string>() == matchId.ToString())!;
        Assert.Equal("match", entry["targetType"]!.GetValue<string>());
        Assert.Equal("partner", entry["actorRole"]!.GetValue<string>());
        Assert.Equal(cast.Partner.UserId.ToString(), entry["actorId"]!.GetValue<string>());
        Assert.Equal(id, entry["detail"]!["outcomeId"]!.GetValue<string>());
        Assert.Equal(7, entry["detail"]!["jobsCreated"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("youth over jobs", """{"investment":{"amount":1000,"currency":"USD"},"jobsCreated":3,"youthJobs":4}""", "youthJobs")]
    [InlineData("negative jobs", """{"investment":{"amount":1000,"currency":"USD"},"jobsCreated":-1,"youthJobs":0}""", "jobsCreated")]
    [InlineData("negative youth", """{"investment":{"amount":1000,"currency":"USD"},"jobsCreated":1,"youthJobs":-1}""", "youthJobs")]
    [InlineData("no jobs", """{"investment":{"amount":1000,"currency":"USD"},"youthJobs":0}""", "jobsCreated")]
    [InlineData("no investment", """{"jobsCreated":1,"youthJobs":0}""", "investment")]
    [InlineData("unknown currency", """{"investment":{"amount":1000,"currency":"EUR"},"jobsCreated":1,"youthJobs":0}""", "investment.currency")]
    [InlineData("zero amount", """{"investment":{"amount":0,"currency":"USD"},"jobsCreated":1,"youthJobs":0}""", "investment.amount")]
    [InlineData("unknown market", """{"investment":{"amount":1000,"currency":"USD"},"jobsCreated":1,"youthJobs":0,"exportMarkets":["XX"]}""", "exportMarkets")]
    [InlineData("lower-case market", """{"investment":{"amount":1000,"currency":"USD"},"jobsCreated":1,"youthJobs":0,"exportMarkets":["kz"]}""", "exportMarkets")]
    [InlineData("start too early", """{"investment":{"amount":1000,"currency":"USD"},"jobsCreated":1,"youthJobs":0,"productionStartedOn":"1999-12-31"}""", "productionStartedOn")]
    [InlineData("note with a control character", """{"investment":{"amount":1000,"currency":"USD"},"jobsCreated":1,"youthJobs":0,"note":"a\u0007b"}""", "note")]
    public async Task A_bad_outcome_is_a_400_naming_the_field_and_records_nothing(string what, string json, string field)
    {
        var cast = await SharedCastAsync();
        var matchId = await cast.FreshMatchAsync("agreement");

        var response = await cast.Owner.Client.SendRawAsync(HttpMethod.Post, $"/api/v1/matches/{matchId}/outcomes", json);

        await Expect.ProblemAsync(response, 400, field);
        Assert.True((await cast.ReadAsync(matchId))["outcomes"]!.AsArray().Count == 0, what);
    }

    [Theory]
    [InlineData("en", null)]
    [InlineData("ru", "ru")]
    [InlineData("zh", "zh-CN,zh;q=0.9")]
    public async Task More_youth_jobs_than_jobs_is_explained_in_the_callers_language(string expected, string? acceptLanguage)
    {
        var cast = await SharedCastAsync();
        var matchId = await cast.FreshMatchAsync("agreement");
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/matches/{matchId}/outcomes") { Content = JsonContent.Create(Body(jobs: 2, youth: 3)) };
        if (acceptLanguage is not null)
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);

        var problem = await Expect.ProblemAsync(await cast.Owner.Client.SendAsync(request), 400, "youthJobs");

        var message = problem["errors"]!["youthJobs"]![0]!.GetValue<string>();
        Assert.Contains("'jobsCreated'", message, StringComparison.Ordinal);
        var script = Cyrillic().IsMatch(message) ? "ru" : Han().IsMatch(message) ? "zh" : "en";
        Assert.True(expected == script, $"expected a {expected} message, got: {message}");
    }

    internal static async Task<string> RecordAsync(HttpClient client, Guid matchId, JsonObject body) =>
        (await Expect.StatusAsync(await client.PostAsJsonAsync($"/api/v1/matches/{matchId}/outcomes", body), 201))["id"]!.GetValue<string>();

    private async Task<decimal> UsdPerUnitAsync(DealCast cast, string currency)
    {
        var today = DateOnly.FromDateTime(api.Clock.UtcNow);
        var rates = (await Expect.StatusAsync(await cast.Anonymous.GetAsync("/api/v1/reference/fx-rates"), 200))["items"]!.AsArray();
        return rates.Where(r => r!["currency"]!.GetValue<string>() == currency
                && DateOnly.Parse(r["effectiveDate"]!.GetValue<string>(), CultureInfo.InvariantCulture) <= today)
            .MaxBy(r => r!["effectiveDate"]!.GetValue<string>())!["usdPerUnit"]!.GetValue<decimal>();
    }

    [GeneratedRegex(@"\p{IsCyrillic}")]
    private static partial Regex Cyrillic();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();
}

public sealed class OutcomeTestsOnSqlite(SqliteApi api) : OutcomeTests<SqliteApi>(api), IClassFixture<SqliteApi>;

public sealed class OutcomeTestsOnSqlServer : OutcomeTests<SqlServerApi>, IClassFixture<SqlServerApi>
{
    public OutcomeTestsOnSqlServer(SqlServerApi api) : base(api) => api.SkipWhenUnavailable();
}
