using System.Net.Http.Json;
using System.Text;

namespace Matchmaker.Tests.Infrastructure.Http;

/// <summary>What a careless or hostile client sends gets a clear 4xx problem, never a 500, and changes nothing.</summary>
public sealed class RequestShapeTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    [Fact]
    public async Task A_body_over_the_limit_is_413()
    {
        var sme = await api.UserAsync("sme");
        var body = Bodies.Sme();
        body["description"] = new string('x', 300 * 1024);

        await Expect.ProblemAsync(await sme.Client.PostAsJsonAsync("/api/v1/smes", body), 413);
        var me = await Expect.StatusAsync(await sme.Client.GetAsync("/api/v1/auth/me"), 200);
        Assert.Null(me["smeId"]);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_415()
    {
        var sme = await api.UserAsync("sme");

        var response = await sme.Client.SendRawAsync(HttpMethod.Post, "/api/v1/smes", "name=x", "application/x-www-form-urlencoded");

        await Expect.ProblemAsync(response, 415);
    }

    [Theory]
    [InlineData("[1, 2, 3]")]
    [InlineData("\"just a string\"")]
    [InlineData("{\"name\": 5}")]
    [InlineData("{\"employees\": \"many\"}")]
    [InlineData("{\"sectors\": \"C28\"}")]
    [InlineData("{\"contact\": []}")]
    [InlineData("{\"name\": \"x\",}")]
    [InlineData("")]
    public async Task Json_of_the_wrong_shape_is_a_400_problem(string json)
    {
        var sme = await api.UserAsync("sme");

        var response = await sme.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/smes")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        });

        await Expect.ProblemAsync(response, 400);
    }

    [Theory]
    [InlineData("id")]
    [InlineData("createdAt")]
    [InlineData("ownerId")]
    public async Task Server_owned_fields_in_a_body_are_refused(string field)
    {
        var sme = await api.UserAsync("sme");
        var body = Bodies.Sme();
        body[field] = field == "createdAt" ? "2020-01-01T00:00:00Z" : Guid.NewGuid().ToString();

        await Expect.ProblemAsync(await sme.Client.PostAsJsonAsync("/api/v1/smes", body), 400, field);
    }

    [Fact]
    public async Task A_malformed_id_in_the_route_is_404_not_500()
    {
        var admin = await api.AdminAsync();

        await Expect.ProblemAsync(await admin.Client.GetAsync("/api/v1/smes/not-a-guid"), 404);
        await Expect.ProblemAsync(await admin.Client.GetAsync("/api/v1/needs/12345"), 404);
    }

    [Fact]
    public async Task A_wrong_query_type_is_a_400_naming_the_parameter()
    {
        var admin = await api.AdminAsync();

        await Expect.ProblemAsync(await admin.Client.GetAsync("/api/v1/needs?limit=lots"), 400, "limit");
        await Expect.ProblemAsync(await admin.Client.GetAsync("/api/v1/needs?minUsd=abc"), 400, "minUsd");
    }

    [Theory]
    [InlineData("/api/v1/needs/{need}/matches?stage=meeting", "stage")]
    [InlineData("/api/v1/needs/{need}/matches?minScore=10&Status=declined&Awaiting=true", "awaiting")]
    [InlineData("/api/v1/needs/{need}?expand=matches", "expand")]
    [InlineData("/api/v1/needs?limit=5&colour=red", "colour")]
    [InlineData("/api/v1/reports/matches?format=csv&since=2020-01-01", "since")]
    [InlineData("/api/v1/reference/regions?lang=ru", "lang")]
    [InlineData("/api/v1/auth/me?verbose", "verbose")]
    public async Task An_unknown_query_parameter_is_a_400_naming_it(string url, string parameter)
    {
        var admin = await api.AdminAsync();
        var (owner, smeId) = await Create.SmeAccountAsync(api);
        var needId = await Create.NeedAsync(owner, smeId);

        var problem = await Expect.ProblemAsync(await admin.Client.GetAsync(url.Replace("{need}", needId.ToString())), 400, parameter);

        Assert.Contains($"'{parameter}'", problem["errors"]![parameter]![0]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/api/v1/needs/{need}/matches?minScore=10&limit=5")]
    [InlineData("/api/v1/needs/{need}/matches?MinScore=10&LIMIT=5")]
    [InlineData("/api/v1/needs?limit=5")]
    [InlineData("/api/v1/reports/matches?format=csv")]
    public async Task The_query_parameters_an_endpoint_reads_are_accepted_in_any_case(string url)
    {
        var admin = await api.AdminAsync();
        var (owner, smeId) = await Create.SmeAccountAsync(api);
        var needId = await Create.NeedAsync(owner, smeId);

        var response = await admin.Client.GetAsync(url.Replace("{need}", needId.ToString()));

        Assert.Equal(200, (int)response.StatusCode);
    }

    [Fact]
    public async Task Every_documented_query_parameter_is_one_the_endpoint_reads()
    {
        var admin = await api.AdminAsync();
        var doc = await Expect.StatusAsync(await api.CreateClient().GetAsync("/openapi/v1.json"), 200);
        var checkedParameters = 0;
        foreach (var (path, item) in doc["paths"]!.AsObject())
        {
            var parameters = item!["get"]?["parameters"]?.AsArray().Where(p => p!["in"]!.GetValue<string>() == "query").ToList() ?? [];
            var url = System.Text.RegularExpressions.Regex.Replace(path, "{[^}]+}", Guid.NewGuid().ToString());
            var unknown = await (await admin.Client.GetAsync($"{url}?notAParameter=1")).Content.ReadAsStringAsync();
            if (!unknown.Contains("is not a query parameter", StringComparison.Ordinal))
                continue;
            foreach (var parameter in parameters)
            {
                var name = parameter!["name"]!.GetValue<string>();
                var body = await (await admin.Client.GetAsync($"{url}?{name}=1")).Content.ReadAsStringAsync();

                Assert.DoesNotContain("is not a query parameter", body, StringComparison.Ordinal);
                checkedParameters++;
            }
        }

        Assert.True(checkedParameters >= 20, $"expected the documented query parameters, found {checkedParameters}");
    }
}
