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
    public void Compose_runs_the_api_on_sql_server_once_its_login_exists_on_a_healthy_server()
    {
        var service = ApiService();
        Assert.Matches(@"Database__Provider:\s*SqlServer", service);
        Assert.Matches(@"ConnectionStrings__Matchmaker:\s*""Server=sqlserver,1433;", service);
        Assert.Matches(@"sqlserver-setup:\s*\n\s*condition:\s*service_completed_successfully", service);
        Assert.Matches(@"sqlserver:\s*\n\s*condition:\s*service_healthy", Service("sqlserver-setup"));
        Assert.Matches(@"(?m)^  sqlserver:\s*\n(?:    .*\n)*?    healthcheck:", Compose);
    }

    [Fact]
    public void Compose_has_no_default_for_any_secret()
    {
        var references = ComposeVariable().Matches(Compose).Select(m => (Name: m.Groups[1].Value, Operator: m.Groups[2].Value)).ToList();
        var secrets = references.Where(r => SecretName().IsMatch(r.Name)).ToList();

        Assert.Contains(secrets, r => r.Name == "AUTH_SIGNING_KEY");
        Assert.Contains(secrets, r => r.Name == "MSSQL_SA_PASSWORD");
        Assert.Contains(secrets, r => r.Name == "MATCHMAKER_DB_PASSWORD");
        Assert.Contains(secrets, r => r.Name == "ADMIN_PASSWORD");
        Assert.All(secrets, r => Assert.True(r.Operator == ":?", $"${{{r.Name}}} must be required (:?), not defaulted"));
    }

    [Fact]
    public void The_api_connects_with_the_login_the_setup_script_creates_not_as_sa()
    {
        var connection = Regex.Match(ApiService(), @"ConnectionStrings__Matchmaker:\s*""([^""]+)""").Groups[1].Value;
        var user = Regex.Match(connection, "User Id=([^;]+);").Groups[1].Value;
        var setup = Service("sqlserver-setup");

        Assert.NotEqual("sa", user, StringComparer.OrdinalIgnoreCase);
        Assert.Contains($"ApiLogin={user} ", setup, StringComparison.Ordinal);
        Assert.Contains("./db/sqlserver-login:/setup:ro", setup, StringComparison.Ordinal);
        Assert.Contains("-i /setup/create-api-login.sql", setup, StringComparison.Ordinal);
    }

    [Fact]
    public void The_api_login_is_not_an_owner_or_administrator()
    {
        var script = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "db", "sqlserver-login", "create-api-login.sql"));
        var roles = Regex.Matches(script, @"(?m)^ALTER (?:SERVER )?ROLE (\w+) ADD MEMBER").Select(m => m.Groups[1].Value).ToList();

        Assert.Equal(["db_datareader", "db_datawriter", "db_ddladmin"], roles);
        Assert.DoesNotMatch(@"(?i)sysadmin|db_owner|CONTROL\s+SERVER|GRANT\s+ALL", script);
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

    private static string ApiService() => Service("api");

    private static string Service(string name)
    {
        var start = Compose.IndexOf($"\n  {name}:\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"docker-compose.yml has a {name} service");
        var end = Regex.Match(Compose[(start + 1)..], @"\n {0,2}\S").Index;
        return end > 0 ? Compose.Substring(start, end + 1) : Compose[start..];
    }

    /// <summary>The first cell of a row of the README's configuration table.</summary>
    [GeneratedRegex(@"^\| (`[A-Za-z]+:[^|]*)\|", RegexOptions.Multiline)]
    private static partial Regex DocumentedRow();

    /// <summary>A compose interpolation: its variable and its operator (<c>:-</c> default, <c>:?</c> required, or none).</summary>
    [GeneratedRegex(@"\$\{([A-Z_]+)(:[-?])?")]
    private static partial Regex ComposeVariable();

    [GeneratedRegex("PASSWORD|KEY|SECRET")]
    private static partial Regex SecretName();

    [GeneratedRegex(@"^\s+([A-Za-z]+__[A-Za-z_]+):", RegexOptions.Multiline)]
    private static partial Regex ComposeSetting();
}
