using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Matchmaker.Tests.Infrastructure;

public static class Http
{
    /// <summary>Asserts the status and returns the JSON body (or an empty object when there is none).</summary>
    public static async Task<JsonNode> ExpectAsync(HttpResponseMessage response, int status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status,
            $"Expected {status} from {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery} but got {(int)response.StatusCode}: {text}");
        return string.IsNullOrWhiteSpace(text) ? new JsonObject() : JsonNode.Parse(text)!;
    }

    /// <summary>Asserts an RFC 9457 answer with this status and, when given, an entry for each field in <c>errors</c>.</summary>
    public static async Task<JsonObject> ExpectProblemAsync(HttpResponseMessage response, int status, params string[] fields)
    {
        var body = (await ExpectAsync(response, status)).AsObject();
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

    public static Task<HttpResponseMessage> PutAsync(this HttpClient client, string url, JsonNode body, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body) };
        if (ifMatch is not null)
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PostAsync(this HttpClient client, string url, JsonNode? body, string? idempotencyKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null)
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> SendRawAsync(this HttpClient client, HttpMethod method, string url, string body, string contentType = "application/json") =>
        client.SendAsync(new HttpRequestMessage(method, url) { Content = new StringContent(body, Encoding.UTF8, contentType) });

    public static string ETag(this HttpResponseMessage response) =>
        response.Headers.ETag?.ToString() ?? throw new Xunit.Sdk.XunitException("The response has no ETag.");
}
