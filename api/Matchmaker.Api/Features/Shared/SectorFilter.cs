namespace Matchmaker.Api.Features.Shared;

/// <summary>A <c>sector</c> query filter is a division (<c>C28</c>) or a whole section (<c>C</c>).</summary>
internal sealed record SectorFilter(string? Division, string? SectionPrefix)
{
    public static SectorFilter From(string? sector) => sector switch
    {
        null or "" => new(null, null),
        { Length: 1 } => new(null, sector + "%"),
        _ => new(sector, null),
    };
}
