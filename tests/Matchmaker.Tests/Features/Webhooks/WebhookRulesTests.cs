using Matchmaker.Api.Features.Webhooks;
using Matchmaker.Api.Infrastructure.Auth;
using Microsoft.Extensions.Configuration;

namespace Matchmaker.Tests.Features.Webhooks;

public sealed class WebhookRulesTests
{
    // Settled details, "Webhooks.": who ever receives each event.
    [Theory]
    [InlineData("match.suggested", "sme partner")]
    [InlineData("match.interest", "sme partner agency admin")]
    [InlineData("match.mutual", "sme partner agency admin")]
    [InlineData("match.stage_changed", "sme partner agency admin")]
    [InlineData("match.declined", "sme partner agency admin")]
    [InlineData("need.expiring", "sme agency admin")]
    [InlineData("need.expired", "sme agency admin")]
    [InlineData("outcome.due", "sme partner agency admin")]
    [InlineData("outcome.recorded", "sme partner agency admin")]
    [InlineData("job.completed", "agency admin")]
    [InlineData("profile.verified", "sme partner agency admin")]
    [InlineData("profile.rejected", "sme partner agency admin")]
    [InlineData("profile.pending", "agency admin")]
    public void Each_event_reaches_exactly_the_roles_the_design_names(string eventName, string roles)
    {
        var expected = roles.Split(' ');

        Assert.Equal(expected, AppRoles.All.Where(role => WebhookEvents.Reaches(eventName, role)));
        Assert.False(WebhookEvents.Reaches(eventName, null));
    }

    [Fact]
    public void There_are_exactly_the_thirteen_documented_events() => Assert.Equal(13, WebhookEvents.All.Length);

    [Theory]
    [InlineData("appsettings.json", false)]
    [InlineData("appsettings.Development.json", true)]
    public void Private_networks_are_allowed_in_development_only(string file, bool allowed)
    {
        var configuration = new ConfigurationBuilder().SetBasePath(AppContext.BaseDirectory).AddJsonFile("appsettings.json").AddJsonFile(file).Build();

        Assert.Equal(allowed, WebhookOptions.From(configuration).AllowPrivateNetworks);
    }

    [Fact]
    public void A_new_secret_is_whsec_and_the_base64_of_32_random_bytes()
    {
        var secret = WebhookSecret.New();

        Assert.Matches(WebhookSecret.Pattern, secret);
        Assert.Equal(32, Convert.FromBase64String(secret[WebhookSecret.Prefix.Length..]).Length);
        Assert.NotEqual(secret, WebhookSecret.New());
    }
}
