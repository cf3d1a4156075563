namespace Matchmaker.Api.Features.Matching.Outcomes.Reminders;

/// <summary>
/// The <c>Outcomes</c> section: <c>FollowUpMonths</c>, when after a deal's agreement its parties are asked for
/// the outcome (default 3, 6 and 12 months), and <c>SweepInterval</c>, how often each instance looks for due ones.
/// </summary>
internal sealed record OutcomeOptions(IReadOnlyList<int> FollowUpMonths, TimeSpan SweepInterval)
{
    public static readonly int[] DefaultFollowUpMonths = [3, 6, 12];

    public static OutcomeOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Outcomes");
        var months = section.GetSection("FollowUpMonths").Get<int[]>() is { Length: > 0 } given ? given : DefaultFollowUpMonths;
        if (months.Any(m => m is < 1 or > 120) || months.Zip(months.Skip(1)).Any(p => p.First >= p.Second))
            throw new InvalidOperationException($"Outcomes:FollowUpMonths must list rising month counts from 1 to 120, not [{string.Join(", ", months)}].");
        var interval = section.GetValue("SweepInterval", TimeSpan.FromMinutes(15));
        if (interval <= TimeSpan.Zero)
            throw new InvalidOperationException($"Outcomes:SweepInterval must be longer than zero, not {interval}.");
        return new OutcomeOptions(months, interval);
    }

    /// <summary>When step <paramref name="step"/> (1-based; 0 is the agreement itself) falls due.</summary>
    public DateTime DueAt(DateTime agreedAt, int step) => step == 0 ? agreedAt : agreedAt.AddMonths(FollowUpMonths[step - 1]);
}
