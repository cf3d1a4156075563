using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Matchmaker.Tests.Features.Matching.Decline;

public abstract partial class DeclineReasonTests<TApi>(TApi api) where TApi : ApiFixture
{
    private Task<DealCast> SharedCastAsync() => api.SharedAsync(DealCast.CreateAsync);

    [Theory]
    [InlineData("owner", "sme", "amount_too_large")]
    [InlineData("partner", "partner", "found_partner")]
    public async Task A_decline_keeps_its_reason_code_and_note_on_the_event(string caller, string side, string code)
    {
        var cast = await SharedCastAsync();
        var matchId = await cast.FreshMatchAsync();

        var declined = await Matches.ActAsync(cast.ClientOf(caller), matchId, "decline", new JsonObject { ["reasonCode"] = code, ["reason"] = "Not this year" });

        Assert.Equal("declined", declined["status"]!.GetValue<string>());
        var read = await cast.ReadAsync(matchId, cast.Agency.Client);
        var step = read["events"]!.AsArray().Single()!;
        Assert.Equal(side, step["actorRole"]!.GetValue<string>());
        Assert.Equal(code, step["reasonCode"]!.GetValue<string>());
        Assert.Equal("Not this year", step["note"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_decline_without_a_code_and_every_other_step_carry_a_null_reason_code()
    {
        var cast = await SharedCastAsync();
        var matchId = await cast.FreshMatchAsync();

        await Matches.ActAsync(cast.Owner.Client, matchId, "interest");
        await Matches.ActAsync(cast.Partner.Client, matchId, "decline");

        var events = (await cast.ReadAsync(matchId))["events"]!.AsArray();
        Assert.Equal(["interest", "decline"], events.Select(e => e!["action"]!.GetValue<string>()));
        Assert.All(events, e => Assert.Null(e!["reasonCode"]));
    }

    [Theory]
    [InlineData("en", null, "pending")]
    [InlineData("ru", "ru-RU,ru;q=0.9", "Sector_Mismatch")]
    [InlineData("zh", "zh-CN", "unspecified")]
    public async Task An_unknown_reason_code_is_a_400_in_the_callers_language_and_declines_nothing(string expected, string? acceptLanguage, string code)
    {
        var cast = await SharedCastAsync();
        var matchId = await cast.FreshMatchAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/matches/{matchId}/decline")
        {
            Content = JsonContent.Create(new JsonObject { ["reasonCode"] = code }),
        };
        if (acceptLanguage is not null)
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);

        var problem = await Expect.ProblemAsync(await cast.Owner.Client.SendAsync(request), 400, "reasonCode");

        var message = problem["errors"]!["reasonCode"]![0]!.GetValue<string>();
        Assert.Contains($"'{code}'", message, StringComparison.Ordinal);
        Assert.Contains("sector_mismatch", message, StringComparison.Ordinal);
        var script = Cyrillic().IsMatch(message) ? "ru" : Han().IsMatch(message) ? "zh" : "en";
        Assert.True(expected == script, $"expected a {expected} message, got: {message}");
        var read = await cast.ReadAsync(matchId);
        Assert.Equal("suggested", read["status"]!.GetValue<string>());
        Assert.Empty(read["events"]!.AsArray());
    }

    [GeneratedRegex(@"\p{IsCyrillic}")]
    private static partial Regex Cyrillic();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();
}

public sealed class DeclineReasonTestsOnSqlite(SqliteApi api) : DeclineReasonTests<SqliteApi>(api), IClassFixture<SqliteApi>;

public sealed class DeclineReasonTestsOnSqlServer : DeclineReasonTests<SqlServerApi>, IClassFixture<SqlServerApi>
{
    public DeclineReasonTestsOnSqlServer(SqlServerApi api) : base(api) => api.SkipWhenUnavailable();
}
