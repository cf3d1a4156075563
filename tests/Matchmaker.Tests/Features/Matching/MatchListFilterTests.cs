using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using static Matchmaker.Tests.Harness.JsonLists;

namespace Matchmaker.Tests.Features.Matching;

/// <summary>
/// The <c>status</c> and <c>awaitingMe</c> filters of the two match lists, alone, together, with the other
/// filters and with paging, for every role that reads a list.
/// </summary>
public abstract partial class MatchListFilterTests<TApi>(TApi api) where TApi : ApiFixture
{
    private static readonly string[] Statuses = ["suggested", "sme_interested", "partner_interested", "mutual", "declined"];

    /// <summary>
    /// One SME with five needs and five partners, every pair a match (all score alike); pair (n, p) is in
    /// status <c>Statuses[(n + p) % 5]</c>, so each need's list and each partner's list holds each status once.
    /// </summary>
    private sealed record Grid(Actor Owner, Guid[] Needs, Actor[] PartnerOwners, Guid[] Partners, Dictionary<(int Need, int Partner), Guid> MatchIds, Actor Agency, Actor Admin)
    {
        public string StatusOf(int need, int partner) => Statuses[(need + partner) % Statuses.Length];

        public HttpClient NeedReader(string role) => role switch { "sme" => Owner.Client, "agency" => Agency.Client, _ => Admin.Client };

        public HttpClient PartnerReader(string role) => role switch { "partner" => PartnerOwners[0].Client, "agency" => Agency.Client, _ => Admin.Client };

        public IEnumerable<string> NeedMatchesIn(IEnumerable<string> statuses) =>
            Enumerable.Range(0, Partners.Length).Where(p => statuses.Contains(StatusOf(0, p))).Select(p => MatchIds[(0, p)].ToString());

        public IEnumerable<string> PartnerMatchesIn(IEnumerable<string> statuses) =>
            Enumerable.Range(0, Needs.Length).Where(n => statuses.Contains(StatusOf(n, 0))).Select(n => MatchIds[(n, 0)].ToString());
    }

    private Task<Grid> GridAsync() => api.SharedAsync(async fixture =>
    {
        var (owner, smeId) = await Create.SmeAccountAsync(fixture);
        var needs = new Guid[Statuses.Length];
        for (var n = 0; n < needs.Length; n++)
            needs[n] = await Create.NeedAsync(owner, smeId, Bodies.Need(title: $"Filtered need {n}"));
        var partnerOwners = new Actor[Statuses.Length];
        var partners = new Guid[Statuses.Length];
        for (var p = 0; p < partners.Length; p++)
            (partnerOwners[p], partners[p]) = await Create.PartnerAccountAsync(fixture);

        var ids = new Dictionary<(int, int), Guid>();
        var grid = new Grid(owner, needs, partnerOwners, partners, ids, await fixture.UserAsync("agency"), await fixture.AdminAsync());
        for (var n = 0; n < needs.Length; n++)
        {
            for (var p = 0; p < partners.Length; p++)
            {
                var id = await Matches.IdAsync(owner.Client, needs[n], partners[p]);
                ids[(n, p)] = id;
                var partner = partnerOwners[p].Client;
                switch (grid.StatusOf(n, p))
                {
                    case "sme_interested":
                        await Matches.ActAsync(owner.Client, id, "interest");
                        break;
                    case "partner_interested":
                        await Matches.ActAsync(partner, id, "interest");
                        break;
                    case "mutual":
                        await Matches.ActAsync(owner.Client, id, "interest");
                        await Matches.ActAsync(partner, id, "interest");
                        break;
                    case "declined":
                        await Matches.ActAsync(partner, id, "decline", new JsonObject { ["reason"] = "Not now" });
                        break;
                }
            }
        }

        return grid;
    });

    public static TheoryData<string, string> StatusQueries => new()
    {
        { "sme", "mutual" },
        { "sme", "partner_interested,mutual" },
        { "sme", "suggested,declined,sme_interested" },
        { "agency", "sme_interested" },
        { "agency", "mutual,declined" },
        { "admin", "suggested,sme_interested,partner_interested,mutual,declined" },
        { "admin", "partner_interested,partner_interested" },
        { "partner", "sme_interested,suggested" },
        { "partner", "declined" },
        { "sme", "meeting,agreement" },
    };

    [Theory]
    [MemberData(nameof(StatusQueries))]
    public async Task A_list_keeps_only_the_statuses_asked_for(string role, string status)
    {
        var grid = await GridAsync();
        var wanted = status.Split(',');
        var (client, path, expected) = role == "partner"
            ? (grid.PartnerReader(role), $"/api/v1/partners/{grid.Partners[0]}/matches", grid.PartnerMatchesIn(wanted))
            : (grid.NeedReader(role), $"/api/v1/needs/{grid.Needs[0]}/matches", grid.NeedMatchesIn(wanted));

        var items = await Paging.AllAsync(client, $"{path}?status={status}", 100);

        Assert.Equal(expected.Order(), items.Select(IdOf).Order());
        Assert.All(items, i => Assert.Contains(i["status"]!.GetValue<string>(), wanted));
        if (role != "partner" && role != "sme")
        {
            var partnerItems = await Paging.AllAsync(client, $"/api/v1/partners/{grid.Partners[0]}/matches?status={status}", 100);
            Assert.Equal(grid.PartnerMatchesIn(wanted).Order(), partnerItems.Select(IdOf).Order());
        }
    }

    [Fact]
    public async Task Awaiting_me_is_what_the_partner_said_yes_to_for_the_sme_and_the_reverse_for_the_partner()
    {
        var grid = await GridAsync();

        var sme = await Paging.AllAsync(grid.Owner.Client, $"/api/v1/needs/{grid.Needs[0]}/matches?awaitingMe=true", 100);
        var partner = await Paging.AllAsync(grid.PartnerOwners[0].Client, $"/api/v1/partners/{grid.Partners[0]}/matches?awaitingMe=true", 100);

        Assert.Equal("partner_interested", Assert.Single(sme)["status"]!.GetValue<string>());
        Assert.Equal(grid.NeedMatchesIn(["partner_interested"]), sme.Select(IdOf));
        Assert.Equal("sme_interested", Assert.Single(partner)["status"]!.GetValue<string>());
        Assert.Equal(grid.PartnerMatchesIn(["sme_interested"]), partner.Select(IdOf));
    }

    [Fact]
    public async Task Awaiting_me_false_is_everything_else()
    {
        var grid = await GridAsync();

        var sme = await Paging.AllAsync(grid.Owner.Client, $"/api/v1/needs/{grid.Needs[0]}/matches?awaitingMe=false", 100);
        var partner = await Paging.AllAsync(grid.PartnerOwners[0].Client, $"/api/v1/partners/{grid.Partners[0]}/matches?awaitingMe=false", 100);

        Assert.Equal(grid.NeedMatchesIn(Statuses.Except(["partner_interested"])).Order(), sme.Select(IdOf).Order());
        Assert.Equal(grid.PartnerMatchesIn(Statuses.Except(["sme_interested"])).Order(), partner.Select(IdOf).Order());
    }

    [Theory]
    [InlineData("agency", "needs")]
    [InlineData("admin", "needs")]
    [InlineData("agency", "partners")]
    [InlineData("admin", "partners")]
    public async Task Nothing_awaits_agency_or_admin(string role, string list)
    {
        var grid = await GridAsync();
        var client = grid.NeedReader(role);
        var path = list == "needs" ? $"/api/v1/needs/{grid.Needs[0]}/matches" : $"/api/v1/partners/{grid.Partners[0]}/matches";

        var awaiting = await Expect.StatusAsync(await client.GetAsync($"{path}?awaitingMe=true"), 200);
        var notAwaiting = await Paging.AllAsync(client, $"{path}?awaitingMe=false", 100);
        var all = await Paging.AllAsync(client, path, 100);

        Assert.Empty(awaiting["items"]!.AsArray());
        Assert.Null(awaiting["nextCursor"]);
        Assert.Equal(all.Select(IdOf), notAwaiting.Select(IdOf));
        Assert.Equal(Statuses.Length, all.Count);
    }

    [Theory]
    [InlineData("needs", "status=partner_interested,mutual&awaitingMe=true", new[] { "partner_interested" })]
    [InlineData("needs", "status=mutual&awaitingMe=true", new string[0])]
    [InlineData("needs", "status=partner_interested,mutual&awaitingMe=false", new[] { "mutual" })]
    [InlineData("needs", "status=mutual,declined&minScore=0", new[] { "mutual", "declined" })]
    [InlineData("needs", "status=mutual,declined&minScore=99", new string[0])]
    [InlineData("partners", "status=sme_interested,mutual&awaitingMe=true", new[] { "sme_interested" })]
    [InlineData("partners", "status=suggested,mutual&sector=C28&region=KG-C", new[] { "suggested", "mutual" })]
    [InlineData("partners", "status=suggested,mutual&region=KG-Y", new string[0])]
    [InlineData("partners", "awaitingMe=true&sector=A", new string[0])]
    public async Task Status_and_awaiting_me_combine_with_the_other_filters(string list, string query, string[] expected)
    {
        var grid = await GridAsync();
        var (client, path, ours) = list == "needs"
            ? (grid.Owner.Client, $"/api/v1/needs/{grid.Needs[0]}/matches", grid.NeedMatchesIn(expected))
            : (grid.PartnerOwners[0].Client, $"/api/v1/partners/{grid.Partners[0]}/matches", grid.PartnerMatchesIn(expected));

        var items = await Paging.AllAsync(client, $"{path}?{query}", 100);

        Assert.Equal(ours.Order(), items.Select(IdOf).Order());
    }

    [Theory]
    [InlineData("sme", "needs", "status=suggested,sme_interested,mutual,declined", 1)]
    [InlineData("sme", "needs", "awaitingMe=false", 2)]
    [InlineData("partner", "partners", "status=partner_interested,declined,suggested", 1)]
    [InlineData("partner", "partners", "awaitingMe=false&minScore=50", 3)]
    [InlineData("agency", "partners", "status=sme_interested,partner_interested,mutual&awaitingMe=false", 1)]
    [InlineData("admin", "needs", "status=suggested,mutual", 1)]
    public async Task Paging_a_filtered_list_returns_each_match_once_in_the_order_of_the_whole(string role, string list, string query, int limit)
    {
        var grid = await GridAsync();
        var client = role == "partner" ? grid.PartnerReader(role) : grid.NeedReader(role);
        var path = list == "needs" ? $"/api/v1/needs/{grid.Needs[0]}/matches?{query}" : $"/api/v1/partners/{grid.Partners[0]}/matches?{query}";
        var whole = await Expect.StatusAsync(await client.GetAsync($"{path}&limit=100"), 200);

        var paged = await Paging.AllAsync(client, path, limit);

        Assert.Equal(whole["items"]!.AsArray().Select(i => IdOf(i!)), paged.Select(IdOf));
        Assert.True(paged.Count > limit, "the walk spans several pages");
    }

    [Theory]
    [InlineData("status=mutual,suggested,declined&limit=1", "status=mutual,declined&limit=1")]
    [InlineData("status=mutual,suggested,declined&limit=1", "status=mutual,suggested,declined&awaitingMe=false&limit=1")]
    [InlineData("awaitingMe=false&limit=1", "awaitingMe=true&limit=1")]
    [InlineData("awaitingMe=false&limit=1", "limit=1")]
    [InlineData("limit=1", "status=mutual&limit=1")]
    [InlineData("status=mutual,suggested,declined&limit=1", "status=mutual,suggested,declined&minScore=10&limit=1")]
    public async Task A_cursor_does_not_continue_a_list_with_other_filters(string first, string next)
    {
        var grid = await GridAsync();
        var path = $"/api/v1/needs/{grid.Needs[0]}/matches";
        var page = await Expect.StatusAsync(await grid.Owner.Client.GetAsync($"{path}?{first}"), 200);
        var cursor = Uri.EscapeDataString(page["nextCursor"]!.GetValue<string>());

        await Expect.ProblemAsync(await grid.Owner.Client.GetAsync($"{path}?{next}&cursor={cursor}"), 400, "cursor");
        await Expect.StatusAsync(await grid.Owner.Client.GetAsync($"{path}?{first}&cursor={cursor}"), 200);
        await Expect.StatusAsync(await grid.Owner.Client.GetAsync($"{path}?{first.Replace("limit=1", "limit=3")}&cursor={cursor}"), 200);
    }

    [Theory]
    [InlineData("needs", "status=pending", "status")]
    [InlineData("needs", "status=Mutual", "status")]
    [InlineData("needs", "status=mutual,,declined", "status")]
    [InlineData("needs", "status=mutual,", "status")]
    [InlineData("needs", "status=mutual%20", "status")]
    [InlineData("partners", "status=open", "status")]
    [InlineData("partners", "status=mutual;declined", "status")]
    [InlineData("needs", "awaitingMe=yes", "awaitingMe")]
    [InlineData("partners", "awaitingMe=1", "awaitingMe")]
    public async Task Bad_filter_values_are_400_naming_the_parameter(string list, string query, string field)
    {
        var grid = await GridAsync();
        var path = list == "needs" ? $"/api/v1/needs/{grid.Needs[0]}/matches" : $"/api/v1/partners/{grid.Partners[0]}/matches";

        await Expect.ProblemAsync(await grid.Admin.Client.GetAsync($"{path}?{query}"), 400, field);
    }

    [Fact]
    public async Task A_very_long_status_list_is_400()
    {
        var grid = await GridAsync();
        var status = string.Join(',', Enumerable.Repeat("mutual", 40));

        await Expect.ProblemAsync(await grid.Admin.Client.GetAsync($"/api/v1/needs/{grid.Needs[0]}/matches?status={status}"), 400, "status");
    }

    [Theory]
    [InlineData("en", null)]
    [InlineData("ru", "ru-RU,ru;q=0.9")]
    [InlineData("zh", "zh-CN")]
    public async Task An_unknown_status_is_explained_in_the_callers_language(string expected, string? acceptLanguage)
    {
        var grid = await GridAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/needs/{grid.Needs[0]}/matches?status=pending");
        if (acceptLanguage is not null)
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);

        var problem = await Expect.ProblemAsync(await grid.Owner.Client.SendAsync(request), 400, "status");

        var message = problem["errors"]!["status"]![0]!.GetValue<string>();
        Assert.Contains("'pending'", message, StringComparison.Ordinal);
        var script = Cyrillic().IsMatch(message) ? "ru" : Han().IsMatch(message) ? "zh" : "en";
        Assert.True(expected == script, $"expected a {expected} message, got: {message}");
    }

    [GeneratedRegex(@"\p{IsCyrillic}")]
    private static partial Regex Cyrillic();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();
}

public sealed class MatchListFilterTestsOnSqlite(SqliteApi api) : MatchListFilterTests<SqliteApi>(api), IClassFixture<SqliteApi>;

public sealed class MatchListFilterTestsOnSqlServer : MatchListFilterTests<SqlServerApi>, IClassFixture<SqlServerApi>
{
    public MatchListFilterTestsOnSqlServer(SqlServerApi api) : base(api) => api.SkipWhenUnavailable();
}
