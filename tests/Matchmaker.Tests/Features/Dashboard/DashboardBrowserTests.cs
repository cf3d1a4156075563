using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Matchmaker.Api.Features.Demo;

namespace Matchmaker.Tests.Features.Dashboard;

/// <summary>The dashboard in headless Chromium on the demo world: what an analyst sees equals what the reports answer.</summary>
public sealed class DashboardBrowserTests : IClassFixture<DashboardBrowser>
{
    private static readonly string[] DealStatuses = ["mutual", "meeting", "negotiation", "agreement", "closed"];

    private readonly DashboardBrowser browser;
    private readonly DashboardPage page;

    public DashboardBrowserTests(DashboardBrowser browser)
    {
        browser.SkipWhenUnavailable();
        this.browser = browser;
        page = new DashboardPage(browser);
    }

    [Fact]
    public async Task The_demo_agency_signs_in_and_sees_the_figures_the_reports_answer()
    {
        page.SignInAndWait(DemoAccounts.Agency.Email, DemoAccounts.Agency.Password);

        using var api = await AgencyClientAsync();
        await AssertFiguresEqualTheReportsAsync(api, "");
        var figures = page.Figures();
        Assert.Equal("119", figures["smes"].Value);
        Assert.Equal("119", figures["smes"].Shown);
        Assert.Equal("60", figures["partners"].Shown);
        var requested = decimal.Parse(figures["requestedInvestmentUsd"].Value, CultureInfo.InvariantCulture);
        Assert.Equal("$" + requested.ToString("N0", CultureInfo.GetCultureInfo("en-US")), figures["requestedInvestmentUsd"].Shown);
        Assert.All(DashboardPage.Charts, chart => Assert.NotEmpty(page.Table(chart)));

        // The token stays in the page's memory: no storage, no URL.
        Assert.Equal(0L, page.Script("return sessionStorage.length + localStorage.length"));
        Assert.DoesNotContain("token", browser.Driver.Url, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0L, page.Script("return document.querySelectorAll('script:not([src]), [onclick], [onload], [onsubmit], [onchange]').length"));
        page.Screenshot("summary");
        page.Screenshot("summary-window", fullPage: false);
    }

    [Fact]
    public async Task Filtering_by_a_region_changes_every_chart_and_figure_to_the_reports_answer_for_that_region()
    {
        page.SignInAndWait(DemoAccounts.Agency.Email, DemoAccounts.Agency.Password);
        var before = page.Figures();
        var charts = DashboardPage.Charts.ToDictionary(c => c, page.TableSignature);

        page.Filter("region", "KG-C");
        page.WaitForQuery("region=KG-C");

        using var api = await AgencyClientAsync();
        await AssertFiguresEqualTheReportsAsync(api, "?region=KG-C");
        var after = page.Figures();
        string[] moved = ["smes", "openNeeds", "requestedInvestmentUsd", "partners", "matchesTotal", "deals", "agreements"];
        Assert.All(moved, key => Assert.NotEqual(before[key].Value, after[key].Value));
        Assert.All(DashboardPage.Charts, chart => Assert.True(charts[chart] != page.TableSignature(chart), $"the {chart} chart did not change"));
        page.Screenshot("filtered-region");
    }

    [Fact]
    public async Task Switching_to_ru_and_zh_relabels_the_page_and_the_api_answers_in_that_language()
    {
        page.SignInAndWait(DemoAccounts.Agency.Email, DemoAccounts.Agency.Password);
        using var anonymous = browser.Client();
        var regions = (await anonymous.GetFromJsonAsync<JsonObject>("/api/v1/reference/regions"))!["items"]!.AsArray();
        using var api = await AgencyClientAsync();
        var byRegion = (await api.GetFromJsonAsync<JsonObject>("/api/v1/reports/by-region"))!["items"]!.AsArray();

        foreach (var (language, nameKey) in new[] { ("ru", "nameRu"), ("zh", "nameZh") })
        {
            var text = (await anonymous.GetFromJsonAsync<JsonObject>($"/dashboard/i18n/{language}.json"))!;
            page.ChooseLanguage(language, text["title"]!.GetValue<string>());

            Assert.Equal(text["card.smes"]!.GetValue<string>(), page.CardLabel("smes"));
            Assert.Equal(text["card.youthJobsCreated"]!.GetValue<string>(), page.CardLabel("youthJobsCreated"));
            var expectedNames = byRegion.Select(r => regions.Single(g => g!["code"]!.GetValue<string>() == r!["region"]!.GetValue<string>())![nameKey]!.GetValue<string>()).ToList();
            Assert.Equal(expectedNames, page.Table("byRegion").Select(r => r.Label).ToList());

            // A refused filter shows the API's own message in the chosen language: the page sends Accept-Language.
            page.Script("document.getElementById('from').value = '2026-02-01'; document.getElementById('to').value = '2026-01-01'");
            browser.Driver.FindElement(OpenQA.Selenium.By.Id("apply")).Click();
            using var localized = browser.Client(await AgencyTokenAsync(), language);
            var refused = await localized.GetAsync("/api/v1/reports/summary?from=2026-02-01&to=2026-01-01");
            Assert.Equal(400, (int)refused.StatusCode);
            var problem = (await refused.Content.ReadFromJsonAsync<JsonObject>())!;
            var message = problem["errors"]!.AsObject().Single().Value![0]!.GetValue<string>();
            DashboardPage.Until(() => page.Problem().Contains(message, StringComparison.Ordinal), $"the {language} refusal '{message}'");
            page.Script("document.getElementById('from').value = ''; document.getElementById('to').value = ''");
            browser.Driver.FindElement(OpenQA.Selenium.By.Id("apply")).Click();
            page.WaitForQuery("");
            if (language == "ru")
                page.Screenshot("ru");
        }
    }

    [Fact]
    public async Task The_csv_download_is_the_matches_export_for_the_same_filters()
    {
        page.SignInAndWait(DemoAccounts.Agency.Email, DemoAccounts.Agency.Password);
        page.Filter("region", "KG-C");
        page.WaitForQuery("region=KG-C");
        foreach (var old in Directory.GetFiles(browser.Downloads))
            File.Delete(old);

        browser.Driver.FindElement(OpenQA.Selenium.By.Id("download")).Click();
        var file = Path.Combine(browser.Downloads, "matches.csv");
        DashboardPage.Until(() => File.Exists(file) && !Directory.GetFiles(browser.Downloads, "*.crdownload").Any(), "matches.csv to be downloaded");

        using var api = await AgencyClientAsync();
        var expected = await api.GetByteArrayAsync("/api/v1/reports/matches?region=KG-C&format=csv");
        var unfiltered = await api.GetByteArrayAsync("/api/v1/reports/matches?format=csv");
        var downloaded = await File.ReadAllBytesAsync(file);
        Assert.Equal(expected, downloaded);
        Assert.NotEqual(unfiltered.Length, downloaded.Length);
    }

    [Theory]
    [InlineData(1366, 768)]
    [InlineData(820, 1180)]
    [InlineData(1180, 820)]
    public void The_page_fits_a_laptop_and_a_tablet_without_sideways_scrolling(int width, int height)
    {
        var window = browser.Driver.Manage().Window;
        var size = window.Size;
        try
        {
            window.Size = new System.Drawing.Size(width, height);
            page.SignInAndWait(DemoAccounts.Agency.Email, DemoAccounts.Agency.Password);

            Assert.Equal(true, page.Script("return document.documentElement.scrollWidth <= document.documentElement.clientWidth"));
            Assert.Equal(true, page.Script("return [...document.querySelectorAll('canvas')].every(c => c.getBoundingClientRect().right <= document.documentElement.clientWidth)"));
        }
        finally
        {
            window.Size = size;
        }
    }

    [Fact]
    public async Task An_sme_is_refused_with_a_clear_message_and_sees_no_figures()
    {
        page.Open();
        page.SignIn(DemoAccounts.Sme.Email, DemoAccounts.Sme.Password);

        using var anonymous = browser.Client();
        var text = (await anonymous.GetFromJsonAsync<JsonObject>("/dashboard/i18n/en.json"))!;
        DashboardPage.Until(() => page.Problem() == text["roleRefused"]!.GetValue<string>(), "the refusal");
        Assert.False(page.BoardShown());
        Assert.Empty(page.Figures());
        Assert.Equal(0L, page.Script("return sessionStorage.length + localStorage.length"));
    }

    private async Task AssertFiguresEqualTheReportsAsync(HttpClient api, string query)
    {
        var summary = (await api.GetFromJsonAsync<JsonObject>("/api/v1/reports/summary" + query))!;
        var matches = summary["matches"]!.AsObject();
        var expected = new Dictionary<string, decimal?>
        {
            ["deals"] = DealStatuses.Sum(s => matches[s]!.GetValue<long>()),
        };
        foreach (var key in new[] { "smes", "openNeeds", "expiredNeeds", "requestedInvestmentUsd", "partners", "pendingProfiles", "matchesTotal", "agreements", "realisedInvestmentUsd", "jobsCreated", "youthJobsCreated", "medianDaysToAgreement" })
            expected[key] = summary[key]?.GetValue<decimal>();

        var shown = page.Figures();
        Assert.Equal(expected.Keys.Order(), shown.Keys.Order());
        foreach (var (key, value) in expected)
        {
            Assert.True(value == (shown[key].Value.Length == 0 ? null : decimal.Parse(shown[key].Value, CultureInfo.InvariantCulture)), $"{key}: page {shown[key].Value}, API {value}");
            if (value is { } number && number == decimal.Truncate(number))
                Assert.Equal(((long)number).ToString(CultureInfo.InvariantCulture), new string(shown[key].Shown.Where(char.IsDigit).ToArray()));
        }

        var byRegion = (await api.GetFromJsonAsync<JsonObject>("/api/v1/reports/by-region" + query))!["items"]!.AsArray();
        Assert.Equal(byRegion.Select(r => r!["smes"]!.GetValue<long>().ToString(CultureInfo.InvariantCulture)), page.Table("byRegion").Select(r => r.Values[0]));
        var bySector = (await api.GetFromJsonAsync<JsonObject>("/api/v1/reports/by-sector" + query))!["items"]!.AsArray();
        Assert.Equal(bySector.Select(r => r!["partners"]!.GetValue<long>().ToString(CultureInfo.InvariantCulture)), page.Table("bySector").Select(r => r.Values[1]));
        var byCity = (await api.GetFromJsonAsync<JsonObject>("/api/v1/reports/by-city" + query))!["items"]!.AsArray();
        Assert.Equal(byCity.Select(r => r!["matchesTotal"]!.GetValue<long>().ToString(CultureInfo.InvariantCulture)), page.Table("byCity").Select(r => r.Values[1]));
        var pipeline = (await api.GetFromJsonAsync<JsonObject>("/api/v1/reports/pipeline" + query))!["stages"]!.AsArray();
        Assert.Equal(pipeline.Select(r => r!["reached"]!.GetValue<long>().ToString(CultureInfo.InvariantCulture)), page.Table("pipeline").Select(r => r.Values[0]));
        var series = (await api.GetFromJsonAsync<JsonObject>("/api/v1/reports/timeseries" + (query.Length == 0 ? "?" : query + "&") + "interval=month"))!["items"]!.AsArray();
        Assert.Equal(series.Select(r => r!["period"]!.GetValue<string>()), page.Table("timeseries").Select(r => r.Label));
        Assert.Equal(series.Select(r => r!["newMatches"]!.GetValue<long>().ToString(CultureInfo.InvariantCulture)), page.Table("timeseries").Select(r => r.Values[3]));
        Assert.Equal(byRegion.Select(r => r!["jobsCreated"]!.GetValue<long>().ToString(CultureInfo.InvariantCulture)), page.Table("outcomes").Select(r => r.Values[1]));
        var declines = (await api.GetFromJsonAsync<JsonObject>("/api/v1/reports/decline-reasons" + query))!["items"]!.AsArray();
        Assert.Equal(declines.Where(d => d!["side"]!.GetValue<string>() == "partner").Sum(d => d!["count"]!.GetValue<long>()),
            page.Table("declineReasons").Sum(r => long.Parse(r.Values[1], CultureInfo.InvariantCulture)));
    }

    private async Task<string> AgencyTokenAsync()
    {
        using var client = browser.Client();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = DemoAccounts.Agency.Email, password = DemoAccounts.Agency.Password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
    }

    private async Task<HttpClient> AgencyClientAsync() => browser.Client(await AgencyTokenAsync());
}
