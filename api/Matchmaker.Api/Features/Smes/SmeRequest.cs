using Matchmaker.Api.Features.Matching.Engine;
using Matchmaker.Api.Features.Shared;

namespace Matchmaker.Api.Features.Smes;

/// <summary>The client-owned fields of an SME profile: the body of both POST and PUT.</summary>
public sealed class SmeRequest
{
    public string? Name { get; set; }

    /// <summary>The name in Latin letters, for readers who do not read Cyrillic; searched like the name.</summary>
    public string? NameEn { get; set; }
    public string? Inn { get; set; }
    public string? Region { get; set; }
    public List<string>? Sectors { get; set; }
    public int? Employees { get; set; }
    public int? FoundedYear { get; set; }
    public bool? ExportOriented { get; set; }
    public List<string>? Languages { get; set; }
    public List<string>? Certifications { get; set; }
    public string? Description { get; set; }
    public Contact? Contact { get; set; }
}

internal sealed class SmeRequestValidator : Validator<SmeRequest>
{
    public const int MaxSectors = 5;
    public const string InnPattern = "^[0-9]{14}$";
    public const int MaxEmployees = 1_000_000;
    public const int MinFoundedYear = 1900;

    public SmeRequestValidator()
    {
        var codes = Resolve<ReferenceCodes>();
        RuleFor(x => x.Name).NotEmpty().MaximumLength(SharedBounds.MaxNameLength).IdentifierText();
        RuleFor(x => x.NameEn).MaximumLength(SharedBounds.MaxNameLength).IdentifierText();
        RuleFor(x => x.Inn).NotEmpty().Matches(InnPattern).WithMessage(_ => Messages.Get("Sme.Inn"));
        RuleFor(x => x.Region).NotEmpty().OneOf(() => codes.Regions, CodeKind.Region);
        RuleFor(x => x.Sectors).NotNull().CodeList(() => codes.Divisions, CodeKind.IsicDivision, 1, MaxSectors);
        RuleFor(x => x.Employees).NotNull().InclusiveBetween(1, MaxEmployees);
        RuleFor(x => x.FoundedYear).InclusiveBetween(MinFoundedYear, DateTime.UtcNow.Year);
        RuleFor(x => x.Languages).NotNull().CodeList(() => CodeRules.Languages, CodeKind.Language, 1, Vocabulary.LanguageCount);
        RuleFor(x => x.Certifications).TextList(SharedBounds.MaxCertifications, SharedBounds.MaxCertificationLength);
        RuleFor(x => x.Description).MaximumLength(SharedBounds.MaxDescriptionLength).MultiLineText();
        RuleFor(x => x.Contact).NotNull().SetValidator(new ContactRules()!);
    }
}

internal static class SmeBounds
{
    public static void DescribeFields(FieldBounds fields) => fields
        .String("inn", 14, SmeRequestValidator.InnPattern)
        .String("smeName", SharedBounds.MaxNameLength)
        .String("SmesSmeRequest.nameEn", SharedBounds.MaxNameLength)
        .String("SmesSmeResponse.nameEn", SharedBounds.MaxNameLength)
        .String("smeRegion", SharedBounds.RegionCode.MaxLength, SharedBounds.Region)
        .Integer("employees", 1, SmeRequestValidator.MaxEmployees)
        // The validator caps the year at the current one; the document states a bound that never goes stale.
        .Integer("foundedYear", SmeRequestValidator.MinFoundedYear, 9999)
        .List("SmesSmeRequest.sectors", SharedBounds.DivisionCode, SmeRequestValidator.MaxSectors)
        .List("SmesSmeResponse.sectors", SharedBounds.DivisionCode, SmeRequestValidator.MaxSectors)
        .List("smeSectors", SharedBounds.DivisionCode, SharedBounds.MaxSectors);
}
