using Matchmaker.Api.Features.Notifications.Email;
using Microsoft.Extensions.Configuration;

namespace Matchmaker.Tests.Features.Notifications.Email;

public sealed class EmailOptionsTests
{
    private static EmailOptions Read(Dictionary<string, string?> values) =>
        EmailOptions.From(new ConfigurationBuilder().AddInMemoryCollection(values).Build());

    [Fact]
    public void Without_a_host_email_is_off_and_the_documented_defaults_hold()
    {
        var options = Read([]);

        Assert.False(options.Enabled);
        Assert.Equal((587, true, 6), (options.SmtpPort, options.UseTls, options.DigestHourUtc));
        Assert.Equal([10, 30, 60, 120, 300], options.RetryDelays.Select(d => d.TotalSeconds));
        Assert.Equal(TimeSpan.FromMinutes(5), EmailRetry.After(options.RetryDelays, 40));
        Assert.Equal(TimeSpan.FromDays(7), options.RetryFor);
        Assert.Equal(TimeSpan.FromSeconds(30), options.SmtpTimeout);
    }

    [Fact]
    public void A_host_with_a_sender_turns_email_on()
    {
        var options = Read(new() { ["Email:SmtpHost"] = "smtp.example.org", ["Email:From"] = "Matchmaker <noreply@example.org>" });

        Assert.True(options.Enabled);
        Assert.Equal("noreply@example.org", options.Sender!.Address);
    }

    [Theory]
    [InlineData("Email:From", "Email:SmtpHost", "smtp.example.org")]
    [InlineData("Email:SmtpPort", "Email:SmtpPort", "70000")]
    [InlineData("Email:From", "Email:From", "not an address")]
    [InlineData("Email:DigestHourUtc", "Email:DigestHourUtc", "24")]
    [InlineData("Email:LinkBaseUrl", "Email:LinkBaseUrl", "/relative")]
    [InlineData("Email:PollSeconds", "Email:PollSeconds", "0")]
    [InlineData("Email:RetrySeconds", "Email:RetrySeconds:0", "-5")]
    [InlineData("Email:TimeoutSeconds", "Email:TimeoutSeconds", "0")]
    public void A_bad_setting_stops_start_up_naming_its_key(string named, string key, string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Read(new() { [key] = value }));

        Assert.Contains(named, error.Message);
    }
}
