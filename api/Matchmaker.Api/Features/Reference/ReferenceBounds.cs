namespace Matchmaker.Api.Features.Reference;

/// <summary>The bounds of the reference lists and FX rates.</summary>
internal static class ReferenceBounds
{
    public const int MaxItems = 1000;

    public static void DescribeFields(FieldBounds fields) => fields
        .Code("list", 16, List.Endpoint.ListNames)
        .String("code", 16, "^[A-Za-z0-9_-]{1,16}$")
        .String("nameEn", 300)
        .String("nameRu", 300)
        .String("section", 1, "^[A-U]$")
        .Code("level", 8, ["section", "division"])
        .String("division", 6, "^[0-9]{6}$")
        .Objects("ReferenceListResponse.items", MaxItems)
        .Objects("ReferenceFxRatesResponse.items", MaxItems)
        .Objects("rates", UpdateFxRates.Validator.MaxRates);
}
