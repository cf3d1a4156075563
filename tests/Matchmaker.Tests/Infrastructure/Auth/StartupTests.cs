using Matchmaker.Api.Features.Partners;

namespace Matchmaker.Tests.Infrastructure.Auth;

public sealed class StartupTests
{
    [Fact]
    public void Outside_development_a_missing_signing_key_stops_start_up_naming_the_setting()
    {
        var directory = Path.Combine(Path.GetTempPath(), "matchmaker-tests", Guid.NewGuid().ToString("N"));
        using var app = new TestApp(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Matchmaker"] = $"Data Source={Path.Combine(directory, "m.db")}",
        }, environment: "Production");

        var error = Assert.ThrowsAny<InvalidOperationException>(() => app.CreateClient());

        Assert.Contains("Auth:SigningKey", error.Message);
    }

    [Fact]
    public void A_short_signing_key_is_refused_at_start_up()
    {
        using var app = new TestApp(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Matchmaker"] = $"Data Source={Path.Combine(Path.GetTempPath(), "matchmaker-tests", Guid.NewGuid().ToString("N"), "m.db")}",
            ["Auth:SigningKey"] = "too-short",
        }, environment: "Production");

        var error = Assert.ThrowsAny<InvalidOperationException>(() => app.CreateClient());

        Assert.Contains("Auth:SigningKey", error.Message);
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcde", false)] // 31 bytes
    [InlineData("0123456789abcdef0123456789abcdef", true)] // 32 bytes
    [InlineData("签名密钥签名密钥签名密", true)] // 11 characters, 33 UTF-8 bytes
    [InlineData("签名密钥签名密钥签名", false)] // 10 characters, 30 UTF-8 bytes
    public void The_signing_key_minimum_counts_utf8_bytes(string key, bool starts)
    {
        using var app = new TestApp(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Matchmaker"] = $"Data Source={Path.Combine(Path.GetTempPath(), "matchmaker-tests", Guid.NewGuid().ToString("N"), "m.db")}",
            ["Auth:SigningKey"] = key,
            ["Seed:Demo"] = "false",
        }, environment: "Production");

        if (starts)
        {
            using var client = app.CreateClient();
            return;
        }

        var error = Assert.ThrowsAny<InvalidOperationException>(() => app.CreateClient());
        Assert.Contains("Auth:SigningKey", error.Message);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    [InlineData("Testing")]
    public void Asking_for_the_demo_data_set_outside_development_stops_start_up(string environment)
    {
        using var app = new TestApp(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Matchmaker"] = $"Data Source={Path.Combine(Path.GetTempPath(), "matchmaker-tests", Guid.NewGuid().ToString("N"), "m.db")}",
            ["Auth:SigningKey"] = ApiFixture.SigningKey,
            ["Seed:Demo"] = "true",
        }, environment);

        var error = Assert.ThrowsAny<InvalidOperationException>(() => app.CreateClient());

        Assert.Contains("Seed:Demo", error.Message);
        Assert.Contains(environment, error.Message);
    }

    [Fact]
    public void An_unknown_database_provider_is_refused_at_start_up()
    {
        using var app = new TestApp(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Oracle",
            ["Auth:SigningKey"] = ApiFixture.SigningKey,
        });

        var error = Assert.ThrowsAny<InvalidOperationException>(() => app.CreateClient());

        Assert.Contains("Database:Provider", error.Message);
    }

    [Theory]
    [InlineData("91350100M000100Y43", true)]
    [InlineData("91350100M000100Y44", false)]
    [InlineData("91350100M000100Y4A", false)]
    public void The_uscc_check_character_follows_gb_32100(string code, bool valid)
    {
        Assert.Equal(valid, Uscc.HasValidCheckCharacter(code));
    }

    [Fact]
    public void A_known_valid_fujian_code_is_not_shandong()
    {
        Assert.False(Uscc.IsShandong("91350100M000100Y43"));
        Assert.True(Uscc.IsShandong(Bodies.Uscc("371200")));
    }
}
