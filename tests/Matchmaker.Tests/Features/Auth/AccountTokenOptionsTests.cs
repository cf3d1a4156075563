using Matchmaker.Api.Features.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Matchmaker.Tests.Features.Auth;

public sealed class AccountTokenOptionsTests
{
    private static IConfiguration Config(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    [Theory]
    [InlineData(null, null, false)]
    [InlineData("smtp.example.org", null, true)]
    [InlineData("smtp.example.org", "false", false)]
    [InlineData(null, "true", true)]
    [InlineData("", " ", false)]
    public void A_verified_address_is_required_by_default_exactly_when_email_is_on(string? host, string? setting, bool required)
    {
        var options = EmailVerificationOptions.From(Config(new() { ["Email:SmtpHost"] = host, ["Auth:RequireVerifiedEmail"] = setting }));

        Assert.Equal(required, options.RequireVerifiedEmail);
    }

    [Fact]
    public void Require_verified_email_that_is_not_a_boolean_stops_start_up_naming_the_key()
    {
        var error = Assert.Throws<InvalidOperationException>(() => EmailVerificationOptions.From(Config(new() { ["Auth:RequireVerifiedEmail"] = "sometimes" })));

        Assert.Contains("Auth:RequireVerifiedEmail", error.Message);
    }

    [Fact]
    public void The_documented_defaults_hold()
    {
        var options = AccountTokenOptions.From(Config([]));

        Assert.Equal(TimeSpan.FromDays(7), options.VerifyTokenLifetime);
        Assert.Equal(TimeSpan.FromHours(1), options.ResetTokenLifetime);
        Assert.Null(options.PublicUrl);
        Assert.Equal(options, AccountTokenOptions.Defaults);
    }

    [Fact]
    public void Lifetimes_are_read_as_time_spans_and_the_public_url_replaces_the_requests_host()
    {
        var options = AccountTokenOptions.From(Config(new()
        {
            ["Auth:VerifyTokenLifetime"] = "2.00:00:00",
            ["Auth:ResetTokenLifetime"] = "00:15:00",
            ["App:PublicUrl"] = "https://app.example.org/matchmaker/",
        }));
        var request = new DefaultHttpContext().Request;
        request.Scheme = "http";
        request.Host = new HostString("internal-api:8080");

        Assert.Equal(TimeSpan.FromDays(2), options.LifetimeOf(AccountTokens.Purposes.VerifyEmail));
        Assert.Equal(TimeSpan.FromMinutes(15), options.LifetimeOf(AccountTokens.Purposes.PasswordReset));
        Assert.Equal("https://app.example.org/matchmaker", options.LinkBase(request));
        Assert.Equal("http://internal-api:8080", AccountTokenOptions.Defaults.LinkBase(request));
    }

    [Theory]
    [InlineData("Auth:VerifyTokenLifetime", "seven days")]
    [InlineData("Auth:VerifyTokenLifetime", "00:00:00")]
    [InlineData("Auth:ResetTokenLifetime", "-01:00:00")]
    [InlineData("App:PublicUrl", "app.example.org")]
    [InlineData("App:PublicUrl", "ftp://app.example.org")]
    [InlineData("App:PublicUrl", "https://app.example.org/?x=1")]
    public void A_bad_value_stops_start_up_naming_its_key(string key, string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => AccountTokenOptions.From(Config(new() { [key] = value })));

        Assert.Contains(key, error.Message);
    }
}
