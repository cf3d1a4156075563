using Matchmaker.Api.Infrastructure.Http.RateLimits;
using NJsonSchema;
using NSwag;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Matchmaker.Api.Infrastructure.OpenApi;

/// <summary>
/// The draft-ietf-httpapi-ratelimit-headers-10 headers on every 2xx and 4xx answer. A limited
/// operation always sends them with its successes and its 429s; other errors carry them when the
/// request was counted (401 comes before any account is known). On routes that are not limited (the
/// health checks, anonymous reference lists, single reads) the header is described as never sent.
/// </summary>
internal sealed class RateLimitHeadersProcessor(RateLimitPolicies policies) : IDocumentProcessor
{
    private const string PolicyPattern = "^\"[a-z-]+\";q=[0-9]+;w=[0-9]+(, \"[a-z-]+\";q=[0-9]+;w=[0-9]+)*$";
    private const string LimitPattern = "^\"[a-z-]+\";r=[0-9]+;t=[0-9]+(, \"[a-z-]+\";r=[0-9]+;t=[0-9]+)*$";

    public void Process(DocumentProcessorContext context)
    {
        context.Document.Info.Description += Summary();
        foreach (var operation in context.Document.Operations.Select(o => o.Operation))
        {
            var limits = RateLimitsProcessor.PolicyNames(operation).Select(p => policies[p]).ToList();
            foreach (var (status, response) in operation.Responses.Where(r => r.Key[0] is '2' or '4'))
            {
                if (limits.Count == 0)
                {
                    response.Headers[RateLimitHeaders.Limit] = new OpenApiHeader
                    {
                        Description = "Never sent here: this route is not rate limited. Limited routes send it with `RateLimit-Policy` (draft-ietf-httpapi-ratelimit-headers-10).",
                        IsRequired = false,
                        Schema = Text(LimitPattern, null),
                    };
                    continue;
                }

                var always = status[0] == '2' || status == "429";
                var when = always ? "" : " Sent when the request was counted, i.e. by a caller the limit partitions (not with 401).";
                response.Headers[RateLimitHeaders.Policy] = new OpenApiHeader
                {
                    Description = "The limits this request counted against: `q` requests per `w` seconds. " + string.Join("; ", limits.Select(RateLimitsProcessor.Describe)) + "." + when,
                    IsRequired = always,
                    Schema = Text(PolicyPattern, string.Join(", ", limits.Select(RateLimitHeaders.PolicyItem))),
                };
                response.Headers[RateLimitHeaders.Limit] = new OpenApiHeader
                {
                    Description = "Per policy, `r` requests left in the current window and `t` seconds until it ends." + when,
                    IsRequired = always,
                    Schema = Text(LimitPattern, string.Join(", ", limits.Select(p => RateLimitHeaders.LimitItem(new RateLimitState(p, true, p.PermitLimit - 1, p.WindowSeconds))))),
                };
            }
        }
    }

    private string Summary()
    {
        var active = policies.All.Where(p => p.IsOn).ToList();
        if (active.Count == 0)
            return "\n\nRate limits: none on this instance (every `RateLimits:*:PermitLimit` is 0).";
        return "\n\nRate limits (fixed windows): " + string.Join("; ", active.Select(RateLimitsProcessor.Describe))
            + ". `register` covers registration, `signin` and `signin-ip` sign-in, `search` every paged list of a signed-in caller, "
            + "`write` every POST, PUT and DELETE of a signed-in caller; anonymous reference lists, single reads and the health checks are not limited. "
            + "Each answer of a limited route carries `RateLimit-Policy` and `RateLimit` (draft-ietf-httpapi-ratelimit-headers-10); "
            + "over a limit the answer is 429 with `Retry-After`. The client IP is the connection's, or behind a proxy listed in "
            + "`Network:KnownProxies` the rightmost `X-Forwarded-For` address that is not a known proxy.";
    }

    private static JsonSchema Text(string pattern, string? example) =>
        new() { Type = JsonObjectType.String, MaxLength = 200, Pattern = pattern, Example = example };
}
