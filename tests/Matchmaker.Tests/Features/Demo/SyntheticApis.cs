namespace Matchmaker.Tests.Features.Demo;

/// <summary>
/// The app with a small synthetic world (<c>Seed:Synthetic:*</c>) loaded into a fresh database at start-up,
/// in the Production environment: a synthetic world has no account anyone can sign in to, so it is allowed there.
/// </summary>
public class SyntheticSqliteApi : SqliteApi
{
    public const int Smes = 40;
    public const int Needs = 80;
    public const int Partners = 300;

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => Settings;

    protected override string HostEnvironment => "Production";

    /// <summary>The world's settings; <see cref="RandomSeed"/> null leaves the key unset.</summary>
    protected virtual int? RandomSeed => null;

    public virtual bool Synthetic => true;

    private Dictionary<string, string?> Settings
    {
        get
        {
            if (!Synthetic)
                return [];
            var settings = new Dictionary<string, string?>
            {
                ["Seed:Synthetic:Smes"] = $"{Smes}",
                ["Seed:Synthetic:Needs"] = $"{Needs}",
                ["Seed:Synthetic:Partners"] = $"{Partners}",
            };
            if (RandomSeed is { } seed)
                settings["Seed:Synthetic:RandomSeed"] = $"{seed}";
            return settings;
        }
    }
}

/// <summary>The same world from another <c>Seed:Synthetic:RandomSeed</c>.</summary>
public sealed class ReseededSyntheticSqliteApi : SyntheticSqliteApi
{
    protected override int? RandomSeed => 7;
}

/// <summary>Starts with no synthetic world; set <see cref="Enabled"/> and restart to ask for one.</summary>
public sealed class SwitchableSyntheticSqliteApi : SyntheticSqliteApi
{
    public bool Enabled { get; set; }

    public override bool Synthetic => Enabled;
}
