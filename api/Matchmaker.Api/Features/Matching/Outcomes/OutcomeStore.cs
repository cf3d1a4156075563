using Matchmaker.Api.Features.Shared;

namespace Matchmaker.Api.Features.Matching.Outcomes;

internal sealed record OutcomeRow
{
    public long Id { get; init; }
    public Guid PublicId { get; init; }
    public Guid MatchPublicId { get; init; }
    public decimal InvestmentAmount { get; init; }
    public string InvestmentCurrency { get; init; } = "";
    public decimal InvestmentUsd { get; init; }
    public int JobsCreated { get; init; }
    public int YouthJobs { get; init; }
    public DateTime? ProductionStartedOn { get; init; }
    public string ExportMarkets { get; init; } = "[]";
    public string? Note { get; init; }
    public string RecordedRole { get; init; } = "";
    public DateTime RecordedAt { get; init; }
}

/// <summary>An outcome to record: the figures as given, their USD value at the recording date, and who recorded it.</summary>
internal sealed record NewOutcome(
    Guid PublicId, long MatchId, long NeedId, decimal InvestmentAmount, string InvestmentCurrency, decimal InvestmentUsd,
    int JobsCreated, int YouthJobs, DateOnly? ProductionStartedOn, IReadOnlyList<string> ExportMarkets, string? Note,
    Guid RecordedBy, string RecordedRole, DateTime RecordedAt);

/// <summary>The home of outcome records: the one insert, and the reads of a match's outcomes, oldest first.</summary>
internal static class OutcomeStore
{
    /// <summary>Records one match may hold: its outcomes are listed whole, in one page.</summary>
    public const int MaxPerMatch = Paging.MaxLimit;

    private const string CountSql = "SELECT COUNT(*) FROM match_outcomes WHERE match_id = @MatchId";

    private const string Columns = """
        o.id AS Id, o.public_id AS PublicId, m.public_id AS MatchPublicId, o.investment_amount AS InvestmentAmount,
        o.investment_currency AS InvestmentCurrency, o.investment_usd AS InvestmentUsd, o.jobs_created AS JobsCreated,
        o.youth_jobs AS YouthJobs, o.production_started_on AS ProductionStartedOn, o.export_markets AS ExportMarkets,
        o.note AS Note, o.recorded_role AS RecordedRole, o.recorded_at AS RecordedAt
        FROM match_outcomes o JOIN matches m ON m.id = o.match_id
        """;

    private const string InsertSql = """
        INSERT INTO match_outcomes (public_id, match_id, need_id, investment_amount, investment_currency, investment_usd, jobs_created,
            youth_jobs, production_started_on, export_markets, note, recorded_by, recorded_role, recorded_at)
        VALUES (@PublicId, @MatchId, @NeedId, @InvestmentAmount, @InvestmentCurrency, @InvestmentUsd, @JobsCreated,
            @YouthJobs, @ProductionStartedOn, @ExportMarkets, @Note, @RecordedBy, @RecordedRole, @RecordedAt)
        """;

    private const string ForMatchSql = "SELECT " + Columns + " WHERE o.match_id = @MatchId ORDER BY o.recorded_at, o.id";

    private const string FindSql = "SELECT " + Columns + " WHERE o.match_id = @MatchId AND o.public_id = @Id";

    /// <summary>Stores the outcome inside the caller's transaction (the audit entry, and whatever else records it, go beside it).</summary>
    public static Task RecordAsync(DbConnection connection, DbTransaction tx, NewOutcome outcome, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(InsertSql, new
        {
            outcome.PublicId,
            outcome.MatchId,
            outcome.NeedId,
            outcome.InvestmentAmount,
            outcome.InvestmentCurrency,
            outcome.InvestmentUsd,
            outcome.JobsCreated,
            outcome.YouthJobs,
            ProductionStartedOn = outcome.ProductionStartedOn?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            ExportMarkets = JsonList.Write(outcome.ExportMarkets),
            outcome.Note,
            outcome.RecordedBy,
            outcome.RecordedRole,
            outcome.RecordedAt,
        }, tx, cancellationToken: ct));

    public static Task<int> CountAsync(DbConnection connection, DbTransaction tx, long matchId, CancellationToken ct) =>
        connection.ExecuteScalarAsync<int>(new CommandDefinition(CountSql, new { MatchId = matchId }, tx, cancellationToken: ct));

    public static async Task<IReadOnlyList<OutcomeRow>> ForMatchAsync(DbConnection connection, long matchId, CancellationToken ct) =>
        (await connection.QueryAsync<OutcomeRow>(new CommandDefinition(ForMatchSql, new { MatchId = matchId }, cancellationToken: ct))).ToList();

    public static Task<OutcomeRow?> FindAsync(DbConnection connection, long matchId, Guid id, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<OutcomeRow>(new CommandDefinition(FindSql, new { MatchId = matchId, Id = id }, cancellationToken: ct));
}
