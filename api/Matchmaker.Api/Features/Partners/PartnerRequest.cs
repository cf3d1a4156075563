using System.Collections.Frozen;
using Matchmaker.Api.Features.Matching.Engine;
using Matchmaker.Api.Features.Shared;

namespace Matchmaker.Api.Features.Partners;

/// <summary>The client-owned fields of a partner profile: the body of both POST and PUT.</summary>
public sealed class PartnerRequest
{
    public string? Name { get; set; }
    public string? NameZh { get; set; }

    /// <summary>The name in Russian, for Kyrgyz readers; searched like the other names.</summary>
    public string? NameRu { get; set; }
    public string? Uscc { get; set; }
    public string? City { get; set; }
    public string? Kind { get; set; }
    public List<string>? Sectors { get; set; }
    public List<string>? Offerings { get; set; }
    public Ticket? Ticket { get; set; }
    public List<string>? TargetRegions { get; set; }
    public List<string>? Languages { get; set; }
    public bool? SeeksExportOriented { get; set; }
    public List<string>? RequiredCertifications { get; set; }
    public string? Description { get; set; }
    public Contact? Contact { get; set; }
}

public sealed class Ticket
{
    public decimal? MinUsd { get; set; }
    public decimal? MaxUsd { get; set; }
}

internal sealed class TicketRules : AbstractValidator<Ticket>
{
    public TicketRules()
    {
        RuleFor(x => x.MinUsd).NotNull().GreaterThan(0).LessThanOrEqualTo(MoneyRules.MaxAmount);
        RuleFor(x => x.MaxUsd).NotNull().GreaterThan(0).LessThanOrEqualTo(MoneyRules.MaxAmount)
            .GreaterThanOrEqualTo(x => x.MinUsd).When(x => x.MinUsd is not null, ApplyConditionTo.CurrentValidator)
            .WithMessage(_ => Messages.Get("Money.MaxBelowMin"));
    }
}

internal static class PartnerKinds
{
    public static readonly string[] Listed = ["manufacturer", "investor", "both"];
    public static readonly FrozenSet<string> All = Listed.ToFrozenSet(StringComparer.Ordinal);
}

internal sealed class PartnerRequestValidator : Validator<PartnerRequest>
{
    public PartnerRequestValidator()
    {
        var codes = Resolve<ReferenceCodes>();
        RuleFor(x => x.Name).NotEmpty().MaximumLength(SharedBounds.MaxNameLength).IdentifierText();
        RuleFor(x => x.NameZh).MaximumLength(SharedBounds.MaxNameLength).IdentifierText();
        RuleFor(x => x.NameRu).MaximumLength(SharedBounds.MaxNameLength).IdentifierText();
        RuleFor(x => x.Uscc).NotEmpty()
            .Must(u => u is null || Partners.Uscc.HasValidCharacters(u))
            .WithMessage(_ => Messages.Get("Uscc.Format"))
            .DependentRules(() =>
            {
                RuleFor(x => x.Uscc).Must(u => Partners.Uscc.HasValidCheckCharacter(u!))
                    .WithMessage(_ => Messages.Get("Uscc.Check"))
                    .Must(u => Partners.Uscc.IsShandong(u!))
                    .WithMessage(_ => Messages.Get("Uscc.Shandong"));
            });
        RuleFor(x => x.City).NotEmpty().OneOf(() => codes.Cities, CodeKind.ShandongCity);
        RuleFor(x => x.Kind).NotEmpty().Must(k => k is null || PartnerKinds.All.Contains(k))
            .WithMessage(_ => Messages.Get("Partner.Kind"));
        RuleFor(x => x.Sectors).NotNull().CodeList(() => codes.Divisions, CodeKind.IsicDivision, 1, SharedBounds.MaxSectors);
        RuleFor(x => x.Offerings).NotNull().CodeList(() => codes.NeedTypes, CodeKind.NeedType, 1, Vocabulary.NeedTypeCount);
        RuleFor(x => x.Ticket).NotNull().SetValidator(new TicketRules()!);
        RuleFor(x => x.TargetRegions).CodeList(() => codes.Regions, CodeKind.Region, 0, Vocabulary.RegionCount);
        RuleFor(x => x.Languages).CodeList(() => CodeRules.Languages, CodeKind.Language, 0, Vocabulary.LanguageCount);
        RuleFor(x => x.RequiredCertifications).TextList(SharedBounds.MaxCertifications, SharedBounds.MaxCertificationLength);
        RuleFor(x => x.Description).MaximumLength(SharedBounds.MaxDescriptionLength).MultiLineText();
        RuleFor(x => x.Contact).NotNull().SetValidator(new ContactRules()!);
    }
}

internal static class PartnerBounds
{
    public static void DescribeFields(FieldBounds fields) => fields
        .String("nameZh", SharedBounds.MaxNameLength)
        .String("partnerName", SharedBounds.MaxNameLength)
        .String("partnerNameZh", SharedBounds.MaxNameLength)
        .String("PartnersPartnerRequest.nameRu", SharedBounds.MaxNameLength)
        .String("PartnersPartnerResponse.nameRu", SharedBounds.MaxNameLength)
        .String("uscc", Uscc.Length, "^[0-9A-HJ-NP-RTUW-Y]{18}$")
        .String("partnerCity", SharedBounds.CityCode.MaxLength, SharedBounds.City)
        .Code("kind", 16, PartnerKinds.Listed)
        .Code("partnerKind", 16, PartnerKinds.Listed)
        .List("offerings", new(32, Enum: [.. SeedCodes.NeedTypes]), Vocabulary.NeedTypeCount)
        .Code("offering", 32, SeedCodes.NeedTypes)
        .String("targetRegion", SharedBounds.RegionCode.MaxLength, SharedBounds.Region)
        .List("targetRegions", SharedBounds.RegionCode, Vocabulary.RegionCount);
}
