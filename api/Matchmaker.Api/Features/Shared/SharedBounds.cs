using Matchmaker.Api.Features.Matching.Engine;

namespace Matchmaker.Api.Features.Shared;

/// <summary>The bounds of the fields that SME, need and partner profiles share, and the code patterns behind them.</summary>
internal static class SharedBounds
{
    public const int MaxNameLength = 200;
    public const int MaxDescriptionLength = 4000;
    public const int MaxSectors = 10;
    public const int MaxCertifications = 20;
    public const int MaxCertificationLength = 100;
    public const int MaxExportMarkets = 50;

    public const string Division = "^[A-U][0-9]{2}$";
    public const string DivisionOrSection = "^[A-U]([0-9]{2})?$";
    public const string Region = "^KG-[A-Z]{1,2}$";
    public const string City = "^[a-z][a-z_]{1,39}$";

    public static StringLimit DivisionCode { get; } = new(3, Division);
    public static StringLimit RegionCode { get; } = new(5, Region);
    public static StringLimit CityCode { get; } = new(40, City);

    public static void DescribeFields(FieldBounds fields) => fields
        .String("name", MaxNameLength)
        .String("description", MaxDescriptionLength)
        .String("person", ContactRules.MaxPersonLength)
        .String("region", RegionCode.MaxLength, Region)
        .String("city", CityCode.MaxLength, City)
        .Code("currency", 3, SeedCodes.Currencies)
        .String("sector", 3, DivisionOrSection)
        .String("q", SearchText.MaxQueryLength)
        .List("sectors", DivisionCode, MaxSectors)
        .List("effectiveSectors", DivisionCode, MaxSectors)
        .List("languages", new(2, Enum: [.. Vocabulary.Languages.Codes]), Vocabulary.LanguageCount)
        .List("certifications", new(MaxCertificationLength), MaxCertifications)
        .List("requiredCertifications", new(MaxCertificationLength), MaxCertifications)
        .List("exportMarkets", new(2, "^[A-Z]{2}$"), MaxExportMarkets);
}
