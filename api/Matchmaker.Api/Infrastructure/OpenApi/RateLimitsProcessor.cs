using System.Globalization;
using Matchmaker.Api.Infrastructure.Http.RateLimits;
using NSwag;
using NSwag.Generation.AspNetCore;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Matchmaker.Api.Infrastructure.OpenApi;

/// <summary>
/// The rate limits as this instance applies them: a limited operation declares 429 and names its
/// policies (<c>x-rate-limits</c>); <see cref="RateLimitHeadersProcessor"/> then puts the headers on its answers.
/// A policy switched off (<c>PermitLimit=0</c>) is left out, as it sends nothing.
/// </summary>
internal sealed class RateLimitsProcessor(RateLimitPolicies policies) : IOperationProcessor
{
    public const string Extension = "x-rate-limits";

    public bool Process(OperationProcessorContext context)
    {
        if (context is not AspNetCoreOperationProcessorContext aspNet
            || aspNet.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<RateLimited>().FirstOrDefault() is not { } limited)
            return true;

        var active = limited.Policies.Select(p => policies[p]).Where(p => p.IsOn).ToList();
        if (active.Count == 0)
            return true;

        var operation = context.OperationDescription.Operation;
        operation.ExtensionData ??= new Dictionary<string, object?>();
        operation.ExtensionData[Extension] = active.Select(p => new Dictionary<string, object>
        {
            ["policy"] = p.Name,
            ["permitLimit"] = p.PermitLimit,
            ["windowSeconds"] = p.WindowSeconds,
            ["partitionedBy"] = p.PartitionedBy,
        }).ToList();
        ProblemDetailsProcessor.Declare(operation, 429);
        operation.Responses["429"].Description = "Over a rate limit: " + string.Join("; ", active.Select(Describe))
            + ". Wait the seconds in `Retry-After` (the end of the window).";
        return true;
    }

    public static string Describe(RateLimitPolicy policy) => string.Create(CultureInfo.InvariantCulture,
        $"`{policy.Name}` allows {policy.PermitLimit} requests per {policy.WindowSeconds} s per {policy.PartitionedBy}");

    /// <summary>The policies <see cref="Process"/> recorded on an operation.</summary>
    public static IReadOnlyList<string> PolicyNames(OpenApiOperation operation) =>
        operation.ExtensionData?.TryGetValue(Extension, out var value) is true && value is List<Dictionary<string, object>> items
            ? items.Select(i => (string)i["policy"]).ToList()
            : [];
}
