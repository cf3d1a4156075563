namespace Matchmaker.Api.Features.Shared;

/// <summary>The kinds of reference code a field holds, named in messages (<c>CodeKind.*</c> in <c>Resources/Messages*.resx</c>).</summary>
internal enum CodeKind
{
    Language,
    Country,
    IsicDivision,
    NeedType,
    Region,
    ShandongCity,
    City,
    Currency,
}
