using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NSwag;

namespace Matchmaker.Api.Infrastructure.OpenApi;

/// <summary>An example problem-details body per status, shaped as the API writes them.</summary>
internal static partial class ProblemExamples
{
    private const string TraceId = "00-4effc0034c3b93a8b0ecbe257e081229-d288d715b2364cb1-00";

    // The "type" ASP.NET Core fills in (ProblemDetailsDefaults); statuses it does not map go without one.
    private static readonly Dictionary<int, string> Types = new()
    {
        [400] = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        [401] = "https://tools.ietf.org/html/rfc9110#section-15.5.2",
        [403] = "https://tools.ietf.org/html/rfc9110#section-15.5.4",
        [404] = "https://tools.ietf.org/html/rfc9110#section-15.5.5",
        [409] = "https://tools.ietf.org/html/rfc9110#section-15.5.10",
        [412] = "https://tools.ietf.org/html/rfc9110#section-15.5.13",
        [415] = "https://tools.ietf.org/html/rfc9110#section-15.5.16",
        [422] = "https://tools.ietf.org/html/rfc9110#section-15.5.21",
        [500] = "https://tools.ietf.org/html/rfc9110#section-15.6.1",
    };

    private static readonly Dictionary<int, string> Details = new()
    {
        [401] = "The e-mail or password is wrong.",
        [403] = "Only the SME that owns this profile may change it.",
        [404] = "The need was not found.",
        [409] = "The match is at agreement; it cannot go back to meeting.",
        [412] = "The resource changed since you read it: read it again and retry with its new ETag.",
        [413] = "The body is larger than the 262144 bytes this API accepts.",
        [415] = "Send the body as application/json.",
        [422] = "This Idempotency-Key was used with another body; use a new key for a new request.",
        [428] = "This update needs an If-Match header carrying the ETag from your last read of the resource.",
        [429] = "Too many requests; retry in 33 seconds.",
        [500] = "An unexpected error occurred; quote the traceId when reporting it.",
    };

    public static JObject For(int status, OpenApiOperation operation, string path)
    {
        var example = new JObject();
        if (Types.TryGetValue(status, out var type))
            example["type"] = type;
        example["title"] = status == 400 ? "One or more validation errors occurred." : Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);
        example["status"] = status;
        if (status == 400)
        {
            example["detail"] = "See 'errors' for what to fix in each field.";
            example["instance"] = RouteParameter().Replace(path, "5a9e3b71-2c4d-4f86-8e1a-7b3c9d0e2f15");
            var field = FirstField(operation);
            example["errors"] = new JObject { [field] = new JArray($"'{field}' must not be empty.") };
            return example;
        }

        if (Details.TryGetValue(status, out var detail))
            example["detail"] = detail;
        example["traceId"] = TraceId;
        return example;
    }

    [GeneratedRegex("\\{[^}]+\\}")]
    private static partial Regex RouteParameter();

    private static string FirstField(OpenApiOperation operation)
    {
        if (operation.RequestBody?.Content.Values.FirstOrDefault()?.Schema?.ActualSchema is { } body
            && body.ActualProperties.Keys.FirstOrDefault() is { } property)
            return property;
        return operation.Parameters.FirstOrDefault(p => p.Kind == OpenApiParameterKind.Query)?.Name ?? "body";
    }
}
