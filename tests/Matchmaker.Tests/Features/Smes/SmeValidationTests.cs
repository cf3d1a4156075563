using System.Net.Http.Json;
using System.Text.Json.Nodes;
using static Matchmaker.Tests.Harness.BodyEdits;

namespace Matchmaker.Tests.Features.Smes;

public abstract class SmeValidationTests<TApi>(TApi api) where TApi : ApiFixture
{
    protected TApi Api { get; } = api;

    /// <summary>rule, the path of the field changed in a valid body, its new JSON (null: removed), the field the API must name.</summary>
    public static TheoryData<string, string, string?, string> Refused => new()
    {
        { "name missing", "name", null, "name" },
        { "name empty", "name", "\"\"", "name" },
        { "name of 201 characters", "name", Str(new string('x', 201)), "name" },
        { "inn missing", "inn", null, "inn" },
        { "inn of 13 digits", "inn", "\"1234567890123\"", "inn" },
        { "inn of 15 digits", "inn", "\"123456789012345\"", "inn" },
        { "inn with letters", "inn", "\"1234567890123A\"", "inn" },
        { "region missing", "region", null, "region" },
        { "region unknown", "region", "\"KG-X\"", "region" },
        { "sectors missing", "sectors", null, "sectors" },
        { "sectors empty", "sectors", "[]", "sectors" },
        { "six sectors", "sectors", Arr("C10", "C13", "C14", "C25", "C28", "C29"), "sectors" },
        { "sector C99 unknown", "sectors", Arr("C28", "C99"), "sectors" },
        { "sector given as a section letter", "sectors", Arr("C"), "sectors" },
        { "sector listed twice", "sectors", Arr("C28", "C28"), "sectors" },
        { "employees missing", "employees", null, "employees" },
        { "employees 0", "employees", "0", "employees" },
        { "employees negative", "employees", "-3", "employees" },
        { "employees not a number", "employees", "\"many\"", "employees" },
        { "founded in 1800", "foundedYear", "1800", "foundedYear" },
        { "founded next year", "foundedYear", (DateTime.UtcNow.Year + 1).ToString(), "foundedYear" },
        { "languages missing", "languages", null, "languages" },
        { "languages empty", "languages", "[]", "languages" },
        { "language fr unknown", "languages", Arr("ru", "fr"), "languages" },
        { "language listed twice", "languages", Arr("ru", "ru"), "languages" },
        { "21 certifications", "certifications", Arr(Enumerable.Range(1, 21).Select(i => $"ISO {i}").ToArray()), "certifications" },
        { "certification of 101 characters", "certifications", Arr("ISO 9001", new string('c', 101)), "certifications" },
        { "certification empty", "certifications", Arr(""), "certifications" },
        { "description of 4001 characters", "description", Str(new string('d', 4001)), "description" },
        { "contact missing", "contact", null, "contact" },
        { "contact.person missing", "contact.person", null, "contact.person" },
        { "contact.email missing", "contact.email", null, "contact.email" },
        { "contact.email invalid", "contact.email", "\"not-an-email\"", "contact.email" },
        { "contact.phone with letters", "contact.phone", "\"+996 555 CALL ME\"", "contact.phone" },
        { "contact with an unknown field", "contact.fax", "\"+996 312 000 000\"", "contact.fax" },
        { "an unknown field", "rating", "5", "rating" },
    };

    /// <summary>Edge values the rules allow.</summary>
    public static TheoryData<string, string, string?> Accepted => new()
    {
        { "name of 200 characters", "name", Str(new string('x', 200)) },
        { "inn with leading zeros", "inn", Str("00" + string.Concat(Enumerable.Range(0, 12).Select(_ => (char)('0' + Random.Shared.Next(10))))) },
        { "five sectors", "sectors", Arr("C10", "C13", "C14", "C25", "C28") },
        { "one employee", "employees", "1" },
        { "no founding year", "foundedYear", null },
        { "all four languages", "languages", Arr("ky", "ru", "zh", "en") },
        { "20 certifications of 100 characters", "certifications", Arr(Enumerable.Range(10, 20).Select(i => $"{i}{new string('c', 98)}").ToArray()) },
        { "no certifications", "certifications", null },
        { "description of 4000 characters", "description", Str(new string('d', 4000)) },
        { "no description", "description", null },
        { "no phone", "contact.phone", null },
        { "no export orientation", "exportOriented", null },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task An_sme_profile_breaking_a_rule_is_refused_naming_the_field_and_nothing_is_created(string rule, string path, string? json, string field)
    {
        var sme = await Api.UserAsync("sme");
        var body = Change(Bodies.Sme(), path, json);

        var response = await sme.Client.PostAsJsonAsync("/api/v1/smes", body);

        await Expect.ProblemAsync(response, 400, field);
        var me = await Expect.StatusAsync(await sme.Client.GetAsync("/api/v1/auth/me"), 200);
        Assert.True(me["smeId"] is null, $"an SME profile was created although {rule}");
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task An_sme_update_breaking_a_rule_is_refused_naming_the_field_and_nothing_changes(string rule, string path, string? json, string field)
    {
        var sme = await Api.UserAsync("sme");
        var id = await Create.SmeAsync(sme);
        var read = await sme.Client.GetAsync($"/api/v1/smes/{id}");
        var before = await Expect.StatusAsync(read, 200);
        var body = Change(Bodies.Sme(name: "Changed"), path, json);

        var response = await sme.Client.PutAsync($"/api/v1/smes/{id}", body, read.ETag());

        await Expect.ProblemAsync(response, 400, field);
        var after = await sme.Client.GetAsync($"/api/v1/smes/{id}");
        Assert.True(JsonNode.DeepEquals(before, await Expect.StatusAsync(after, 200)), $"the profile changed although {rule}");
        Assert.Equal(read.ETag(), after.ETag());
    }

    [Theory]
    [MemberData(nameof(Accepted))]
    public async Task An_sme_profile_at_the_edge_of_the_rules_is_accepted(string rule, string path, string? json)
    {
        var sme = await Api.UserAsync("sme");
        var body = Change(Bodies.Sme(), path, json);

        var response = await sme.Client.PostAsJsonAsync("/api/v1/smes", body);

        var created = await Expect.StatusAsync(response, 201);
        Assert.True(created["id"] is not null, rule);
    }

    [Fact]
    public async Task Malformed_json_for_an_sme_is_a_400_problem_and_nothing_is_created()
    {
        var sme = await Api.UserAsync("sme");

        await Expect.ProblemAsync(await sme.Client.SendRawAsync(HttpMethod.Post, "/api/v1/smes", "{\"name\": \"Ala-Too\", "), 400);

        var me = await Expect.StatusAsync(await sme.Client.GetAsync("/api/v1/auth/me"), 200);
        Assert.Null(me["smeId"]);
    }

    [Fact]
    public async Task A_post_without_a_body_is_answered_with_a_problem_and_nothing_is_created()
    {
        var sme = await Api.UserAsync("sme");

        var response = await sme.Client.PostAsync("/api/v1/smes", content: null);

        var status = (int)response.StatusCode;
        Assert.True(status is 400 or 415, $"Expected 400 or 415 but got {status}");
        await Expect.ProblemAsync(response, status);
        var me = await Expect.StatusAsync(await sme.Client.GetAsync("/api/v1/auth/me"), 200);
        Assert.Null(me["smeId"]);
    }
}

public sealed class SmeValidationTestsOnSqlite(SqliteApi api) : SmeValidationTests<SqliteApi>(api), IClassFixture<SqliteApi>;

public sealed class SmeValidationTestsOnSqlServer : SmeValidationTests<SqlServerApi>, IClassFixture<SqlServerApi>
{
    public SmeValidationTestsOnSqlServer(SqlServerApi api) : base(api) => api.SkipWhenUnavailable();
}
