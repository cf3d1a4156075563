using System.Net.Http.Json;
using System.Text.Json.Nodes;
using static Matchmaker.Tests.Harness.BodyEdits;

namespace Matchmaker.Tests.Features.Needs;

public abstract class NeedValidationTests<TApi>(TApi api) where TApi : ApiFixture
{
    protected TApi Api { get; } = api;

    /// <summary>rule, the path of the field changed in a valid body, its new JSON (null: removed), the field the API must name.</summary>
    public static TheoryData<string, string, string?, string> Refused => new()
    {
        { "title missing", "title", null, "title" },
        { "title empty", "title", "\"  \"", "title" },
        { "title of 201 characters", "title", Str(new string('t', 201)), "title" },
        { "description of 4001 characters", "description", Str(new string('d', 4001)), "description" },
        { "needTypes missing", "needTypes", null, "needTypes" },
        { "needTypes empty", "needTypes", "[]", "needTypes" },
        { "need type grant unknown", "needTypes", Arr("loan", "grant"), "needTypes" },
        { "need type listed twice", "needTypes", Arr("loan", "loan"), "needTypes" },
        { "amount missing", "amount", null, "amount" },
        { "amount.amount missing", "amount.amount", null, "amount.amount" },
        { "amount.amount 0", "amount.amount", "0", "amount.amount" },
        { "amount.amount negative", "amount.amount", "-250000", "amount.amount" },
        { "amount.amount with three decimals", "amount.amount", "100.125", "amount.amount" },
        { "amount.currency EUR", "amount.currency", "\"EUR\"", "amount.currency" },
        { "amount.currency in lower case", "amount.currency", "\"usd\"", "amount.currency" },
        { "amount.currency missing", "amount.currency", null, "amount.currency" },
        { "horizonMonths missing", "horizonMonths", null, "horizonMonths" },
        { "horizonMonths 0", "horizonMonths", "0", "horizonMonths" },
        { "horizonMonths 121", "horizonMonths", "121", "horizonMonths" },
        { "jobsToCreate -1", "jobsToCreate", "-1", "jobsToCreate" },
        { "export market XX unknown", "exportMarkets", Arr("KZ", "XX"), "exportMarkets" },
        { "export market kz in lower case", "exportMarkets", Arr("kz"), "exportMarkets" },
        { "export market listed twice", "exportMarkets", Arr("KZ", "KZ"), "exportMarkets" },
        { "sectors empty", "sectors", "[]", "sectors" },
        { "six sectors", "sectors", Arr("C10", "C13", "C14", "C25", "C28", "C29"), "sectors" },
        { "sector C99 unknown", "sectors", Arr("C99"), "sectors" },
        { "sector listed twice", "sectors", Arr("C28", "C28"), "sectors" },
        { "amount with an unknown field", "amount.amountUsd", "1", "amount.amountUsd" },
        { "an unknown field", "priority", "\"high\"", "priority" },
    };

    /// <summary>Edge values the rules allow.</summary>
    public static TheoryData<string, string, string?> Accepted => new()
    {
        { "title of 200 characters", "title", Str(new string('t', 200)) },
        { "no description", "description", null },
        { "description of 4000 characters", "description", Str(new string('d', 4000)) },
        { "all six need types", "needTypes", Arr("equity", "loan", "joint_venture", "equipment_supply", "technology_transfer", "offtake") },
        { "amount of one cent", "amount.amount", "0.01" },
        { "horizonMonths 1", "horizonMonths", "1" },
        { "horizonMonths 120", "horizonMonths", "120" },
        { "jobsToCreate 0", "jobsToCreate", "0" },
        { "no jobsToCreate", "jobsToCreate", null },
        { "exportMarkets empty", "exportMarkets", "[]" },
        { "no exportMarkets", "exportMarkets", null },
        { "five sectors", "sectors", Arr("C10", "C13", "C14", "C25", "C28") },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_need_breaking_a_rule_is_refused_naming_the_field_and_nothing_is_created(string rule, string path, string? json, string field)
    {
        var (owner, smeId) = await SmeAsync();
        var body = Change(Bodies.Need(), path, json);

        var response = await owner.Client.PostAsJsonAsync($"/api/v1/smes/{smeId}/needs", body);

        await Expect.ProblemAsync(response, 400, field);
        var page = await Expect.StatusAsync(await owner.Client.GetAsync($"/api/v1/smes/{smeId}/needs"), 200);
        Assert.True(page["items"]!.AsArray().Count == 0, $"a need was created although {rule}");
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_need_update_breaking_a_rule_is_refused_naming_the_field_and_nothing_changes(string rule, string path, string? json, string field)
    {
        var (owner, smeId) = await SmeAsync();
        var needId = await Create.NeedAsync(owner, smeId);
        var read = await owner.Client.GetAsync($"/api/v1/needs/{needId}");
        var before = await Expect.StatusAsync(read, 200);
        var body = Change(Bodies.Need(title: "Changed"), path, json);

        var response = await owner.Client.PutAsync($"/api/v1/needs/{needId}", body, read.ETag());

        await Expect.ProblemAsync(response, 400, field);
        var after = await owner.Client.GetAsync($"/api/v1/needs/{needId}");
        Assert.True(JsonNode.DeepEquals(before, await Expect.StatusAsync(after, 200)), $"the need changed although {rule}");
        Assert.Equal(read.ETag(), after.ETag());
    }

    [Theory]
    [MemberData(nameof(Accepted))]
    public async Task A_need_at_the_edge_of_the_rules_is_accepted(string rule, string path, string? json)
    {
        var (owner, smeId) = await SmeAsync();
        var body = Change(Bodies.Need(), path, json);

        var created = await Expect.StatusAsync(await owner.Client.PostAsJsonAsync($"/api/v1/smes/{smeId}/needs", body), 201);

        Assert.True(created["id"] is not null, rule);
    }

    [Fact]
    public async Task A_close_reason_over_1000_characters_is_refused_and_the_need_stays_open()
    {
        var (owner, smeId) = await SmeAsync();
        var needId = await Create.NeedAsync(owner, smeId);

        var response = await owner.Client.PostAsJsonAsync($"/api/v1/needs/{needId}/close", new JsonObject { ["reason"] = new string('r', 1001) });

        await Expect.ProblemAsync(response, 400, "reason");
        var after = await Expect.StatusAsync(await owner.Client.GetAsync($"/api/v1/needs/{needId}"), 200);
        Assert.Equal("open", after["status"]!.GetValue<string>());
    }

    private Task<(Actor Owner, Guid SmeId)> SmeAsync() => Create.SmeAccountAsync(Api);
}

public sealed class NeedValidationTestsOnSqlite(SqliteApi api) : NeedValidationTests<SqliteApi>(api), IClassFixture<SqliteApi>;

public sealed class NeedValidationTestsOnSqlServer : NeedValidationTests<SqlServerApi>, IClassFixture<SqlServerApi>
{
    public NeedValidationTestsOnSqlServer(SqlServerApi api) : base(api) => api.SkipWhenUnavailable();
}
