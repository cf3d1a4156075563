using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using static Matchmaker.Tests.Harness.JsonLists;
using static Matchmaker.Tests.Harness.SearchWords;

namespace Matchmaker.Tests.Features.Partners;

/// <summary><c>GET /partners</c>: <c>q</c> over every name and the description, and the offering, ticket and target-region filters.</summary>
public abstract class PartnerSearchTests<TApi>(TApi api) where TApi : ApiFixture
{
    private static readonly string[] NeedTypes = ["equity", "loan", "joint_venture", "equipment_supply", "technology_transfer", "offtake"];
    private static readonly string[] Regions = ["KG-GB", "KG-GO", "KG-B", "KG-C", "KG-J", "KG-N", "KG-O", "KG-T", "KG-Y"];

    [Fact]
    public async Task The_partner_search_finds_the_russian_name_reading_yo_as_ye_in_any_letter_case()
    {
        var word = Cyrillic();
        var body = Bodies.Partner(name: $"Qingdao Green {Latin()}");
        body["nameRu"] = $"Циндао Зелёный {word}";
        var id = await CreateAsync(body);
        var sme = await api.UserAsync("sme");

        var page = await Expect.StatusAsync(await sme.Client.GetAsync($"/api/v1/partners?{Query($"ЗЕЛЕНЫЙ {word.ToLowerInvariant()}")}"), 200);

        Assert.Equal([id], Ids(page));
        Assert.Equal($"Циндао Зелёный {word}", page["items"]![0]!["nameRu"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_partner_search_finds_the_latin_and_the_chinese_name()
    {
        var (word, hanzi) = (Latin(), Hanzi());
        var id = await CreateAsync(Bodies.Partner(name: $"Weichai Power {word}", nameZh: $"潍柴{hanzi}动力"));
        var agency = await api.UserAsync("agency");

        Assert.Equal([id], await SearchAsync(agency, Query($"WEICHAI POWER {word.ToUpperInvariant()}")));
        Assert.Equal([id], await SearchAsync(agency, Query(hanzi[1..5])));
    }

    [Fact]
    public async Task The_partner_search_finds_a_fragment_of_the_description()
    {
        var word = Cyrillic();
        var body = Bodies.Partner(name: $"Linyi Tools {Latin()}");
        body["description"] = $"Станки и оснастка; обучение операторов {word}.";
        var id = await CreateAsync(body);
        var sme = await api.UserAsync("sme");

        Assert.Equal([id], await SearchAsync(sme, Query($"ОБУЧЕНИЕ операторов {word.ToLowerInvariant()}")));
    }

    [Fact]
    public async Task The_offering_ticket_and_target_region_filters_keep_exactly_the_partners_a_recomputation_keeps()
    {
        var seed = Random.Shared.Next();
        var random = new Random(seed);
        var word = Latin();
        for (var i = 0; i < 14; i++)
        {
            var body = Bodies.Partner(name: $"Filtered {word} {i}");
            body["offerings"] = Bodies.Array(Some(random, NeedTypes));
            var min = random.Next(1, 20) * 50_000;
            body["ticket"] = new JsonObject { ["minUsd"] = min, ["maxUsd"] = min + random.Next(0, 20) * 50_000 };
            body["targetRegions"] = Bodies.Array(random.Next(4) == 0 ? [] : Some(random, Regions));
            await CreateAsync(body);
        }

        var sme = await api.UserAsync("sme");
        var source = (await Expect.StatusAsync(await sme.Client.GetAsync($"/api/v1/partners?q={word}&limit=100"), 200))["items"]!.AsArray()
            .Select(p => p!.AsObject()).ToList();
        Assert.Equal(14, source.Count);

        for (var round = 0; round < 40; round++)
        {
            var offering = random.Next(2) == 0 ? null : NeedTypes[random.Next(NeedTypes.Length)];
            decimal? ticket = random.Next(2) == 0 ? null : random.Next(1, 45) * 25_000;
            var region = random.Next(2) == 0 ? null : Regions[random.Next(Regions.Length)];
            var query = $"q={word}"
                + (offering is null ? "" : $"&offering={offering}")
                + (ticket is null ? "" : $"&ticketUsd={ticket.Value.ToString(CultureInfo.InvariantCulture)}")
                + (region is null ? "" : $"&targetRegion={region}");

            var expected = source.Where(p =>
                    (offering is null || Strings(p["offerings"]).Contains(offering))
                    && (ticket is null || (p["ticket"]!["minUsd"]!.GetValue<decimal>() <= ticket && ticket <= p["ticket"]!["maxUsd"]!.GetValue<decimal>()))
                    && (region is null || Strings(p["targetRegions"]) is var regions && (regions.Length == 0 || regions.Contains(region))))
                .Select(p => IdOf(p)).ToList();

            Assert.True(expected.SequenceEqual(await SearchAsync(sme, query)), $"{query} (seed {seed})");
        }
    }

    [Fact]
    public async Task A_ticket_filter_holds_both_ends_of_the_range()
    {
        var word = Latin();
        var body = Bodies.Partner(name: $"Edges {word}");
        body["ticket"] = new JsonObject { ["minUsd"] = 100_000, ["maxUsd"] = 250_000 };
        var id = await CreateAsync(body);
        var sme = await api.UserAsync("sme");

        Assert.Equal([id], await SearchAsync(sme, $"q={word}&ticketUsd=100000"));
        Assert.Equal([id], await SearchAsync(sme, $"q={word}&ticketUsd=250000"));
        Assert.Empty(await SearchAsync(sme, $"q={word}&ticketUsd=99999.99"));
        Assert.Empty(await SearchAsync(sme, $"q={word}&ticketUsd=250000.01"));
    }

    [Theory]
    [InlineData("offering=grant", "offering")]
    [InlineData("offering=EQUITY", "offering")]
    [InlineData("ticketUsd=0", "ticketUsd")]
    [InlineData("ticketUsd=-5", "ticketUsd")]
    [InlineData("ticketUsd=1000000000000000", "ticketUsd")]
    [InlineData("targetRegion=KG-X", "targetRegion")]
    [InlineData("q=a%0Ab", "q")]
    [InlineData("ticketSize=500000", "ticketSize")]
    [InlineData("region=KG-C", "region")]
    public async Task A_bad_filter_is_400_naming_it(string query, string field)
    {
        var sme = await api.UserAsync("sme");

        await Expect.ProblemAsync(await sme.Client.GetAsync($"/api/v1/partners?{query}"), 400, field);
    }

    [Fact]
    public async Task A_ticket_that_is_not_a_number_is_400()
    {
        var sme = await api.UserAsync("sme");

        await Expect.ProblemAsync(await sme.Client.GetAsync("/api/v1/partners?ticketUsd=lots"), 400);
    }

    [Theory]
    [InlineData("Циндао\u200DМаш")]
    [InlineData("Циндао\u2066Маш")]
    [InlineData("Циндао\u0000Маш")]
    public async Task A_russian_name_with_an_invisible_or_reordering_character_is_400_and_changes_nothing(string nameRu)
    {
        var (owner, id) = await Create.PartnerAccountAsync(api);
        var before = await owner.Client.GetAsync($"/api/v1/partners/{id}");
        var body = Bodies.Partner();
        body["nameRu"] = nameRu;

        await Expect.ProblemAsync(await owner.Client.PutAsync($"/api/v1/partners/{id}", body, before.ETag()), 400, "nameRu");
        await Expect.ProblemAsync(await (await api.UserAsync("partner")).Client.PostAsJsonAsync("/api/v1/partners", body), 400, "nameRu");

        var after = await owner.Client.GetAsync($"/api/v1/partners/{id}");
        Assert.Equal(before.ETag(), after.ETag());
    }

    /// <summary>Each code with a chance of one in three, and at least one.</summary>
    private static string[] Some(Random random, string[] codes)
    {
        var some = codes.Where(_ => random.Next(3) == 0).ToArray();
        return some.Length > 0 ? some : [codes[random.Next(codes.Length)]];
    }

    private async Task<string> CreateAsync(JsonObject body) => (await Create.PartnerAccountAsync(api, body)).PartnerId.ToString();

    private static async Task<List<string>> SearchAsync(Actor caller, string query) =>
        Ids(await Expect.StatusAsync(await caller.Client.GetAsync($"/api/v1/partners?{query}&limit=100"), 200));
}

public sealed class PartnerSearchTestsOnSqlite(SqliteApi api) : PartnerSearchTests<SqliteApi>(api), IClassFixture<SqliteApi>;

public sealed class PartnerSearchTestsOnSqlServer : PartnerSearchTests<SqlServerApi>, IClassFixture<SqlServerApi>
{
    public PartnerSearchTestsOnSqlServer(SqlServerApi api) : base(api) => api.SkipWhenUnavailable();
}
