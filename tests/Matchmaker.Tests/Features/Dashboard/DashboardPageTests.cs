using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Matchmaker.Tests.Features.Dashboard;

/// <summary>The dashboard's files as the API serves them: the policy, the absence of inline script, the vendored library, the texts.</summary>
public sealed partial class DashboardPageTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    private static readonly string[] Languages = ["en", "ru", "zh"];

    [Fact]
    public async Task The_page_is_served_with_a_content_security_policy_that_forbids_inline_and_foreign_script()
    {
        var response = await api.CreateClient().GetAsync("/dashboard");

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        var directives = policy.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d.Split(' ')[1..]);
        Assert.Equal(["'self'"], directives["default-src"]);
        Assert.Equal(["'self'"], directives["script-src"]);
        Assert.DoesNotContain("unsafe", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public async Task The_page_has_no_inline_script_or_handler_and_loads_nothing_from_another_host()
    {
        var client = api.CreateClient();
        var html = await client.GetStringAsync("/dashboard");

        var scripts = ScriptTag().Matches(html).Select(m => m.Value).ToList();
        Assert.NotEmpty(scripts);
        Assert.All(scripts, tag => Assert.Matches("src=\"/dashboard/[^\"]+\"", tag));
        Assert.DoesNotMatch(InlineScriptBody(), html);
        Assert.DoesNotMatch(EventHandlerAttribute(), html);
        Assert.DoesNotContain("style=", html, StringComparison.Ordinal);
        var references = Reference().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.All(references, r => Assert.StartsWith("/dashboard/", r, StringComparison.Ordinal));
        foreach (var reference in references)
        {
            var asset = await client.GetAsync(reference);
            Assert.True(asset.IsSuccessStatusCode, $"{reference} answered {(int)asset.StatusCode}");
            Assert.True(asset.Headers.Contains("Content-Security-Policy"), $"{reference} has no policy");
        }

        var script = await client.GetStringAsync("/dashboard/app.js");
        Assert.DoesNotContain("localStorage", script, StringComparison.Ordinal);
        Assert.DoesNotContain("sessionStorage", script, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", script, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_vendored_chart_library_is_the_file_recorded_with_its_version_and_hash()
    {
        var folder = Path.Combine(RepositoryRoot(), "api", "Matchmaker.Api", "Features", "Dashboard");
        var record = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "vendor.json")))!;
        var pinned = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "package.json")))!["devDependencies"]!["chart.js"]!.GetValue<string>();
        var locked = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "package-lock.json")))!["packages"]!["node_modules/chart.js"]!["version"]!.GetValue<string>();

        var served = await api.CreateClient().GetByteArrayAsync("/dashboard/" + record["file"]!.GetValue<string>());

        Assert.Equal(record["sha256"]!.GetValue<string>(), Convert.ToHexStringLower(SHA256.HashData(served)));
        Assert.Equal(record["version"]!.GetValue<string>(), pinned);
        Assert.Equal(pinned, locked);
        Assert.Contains($"Chart.js v{pinned}", System.Text.Encoding.UTF8.GetString(served, 0, 200), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_label_of_the_page_is_in_en_ru_and_zh()
    {
        var client = api.CreateClient();
        var texts = new Dictionary<string, JsonObject>();
        foreach (var language in Languages)
            texts[language] = JsonNode.Parse(await client.GetStringAsync($"/dashboard/i18n/{language}.json"))!.AsObject();
        var html = await client.GetStringAsync("/dashboard");
        var script = await client.GetStringAsync("/dashboard/app.js");

        var used = DataI18n().Matches(html).Select(m => m.Groups[1].Value)
            .Concat(TextKey().Matches(script).Select(m => m.Groups[1].Value))
            .Distinct().ToList();
        Assert.NotEmpty(used);
        foreach (var language in Languages)
        {
            Assert.Equal(texts["en"].Select(p => p.Key).Order(), texts[language].Select(p => p.Key).Order());
            Assert.All(used, key => Assert.True(texts[language].ContainsKey(key), $"{language}.json has no '{key}'"));
            Assert.All(texts[language], p => Assert.False(string.IsNullOrWhiteSpace(p.Value!.GetValue<string>()), $"{language}.json '{p.Key}' is empty"));
        }

        Assert.NotEqual(texts["en"]["roleRefused"]!.GetValue<string>(), texts["ru"]["roleRefused"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unknown_dashboard_file_is_a_404_problem()
    {
        var response = await api.CreateClient().GetAsync("/dashboard/secrets.json");

        Assert.Equal(404, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_dashboard_route()
    {
        var doc = await Expect.StatusAsync(await api.CreateClient().GetAsync("/openapi/v1.json"), 200);

        var operation = doc["paths"]!["/dashboard"]!["get"]!;
        Assert.Equal("getDashboard", operation["operationId"]!.GetValue<string>());
        Assert.Contains("Content-Security-Policy", operation["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(operation["responses"]!["200"]!["content"]!["text/html"]);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Matchmaker.sln")))
                return dir.FullName;
        }

        throw new InvalidOperationException("The tests run outside the repository.");
    }

    [GeneratedRegex("<script\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();

    [GeneratedRegex("<script\\b[^>]*>\\s*[^<\\s]", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScriptBody();

    [GeneratedRegex("\\son[a-z]+\\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandlerAttribute();

    [GeneratedRegex("(?:src|href)=\"([^\"]+)\"", RegexOptions.IgnoreCase)]
    private static partial Regex Reference();

    [GeneratedRegex("data-i18n=\"([^\"]+)\"")]
    private static partial Regex DataI18n();

    [GeneratedRegex("\\bt\\('([A-Za-z.]+)'\\)")]
    private static partial Regex TextKey();
}
