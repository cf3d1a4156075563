using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Matchmaker.Tests.Features.Matching.Criteria;

namespace Matchmaker.Tests.Security;

/// <summary>
/// Every route of the app's route table, called by every kind of caller on the cast's records and on ids
/// that do not exist, against a table of what each caller gets. A route the table does not list fails the
/// test, so no route goes out unreviewed: adding one is one line in <see cref="Expected"/>.
/// </summary>
public abstract class AuthorisationMatrixTests<TApi>(TApi api, ITestOutputHelper output) where TApi : ApiFixture
{
    /// <summary>What the route's parameter is filled with: a record of the cast, or one made for each probe when probes change it.</summary>
    internal enum Target { None, Sme, Need, WritableNeed, FreshNeed, Partner, Match, FreshMatch, MutualMatch, SpareUser, Job, ReferenceList }

    internal enum Body { None, Sme, Need, Partner, Close, Decline, Stage, Criteria, FxRates, NewUser, UserUpdate, Register, SignIn }

    /// <summary>
    /// Per route, the status each caller gets, in the order of <see cref="SecurityCast.Callers"/>:
    /// anonymous, owner (the SME of the deal), other-sme, partner (the deal's counter-party), other-partner (uninvolved), agency, admin.
    /// </summary>
    internal static readonly Dictionary<string, (Target Target, Body Body, string Statuses)> Expected = new()
    {
        //                                                                     anon own  sme2 part prt2 agcy admn
        ["GET /api/v1/admin/users"] = (Target.None, Body.None,                "401 403 403 403 403 403 200"),
        ["POST /api/v1/admin/users"] = (Target.None, Body.NewUser,            "401 403 403 403 403 403 201"),
        ["GET /api/v1/admin/users/{id}"] = (Target.SpareUser, Body.None,      "401 403 403 403 403 403 200"),
        ["PUT /api/v1/admin/users/{id}"] = (Target.SpareUser, Body.UserUpdate, "401 403 403 403 403 403 200"),
        ["GET /api/v1/auth/me"] = (Target.None, Body.None,                    "401 200 200 200 200 200 200"),
        ["POST /api/v1/auth/register"] = (Target.None, Body.Register,         "201 201 201 201 201 201 201"),
        ["POST /api/v1/auth/token"] = (Target.None, Body.SignIn,              "200 200 200 200 200 200 200"),
        ["GET /api/v1/criteria"] = (Target.None, Body.None,                   "401 200 200 200 200 200 200"),
        ["PUT /api/v1/criteria"] = (Target.None, Body.Criteria,               "401 403 403 403 403 202 202"),
        ["GET /api/v1/jobs/{id}"] = (Target.Job, Body.None,                   "401 403 403 403 403 200 200"),
        ["POST /api/v1/jobs/{id}/restart"] = (Target.Job, Body.None,          "401 403 403 403 403 409 409"),
        ["GET /api/v1/matches/{id}"] = (Target.Match, Body.None,              "401 200 404 200 404 200 200"),
        ["POST /api/v1/matches/{id}/decline"] = (Target.FreshMatch, Body.Decline, "401 200 404 200 404 403 403"),
        ["POST /api/v1/matches/{id}/interest"] = (Target.FreshMatch, Body.None, "401 200 404 200 404 403 403"),
        ["POST /api/v1/matches/{id}/stage"] = (Target.MutualMatch, Body.Stage, "401 200 404 200 404 403 403"),
        ["GET /api/v1/needs"] = (Target.None, Body.None,                      "401 403 403 200 200 200 200"),
        ["GET /api/v1/needs/{id}"] = (Target.Need, Body.None,                 "401 200 404 200 200 200 200"),
        ["PUT /api/v1/needs/{id}"] = (Target.WritableNeed, Body.Need,         "401 200 404 403 403 403 200"),
        ["POST /api/v1/needs/{id}/close"] = (Target.FreshNeed, Body.Close,    "401 200 404 403 403 403 200"),
        ["GET /api/v1/needs/{id}/matches"] = (Target.Need, Body.None,         "401 200 404 403 403 200 200"),
        ["GET /api/v1/partners"] = (Target.None, Body.None,                   "401 200 200 403 403 200 200"),
        ["POST /api/v1/partners"] = (Target.None, Body.Partner,               "401 403 403 409 409 403 403"),
        ["GET /api/v1/partners/{id}"] = (Target.Partner, Body.None,           "401 200 200 200 404 200 200"),
        ["PUT /api/v1/partners/{id}"] = (Target.Partner, Body.Partner,        "401 403 403 200 404 403 200"),
        ["GET /api/v1/partners/{id}/matches"] = (Target.Partner, Body.None,   "401 403 403 200 404 200 200"),
        ["GET /api/v1/reference/fx-rates"] = (Target.None, Body.None,         "200 200 200 200 200 200 200"),
        ["PUT /api/v1/reference/fx-rates"] = (Target.None, Body.FxRates,      "401 403 403 403 403 403 200"),
        ["GET /api/v1/reference/{list}"] = (Target.ReferenceList, Body.None,  "200 200 200 200 200 200 200"),
        ["GET /api/v1/reports/by-city"] = (Target.None, Body.None,            "401 403 403 403 403 200 200"),
        ["GET /api/v1/reports/by-region"] = (Target.None, Body.None,          "401 403 403 403 403 200 200"),
        ["GET /api/v1/reports/by-sector"] = (Target.None, Body.None,          "401 403 403 403 403 200 200"),
        ["GET /api/v1/reports/matches"] = (Target.None, Body.None,            "401 403 403 403 403 200 200"),
        ["GET /api/v1/reports/pipeline"] = (Target.None, Body.None,           "401 403 403 403 403 200 200"),
        ["GET /api/v1/reports/summary"] = (Target.None, Body.None,            "401 403 403 403 403 200 200"),
        ["GET /api/v1/reports/timeseries"] = (Target.None, Body.None,         "401 403 403 403 403 200 200"),
        ["GET /api/v1/smes"] = (Target.None, Body.None,                       "401 403 403 200 200 200 200"),
        ["POST /api/v1/smes"] = (Target.None, Body.Sme,                       "401 409 409 403 403 403 403"),
        ["GET /api/v1/smes/{id}"] = (Target.Sme, Body.None,                   "401 200 404 200 200 200 200"),
        ["PUT /api/v1/smes/{id}"] = (Target.Sme, Body.Sme,                    "401 200 404 403 403 403 200"),
        ["GET /api/v1/smes/{smeId}/needs"] = (Target.Sme, Body.None,          "401 200 404 200 200 200 200"),
        ["POST /api/v1/smes/{smeId}/needs"] = (Target.Sme, Body.Need,         "401 201 404 403 403 403 403"),
    };

    private Task<SecurityCast> CastAsync() => api.SharedAsync(SecurityCast.CreateAsync);

    [Fact]
    public async Task Every_route_answers_every_caller_as_the_table_says_and_no_tenant_reaches_another()
    {
        var cast = await CastAsync();
        var routes = RouteTable.Of(api.App);
        var unlisted = routes.Where(r => !Expected.ContainsKey(r.Key)).ToList();
        Assert.True(unlisted.Count == 0, "Routes with no line in the authorisation table: " + string.Join(", ", unlisted));
        var stale = Expected.Keys.Except(routes.Select(r => r.Key)).ToList();
        Assert.True(stale.Count == 0, "Lines in the authorisation table for routes the app does not have: " + string.Join(", ", stale));

        var mismatches = new List<string>();
        var jobs = new List<string>();
        int probes = 0, crossTenant2xx = 0;
        foreach (var route in routes)
        {
            var (target, body, statuses) = Expected[route.Key];
            var expected = statuses.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray();
            for (var i = 0; i < SecurityCast.Callers.Length; i++)
            {
                var caller = SecurityCast.Callers[i];
                var id = await TargetIdAsync(cast, target);
                var response = await SendAsync(cast, route, caller, id, body);
                probes++;
                var status = (int)response.StatusCode;
                if (status == 202 && response.Headers.Location is { } job)
                    jobs.Add(job.ToString());
                if (status is >= 200 and < 300 && expected[i] >= 400)
                    crossTenant2xx++;
                if (status != expected[i])
                    mismatches.Add($"{route.Key} as {caller}: expected {expected[i]}, got {status} {await response.Content.ReadAsStringAsync()}");
                else if (status >= 400)
                    await Expect.ProblemAsync(response, status);

                if (target is Target.None or Target.ReferenceList)
                    continue;
                var unknown = await SendAsync(cast, route, caller, Guid.NewGuid().ToString(), body);
                probes++;
                var unknownStatus = (int)unknown.StatusCode;
                if (unknownStatus is >= 200 and < 300)
                    crossTenant2xx++;
                var allowed = caller == "anonymous" ? [401] : expected[i] == 403 ? new[] { 403, 404 } : [404];
                if (!allowed.Contains(unknownStatus))
                    mismatches.Add($"{route.Key} as {caller} on an unknown id: expected {string.Join(" or ", allowed)}, got {unknownStatus} {await unknown.Content.ReadAsStringAsync()}");
            }
        }

        await cast.SettleAsync(jobs);
        output.WriteLine($"authorisation matrix: {routes.Count} routes, {SecurityCast.Callers.Length} callers, {probes} probes, cross-tenant 2xx = {crossTenant2xx}, mismatches = {mismatches.Count}");
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} answer(s) differ from the table:\n" + string.Join("\n", mismatches));
        Assert.Equal(0, crossTenant2xx);
    }

    [Fact]
    public async Task Every_registered_route_is_in_the_OpenAPI_document_with_its_method()
    {
        var routes = RouteTable.Of(api.App);
        using var client = api.CreateClient();
        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
        var paths = document["paths"]!.AsObject();

        var missing = routes.Where(r => paths[r.Template]?[r.Method.ToLowerInvariant()] is null).ToList();

        output.WriteLine($"openapi coverage: {routes.Count} routes, {routes.Count - missing.Count} documented, missing = {missing.Count}");
        Assert.True(missing.Count == 0, "Routes missing from /openapi/v1.json: " + string.Join(", ", missing));
    }

    private static async Task<string?> TargetIdAsync(SecurityCast cast, Target target)
    {
        var deal = cast.Deal;
        return target switch
        {
            Target.None => null,
            Target.Sme => deal.SmeId.ToString(),
            Target.Need => deal.NeedId.ToString(),
            Target.WritableNeed => cast.WritableNeedId.ToString(),
            Target.FreshNeed => (await Create.NeedAsync(deal.Owner, deal.SmeId, Bodies.Need(title: $"Probe {Guid.NewGuid():N}"))).ToString(),
            Target.Partner => deal.PartnerId.ToString(),
            Target.Match => deal.MatchId.ToString(),
            Target.FreshMatch => (await deal.FreshMatchAsync()).ToString(),
            Target.MutualMatch => (await deal.FreshMatchAsync("mutual")).ToString(),
            Target.SpareUser => cast.Spare.UserId.ToString(),
            Target.Job => cast.JobId.ToString(),
            Target.ReferenceList => "regions",
            _ => throw new ArgumentOutOfRangeException(nameof(target)),
        };
    }

    private async Task<HttpResponseMessage> SendAsync(SecurityCast cast, ApiRoute route, string caller, string? id, Body body)
    {
        var path = id is null ? route.Template : System.Text.RegularExpressions.Regex.Replace(route.Template, @"\{\w+\}", id);
        var request = new HttpRequestMessage(new HttpMethod(route.Method), path);
        if (await BodyAsync(cast, body) is { } json)
            request.Content = JsonContent.Create(json);
        if (route.Method == "PUT")
        {
            var read = await cast.Deal.Admin.Client.GetAsync(path);
            request.Headers.TryAddWithoutValidation("If-Match", read.Headers.ETag?.ToString() ?? "\"0\"");
        }

        return await cast.Deal.ClientOf(caller).SendAsync(request);
    }

    private async Task<JsonNode?> BodyAsync(SecurityCast cast, Body body) => body switch
    {
        Body.None => null,
        Body.Sme => Bodies.Sme(),
        Body.Need => Bodies.Need(title: "Probe-writable need"),
        Body.Partner => Bodies.Partner(),
        Body.Close => new JsonObject { ["reason"] = "Probe" },
        Body.Decline => new JsonObject { ["reason"] = "Probe" },
        Body.Stage => new JsonObject { ["stage"] = "meeting" },
        Body.Criteria => CriteriaBodies.Valid(),
        Body.FxRates => await CurrentRateAsync(cast),
        Body.NewUser => new JsonObject { ["email"] = api.UniqueEmail("probe"), ["password"] = ApiFixture.Password, ["role"] = "agency" },
        Body.UserUpdate => new JsonObject { ["role"] = "sme", ["isActive"] = true },
        Body.Register => new JsonObject { ["email"] = api.UniqueEmail("probe"), ["password"] = ApiFixture.Password, ["role"] = "sme" },
        Body.SignIn => new JsonObject { ["email"] = cast.Spare.Email, ["password"] = ApiFixture.Password },
        _ => throw new ArgumentOutOfRangeException(nameof(body)),
    };

    /// <summary>An FX rate as it stands, so an admin's rewrite changes no value.</summary>
    private static async Task<JsonNode> CurrentRateAsync(SecurityCast cast)
    {
        var rates = await Expect.StatusAsync(await cast.Deal.Anonymous.GetAsync("/api/v1/reference/fx-rates"), 200);
        var rate = rates["items"]!.AsArray().First(r => r!["currency"]!.GetValue<string>() != "USD")!.DeepClone();
        return new JsonObject { ["rates"] = new JsonArray(rate) };
    }
}

public sealed class AuthorisationMatrixTestsOnSqlite(SqliteApi api, ITestOutputHelper output) : AuthorisationMatrixTests<SqliteApi>(api, output), IClassFixture<SqliteApi>;

public sealed class AuthorisationMatrixTestsOnSqlServer : AuthorisationMatrixTests<SqlServerApi>, IClassFixture<SqlServerApi>
{
    public AuthorisationMatrixTestsOnSqlServer(SqlServerApi api, ITestOutputHelper output) : base(api, output) => api.SkipWhenUnavailable();
}
