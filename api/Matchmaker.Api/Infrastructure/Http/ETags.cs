using Microsoft.Net.Http.Headers;

namespace Matchmaker.Api.Infrastructure.Http;

/// <summary>ETags are the row's version counter; an update succeeds only against the version the client read.</summary>
internal static class ETags
{
    public static string For(int version) => $"\"{version}\"";

    public static void DescribeFields(FieldBounds fields) => fields.Integer("version", 1, int.MaxValue);

    public static void Set(HttpResponse response, int version) => response.Headers.ETag = For(version);

    /// <summary>The answer an update must give instead of proceeding (428 without If-Match, 412 on a stale one), or null.</summary>
    public static IResult? Precondition(HttpRequest request, int currentVersion) => ReadIfMatch(request) switch
    {
        null => Problems.PreconditionRequired(),
        { } ifMatch when !ifMatch.Matches(currentVersion) => Problems.PreconditionFailed(),
        _ => null,
    };

    /// <summary>For an action that takes If-Match when given: 412 on a stale one, else null.</summary>
    public static IResult? OptionalPrecondition(HttpRequest request, int currentVersion) =>
        ReadIfMatch(request) is { } ifMatch && !ifMatch.Matches(currentVersion) ? Problems.PreconditionFailed() : null;

    /// <summary>Reads If-Match: null when absent; <see cref="IfMatch.Any"/> for <c>*</c>; otherwise the versions it names.</summary>
    public static IfMatch? ReadIfMatch(HttpRequest request)
    {
        var raw = request.Headers.IfMatch;
        if (raw.Count == 0 || string.IsNullOrWhiteSpace(raw.ToString()))
            return null;
        if (!EntityTagHeaderValue.TryParseList(raw, out var tags))
            return new IfMatch(false, []);
        if (tags.Any(t => t.Equals(EntityTagHeaderValue.Any)))
            return IfMatch.Any;
        var versions = tags
            .Where(t => !t.IsWeak)
            .Select(t => int.TryParse(t.Tag.AsSpan().Trim('"'), out var v) ? v : (int?)null)
            .OfType<int>()
            .ToArray();
        return new IfMatch(false, versions);
    }
}

internal sealed record IfMatch(bool IsAny, int[] Versions)
{
    public static readonly IfMatch Any = new(true, []);

    public bool Matches(int currentVersion) => IsAny || Versions.Contains(currentVersion);
}
