using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using NJsonSchema;
using NSwag;

namespace Matchmaker.Tests.Harness;

/// <summary>
/// The app's own OpenAPI document as a checker of real answers: each JSON body a test receives must
/// match the schema documented for its operation and status, as a validating client would require.
/// </summary>
public sealed class ResponseContract
{
    // The document is the same for every app the tests start; parsing it once keeps each class cheap.
    private static readonly ConcurrentDictionary<string, Task<ResponseContract>> Parsed = new();

    private readonly IReadOnlyList<Route> routes;

    private ResponseContract(OpenApiDocument document)
    {
        routes = document.Paths
            .SelectMany(path => path.Value.Select(op => new Route(
                op.Key.ToUpperInvariant(),
                path.Key,
                new Regex("^" + Regex.Replace(Regex.Escape(path.Key), @"\\\{[^/]+?}", "[^/]+") + "$", RegexOptions.IgnoreCase),
                path.Key.Count(c => c == '{'),
                op.Value)))
            .ToList();
    }

    public static Task<ResponseContract> LoadAsync(string documentJson) =>
        Parsed.GetOrAdd(documentJson, async json => new ResponseContract(await OpenApiDocument.FromJsonAsync(json)));

    /// <summary>Fails the running test when the answer's body contradicts the document.</summary>
    public async Task CheckAsync(HttpRequestMessage request, HttpResponseMessage response)
    {
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (mediaType is null || !IsJson(mediaType))
            return;

        var path = request.RequestUri!.AbsolutePath;
        var route = routes
            .Where(r => r.Method == request.Method.Method && r.Pattern.IsMatch(path))
            .OrderBy(r => r.Parameters)
            .FirstOrDefault();
        if (route is null)
            return;

        var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var documented = route.Operation.ActualResponses;
        var answer = documented.TryGetValue(status, out var exact) ? exact
            : documented.TryGetValue(status[0] + "XX", out var range) ? range
            : documented.TryGetValue("default", out var fallback) ? fallback
            : null;
        var where = $"{request.Method} {path} ({route.Method} {route.Template}, operation {route.Operation.OperationId}) answered {status}";
        if (answer is null)
            Assert.Fail($"{where}, a status the OpenAPI document does not list for the operation.");

        var content = answer.ActualResponse.Content;
        var schema = (content.TryGetValue(mediaType, out var media) ? media : content.Values.FirstOrDefault(m => m.Schema is not null))?.Schema;
        if (schema is null)
            Assert.Fail($"{where} with a {mediaType} body, but the OpenAPI document gives no schema for it.");

        await response.Content.LoadIntoBufferAsync();
        var body = await response.Content.ReadAsStringAsync();
        if (body.Length == 0)
            return;

        var errors = schema.ActualSchema.Validate(body, SchemaType.OpenApi3);
        if (errors.Count > 0)
            Assert.Fail($"{where} with a body that contradicts the OpenAPI document's schema:\n  "
                + string.Join("\n  ", errors.Select(e => e.ToString()))
                + $"\nBody: {(body.Length > 2000 ? body[..2000] + "…" : body)}");
    }

    private static bool IsJson(string mediaType) =>
        mediaType == "application/json" || mediaType.EndsWith("+json", StringComparison.Ordinal);

    private sealed record Route(string Method, string Template, Regex Pattern, int Parameters, OpenApiOperation Operation);
}

/// <summary>Checks every answer that passes through against the <see cref="ResponseContract"/>.</summary>
internal sealed class ResponseContractHandler(Func<Task<ResponseContract>> contract) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        await (await contract()).CheckAsync(request, response);
        return response;
    }
}
