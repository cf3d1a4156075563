namespace Matchmaker.Api.Features.Shared;

/// <summary>One row of a child code table (sectors, need types, offerings, regions) keyed by its owner's internal id.</summary>
internal sealed record OwnedCode
{
    public long OwnerId { get; init; }
    public string Code { get; init; } = "";
}
