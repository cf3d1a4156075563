using Matchmaker.Api.Features.Matching.Engine;

namespace Matchmaker.Api.Features.Matching.Scoring;

/// <summary>
/// Versioned scoring profiles. Readers see the <em>active</em> version (the newest one a re-score
/// job completed); a newer, not yet activated version is <em>pending</em> while its job runs.
/// </summary>
internal static class ProfileStore
{
    public const string ActiveVersionSql = "SELECT MAX(version) FROM scoring_profiles WHERE activated_at IS NOT NULL";

    private const string LatestVersionSql = "SELECT MAX(version) FROM scoring_profiles";

    private const string PendingVersionSql = """
        SELECT MAX(p.version) FROM scoring_profiles p
        WHERE p.activated_at IS NULL
          AND p.version > (SELECT MAX(a.version) FROM scoring_profiles a WHERE a.activated_at IS NOT NULL)
          AND EXISTS (SELECT 1 FROM jobs j WHERE j.criteria_version = p.version AND j.status IN ('queued', 'running'))
        """;

    private const string ProfileSql = """
        SELECT version AS Version, min_score AS MinScore, max_per_need AS MaxPerNeed, max_per_partner AS MaxPerPartner,
               created_at AS CreatedAt, activated_at AS ActivatedAt
        FROM scoring_profiles WHERE version = @Version
        """;

    private const string CriteriaSql = """
        SELECT criterion_key AS CriterionKey, weight AS Weight, is_required AS IsRequired, is_enabled AS IsEnabled
        FROM scoring_criteria WHERE version = @Version ORDER BY position
        """;

    private const string InsertProfileSql = """
        INSERT INTO scoring_profiles (version, min_score, max_per_need, max_per_partner, created_at, created_by, activated_at)
        VALUES (@Version, @MinScore, @MaxPerNeed, @MaxPerPartner, @Now, @CreatedBy, NULL)
        """;

    private const string InsertCriterionSql = """
        INSERT INTO scoring_criteria (version, criterion_key, position, weight, is_required, is_enabled)
        VALUES (@Version, @Key, @Position, @Weight, @Required, @Enabled)
        """;

    private const string ActivateSql = "UPDATE scoring_profiles SET activated_at = @Now WHERE version = @Version";

    public static Task<int> ActiveVersionAsync(DbConnection connection, DbTransaction? tx, CancellationToken ct) =>
        connection.ExecuteScalarAsync<int>(new CommandDefinition(ActiveVersionSql, transaction: tx, cancellationToken: ct));

    public static Task<int> LatestVersionAsync(DbConnection connection, DbTransaction? tx, CancellationToken ct) =>
        connection.ExecuteScalarAsync<int>(new CommandDefinition(LatestVersionSql, transaction: tx, cancellationToken: ct));

    /// <summary>The version a running or queued re-score job is building, if any.</summary>
    public static Task<int?> PendingVersionAsync(DbConnection connection, DbTransaction? tx, CancellationToken ct) =>
        connection.ExecuteScalarAsync<int?>(new CommandDefinition(PendingVersionSql, transaction: tx, cancellationToken: ct));

    public static async Task<StoredProfile?> FindAsync(DbConnection connection, DbTransaction? tx, int version, CancellationToken ct)
    {
        var row = await connection.QuerySingleOrDefaultAsync<ProfileRow>(new CommandDefinition(ProfileSql, new { Version = version }, tx, cancellationToken: ct));
        if (row is null)
            return null;
        var criteria = await connection.QueryAsync<CriterionRow>(new CommandDefinition(CriteriaSql, new { Version = version }, tx, cancellationToken: ct));
        var profile = new ScoringProfile(row.Version, row.MinScore, row.MaxPerNeed, row.MaxPerPartner,
            criteria.Select(c => new CriterionSetting(c.CriterionKey, c.Weight, c.IsRequired, c.IsEnabled)).ToList());
        return new StoredProfile(profile, row.CreatedAt, row.ActivatedAt);
    }

    /// <summary>The versions a write must keep current: the active one first and, while a job builds it, the pending one.</summary>
    public static async Task<IReadOnlyList<ScoringProfile>> CurrentAsync(DbConnection connection, DbTransaction? tx, CancellationToken ct)
    {
        var active = await ActiveVersionAsync(connection, tx, ct);
        var pending = await PendingVersionAsync(connection, tx, ct);
        var versions = pending is { } p && p != active ? new[] { active, p } : [active];
        var profiles = new List<ScoringProfile>();
        foreach (var version in versions)
            profiles.Add((await FindAsync(connection, tx, version, ct))!.Profile);
        return profiles;
    }

    /// <summary>Stores a new, not yet active version with its criteria in <see cref="CriterionKeys"/> order.</summary>
    public static async Task InsertAsync(DbConnection connection, DbTransaction tx, ScoringProfile profile, Guid? createdBy, DateTime now, CancellationToken ct)
    {
        await connection.ExecuteAsync(new CommandDefinition(InsertProfileSql, new
        {
            profile.Version,
            profile.MinScore,
            profile.MaxPerNeed,
            profile.MaxPerPartner,
            Now = now,
            CreatedBy = createdBy,
        }, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(InsertCriterionSql, profile.Criteria.Select(c => new
        {
            profile.Version,
            c.Key,
            Position = CriterionKeys.IndexOf(c.Key),
            c.Weight,
            c.Required,
            c.Enabled,
        }).ToList(), tx, cancellationToken: ct));
    }

    /// <summary>Makes <paramref name="version"/> the one readers see.</summary>
    public static Task ActivateAsync(DbConnection connection, DbTransaction tx, int version, DateTime now, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(ActivateSql, new { Version = version, Now = now }, tx, cancellationToken: ct));

    private sealed record ProfileRow
    {
        public int Version { get; init; }
        public decimal MinScore { get; init; }
        public int MaxPerNeed { get; init; }
        public int MaxPerPartner { get; init; }
        public DateTime CreatedAt { get; init; }
        public DateTime? ActivatedAt { get; init; }
    }

    private sealed record CriterionRow
    {
        public string CriterionKey { get; init; } = "";
        public double Weight { get; init; }
        public bool IsRequired { get; init; }
        public bool IsEnabled { get; init; }
    }
}

internal sealed record StoredProfile(ScoringProfile Profile, DateTime CreatedAt, DateTime? ActivatedAt);
