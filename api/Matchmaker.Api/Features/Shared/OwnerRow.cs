namespace Matchmaker.Api.Features.Shared;

/// <summary>An account's internal id and the internal id of the profile it owns, if any.</summary>
internal sealed record OwnerRow
{
    public long UserId { get; init; }
    public long? ProfileId { get; init; }
}
