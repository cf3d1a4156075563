namespace Matchmaker.Api.Features.Shared;

/// <summary>One row of a child code table (sectors, need types, offerings, regions) keyed by its owner's internal id.</summary>
internal sealed record OwnedCode
{
    public static readonly ILookup<long, string> None = Array.Empty<OwnedCode>().ToLookup(c => c.OwnerId, c => c.Code);

    public long OwnerId { get; init; }
    public string Code { get; init; } = "";

    /// <summary>Inserts each owner's codes in list order, through an INSERT taking <c>@OwnerId, @Code, @Position</c>.</summary>
    public static async Task InsertAsync(DbConnection connection, DbTransaction tx, string insertSql, IEnumerable<(long OwnerId, IReadOnlyList<string> Codes)> lists, CancellationToken ct)
    {
        var rows = lists.SelectMany(l => l.Codes.Select((code, i) => new { l.OwnerId, Code = code, Position = i })).ToList();
        if (rows.Count > 0)
            await connection.ExecuteAsync(new CommandDefinition(insertSql, rows, tx, cancellationToken: ct));
    }
}
