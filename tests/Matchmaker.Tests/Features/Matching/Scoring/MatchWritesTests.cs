using Matchmaker.Api.Features.Matching.Scoring;
using Matchmaker.Api.Infrastructure.Data;

namespace Matchmaker.Tests.Features.Matching.Scoring;

/// <summary>
/// Writes that re-score run one at a time on either database: SQLite's write transactions begin IMMEDIATE, and on
/// SQL Server, whose readers and writers otherwise interleave, each first takes one application lock.
/// </summary>
public abstract class MatchWritesTests<TApi>(TApi api) where TApi : ApiFixture
{
    [Fact]
    public async Task A_second_match_write_begins_only_once_the_first_has_ended()
    {
        var dialect = new SqlDialect(api.Provider == "SqlServer" ? DatabaseProvider.SqlServer : DatabaseProvider.Sqlite);
        await using var first = await api.OpenDatabaseAsync();
        await using var second = await api.OpenDatabaseAsync();
        await using var held = await MatchWrites.BeginAsync(first, dialect, TestContext.Current.CancellationToken);

        var waiting = Task.Run(() => MatchWrites.BeginAsync(second, dialect, TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);
        var early = await Task.WhenAny(waiting, Task.Delay(TimeSpan.FromMilliseconds(500), TestContext.Current.CancellationToken));
        Assert.NotSame(waiting, early);

        await held.CommitAsync(TestContext.Current.CancellationToken);
        await using var next = await waiting.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        await next.CommitAsync(TestContext.Current.CancellationToken);
    }
}

public sealed class MatchWritesTestsOnSqlite(SqliteApi api) : MatchWritesTests<SqliteApi>(api), IClassFixture<SqliteApi>;

public sealed class MatchWritesTestsOnSqlServer : MatchWritesTests<SqlServerApi>, IClassFixture<SqlServerApi>
{
    public MatchWritesTestsOnSqlServer(SqlServerApi api) : base(api) => api.SkipWhenUnavailable();
}
