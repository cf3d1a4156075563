namespace Matchmaker.Api.Features.Shared;

internal static class PublicIds
{
    /// <summary>
    /// The internal ids of rows just inserted, by public id, through a query taking <c>@PublicId</c>;
    /// one look-up each, since a GUID list does not bind as an IN list on every provider.
    /// </summary>
    public static async Task<Dictionary<Guid, long>> InternalIdsAsync(DbConnection connection, DbTransaction tx, string idSql, IEnumerable<Guid> publicIds, CancellationToken ct)
    {
        var ids = new Dictionary<Guid, long>();
        foreach (var publicId in publicIds)
            ids[publicId] = await connection.ExecuteScalarAsync<long>(new CommandDefinition(idSql, new { PublicId = publicId }, tx, cancellationToken: ct));
        return ids;
    }
}
