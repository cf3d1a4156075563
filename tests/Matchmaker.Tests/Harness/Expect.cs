using System.Text.Json.Nodes;

namespace Matchmaker.Tests.Harness;

internal static class Expect
{
    /// <summary>Asserts the status and returns the JSON body (or an empty object when there is none).</summary>
    public static async Task<JsonNode> StatusAsync(HttpResponseMessage response, int status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status,
            $"Expected {status} from {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery} but got {(int)response.StatusCode}: {text}");
        return string.IsNullOrWhiteSpace(text) ? new JsonObject() : JsonNode.Parse(text)!;
    }

    /// <summary>Asserts an RFC 9457 answer with this status and, when given, an entry for each field in <c>errors</c>.</summary>
    public static async Task<JsonObject> ProblemAsync(HttpResponseMessage response, int status, params string[] fields)
    {
        var body = (await StatusAsync(response, status)).AsObject();
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(status, body["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrWhiteSpace(body["title"]?.GetValue<string>()), "a problem needs a title");
        foreach (var field in fields)
        {
            var errors = body["errors"]?.AsObject();
            Assert.True(errors is not null && errors.ContainsKey(field),
                $"Expected a validation error for '{field}' but errors were: {errors?.ToJsonString() ?? "absent"}");
        }

        return body;
    }

    /// <summary>For tests whose expected status may be a success or a refusal: a refusal must be a problem answer.</summary>
    public static async Task<JsonNode> StatusOrProblemAsync(HttpResponseMessage response, int status) =>
        status >= 400 ? await ProblemAsync(response, status) : await StatusAsync(response, status);
}
