using FastEndpoints;
using FluentValidation;
using Matchmaker.Api.Features.Matching.Engine;
using Matchmaker.Api.Features.Shared;
using Matchmaker.Api.Infrastructure.Data;

namespace Matchmaker.Api.Features.Needs;

/// <summary>The client-owned fields of an investment need: the body of both POST and PUT.</summary>
public sealed class NeedRequest
{
    public string? Title { get; set; }
    public string? Description { get; set; }
    public List<string>? NeedTypes { get; set; }
    public Money? Amount { get; set; }
    public int? JobsToCreate { get; set; }
    public List<string>? ExportMarkets { get; set; }
    public int? HorizonMonths { get; set; }

    /// <summary>Optional: 1–5 ISIC divisions for a need outside the SME's usual business; absent means the SME's sectors.</summary>
    public List<string>? Sectors { get; set; }
}

internal sealed class NeedRequestValidator : Validator<NeedRequest>
{
    public NeedRequestValidator()
    {
        var codes = Resolve<ReferenceCodes>();
        RuleFor(x => x.Title).NotEmpty().MaximumLength(200);
        RuleFor(x => x.Description).MaximumLength(4000);
        RuleFor(x => x.NeedTypes).NotNull().CodeList(() => codes.NeedTypes, "need type", 1, Vocabulary.NeedTypeCount);
        RuleFor(x => x.Amount).NotNull().SetValidator(new MoneyRules(codes)!);
        RuleFor(x => x.JobsToCreate).GreaterThanOrEqualTo(0).LessThanOrEqualTo(1_000_000);
        RuleFor(x => x.ExportMarkets).CodeList(() => Countries.Alpha2, "ISO 3166-1 alpha-2 country", 0, 50);
        RuleFor(x => x.HorizonMonths).NotNull().InclusiveBetween(1, 120);
        RuleFor(x => x.Sectors).CodeList(() => codes.Divisions, "ISIC division", 1, 5);
    }
}

public sealed class CloseRequest
{
    public string? Reason { get; set; }
}

internal sealed class CloseRequestValidator : Validator<CloseRequest>
{
    public CloseRequestValidator() => RuleFor(x => x.Reason).MaximumLength(1000);
}
