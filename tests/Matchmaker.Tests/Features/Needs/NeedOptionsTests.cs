namespace Matchmaker.Tests.Features.Needs;

public sealed class NeedOptionsTests
{
    [Theory]
    [InlineData("Needs:Validity", "half a year")]
    [InlineData("Needs:Validity", "0")]
    [InlineData("Needs:Validity", "-1.00:00:00")]
    [InlineData("Needs:ReminderBefore", "-00:00:01")]
    [InlineData("Needs:ReminderBefore", "200.00:00:00")]
    [InlineData("Needs:SweepInterval", "00:00:00")]
    [InlineData("Needs:SweepInterval", "soon")]
    public void A_bad_need_setting_stops_start_up_naming_the_key(string key, string value)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Matchmaker"] = $"Data Source={Path.Combine(Path.GetTempPath(), "matchmaker-tests", Guid.NewGuid().ToString("N"), "m.db")}",
            ["Auth:SigningKey"] = ApiFixture.SigningKey,
            [key] = value,
        };
        using var app = new TestApp(settings);

        var error = Assert.ThrowsAny<InvalidOperationException>(() => app.CreateClient());

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }
}
