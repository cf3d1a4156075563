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
}
