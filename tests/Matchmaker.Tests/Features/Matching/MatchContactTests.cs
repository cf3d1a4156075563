using System.Text.Json.Nodes;
using static Matchmaker.Tests.Harness.JsonLists;

namespace Matchmaker.Tests.Features.Matching;

/// <summary>Contact details of the other party appear once a match reaches mutual, and stay.</summary>
public abstract class MatchContactTests<TApi>(TApi api) where TApi : ApiFixture
{
    protected TApi Api { get; } = api;

    /// <summary>Match-level tests share a cast and act on fresh needs; profile-level tests need parties that never met, so build their own.</summary>
    private Task<DealCast> SharedCastAsync() => Api.SharedAsync(DealCast.CreateAsync);

    [Theory]
    [InlineData("suggested")]
    [InlineData("sme_interested")]
    [InlineData("partner_interested")]
    public async Task No_one_sees_contacts_on_a_match_before_it_is_mutual(string status)
    {
        var cast = await SharedCastAsync();
        var matchId = await cast.FreshMatchAsync(status);

        foreach (var caller in new[] { "owner", "partner", "agency", "admin" })
        {
            var match = await cast.ReadAsync(matchId, cast.ClientOf(caller));
            AssertNoContacts(match);
            AssertNoContacts(await ListedAsync(cast, caller, matchId));
        }
    }

    [Theory]
    [InlineData("mutual")]
    [InlineData("meeting")]
    [InlineData("agreement")]
    [InlineData("closed")]
    public async Task Parties_agency_and_admin_see_both_contacts_once_a_match_is_mutual(string status)
    {
        var cast = await SharedCastAsync();
        var matchId = await cast.FreshMatchAsync(status);

        foreach (var caller in new[] { "owner", "partner", "agency", "admin" })
        {
            AssertContacts(await cast.ReadAsync(matchId, cast.ClientOf(caller)));
            AssertContacts(await ListedAsync(cast, caller, matchId));
        }
    }

    [Theory]
    [InlineData("owner")]
    [InlineData("partner")]
    public async Task Contacts_stay_visible_after_a_later_decline(string decliner)
    {
        var cast = await SharedCastAsync();
        var matchId = await cast.FreshMatchAsync("meeting");

        var declined = await Matches.ActAsync(cast.ClientOf(decliner), matchId, "decline", new JsonObject { ["reason"] = "Changed plans" });

        Assert.Equal("declined", declined["status"]!.GetValue<string>());
        Assert.NotNull(declined["mutualAt"]);
        AssertContacts(declined);
        foreach (var caller in new[] { "owner", "partner" })
            AssertContacts(await cast.ReadAsync(matchId, cast.ClientOf(caller)));
    }

    [Fact]
    public async Task A_match_declined_before_mutual_never_shows_contacts()
    {
        var cast = await SharedCastAsync();
        var matchId = await cast.FreshMatchAsync("sme_interested");

        var declined = await Matches.ActAsync(cast.Partner.Client, matchId, "decline");

        AssertNoContacts(declined);
        AssertNoContacts(await cast.ReadAsync(matchId, cast.Owner.Client));
    }

    [Fact]
    public async Task The_mutual_answer_itself_carries_the_contacts()
    {
        var cast = await SharedCastAsync();
        var matchId = await cast.FreshMatchAsync("sme_interested");

        var mutual = await Matches.ActAsync(cast.Partner.Client, matchId, "interest");

        Assert.Equal("mutual", mutual["status"]!.GetValue<string>());
        AssertContacts(mutual);
    }

    [Fact]
    public async Task Profiles_show_each_other_the_contact_only_once_a_match_between_them_is_mutual()
    {
        var cast = await DealCast.CreateAsync(Api);

        await AssertProfileContactsAsync(cast, expected: false);
        await Matches.ActAsync(cast.Owner.Client, cast.MatchId, "interest");
        await AssertProfileContactsAsync(cast, expected: false);
        await Matches.ActAsync(cast.Partner.Client, cast.MatchId, "interest");
        await AssertProfileContactsAsync(cast, expected: true);
        await Matches.ActAsync(cast.Partner.Client, cast.MatchId, "decline", new JsonObject { ["reason"] = "Later" });
        await AssertProfileContactsAsync(cast, expected: true);
    }

    [Fact]
    public async Task A_mutual_match_on_any_need_of_the_sme_opens_the_profiles()
    {
        var cast = await DealCast.CreateAsync(Api);
        var otherMatch = await cast.FreshMatchAsync();

        await cast.DriveAsync(otherMatch, "mutual");

        await AssertProfileContactsAsync(cast, expected: true);
        Assert.Equal("suggested", (await cast.ReadAsync(cast.MatchId))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_profile_declined_before_mutual_stays_closed()
    {
        var cast = await DealCast.CreateAsync(Api);

        await cast.DriveAsync(cast.MatchId, "partner_interested");
        await Matches.ActAsync(cast.Owner.Client, cast.MatchId, "decline");

        await AssertProfileContactsAsync(cast, expected: false);
    }

    [Fact]
    public async Task Parties_of_other_deals_still_get_the_public_view()
    {
        var cast = await DealCast.CreateAsync(Api);
        await cast.DriveAsync(cast.MatchId, "mutual");
        var strangerPartner = await Api.UserAsync("partner");
        await Create.PartnerAsync(strangerPartner);
        var strangerSme = await Api.UserAsync("sme");
        await Create.SmeAsync(strangerSme);

        var sme = (await Expect.StatusAsync(await strangerPartner.Client.GetAsync($"/api/v1/smes/{cast.SmeId}"), 200)).AsObject();
        var partner = (await Expect.StatusAsync(await strangerSme.Client.GetAsync($"/api/v1/partners/{cast.PartnerId}"), 200)).AsObject();

        Assert.False(sme.ContainsKey("contact"));
        Assert.False(partner.ContainsKey("contact"));
        await Expect.ProblemAsync(await cast.OtherPartner.Client.GetAsync($"/api/v1/partners/{cast.PartnerId}"), 404);
        await Expect.ProblemAsync(await cast.OtherSme.Client.GetAsync($"/api/v1/smes/{cast.SmeId}"), 404);
    }

    private static async Task AssertProfileContactsAsync(DealCast cast, bool expected)
    {
        var sme = (await Expect.StatusAsync(await cast.Partner.Client.GetAsync($"/api/v1/smes/{cast.SmeId}"), 200)).AsObject();
        var partner = (await Expect.StatusAsync(await cast.Owner.Client.GetAsync($"/api/v1/partners/{cast.PartnerId}"), 200)).AsObject();

        Assert.Equal(expected, sme.ContainsKey("contact"));
        Assert.Equal(expected, partner.ContainsKey("contact"));
        if (expected)
        {
            Assert.Equal(DealCast.SmeEmail, sme["contact"]!["email"]!.GetValue<string>());
            Assert.Equal(DealCast.PartnerEmail, partner["contact"]!["email"]!.GetValue<string>());
        }
    }

    /// <summary>The match as it appears in the list the caller may read (the need's for its SME, the partner's for its partner).</summary>
    private static async Task<JsonObject> ListedAsync(DealCast cast, string caller, Guid matchId)
    {
        var match = await cast.ReadAsync(matchId);
        var path = caller == "partner"
            ? $"/api/v1/partners/{cast.PartnerId}/matches"
            : $"/api/v1/needs/{match["needId"]!.GetValue<string>()}/matches";
        var items = await Paging.AllAsync(cast.ClientOf(caller), path, 100);
        return items.Single(i => IdOf(i) == matchId.ToString());
    }

    private static void AssertContacts(JsonObject match)
    {
        Assert.Equal(DealCast.SmeEmail, match["need"]!["contact"]!["email"]!.GetValue<string>());
        Assert.Equal("Aibek Asanov", match["need"]!["contact"]!["person"]!.GetValue<string>());
        Assert.Equal("+996 555 123 456", match["need"]!["contact"]!["phone"]!.GetValue<string>());
        Assert.Equal(DealCast.PartnerEmail, match["partner"]!["contact"]!["email"]!.GetValue<string>());
        Assert.Equal("Li Wei", match["partner"]!["contact"]!["person"]!.GetValue<string>());
        Assert.Equal("+86 532 1234 5678", match["partner"]!["contact"]!["phone"]!.GetValue<string>());
    }

    private static void AssertNoContacts(JsonObject match)
    {
        Assert.False(match["need"]!.AsObject().ContainsKey("contact"), "the SME's contact must not show before mutual");
        Assert.False(match["partner"]!.AsObject().ContainsKey("contact"), "the partner's contact must not show before mutual");
        Assert.DoesNotContain(DealCast.SmeEmail, match.ToJsonString());
        Assert.DoesNotContain(DealCast.PartnerEmail, match.ToJsonString());
    }
}

public sealed class MatchContactTestsOnSqlite(SqliteApi api) : MatchContactTests<SqliteApi>(api), IClassFixture<SqliteApi>;

public sealed class MatchContactTestsOnSqlServer : MatchContactTests<SqlServerApi>, IClassFixture<SqlServerApi>
{
    public MatchContactTestsOnSqlServer(SqlServerApi api) : base(api) => api.SkipWhenUnavailable();
}
