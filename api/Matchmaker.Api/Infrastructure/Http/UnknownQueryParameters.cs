using System.Collections.Concurrent;
using System.Reflection;
using FluentValidation.Results;

namespace Matchmaker.Api.Infrastructure.Http;

/// <summary>
/// Refuses a query parameter the endpoint does not read, as bodies refuse unknown fields: FastEndpoints
/// binds query keys to the request's properties by name and silently drops the rest, so a misspelt or
/// unsupported filter (<c>?stage=</c> on a match list) would otherwise answer the unfiltered list.
/// </summary>
internal sealed class UnknownQueryParameters : IGlobalPreProcessor
{
    private static readonly ConcurrentDictionary<Type, HashSet<string>> Known = new();

    public Task PreProcessAsync(IPreProcessorContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        if (http.Request.Query.Count == 0 || http.ResponseStarted())
            return Task.CompletedTask;

        // The definition's type, not the request's: a request that failed to bind is null here.
        var requestType = http.GetEndpoint()?.Metadata.GetMetadata<EndpointDefinition>()?.ReqDtoType ?? context.Request?.GetType() ?? typeof(EmptyRequest);
        var known = Known.GetOrAdd(requestType, QueryNames);
        var failures = http.Request.Query.Keys
            .Where(key => !known.Contains(key))
            .Select(key => new ValidationFailure(key, Message(key, known)))
            .ToList();
        return failures.Count == 0 ? Task.CompletedTask : http.Response.SendErrorsAsync(failures, cancellation: ct);
    }

    /// <summary>The names FastEndpoints binds from the query string: each settable property's, or the one its [BindFrom] gives.</summary>
    internal static HashSet<string> QueryNames(Type requestType) => requestType == typeof(EmptyRequest)
        ? new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        : requestType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true }
                        && p.GetCustomAttribute<FromHeaderAttribute>() is null
                        && p.GetCustomAttribute<FromClaimAttribute>() is null)
            .Select(p => p.GetCustomAttribute<BindFromAttribute>()?.Name ?? p.Name)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

    private static string Message(string key, HashSet<string> known) => known.Count == 0
        ? Messages.Get("Query.UnknownNone", key)
        : Messages.Get("Query.Unknown", key, string.Join(", ", known.Select(ValidationProblems.FieldName).Order(StringComparer.Ordinal)));
}
