using System.Text.Json.Nodes;
using System.Net.Http.Json;

namespace Matchmaker.Tests.Infrastructure.OpenApi;

/// <summary>
/// The examples in the OpenAPI document are what client authors copy first: every body has one, and a
/// request example is a request the API accepts. (Spectral checks each example against its schema.)
/// </summary>
public sealed class OpenApiExampleTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    [Fact]
    public async Task Every_json_request_and_response_body_has_an_example()
    {
        var doc = await Expect.StatusAsync(await api.CreateClient().GetAsync("/openapi/v1.json"), 200);

        var missing = new List<string>();
        foreach (var (path, item) in doc["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                if (operation?["requestBody"]?["content"]?["application/json"] is JsonObject body && body["example"] is null)
                    missing.Add($"{method.ToUpperInvariant()} {path} request");
                foreach (var (status, response) in operation!["responses"]!.AsObject())
                {
                    foreach (var (mediaType, content) in response?["content"]?.AsObject() ?? [])
                    {
                        if (mediaType.Contains("json", StringComparison.Ordinal) && content?["example"] is null)
                            missing.Add($"{method.ToUpperInvariant()} {path} {status} {mediaType}");
                    }
                }
            }
        }

        Assert.Empty(missing);
    }

    [Fact]
    public async Task The_documented_match_is_the_worked_example_at_87()
    {
        var doc = await Expect.StatusAsync(await api.CreateClient().GetAsync("/openapi/v1.json"), 200);

        var page = doc["paths"]!["/api/v1/needs/{id}/matches"]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!["example"]!;
        var match = page["items"]![0]!;
        Assert.Equal(87.0m, match["score"]!.GetValue<decimal>());
        Assert.Equal(
            ["sector", "ticket", "need_type", "region", "export", "jobs", "language", "certification"],
            match["breakdown"]!.AsArray().Select(b => b!["criterion"]!.GetValue<string>()));
        Assert.Null(match["need"]!["contact"]);
    }

    [Fact]
    public async Task A_hidden_contact_is_absent_from_examples_as_it_is_from_answers()
    {
        var doc = await Expect.StatusAsync(await api.CreateClient().GetAsync("/openapi/v1.json"), 200);

        var sme = doc["paths"]!["/api/v1/smes"]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!["example"]!["items"]![0]!.AsObject();
        Assert.False(sme.ContainsKey("contact"));
        Assert.True(sme.ContainsKey("description"));
    }

    [Fact]
    public async Task Every_documented_request_example_is_accepted_and_the_examples_replay_the_worked_example()
    {
        var doc = await Expect.StatusAsync(await api.CreateClient().GetAsync("/openapi/v1.json"), 200);
        JsonNode Example(string path, string method) =>
            doc["paths"]![path]![method]!["requestBody"]!["content"]!["application/json"]!["example"]!.DeepClone();

        var anonymous = api.CreateClient();
        var register = Example("/api/v1/auth/register", "post");
        await Expect.StatusAsync(await anonymous.PostAsJsonAsync("/api/v1/auth/register", register), 201);
        var token = await Expect.StatusAsync(await anonymous.PostAsJsonAsync("/api/v1/auth/token", Example("/api/v1/auth/token", "post")), 200);
        var sme = api.CreateClient(token["accessToken"]!.GetValue<string>());

        var smeId = (await Expect.StatusAsync(await sme.PostAsJsonAsync("/api/v1/smes", Example("/api/v1/smes", "post")), 201))["id"]!.GetValue<string>();
        var needId = (await Expect.StatusAsync(await sme.PostAsJsonAsync($"/api/v1/smes/{smeId}/needs", Example("/api/v1/smes/{smeId}/needs", "post")), 201))["id"]!.GetValue<string>();
        var partner = await api.UserAsync("partner");
        await Expect.StatusAsync(await partner.Client.PostAsJsonAsync("/api/v1/partners", Example("/api/v1/partners", "post")), 201);

        var matches = await Expect.StatusAsync(await sme.GetAsync($"/api/v1/needs/{needId}/matches"), 200);
        var match = Assert.Single(matches["items"]!.AsArray())!;
        var documented = doc["paths"]!["/api/v1/needs/{id}/matches"]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!["example"]!["items"]![0]!;
        Assert.Equal(documented["score"]!.GetValue<decimal>(), match["score"]!.GetValue<decimal>());
        Assert.True(JsonNode.DeepEquals(documented["breakdown"], match["breakdown"]), $"served {match["breakdown"]}, documented {documented["breakdown"]}");

        var matchId = match["id"]!.GetValue<string>();
        await Expect.StatusAsync(await sme.PostAsync($"/api/v1/matches/{matchId}/interest", null), 200);
        await Expect.StatusAsync(await partner.Client.PostAsync($"/api/v1/matches/{matchId}/interest", null), 200);
        await Expect.StatusAsync(await sme.PostAsJsonAsync($"/api/v1/matches/{matchId}/stage", Example("/api/v1/matches/{id}/stage", "post")), 200);
        await Expect.StatusAsync(await partner.Client.PostAsJsonAsync($"/api/v1/matches/{matchId}/decline", Example("/api/v1/matches/{id}/decline", "post")), 200);

        var read = await sme.GetAsync($"/api/v1/smes/{smeId}");
        await Expect.StatusAsync(await sme.PutAsync($"/api/v1/smes/{smeId}", Example("/api/v1/smes/{id}", "put"), read.ETag()), 200);
        read = await sme.GetAsync($"/api/v1/needs/{needId}");
        await Expect.StatusAsync(await sme.PutAsync($"/api/v1/needs/{needId}", Example("/api/v1/needs/{id}", "put"), read.ETag()), 200);
        await Expect.StatusAsync(await sme.PostAsJsonAsync($"/api/v1/needs/{needId}/close", Example("/api/v1/needs/{id}/close", "post")), 200);
        var partnerId = (await Expect.StatusAsync(await partner.Client.GetAsync("/api/v1/auth/me"), 200))["partnerId"]!.GetValue<string>();
        read = await partner.Client.GetAsync($"/api/v1/partners/{partnerId}");
        await Expect.StatusAsync(await partner.Client.PutAsync($"/api/v1/partners/{partnerId}", Example("/api/v1/partners/{id}", "put"), read.ETag()), 200);

        var admin = (await api.AdminAsync()).Client;
        var userId = (await Expect.StatusAsync(await admin.PostAsJsonAsync("/api/v1/admin/users", Example("/api/v1/admin/users", "post")), 201))["id"]!.GetValue<string>();
        read = await admin.GetAsync($"/api/v1/admin/users/{userId}");
        await Expect.StatusAsync(await admin.PutAsync($"/api/v1/admin/users/{userId}", Example("/api/v1/admin/users/{id}", "put"), read.ETag()), 200);
        await Expect.StatusAsync(await admin.PutAsJsonAsync("/api/v1/reference/fx-rates", Example("/api/v1/reference/fx-rates", "put")), 200);
        read = await admin.GetAsync("/api/v1/criteria");
        await Expect.StatusAsync(await admin.PutAsync("/api/v1/criteria", Example("/api/v1/criteria", "put"), read.ETag()), 202);
    }
}
