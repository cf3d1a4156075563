using System.Text.Json.Nodes;

namespace Matchmaker.Tests.Infrastructure;

public sealed class HealthAndDocsTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_answer_anonymously(string url)
    {
        var response = await api.CreateClient().GetAsync(url);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_openapi_document_lists_every_route_of_the_contract()
    {
        var doc = await Expect.StatusAsync(await api.CreateClient().GetAsync("/openapi/v1.json"), 200);
        var paths = doc["paths"]!.AsObject().Select(p => p.Key).ToHashSet();

        string[] expected =
        [
            "/api/v1/auth/register", "/api/v1/auth/token", "/api/v1/admin/users",
            "/api/v1/smes", "/api/v1/smes/{id}", "/api/v1/smes/{smeId}/needs",
            "/api/v1/needs", "/api/v1/needs/{id}", "/api/v1/needs/{id}/close",
            "/api/v1/partners", "/api/v1/partners/{id}",
            "/api/v1/reference/{list}", "/api/v1/reference/fx-rates",
        ];
        Assert.All(expected, p => Assert.Contains(p, paths));
        Assert.NotNull(doc["components"]?["securitySchemes"]);
    }

    [Fact]
    public async Task Every_operation_and_query_parameter_is_described()
    {
        var doc = await Expect.StatusAsync(await api.CreateClient().GetAsync("/openapi/v1.json"), 200);

        var undescribed = new List<string>();
        foreach (var (path, item) in doc["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                if (string.IsNullOrWhiteSpace(operation!["summary"]?.GetValue<string>()))
                    undescribed.Add($"{method} {path}");
                foreach (var parameter in operation["parameters"]?.AsArray() ?? [])
                {
                    if (string.IsNullOrWhiteSpace(parameter!["description"]?.GetValue<string>()) && parameter["in"]!.GetValue<string>() != "path")
                        undescribed.Add($"{method} {path} {parameter["name"]}");
                }
            }
        }

        Assert.Empty(undescribed);
    }

    [Fact]
    public async Task Operation_ids_are_unique_lower_camel_case_names_for_generated_clients()
    {
        var doc = await Expect.StatusAsync(await api.CreateClient().GetAsync("/openapi/v1.json"), 200);

        var ids = doc["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(op => op.Value!["operationId"]?.GetValue<string>()))
            .ToList();

        Assert.All(ids, id => Assert.Matches("^[a-z][A-Za-z]{2,39}$", id));
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal("createSme", doc["paths"]!["/api/v1/smes"]!["post"]!["operationId"]!.GetValue<string>());
        Assert.NotNull(doc["paths"]!["/api/v1/smes/{id}"]!["get"]!["responses"]!["200"]!["headers"]?["ETag"]);
    }

    [Fact]
    public async Task The_docs_ui_is_served_at_docs()
    {
        var client = api.App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = true });

        var response = await client.GetAsync("/docs");

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Contains("swagger", (await response.Content.ReadAsStringAsync()).ToLowerInvariant());
    }

    [Fact]
    public async Task An_unknown_route_is_a_404_problem()
    {
        await Expect.ProblemAsync(await api.CreateClient().GetAsync("/api/v1/nothing-here"), 404);
    }

    [Fact]
    public async Task A_wrong_method_is_a_405_problem()
    {
        var response = await api.CreateClient().DeleteAsync("/api/v1/reference/regions");

        await Expect.ProblemAsync(response, 405);
    }
}
