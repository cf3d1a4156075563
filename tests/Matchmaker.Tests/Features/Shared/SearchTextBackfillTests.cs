using System.Text.Json.Nodes;
using static Matchmaker.Tests.Harness.JsonLists;
using static Matchmaker.Tests.Harness.SearchWords;

namespace Matchmaker.Tests.Features.Shared;

/// <summary>Records stored before migration 0029 (whose search texts it empties) are found again once the API has started.</summary>
public abstract class SearchTextBackfillTests<TApi>(TApi api) where TApi : ApiFixture
{
    [Fact]
    public async Task Records_whose_search_text_was_emptied_by_the_upgrade_are_found_after_a_restart()
    {
        var (smeWord, needWord, partnerWord) = (Cyrillic(), Cyrillic(), Cyrillic());
        var smeBody = Bodies.Sme(name: $"Берёза {smeWord}");
        var (owner, smeId) = await Create.SmeAccountAsync(api, smeBody);
        var needBody = Bodies.Need(title: "Sawmill");
        needBody["description"] = $"Пилорама {needWord}";
        var needId = await Create.NeedAsync(owner, smeId, needBody);
        var partnerBody = Bodies.Partner();
        partnerBody["nameRu"] = $"Циндао {partnerWord}";
        var (_, partnerId) = await Create.PartnerAccountAsync(api, partnerBody);

        await using (var db = await api.OpenDatabaseAsync())
        {
            foreach (var sql in (string[])["UPDATE smes SET search_text = '', search_names = ''", "UPDATE needs SET search_text = ''", "UPDATE partners SET search_text = ''"])
            {
                await using var command = db.CreateCommand();
                command.CommandText = sql;
                await command.ExecuteNonQueryAsync();
            }
        }

        Assert.Empty(await SearchAsync("smes", $"БЕРЕЗА {smeWord}"));
        Assert.Empty(await SearchAsync("needs", smeWord));
        Assert.Empty(await SearchAsync("needs", needWord));
        Assert.Empty(await SearchAsync("partners", partnerWord));

        await api.RestartAsync();

        Assert.Equal([smeId.ToString()], await SearchAsync("smes", $"БЕРЕЗА {smeWord}"));
        Assert.Equal([needId.ToString()], await SearchAsync("needs", smeWord));
        Assert.Equal([needId.ToString()], await SearchAsync("needs", needWord.ToLowerInvariant()));
        Assert.Equal([partnerId.ToString()], await SearchAsync("partners", partnerWord));
    }

    private async Task<List<string>> SearchAsync(string route, string q)
    {
        var agency = await api.UserAsync("agency");
        return Ids(await Expect.StatusAsync(await agency.Client.GetAsync($"/api/v1/{route}?{Query(q)}"), 200));
    }
}

public sealed class SearchTextBackfillTestsOnSqlite(SqliteApi api) : SearchTextBackfillTests<SqliteApi>(api), IClassFixture<SqliteApi>;

public sealed class SearchTextBackfillTestsOnSqlServer : SearchTextBackfillTests<SqlServerApi>, IClassFixture<SqlServerApi>
{
    public SearchTextBackfillTestsOnSqlServer(SqlServerApi api) : base(api) => api.SkipWhenUnavailable();
}
