namespace Matchmaker.Tests.Features.Matching.Criteria;

/// <summary>On a fresh database, before anyone changed them, the criteria are the default criteria (Features/Matching/README.md).</summary>
public abstract class CriteriaDefaultsTests<TApi>(TApi api) where TApi : ApiFixture
{
    [Fact]
    public async Task A_new_database_starts_with_version_1_holding_the_documented_defaults()
    {
        var sme = await api.UserAsync("sme");

        var response = await sme.Client.GetAsync("/api/v1/criteria");

        var body = await Expect.StatusAsync(response, 200);
        Assert.Equal("\"1\"", response.ETag());
        Assert.Equal(1, body["version"]!.GetValue<int>());
        Assert.Equal(40, body["minScore"]!.GetValue<decimal>());
        Assert.Equal(200, body["maxPerNeed"]!.GetValue<int>());
        Assert.Equal(200, body["maxPerPartner"]!.GetValue<int>());
        Assert.Equal("active", body["status"]!.GetValue<string>());
        Assert.Equal(1, body["activeVersion"]!.GetValue<int>());
        Assert.NotNull(body["createdAt"]);
        Assert.NotNull(body["activatedAt"]);
        var criteria = body["criteria"]!.AsArray();
        Assert.Equal(CriteriaBodies.Defaults.Select(d => d.Key), criteria.Select(c => c!["key"]!.GetValue<string>()));
        Assert.Equal(CriteriaBodies.Defaults.Select(d => d.Weight), criteria.Select(c => c!["weight"]!.GetValue<double>()));
        Assert.Equal(CriteriaBodies.Defaults.Select(d => d.Required), criteria.Select(c => c!["required"]!.GetValue<bool>()));
        Assert.All(criteria, c => Assert.True(c!["enabled"]!.GetValue<bool>()));
    }
}

public sealed class CriteriaDefaultsTestsOnSqlite(SqliteApi api) : CriteriaDefaultsTests<SqliteApi>(api), IClassFixture<SqliteApi>;

public sealed class CriteriaDefaultsTestsOnSqlServer : CriteriaDefaultsTests<SqlServerApi>, IClassFixture<SqlServerApi>
{
    public CriteriaDefaultsTestsOnSqlServer(SqlServerApi api) : base(api) => api.SkipWhenUnavailable();
}
