using System.Diagnostics;
using System.Net.Http.Json;
using Matchmaker.Tests.Features.Notifications.Email;

namespace Matchmaker.Tests.Features.Auth;

/// <summary>
/// Over HTTP, with e-mail on, a reset request for a registered address and one for an unknown address take the
/// same time: medians of interleaved samples (so drift and load hit both alike) within a generous bound.
/// </summary>
public sealed class PasswordResetTimingTests(MailSqliteApi api, ITestOutputHelper output) : IClassFixture<MailSqliteApi>
{
    private const int Samples = 40;
    private const double MaxRatio = 2.0;

    [Fact]
    public async Task A_known_and_an_unknown_address_are_answered_in_the_same_time()
    {
        var known = await api.UserAsync("sme");
        var unknown = api.UniqueEmail("nobody");
        var client = api.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            await TimeAsync(client, known.Email);
            await TimeAsync(client, unknown);
        }

        List<double> knownTimes = [], unknownTimes = [];
        for (var i = 0; i < Samples; i++)
        {
            // Alternate which goes first, so neither always follows the other's after-effects (the mail dispatcher's writes).
            if (i % 2 == 0)
            {
                knownTimes.Add(await TimeAsync(client, known.Email));
                unknownTimes.Add(await TimeAsync(client, unknown));
            }
            else
            {
                unknownTimes.Add(await TimeAsync(client, unknown));
                knownTimes.Add(await TimeAsync(client, known.Email));
            }
        }

        var (k, u) = (Median(knownTimes), Median(unknownTimes));
        output.WriteLine($"password reset answer time, median of {Samples}: known address {k:0.00} ms, unknown address {u:0.00} ms, ratio {Math.Max(k, u) / Math.Min(k, u):0.00}");
        Assert.True(Math.Max(k, u) / Math.Min(k, u) < MaxRatio, $"known {k:0.00} ms against unknown {u:0.00} ms");
    }

    private static async Task<double> TimeAsync(HttpClient client, string email)
    {
        var watch = Stopwatch.StartNew();
        var response = await client.PostAsJsonAsync("/api/v1/auth/password-reset", new { email });
        watch.Stop();
        await Expect.StatusAsync(response, 202);
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return (sorted[(sorted.Count - 1) / 2] + sorted[sorted.Count / 2]) / 2;
    }
}
