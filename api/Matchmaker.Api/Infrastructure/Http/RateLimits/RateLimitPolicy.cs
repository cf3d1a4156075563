namespace Matchmaker.Api.Infrastructure.Http.RateLimits;

/// <summary>One fixed-window limit: <see cref="PermitLimit"/> requests per <see cref="Window"/> for each partition.</summary>
internal sealed record RateLimitPolicy(string Name, int PermitLimit, TimeSpan Window, string PartitionedBy)
{
    public bool IsOn => PermitLimit > 0;

    public int WindowSeconds => (int)Window.TotalSeconds;
}

/// <summary>
/// The policies and their settings (<c>RateLimits:{Register,SignIn,Search,Write}:{PermitLimit,WindowSeconds}</c>).
/// <c>PermitLimit=0</c> turns a policy off. <c>signin-ip</c> has no settings of its own: it allows
/// three times the sign-in limit per client IP, over the same window.
/// </summary>
internal sealed class RateLimitPolicies
{
    public const string Register = "register";
    public const string SignIn = "signin";
    public const string SignInIp = "signin-ip";
    public const string Search = "search";
    public const string Write = "write";

    public const string ByClientIp = "client IP";
    public const string ByClientIpAndEmail = "client IP and e-mail";
    public const string ByAccount = "account";

    private const int SignInIpFactor = 3;

    private readonly Dictionary<string, RateLimitPolicy> policies;

    public RateLimitPolicies(IConfiguration configuration)
    {
        if (configuration.GetSection("Auth:TokenRateLimit").Exists())
            throw new InvalidOperationException("Auth:TokenRateLimit is no longer read: set RateLimits:SignIn:PermitLimit and RateLimits:SignIn:WindowSeconds instead.");
        var signIn = Read(configuration, "SignIn", SignIn, 10, 60, ByClientIpAndEmail);
        policies = new RateLimitPolicy[]
        {
            Read(configuration, "Register", Register, 20, 600, ByClientIp),
            signIn,
            signIn with { Name = SignInIp, PermitLimit = signIn.PermitLimit * SignInIpFactor, PartitionedBy = ByClientIp },
            Read(configuration, "Search", Search, 120, 60, ByAccount),
            Read(configuration, "Write", Write, 120, 60, ByAccount),
        }.ToDictionary(p => p.Name, StringComparer.Ordinal);
    }

    public RateLimitPolicy this[string name] => policies[name];

    public IEnumerable<RateLimitPolicy> All => policies.Values;

    private static RateLimitPolicy Read(IConfiguration configuration, string section, string name, int permits, int seconds, string partitionedBy)
    {
        var limit = Setting(configuration, $"RateLimits:{section}:PermitLimit", permits, 0);
        var window = Setting(configuration, $"RateLimits:{section}:WindowSeconds", seconds, 1);
        return new RateLimitPolicy(name, limit, TimeSpan.FromSeconds(window), partitionedBy);
    }

    /// <summary>A blank setting (e.g. an empty environment variable) means the default.</summary>
    private static int Setting(IConfiguration configuration, string key, int defaultValue, int min)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
            return defaultValue;
        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= min
            ? value
            : throw new InvalidOperationException($"{key} must be a whole number of at least {min}, not '{text}'.");
    }
}
