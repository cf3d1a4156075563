using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace Matchmaker.Tests.Security;

/// <summary>
/// Invalid requests generated from the OpenAPI document's own schemas, over every operation that takes a body
/// or parameters, each sent by a caller the route lets through: every answer is a 4xx problem, and no table
/// changes (row counts and content checksums before and after each operation's batch).
/// </summary>
public abstract partial class BadInputTests<TApi>(TApi api, ITestOutputHelper output) where TApi : ApiFixture
{
    private const int MinimumCases = 2000;

    private Task<SecurityCast> CastAsync() => api.SharedAsync(SecurityCast.CreateAsync);

    [Fact]
    public async Task Bad_input_from_the_schemas_is_refused_with_a_problem_and_changes_nothing()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("MATCHMAKER_FUZZ_SEED"), out var s) ? s : Random.Shared.Next();
        output.WriteLine($"bad input: seed {seed} (rerun with MATCHMAKER_FUZZ_SEED={seed})");
        var cast = await CastAsync();
        using var raw = api.App.Server.CreateClient();
        var document = new OpenApiOperations(JsonNode.Parse(await raw.GetStringAsync("/openapi/v1.json"))!);
        var inputs = new BadInputs(document, new Random(seed));

        var failures = new List<string>();
        var statuses = new SortedDictionary<int, int>();
        int cases = 0, operations = 0, namingTypes = 0;
        foreach (var op in document.All().Where(o => o.BodySchema is not null || o.Parameters.Count > 0))
        {
            if (!RouteExpectations.Expected.TryGetValue(op.Key, out var line))
                continue;
            var (caller, path) = await CallerAndPathAsync(cast, op, line);
            var before = await DatabaseSnapshot.TakeAsync(api);
            operations++;
            foreach (var input in inputs.For(op, path))
            {
                var response = await SendAsync(raw, cast, op, caller, input);
                cases++;
                var status = (int)response.StatusCode;
                statuses[status] = statuses.GetValueOrDefault(status) + 1;
                var problem = await ProblemOrWhyNotAsync(response);
                if (DotNetTypeName().Match(await response.Content.ReadAsStringAsync()) is { Success: true } typeName)
                {
                    namingTypes++;
                    failures.Add($"{op.Key} as {caller}, {input.What}: the answer names the .NET type {typeName.Value}");
                }
                if (status is < 400 or >= 500 || problem is not null)
                    failures.Add($"{op.Key} as {caller}, {input.What}: {status} {problem}");
            }

            var changes = before.Differences(await DatabaseSnapshot.TakeAsync(api));
            if (changes.Count > 0)
                failures.Add($"{op.Key}: the batch changed {string.Join("; ", changes)}");
        }

        output.WriteLine($"bad input: {cases} cases over {operations} operations, seed {seed}, answers {string.Join(", ", statuses.Select(p => $"{p.Key} x {p.Value}"))}, 5xx = {statuses.Where(p => p.Key >= 500).Sum(p => p.Value)}, 2xx = {statuses.Where(p => p.Key < 300).Sum(p => p.Value)}, failures = {failures.Count}, problems naming a .NET type = {namingTypes}");
        Assert.True(failures.Count == 0, $"{failures.Count} bad input(s) were not refused cleanly:\n" + string.Join("\n", failures.Take(60)));
        Assert.True(cases >= MinimumCases, $"Only {cases} cases were generated.");
    }

    /// <summary>The first caller the route lets through (else one it answers past authorisation, such as 409), and the path with that caller's target.</summary>
    private static async Task<(string Caller, string Path)> CallerAndPathAsync(SecurityCast cast, ApiOperation op, (Target Target, Body Body, string Statuses) line)
    {
        var statuses = line.Statuses.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray();
        var index = Array.FindIndex(statuses, s => s < 300);
        if (index < 0)
            index = Array.FindIndex(statuses, s => s is not (401 or 403 or 404));
        var target = line.Target switch
        {
            Target.FreshNeed => Target.WritableNeed,
            Target.FreshMatch or Target.MutualMatch => Target.Match,
            var t => t,
        };
        var id = await cast.IdForAsync(target);
        var path = id is null ? op.Template : SecurityCast.Fill(op.Template, id);
        return (SecurityCast.Callers[Math.Max(0, index)], path);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient raw, SecurityCast cast, ApiOperation op, string caller, BadInput input)
    {
        var request = new HttpRequestMessage(new HttpMethod(op.Method), input.PathAndQuery);
        if (caller != "anonymous")
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ActorOf(cast, caller).Token);
        if (input.Body is not null)
        {
            request.Content = new ByteArrayContent(input.Body);
            if (input.ContentType is not null)
                request.Content.Headers.TryAddWithoutValidation("Content-Type", input.ContentType);
        }

        if (op.Method == "PUT")
        {
            var current = await cast.Deal.Admin.Client.GetAsync(op.Template.Contains('{') ? input.PathAndQuery.Split('?')[0] : op.Template);
            request.Headers.TryAddWithoutValidation("If-Match", current.Headers.ETag?.ToString() ?? "\"1\"");
        }

        foreach (var (name, value) in input.Headers)
            request.Headers.TryAddWithoutValidation(name, value);
        return await raw.SendAsync(request);
    }

    private static Actor ActorOf(SecurityCast cast, string caller) => caller switch
    {
        "owner" => cast.Deal.Owner,
        "other-sme" => cast.Deal.OtherSme,
        "partner" => cast.Deal.Partner,
        "other-partner" => cast.Deal.OtherPartner,
        "agency" => cast.Deal.Agency,
        "admin" => cast.Deal.Admin,
        _ => throw new ArgumentOutOfRangeException(nameof(caller), caller, null),
    };

    /// <summary>Null when the answer is RFC 9457 problem details carrying its own status; otherwise what is wrong with it.</summary>
    private static async Task<string?> ProblemOrWhyNotAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            return $"content type {response.Content.Headers.ContentType?.MediaType ?? "none"}: {Clip(text)}";
        try
        {
            var status = JsonNode.Parse(text)?["status"]?.GetValue<int>();
            return status == (int)response.StatusCode ? null : $"problem status {status}: {Clip(text)}";
        }
        catch (System.Text.Json.JsonException e)
        {
            return $"not JSON ({e.Message}): {Clip(text)}";
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(System|Matchmaker)\.[A-Z]\w*|\b(Int16|Int32|Int64|Decimal|Boolean|DateTime|DateOnly|Guid)\b")]
    private static partial System.Text.RegularExpressions.Regex DotNetTypeName();

    private static string Clip(string text) => text.Length > 300 ? text[..300] + "…" : text;
}

public sealed class BadInputTestsOnSqlite(SqliteApi api, ITestOutputHelper output) : BadInputTests<SqliteApi>(api, output), IClassFixture<SqliteApi>;

public sealed class BadInputTestsOnSqlServer : BadInputTests<SqlServerApi>, IClassFixture<SqlServerApi>
{
    public BadInputTestsOnSqlServer(SqlServerApi api, ITestOutputHelper output) : base(api, output) => api.SkipWhenUnavailable();
}
