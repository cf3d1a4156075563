namespace Matchmaker.Api.Features.Shared;

/// <summary>
/// Records stored before search folded descriptions and every name get their search texts at start-up:
/// the folding is .NET's (<see cref="SearchText.Fold"/>), so migration 0029 can only empty them.
/// </summary>
internal sealed class SearchTextBackfill(ILogger<SearchTextBackfill> logger) : IStartupSeed
{
    public async Task SeedAsync(DbConnection connection, DateTime now, CancellationToken ct)
    {
        var smes = await Smes.SmeStore.FoldSearchTextAsync(connection, ct);
        var partners = await Partners.PartnerStore.FoldSearchTextAsync(connection, ct);
        var needs = await Needs.NeedStore.FoldSearchTextAsync(connection, ct);
        if (smes + partners + needs > 0)
            logger.LogInformation("Folded the search texts of {Smes} SMEs, {Partners} partners and {Needs} needs stored before search covered them", smes, partners, needs);
    }
}
