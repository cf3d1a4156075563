using System.Text.Json.Nodes;
using Matchmaker.Tests.Features.Matching.Jobs;

namespace Matchmaker.Tests.Features.Matching.Criteria;

public abstract class CriteriaValidationTests<TApi>(TApi api) where TApi : ApiFixture
{
    /// <summary>rule, the path changed in a valid body, its new JSON (null: removed), the field the API must name.</summary>
    public static TheoryData<string, string, string?, string> Refused => new()
    {
        { "an unknown key", "criteria[7].key", "\"colour\"", "criteria[7].key" },
        { "a key listed twice", "criteria[7].key", "\"sector\"", "criteria" },
        { "a key missing", "criteria[7]", null, "criteria" },
        { "a negative weight", "criteria[0].weight", "-1", "criteria[0].weight" },
        { "a weight above 1e6", "criteria[1].weight", "1000001", "criteria[1].weight" },
        { "a weight missing", "criteria[2].weight", null, "criteria[2].weight" },
        { "required missing", "criteria[3].required", null, "criteria[3].required" },
        { "enabled missing", "criteria[4].enabled", null, "criteria[4].enabled" },
        { "a key missing from an item", "criteria[5].key", null, "criteria[5].key" },
        { "criteria missing", "criteria", null, "criteria" },
        { "criteria empty", "criteria", "[]", "criteria" },
        { "all weights zero", "criteria", AllWeights(0), "criteria" },
        { "minScore 101", "minScore", "101", "minScore" },
        { "minScore negative", "minScore", "-0.1", "minScore" },
        { "minScore with two decimals", "minScore", "40.25", "minScore" },
        { "minScore missing", "minScore", null, "minScore" },
        { "maxPerNeed 0", "maxPerNeed", "0", "maxPerNeed" },
        { "maxPerNeed 10001", "maxPerNeed", "10001", "maxPerNeed" },
        { "maxPerPartner 0", "maxPerPartner", "0", "maxPerPartner" },
        { "maxPerPartner missing", "maxPerPartner", null, "maxPerPartner" },
        { "a server-owned field", "activeVersion", "3", "activeVersion" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_change_breaking_a_rule_is_refused_naming_the_field_and_stores_nothing(string rule, string path, string? json, string field)
    {
        var admin = await api.AdminAsync();
        var read = await admin.Client.GetAsync("/api/v1/criteria");
        var before = await Expect.StatusAsync(read, 200);

        var response = await admin.Client.PutAsync("/api/v1/criteria", CriteriaBodies.Change(CriteriaBodies.Valid(), path, json), read.ETag());

        await Expect.ProblemAsync(response, 400, field);
        var after = await admin.Client.GetAsync("/api/v1/criteria");
        Assert.True(JsonNode.DeepEquals(before, await Expect.StatusAsync(after, 200)), $"the criteria changed although {rule}");
    }

    [Fact]
    public async Task Only_enabled_weights_count_towards_the_one_above_zero()
    {
        var admin = await api.AdminAsync();
        var read = await admin.Client.GetAsync("/api/v1/criteria");
        var body = CriteriaBodies.Valid();
        foreach (var criterion in body["criteria"]!.AsArray())
            criterion!["enabled"] = false;
        body["criteria"]![0]!["enabled"] = true;
        body["criteria"]![0]!["weight"] = 0;

        await Expect.ProblemAsync(await admin.Client.PutAsync("/api/v1/criteria", body, read.ETag()), 400, "criteria");
    }

    [Fact]
    public async Task Edge_values_the_rules_allow_are_accepted()
    {
        var admin = await api.AdminAsync();
        var read = await admin.Client.GetAsync("/api/v1/criteria");
        var body = CriteriaBodies.Valid(minScore: 99.5, maxPerNeed: 10_000, maxPerPartner: 1);
        body["criteria"]![0]!["weight"] = 1_000_000;
        body["criteria"]![1]!["weight"] = 0;
        body["criteria"]![2]!["enabled"] = false;

        var response = await admin.Client.PutAsync("/api/v1/criteria", body, read.ETag());

        await Expect.StatusAsync(response, 202);
        var latest = await Expect.StatusAsync(await admin.Client.GetAsync("/api/v1/criteria"), 200);
        Assert.Equal(99.5m, latest["minScore"]!.GetValue<decimal>());
        Assert.Equal(1_000_000, latest["criteria"]![0]!["weight"]!.GetValue<double>());
        // The job must not activate the version while another test of the class compares two reads.
        await JobPolling.WaitForStatusAsync(admin.Client, response.Headers.Location!.OriginalString, "succeeded");
    }

    private static string AllWeights(double weight) =>
        new JsonArray(CriteriaBodies.Defaults.Select(d => (JsonNode?)CriteriaBodies.Criterion(d.Key, weight, d.Required)).ToArray()).ToJsonString();
}

public sealed class CriteriaValidationTestsOnSqlite(SqliteApi api) : CriteriaValidationTests<SqliteApi>(api), IClassFixture<SqliteApi>;

public sealed class CriteriaValidationTestsOnSqlServer : CriteriaValidationTests<SqlServerApi>, IClassFixture<SqlServerApi>
{
    public CriteriaValidationTestsOnSqlServer(SqlServerApi api) : base(api) => api.SkipWhenUnavailable();
}
