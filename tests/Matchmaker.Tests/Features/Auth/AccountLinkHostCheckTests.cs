using Matchmaker.Api.Features.Auth;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Matchmaker.Tests.Features.Auth;

/// <summary>An operator is warned at start-up when reset links could be pointed at another site by a forged Host header.</summary>
public sealed class AccountLinkHostCheckTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    [Theory]
    [InlineData(true, false, "*", false, true)]
    [InlineData(true, false, null, false, true)]
    [InlineData(true, false, "api.matchmaker.example;*", false, true)]
    [InlineData(true, true, "*", false, false)]
    [InlineData(true, false, "api.matchmaker.example", false, false)]
    [InlineData(false, false, "*", false, false)]
    [InlineData(true, false, "*", true, false)]
    public void Warns_only_when_mailed_links_take_any_requests_host_outside_development(bool mailing, bool hasPublicUrl, string? allowedHosts, bool development, bool warns)
    {
        var warning = AccountLinkHostCheck.Warning(mailing, hasPublicUrl, allowedHosts, development);

        Assert.Equal(warns, warning is not null);
        if (warns)
            Assert.Contains("App:PublicUrl", warning);
    }

    [Fact]
    public void The_check_runs_at_start_up()
    {
        Assert.Single(api.App.Services.GetServices<IHostedService>().OfType<AccountLinkHostCheck>());
    }
}
