using System.Globalization;
using Matchmaker.Api.Features.Notifications.Email;

namespace Matchmaker.Tests.Features.Notifications.Email;

public sealed class EmailDigestTimeTests
{
    [Theory]
    [InlineData("2026-11-26T05:59:59", 6, "2026-11-25T06:00:00")]
    [InlineData("2026-11-26T06:00:00", 6, "2026-11-26T06:00:00")]
    [InlineData("2026-11-26T23:30:00", 6, "2026-11-26T06:00:00")]
    [InlineData("2026-01-01T00:10:00", 23, "2025-12-31T23:00:00")]
    public void A_digest_covers_everything_up_to_the_latest_digest_hour_that_has_passed(string now, int hour, string expected)
    {
        static DateTime Utc(string s) => DateTime.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

        Assert.Equal(Utc(expected), EmailDigests.LatestDigestTime(Utc(now), hour));
    }
}
