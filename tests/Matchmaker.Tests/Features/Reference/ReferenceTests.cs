using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Matchmaker.Tests.Features.Reference;

public abstract class ReferenceTests<TApi>(TApi api) where TApi : ApiFixture
{
    protected TApi Api { get; } = api;

    [Theory]
    [InlineData("regions", 9)]
    [InlineData("cities", 16)]
    [InlineData("sectors", 21 + 88)]
    [InlineData("need-types", 6)]
    [InlineData("currencies", 3)]
    public async Task Reference_lists_are_seeded_and_open_to_anyone(string list, int count)
    {
        var body = await Expect.StatusAsync(await Api.CreateClient().GetAsync($"/api/v1/reference/{list}"), 200);

        var items = body["items"]!.AsArray();
        Assert.Equal(count, items.Count);
        Assert.All(items, i =>
        {
            Assert.False(string.IsNullOrWhiteSpace(i!["nameEn"]!.GetValue<string>()));
            Assert.False(string.IsNullOrWhiteSpace(i["nameRu"]!.GetValue<string>()));
            Assert.False(string.IsNullOrWhiteSpace(i["nameZh"]!.GetValue<string>()));
        });
    }

    [Fact]
    public async Task Reference_data_carries_the_programmes_codes()
    {
        var client = Api.CreateClient();
        var regions = (await Expect.StatusAsync(await client.GetAsync("/api/v1/reference/regions"), 200))["items"]!.AsArray();
        var cities = (await Expect.StatusAsync(await client.GetAsync("/api/v1/reference/cities"), 200))["items"]!.AsArray();
        var sectors = (await Expect.StatusAsync(await client.GetAsync("/api/v1/reference/sectors"), 200))["items"]!.AsArray();

        Assert.Contains(regions, r => r!["code"]!.GetValue<string>() == "KG-Y" && r["nameRu"]!.GetValue<string>() == "Иссык-Кульская область");
        Assert.Contains(cities, c => c!["code"]!.GetValue<string>() == "qingdao" && c["nameZh"]!.GetValue<string>() == "青岛" && c["division"]!.GetValue<string>() == "370200");
        Assert.Contains(sectors, s => s!["code"]!.GetValue<string>() == "C28" && s["section"]!.GetValue<string>() == "C" && s["level"]!.GetValue<string>() == "division");
        Assert.Equal(21, sectors.Count(s => s!["level"]!.GetValue<string>() == "section"));
    }

    [Fact]
    public async Task An_unknown_reference_list_is_404()
    {
        await Expect.ProblemAsync(await Api.CreateClient().GetAsync("/api/v1/reference/planets"), 404);
    }

    [Fact]
    public async Task Fx_rates_start_with_the_seeded_2026_rates()
    {
        var body = await Expect.StatusAsync(await Api.CreateClient().GetAsync("/api/v1/reference/fx-rates"), 200);

        var items = body["items"]!.AsArray();
        Assert.Contains(items, r => r!["currency"]!.GetValue<string>() == "KGS" && r["usdPerUnit"]!.GetValue<decimal>() == 0.011435m && r["effectiveDate"]!.GetValue<string>() == "2026-01-01");
        Assert.Contains(items, r => r!["currency"]!.GetValue<string>() == "CNY" && r["usdPerUnit"]!.GetValue<decimal>() == 0.14m);
    }

    [Fact]
    public async Task A_new_fx_rate_revalues_open_needs_in_that_currency()
    {
        var sme = await Api.UserAsync("sme");
        var smeId = await Create.SmeAsync(sme);
        var needId = await Create.NeedAsync(sme, smeId, Bodies.Need(amount: 1_000_000m, currency: "KGS"));
        var before = await Expect.StatusAsync(await sme.Client.GetAsync($"/api/v1/needs/{needId}"), 200);
        Assert.Equal(11435m, before["amountUsd"]!.GetValue<decimal>());
        var admin = await Api.AdminAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd");

        var put = await admin.Client.PutAsJsonAsync("/api/v1/reference/fx-rates", new { rates = new[] { new { currency = "KGS", usdPerUnit = 0.0125m, effectiveDate = today } } });

        var rates = (await Expect.StatusAsync(put, 200))["items"]!.AsArray();
        Assert.Contains(rates, r => r!["currency"]!.GetValue<string>() == "KGS" && r["effectiveDate"]!.GetValue<string>() == today);
        var after = await Expect.StatusAsync(await sme.Client.GetAsync($"/api/v1/needs/{needId}"), 200);
        Assert.Equal(12500m, after["amountUsd"]!.GetValue<decimal>());
    }

    [Theory]
    [InlineData("sme", 403)]
    [InlineData("partner", 403)]
    [InlineData("agency", 403)]
    [InlineData("anonymous", 401)]
    public async Task Only_the_admin_sets_fx_rates(string caller, int status)
    {
        var client = caller == "anonymous" ? Api.CreateClient() : (await Api.UserAsync(caller)).Client;

        var response = await client.PutAsJsonAsync("/api/v1/reference/fx-rates", new { rates = new[] { new { currency = "CNY", usdPerUnit = 0.5m, effectiveDate = "2026-02-01" } } });

        await Expect.ProblemAsync(response, status);
        var rates = (await Expect.StatusAsync(await Api.CreateClient().GetAsync("/api/v1/reference/fx-rates"), 200))["items"]!.AsArray();
        Assert.DoesNotContain(rates, r => r!["effectiveDate"]!.GetValue<string>() == "2026-02-01");
    }

    [Theory]
    [InlineData("EUR", 0.9, "rates[0].currency")]
    [InlineData("USD", 1.0, "rates[0].currency")]
    [InlineData("CNY", 0, "rates[0].usdPerUnit")]
    [InlineData("CNY", -1, "rates[0].usdPerUnit")]
    public async Task Bad_fx_rates_are_refused_naming_the_field(string currency, double rate, string field)
    {
        var admin = await Api.AdminAsync();
        var body = new JsonObject { ["rates"] = new JsonArray(new JsonObject { ["currency"] = currency, ["usdPerUnit"] = rate, ["effectiveDate"] = "2026-03-01" }) };

        await Expect.ProblemAsync(await admin.Client.PutAsJsonAsync("/api/v1/reference/fx-rates", body), 400, field);
    }
}

public sealed class ReferenceTestsOnSqlite(SqliteApi api) : ReferenceTests<SqliteApi>(api), IClassFixture<SqliteApi>;

public sealed class ReferenceTestsOnSqlServer : ReferenceTests<SqlServerApi>, IClassFixture<SqlServerApi>
{
    public ReferenceTestsOnSqlServer(SqlServerApi api) : base(api) => api.SkipWhenUnavailable();
}
