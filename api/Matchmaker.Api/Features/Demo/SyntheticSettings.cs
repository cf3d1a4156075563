using System.Globalization;

namespace Matchmaker.Api.Features.Demo;

/// <summary>
/// <c>Seed:Synthetic:*</c>: a generated world of any size, loaded into an empty database at start-up
/// for load and performance work. Its accounts get a random password nobody knows, so nobody can
/// sign in to them and it is allowed in every environment.
/// </summary>
internal static class SyntheticSettings
{
    public const string Section = "Seed:Synthetic";
    public const string SmesKey = Section + ":Smes";
    public const string NeedsKey = Section + ":Needs";
    public const string PartnersKey = Section + ":Partners";
    public const string RandomSeedKey = Section + ":RandomSeed";

    public const int MaxSmes = 100_000;
    public const int MaxNeedsPerSme = 10;
    public const int MaxPartners = 1_000_000;

    /// <summary>True when any of the counts is set, even to 0: then the demo data set is off unless asked for (and refused if asked for).</summary>
    public static bool IsRequested(IConfiguration configuration) =>
        new[] { SmesKey, NeedsKey, PartnersKey }.Any(key => !string.IsNullOrWhiteSpace(configuration[key]));

    /// <summary>The world to generate, or null when none is asked for; stops start-up on a count or seed out of bounds.</summary>
    public static (WorldSize Size, int Seed)? Read(IConfiguration configuration)
    {
        if (!IsRequested(configuration))
            return null;
        var smes = Count(configuration, SmesKey, MaxSmes);
        var needs = Count(configuration, NeedsKey, MaxNeedsPerSme * MaxSmes);
        if (needs > 0 && smes == 0)
            throw new InvalidOperationException($"{NeedsKey}={needs} needs SMEs to belong to: set {SmesKey} to at least 1.");
        if (needs > MaxNeedsPerSme * smes)
            throw new InvalidOperationException($"{NeedsKey} must be at most {MaxNeedsPerSme} per SME, {MaxNeedsPerSme * smes} for {SmesKey}={smes}; got {needs}.");
        var partners = Count(configuration, PartnersKey, MaxPartners);
        var seed = configuration[RandomSeedKey] is { } text && !string.IsNullOrWhiteSpace(text)
            ? int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new InvalidOperationException($"{RandomSeedKey} must be a whole number from {int.MinValue} to {int.MaxValue}; got '{text}'.")
            : DemoWorld.Seed;
        return (new WorldSize(smes, needs, partners), seed);
    }

    /// <summary>Stops start-up on settings out of bounds, and when the demo data set is asked for as well: a database holds one world.</summary>
    public static void EnsureValid(IConfiguration configuration)
    {
        if (Read(configuration) is not null && configuration.GetValue<bool?>(DemoSettings.Key) == true)
            throw new InvalidOperationException(
                $"{DemoSettings.Key}=true and {Section}:* cannot both be set: a database holds either the demo data set or a synthetic world.");
    }

    private static int Count(IConfiguration configuration, string key, int max)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
            return 0;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count > max)
            throw new InvalidOperationException($"{key} must be a whole number from 0 to {max}; got '{text}'.");

        return count;
    }
}
