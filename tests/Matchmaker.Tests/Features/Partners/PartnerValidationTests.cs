using System.Net.Http.Json;
using System.Text.Json.Nodes;
using static Matchmaker.Tests.Harness.BodyEdits;

namespace Matchmaker.Tests.Features.Partners;

public abstract class PartnerValidationTests<TApi>(TApi api) where TApi : ApiFixture
{
    /// <summary>A valid code by its check character, registered in Fujian (division 350100).</summary>
    private const string FujianUscc = "91350100M000100Y43";

    protected TApi Api { get; } = api;

    /// <summary>rule, the path of the field changed in a valid body, its new JSON (null: removed), the field the API must name.</summary>
    public static TheoryData<string, string, string?, string> Refused => new()
    {
        { "name missing", "name", null, "name" },
        { "name of 201 characters", "name", Str(new string('n', 201)), "name" },
        { "nameZh of 201 characters", "nameZh", Str(new string('名', 201)), "nameZh" },
        { "uscc missing", "uscc", null, "uscc" },
        { "uscc of 17 characters", "uscc", Str(Bodies.Uscc()[..17]), "uscc" },
        { "uscc of 19 characters", "uscc", Str(Bodies.Uscc() + "0"), "uscc" },
        { "uscc with I", "uscc", Str(WithCharacter('I')), "uscc" },
        { "uscc with O", "uscc", Str(WithCharacter('O')), "uscc" },
        { "uscc with Z", "uscc", Str(WithCharacter('Z')), "uscc" },
        { "uscc with S", "uscc", Str(WithCharacter('S')), "uscc" },
        { "uscc with V", "uscc", Str(WithCharacter('V')), "uscc" },
        { "uscc in lower case letters", "uscc", Str("91370200mA3C8L7X1B".ToLowerInvariant()), "uscc" },
        { "uscc with a wrong check character", "uscc", Str(WithWrongCheckCharacter()), "uscc" },
        { "uscc from Fujian", "uscc", Str(FujianUscc), "uscc" },
        { "city missing", "city", null, "city" },
        { "city beijing unknown", "city", "\"beijing\"", "city" },
        { "kind missing", "kind", null, "kind" },
        { "kind trader unknown", "kind", "\"trader\"", "kind" },
        { "sectors missing", "sectors", null, "sectors" },
        { "sectors empty", "sectors", "[]", "sectors" },
        { "eleven sectors", "sectors", Arr("C10", "C11", "C13", "C14", "C20", "C22", "C23", "C24", "C25", "C28", "C29"), "sectors" },
        { "sector C99 unknown", "sectors", Arr("C99"), "sectors" },
        { "offerings missing", "offerings", null, "offerings" },
        { "offerings empty", "offerings", "[]", "offerings" },
        { "offering grant unknown", "offerings", Arr("grant"), "offerings" },
        { "ticket missing", "ticket", null, "ticket" },
        { "ticket.minUsd missing", "ticket.minUsd", null, "ticket.minUsd" },
        { "ticket.minUsd 0", "ticket.minUsd", "0", "ticket.minUsd" },
        { "ticket.maxUsd missing", "ticket.maxUsd", null, "ticket.maxUsd" },
        { "ticket.maxUsd below minUsd", "ticket.maxUsd", "99999", "ticket.maxUsd" },
        { "target region KG-X unknown", "targetRegions", Arr("KG-C", "KG-X"), "targetRegions" },
        { "language fr unknown", "languages", Arr("zh", "fr"), "languages" },
        { "21 required certifications", "requiredCertifications", Arr(Enumerable.Range(1, 21).Select(i => $"ISO {i}").ToArray()), "requiredCertifications" },
        { "description of 4001 characters", "description", Str(new string('d', 4001)), "description" },
        { "contact missing", "contact", null, "contact" },
        { "contact.email invalid", "contact.email", "\"li.wei at qdm\"", "contact.email" },
        { "an unknown field", "verified", "true", "verified" },
    };

    /// <summary>Edge values the rules allow.</summary>
    public static TheoryData<string, string, string?> Accepted => new()
    {
        { "uscc from Laiwu (371200), merged into Jinan", "uscc", Str(Bodies.Uscc("371200")) },
        { "uscc from Jinan", "uscc", Str(Bodies.Uscc("370100")) },
        { "no nameZh", "nameZh", null },
        { "ten sectors", "sectors", Arr("C10", "C11", "C13", "C14", "C20", "C22", "C23", "C24", "C25", "C28") },
        { "all six offerings", "offerings", Arr("equity", "loan", "joint_venture", "equipment_supply", "technology_transfer", "offtake") },
        { "ticket with minUsd equal to maxUsd", "ticket.maxUsd", "100000" },
        { "targetRegions empty", "targetRegions", "[]" },
        { "all nine target regions", "targetRegions", Arr("KG-GB", "KG-GO", "KG-B", "KG-C", "KG-J", "KG-N", "KG-O", "KG-T", "KG-Y") },
        { "no languages", "languages", null },
        { "no required certifications", "requiredCertifications", null },
        { "description of 4000 characters", "description", Str(new string('d', 4000)) },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_partner_profile_breaking_a_rule_is_refused_naming_the_field_and_nothing_is_created(string rule, string path, string? json, string field)
    {
        var partner = await Api.UserAsync("partner");
        var body = Change(Bodies.Partner(), path, json);

        var response = await partner.Client.PostAsJsonAsync("/api/v1/partners", body);

        await Expect.ProblemAsync(response, 400, field);
        var me = await Expect.StatusAsync(await partner.Client.GetAsync("/api/v1/auth/me"), 200);
        Assert.True(me["partnerId"] is null, $"a partner profile was created although {rule}");
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_partner_update_breaking_a_rule_is_refused_naming_the_field_and_nothing_changes(string rule, string path, string? json, string field)
    {
        var partner = await Api.UserAsync("partner");
        var id = await Create.PartnerAsync(partner);
        var read = await partner.Client.GetAsync($"/api/v1/partners/{id}");
        var before = await Expect.StatusAsync(read, 200);
        var body = Change(Bodies.Partner(name: "Changed"), path, json);

        var response = await partner.Client.PutAsync($"/api/v1/partners/{id}", body, read.ETag());

        await Expect.ProblemAsync(response, 400, field);
        var after = await partner.Client.GetAsync($"/api/v1/partners/{id}");
        Assert.True(JsonNode.DeepEquals(before, await Expect.StatusAsync(after, 200)), $"the profile changed although {rule}");
        Assert.Equal(read.ETag(), after.ETag());
    }

    [Theory]
    [MemberData(nameof(Accepted))]
    public async Task A_partner_profile_at_the_edge_of_the_rules_is_accepted(string rule, string path, string? json)
    {
        var partner = await Api.UserAsync("partner");
        var body = Change(Bodies.Partner(), path, json);

        var created = await Expect.StatusAsync(await partner.Client.PostAsJsonAsync("/api/v1/partners", body), 201);

        Assert.True(created["id"] is not null, rule);
        if (path == "uscc")
            Assert.Equal(body["uscc"]!.GetValue<string>(), created["uscc"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_ticket_without_minUsd_still_has_its_maxUsd_checked()
    {
        var partner = await Api.UserAsync("partner");
        var body = Bodies.Partner();
        body["ticket"] = new JsonObject { ["maxUsd"] = -5 };

        await Expect.ProblemAsync(await partner.Client.PostAsJsonAsync("/api/v1/partners", body), 400, "ticket.minUsd", "ticket.maxUsd");

        var me = await Expect.StatusAsync(await partner.Client.GetAsync("/api/v1/auth/me"), 200);
        Assert.Null(me["partnerId"]);
    }

    [Fact]
    public async Task A_valid_uscc_from_outside_shandong_is_refused_for_its_division_not_its_check_character()
    {
        var partner = await Api.UserAsync("partner");
        var body = Bodies.Partner();
        body["uscc"] = FujianUscc;

        var problem = await Expect.ProblemAsync(await partner.Client.PostAsJsonAsync("/api/v1/partners", body), 400, "uscc");

        var messages = string.Join(" ", problem["errors"]!["uscc"]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.Contains("37", messages);
        Assert.DoesNotContain("check character", messages);
    }

    [Fact]
    public async Task A_uscc_with_a_wrong_check_character_is_refused_for_its_check_character()
    {
        var partner = await Api.UserAsync("partner");
        var body = Bodies.Partner();
        body["uscc"] = WithWrongCheckCharacter();

        var problem = await Expect.ProblemAsync(await partner.Client.PostAsJsonAsync("/api/v1/partners", body), 400, "uscc");

        var messages = string.Join(" ", problem["errors"]!["uscc"]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.Contains("check character", messages);
    }

    /// <summary>A valid Shandong code with one character of its organisation part replaced by a letter GB 32100 leaves out.</summary>
    private static string WithCharacter(char letter)
    {
        var valid = Bodies.Uscc();
        return valid[..10] + letter + valid[11..];
    }

    private static string WithWrongCheckCharacter()
    {
        const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        var valid = Bodies.Uscc();
        var wrong = alphabet[(alphabet.IndexOf(valid[17]) + 1) % alphabet.Length];
        return valid[..17] + wrong;
    }
}

public sealed class PartnerValidationTestsOnSqlite(SqliteApi api) : PartnerValidationTests<SqliteApi>(api), IClassFixture<SqliteApi>;

public sealed class PartnerValidationTestsOnSqlServer : PartnerValidationTests<SqlServerApi>, IClassFixture<SqlServerApi>
{
    public PartnerValidationTestsOnSqlServer(SqlServerApi api) : base(api) => api.SkipWhenUnavailable();
}
