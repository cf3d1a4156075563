using Matchmaker.Api.Features.Needs;
using Matchmaker.Api.Features.Shared;

namespace Matchmaker.Api.Features.Reference;

/// <summary>The bounds of the reference lists and FX rates.</summary>
internal static class ReferenceBounds
{
    public const int MaxItems = 1000;

    // One `code` field serves every list, so it admits the longest code of any of them.
    private static readonly int MaxCodeLength = new[]
    {
        SharedBounds.RegionCode.MaxLength, SharedBounds.CityCode.MaxLength, SharedBounds.DivisionCode.MaxLength,
        NeedBounds.MaxNeedTypeLength, 3,
    }.Max();

    public static void DescribeFields(FieldBounds fields) => fields
        .Code("list", 16, List.Endpoint.ListNames)
        .String("code", MaxCodeLength, $"^[A-Za-z0-9_-]{{1,{MaxCodeLength}}}$")
        .String("nameEn", 300)
        .String("nameRu", 300)
        .String("section", 1, "^[A-U]$")
        .Code("level", 8, ["section", "division"])
        .String("division", 6, "^[0-9]{6}$")
        .Objects("ReferenceListResponse.items", MaxItems)
        .Objects("ReferenceFxRatesResponse.items", MaxItems)
        .Objects("rates", UpdateFxRates.Validator.MaxRates);
}
