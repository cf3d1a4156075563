using System.Net;
using System.Text.Json;
using System.Text;
using NJsonSchema;
using NSwag;

namespace Matchmaker.Tests.Infrastructure.OpenApi;

/// <summary>
/// Every answer the tests receive is checked against the OpenAPI document (<see cref="ResponseContract"/>);
/// these pin the checker itself and the answers a validating client once had to reject.
/// </summary>
public sealed class ResponseContractTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    private const string Document = """
        {
          "openapi": "3.0.0",
          "info": { "title": "t", "version": "1" },
          "paths": {
            "/things/{id}": {
              "get": {
                "operationId": "getThing",
                "responses": {
                  "200": {
                    "description": "ok",
                    "content": { "application/json": { "schema": { "type": "object", "properties": { "code": { "type": "string", "maxLength": 3 } } } } }
                  }
                }
              }
            }
          }
        }
        """;

    [Fact]
    public async Task An_answer_that_contradicts_the_document_fails_naming_operation_status_path_and_error()
    {
        var contract = await ResponseContract.LoadAsync(Document);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => CheckAsync(contract, HttpStatusCode.OK, """{"code":"too long"}"""));

        Assert.Contains("GET /things/42", error.Message);
        Assert.Contains("getThing", error.Message);
        Assert.Contains("answered 200", error.Message);
        Assert.Contains("StringTooLong", error.Message);
        await CheckAsync(contract, HttpStatusCode.OK, """{"code":"abc"}""");
    }

    [Fact]
    public async Task An_answer_with_a_status_the_operation_does_not_list_fails()
    {
        var contract = await ResponseContract.LoadAsync(Document);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => CheckAsync(contract, HttpStatusCode.Conflict, """{"code":"abc"}"""));

        Assert.Contains("answered 409", error.Message);
        Assert.Contains("does not list", error.Message);
    }

    [Theory]
    [InlineData("regions")]
    [InlineData("cities")]
    [InlineData("sectors")]
    [InlineData("need-types")]
    [InlineData("currencies")]
    public async Task Each_reference_list_answers_within_its_documented_codes(string list)
    {
        var items = (await Expect.StatusAsync(await api.CreateClient().GetAsync($"/api/v1/reference/{list}"), 200))["items"]!.AsArray();

        Assert.NotEmpty(items);
    }

    [Fact]
    public async Task A_match_lists_next_cursor_is_a_cursor_the_document_accepts_and_leads_to_page_two()
    {
        var (owner, smeId) = await Create.SmeAccountAsync(api);
        var (partner, partnerId) = await Create.PartnerAccountAsync(api);
        await Create.PartnerAccountAsync(api);
        await Create.NeedAsync(owner, smeId);
        var needId = await Create.NeedAsync(owner, smeId);
        var document = await OpenApiDocument.FromJsonAsync(await api.CreateClient().GetStringAsync("/openapi/v1.json"));

        foreach (var (client, path, operation) in new[]
        {
            (owner.Client, $"/api/v1/needs/{needId}/matches", "listNeedMatches"),
            (partner.Client, $"/api/v1/partners/{partnerId}/matches", "listPartnerMatches"),
        })
        {
            var first = await Expect.StatusAsync(await client.GetAsync($"{path}?limit=1"), 200);
            var cursor = first["nextCursor"]!.GetValue<string>();

            var parameter = document.Operations.Single(o => o.Operation.OperationId == operation).Operation.ActualParameters.Single(p => p.Name == "cursor");
            Assert.Empty(parameter.ActualSchema.Validate(JsonSerializer.Serialize(cursor), SchemaType.OpenApi3));
            var second = await Expect.StatusAsync(await client.GetAsync($"{path}?limit=1&cursor={cursor}"), 200);
            Assert.NotEqual(first["items"]![0]!["id"]!.GetValue<string>(), second["items"]![0]!["id"]!.GetValue<string>());
        }
    }

    private static async Task CheckAsync(ResponseContract contract, HttpStatusCode status, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://localhost/things/42");
        using var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        await contract.CheckAsync(request, response);
    }
}
