using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Matchmaker.Tests.Features.Matching.Criteria;

namespace Matchmaker.Tests.Security;

/// <summary>
/// Every route of the app's route table, called by every kind of caller on the cast's records and on ids
/// that do not exist, against a table of what each caller gets. A route the table does not list fails the
/// test, so no route goes out unreviewed: adding one is one line in <see cref="RouteExpectations.Expected"/>.
/// </summary>
public abstract class AuthorisationMatrixTests<TApi>(TApi api, ITestOutputHelper output) where TApi : ApiFixture
{
    private Task<SecurityCast> CastAsync() => api.SharedAsync(SecurityCast.CreateAsync);

    [Fact]
    public async Task Every_route_answers_every_caller_as_the_table_says_and_no_tenant_reaches_another()
    {
        var cast = await CastAsync();
        var routes = RouteTable.Of(api.App);
        var unlisted = routes.Where(r => !RouteExpectations.Expected.ContainsKey(r.Key)).ToList();
        Assert.True(unlisted.Count == 0, "Routes with no line in the authorisation table: " + string.Join(", ", unlisted));
        var stale = RouteExpectations.Expected.Keys.Except(routes.Select(r => r.Key)).ToList();
        Assert.True(stale.Count == 0, "Lines in the authorisation table for routes the app does not have: " + string.Join(", ", stale));

        var mismatches = new List<string>();
        var jobs = new List<string>();
        int probes = 0, crossTenant2xx = 0;
        foreach (var route in routes)
        {
            var (target, body, statuses) = RouteExpectations.Expected[route.Key];
            var expected = statuses.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray();
            for (var i = 0; i < SecurityCast.Callers.Length; i++)
            {
                var caller = SecurityCast.Callers[i];
                var id = await cast.IdForAsync(target);
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

    private async Task<HttpResponseMessage> SendAsync(SecurityCast cast, ApiRoute route, string caller, string? id, Body body)
    {
        var path = id is null ? route.Template : SecurityCast.Fill(route.Template, id);
        var request = new HttpRequestMessage(new HttpMethod(route.Method), path);
        if (await BodyAsync(cast, body) is { } json)
            request.Content = JsonContent.Create(json);
        if (route.Method == "PUT")
        {
            var read = await cast.Deal.Admin.Client.GetAsync(path);
            // The owner's own records (webhooks) are hidden from the admin too.
            if (!read.IsSuccessStatusCode)
                read = await cast.Deal.Owner.Client.GetAsync(path);
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
        Body.WrongCurrentPassword => new JsonObject { ["currentPassword"] = "not-the-current-password", ["newPassword"] = "a-new-password-for-probes" },
        Body.Preferences => new JsonObject { ["email"] = "daily", ["language"] = "ru", ["minScore"] = 75 },
        Body.InboxRead => new JsonObject { ["upTo"] = Guid.NewGuid().ToString() },
        Body.Webhook => SecurityCast.WebhookBody(),
        Body.Verification => new JsonObject { ["decision"] = "verified" },
        Body.PasswordReset => new JsonObject { ["email"] = cast.Spare.Email },
        Body.UnknownToken => new JsonObject { ["token"] = UnknownToken },
        Body.UnknownResetToken => new JsonObject { ["token"] = UnknownToken, ["newPassword"] = "a-new-password-for-probes" },
        Body.Outcome => new JsonObject { ["investment"] = new JsonObject { ["amount"] = 250_000, ["currency"] = "USD" }, ["jobsCreated"] = 12, ["youthJobs"] = 5 },
        _ => throw new ArgumentOutOfRangeException(nameof(body)),
    };

    /// <summary>A well-formed account token that no mail carried.</summary>
    private static readonly string UnknownToken = new('A', 43);

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
