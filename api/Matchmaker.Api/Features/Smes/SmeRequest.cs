using FastEndpoints;
using FluentValidation;
using Matchmaker.Api.Features.Matching.Engine;
using Matchmaker.Api.Features.Shared;
using Matchmaker.Api.Infrastructure.Data;

namespace Matchmaker.Api.Features.Smes;

/// <summary>The client-owned fields of an SME profile: the body of both POST and PUT.</summary>
public sealed class SmeRequest
{
    public string? Name { get; set; }
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

    public SmeRequestValidator()
    {
        var codes = Resolve<ReferenceCodes>();
        RuleFor(x => x.Name).NotEmpty().MaximumLength(200);
        RuleFor(x => x.Inn).NotEmpty().Matches("^[0-9]{14}$").WithMessage("'inn' must be exactly 14 digits.");
        RuleFor(x => x.Region).NotEmpty().OneOf(() => codes.Regions, "region");
        RuleFor(x => x.Sectors).NotNull().CodeList(() => codes.Divisions, "ISIC division", 1, MaxSectors);
        RuleFor(x => x.Employees).NotNull().InclusiveBetween(1, 1_000_000);
        RuleFor(x => x.FoundedYear).InclusiveBetween(1900, DateTime.UtcNow.Year);
        RuleFor(x => x.Languages).NotNull().CodeList(() => CodeRules.Languages, CodeRules.LanguageCodes, 1, Vocabulary.LanguageCount);
        RuleFor(x => x.Certifications).TextList(20, 100);
        RuleFor(x => x.Description).MaximumLength(4000);
        RuleFor(x => x.Contact).NotNull().SetValidator(new ContactRules()!);
    }
}
