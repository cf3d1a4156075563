using System.Globalization;

namespace Matchmaker.Api.Features.Needs;

/// <summary>The <c>Needs</c> configuration section: how long a need stays open, when its reminder is due, how often expiry is swept.</summary>
internal sealed record NeedOptions(TimeSpan Validity, TimeSpan ReminderBefore, TimeSpan SweepInterval)
{
    public const string ValidityKey = "Needs:Validity";
    public const string ReminderBeforeKey = "Needs:ReminderBefore";
    public const string SweepIntervalKey = "Needs:SweepInterval";

    public static readonly NeedOptions Defaults = new(TimeSpan.FromDays(180), TimeSpan.FromDays(14), TimeSpan.FromMinutes(5));

    /// <summary>Reads and checks the section; a value that is not a positive time span stops start-up naming its key.</summary>
    public static NeedOptions From(IConfiguration configuration)
    {
        var validity = Span(configuration, ValidityKey, Defaults.Validity, allowZero: false);
        var reminder = Span(configuration, ReminderBeforeKey, Defaults.ReminderBefore, allowZero: true);
        if (reminder >= validity)
            throw new InvalidOperationException($"{ReminderBeforeKey} must be shorter than {ValidityKey} ({validity:c}); got '{reminder:c}'.");
        return new NeedOptions(validity, reminder, Span(configuration, SweepIntervalKey, Defaults.SweepInterval, allowZero: false));
    }

    private static TimeSpan Span(IConfiguration configuration, string key, TimeSpan fallback, bool allowZero)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
            return fallback;
        var minimum = allowZero ? "0" : "greater than 0";
        return TimeSpan.TryParse(text.Trim(), CultureInfo.InvariantCulture, out var value) && (value > TimeSpan.Zero || (allowZero && value == TimeSpan.Zero))
            ? value
            : throw new InvalidOperationException($"{key} must be a time span such as 180.00:00:00 (days.hours:minutes:seconds), {minimum}; got '{text}'.");
    }
}
