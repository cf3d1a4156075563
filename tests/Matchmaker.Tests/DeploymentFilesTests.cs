using System.Text.RegularExpressions;

namespace Matchmaker.Tests;

/// <summary>
/// docker-compose.yml and api/Dockerfile cannot be run here (no Docker engine), so what can drift
/// without anyone noticing is checked against the code: setting names, ports, health route, build inputs.
/// </summary>
public sealed partial class DeploymentFilesTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    private static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "deployment", name));

    private static readonly string Compose = Read("docker-compose.yml");
    private static readonly string Dockerfile = Read("Dockerfile");

    private static string ImagePort => Regex.Match(Dockerfile, @"ASPNETCORE_HTTP_PORTS=(\d+)").Groups[1].Value;

    [Fact]
    public void Every_setting_compose_gives_the_api_is_a_documented_setting()
    {
        var documented = DocumentedRow().Matches(Read("README.md"))
            .SelectMany(row => Regex.Matches(row.Groups[1].Value, "`([A-Za-z]+(?::[A-Za-z]+)+)`").Select(m => m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);
        var given = ComposeSetting().Matches(ApiService()).Select(m => m.Groups[1].Value.Replace("__", ":", StringComparison.Ordinal)).ToList();

        Assert.Contains("Database:Provider", given);
        Assert.Contains("ConnectionStrings:Matchmaker", given);
        Assert.Contains("Auth:SigningKey", given);
        Assert.All(given, key => Assert.Contains(key, documented));
    }

    [Fact]
    public void Compose_runs_the_api_on_sql_server_once_the_database_is_healthy()
    {
        var service = ApiService();
        Assert.Matches(@"Database__Provider:\s*SqlServer", service);
        Assert.Matches(@"ConnectionStrings__Matchmaker:\s*""Server=sqlserver,1433;", service);
        Assert.Matches(@"sqlserver:\s*\n\s*condition:\s*service_healthy", service);
        Assert.Matches(@"(?m)^  sqlserver:\s*\n(?:    .*\n)*?    healthcheck:", Compose);
    }

    [Fact]
    public void The_image_listens_on_the_port_compose_publishes()
    {
        var port = ImagePort;
        Assert.NotEmpty(port);
        Assert.Matches($@"EXPOSE {port}\b", Dockerfile);
        Assert.Contains($"\"8080:{port}\"", ApiService(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_image_health_check_calls_a_route_that_answers_when_the_database_does()
    {
        var check = Regex.Match(Dockerfile, @"HEALTHCHECK[^\n]*\\\n\s*CMD curl -fsS http://localhost:(\d+)(/\S+)");
        Assert.True(check.Success, "the Dockerfile has a curl HEALTHCHECK");
        Assert.Equal(ImagePort, check.Groups[1].Value);

        var response = await api.CreateClient().GetAsync(check.Groups[2].Value);
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("/health/ready", check.Groups[2].Value);
    }

    [Fact]
    public void The_image_build_copies_every_folder_the_api_embeds()
    {
        var embedded = Regex.Matches(Read("Matchmaker.Api.csproj"), @"EmbeddedResource Include=""\.\./\.\./([^/""]+)/")
            .Select(m => m.Groups[1].Value)
            .Distinct()
            .ToList();

        Assert.Equal(["db"], embedded);
        Assert.All(embedded, folder => Assert.Matches($@"(?m)^COPY {folder}/ {folder}/$", Dockerfile));
        Assert.Matches(@"(?m)^COPY Directory\.Build\.props Directory\.Packages\.props \./$", Dockerfile);
    }

    private static string ApiService()
    {
        var start = Compose.IndexOf("\n  api:\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "docker-compose.yml has an api service");
        var end = Regex.Match(Compose[(start + 1)..], @"\n\S").Index;
        return end > 0 ? Compose.Substring(start, end + 1) : Compose[start..];
    }

    /// <summary>The first cell of a row of the README's configuration table.</summary>
    [GeneratedRegex(@"^\| (`[A-Za-z]+:[^|]*)\|", RegexOptions.Multiline)]
    private static partial Regex DocumentedRow();

    [GeneratedRegex(@"^\s+([A-Za-z]+__[A-Za-z_]+):", RegexOptions.Multiline)]
    private static partial Regex ComposeSetting();
}
