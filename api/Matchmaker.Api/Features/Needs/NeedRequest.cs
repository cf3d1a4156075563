using Matchmaker.Api.Features.Matching.Engine;
using Matchmaker.Api.Features.Shared;

namespace Matchmaker.Api.Features.Needs;

/// <summary>The client-owned fields of an investment need: the body of both POST and PUT.</summary>
public sealed class NeedRequest
{
    public const int MaxTitleLength = 200;
    public const int MaxJobsToCreate = 1_000_000;
    public const int MaxHorizonMonths = 120;
    public const int MaxSectors = 5;

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
        RuleFor(x => x.Title).NotEmpty().MaximumLength(NeedRequest.MaxTitleLength).LineText();
        RuleFor(x => x.Description).MaximumLength(SharedBounds.MaxDescriptionLength).MultiLineText();
        RuleFor(x => x.NeedTypes).NotNull().CodeList(() => codes.NeedTypes, CodeKind.NeedType, 1, Vocabulary.NeedTypeCount);
        RuleFor(x => x.Amount).NotNull().SetValidator(new MoneyRules(codes)!);
        RuleFor(x => x.JobsToCreate).GreaterThanOrEqualTo(0).LessThanOrEqualTo(NeedRequest.MaxJobsToCreate);
        RuleFor(x => x.ExportMarkets).CodeList(() => Countries.Alpha2, CodeKind.Country, 0, SharedBounds.MaxExportMarkets);
        RuleFor(x => x.HorizonMonths).NotNull().InclusiveBetween(1, NeedRequest.MaxHorizonMonths);
        RuleFor(x => x.Sectors).CodeList(() => codes.Divisions, CodeKind.IsicDivision, 1, NeedRequest.MaxSectors);
    }
}

public sealed class CloseRequest
{
    public const int MaxReasonLength = 1000;

    public string? Reason { get; set; }
}

internal sealed class CloseRequestValidator : Validator<CloseRequest>
{
    public CloseRequestValidator() => RuleFor(x => x.Reason).MaximumLength(CloseRequest.MaxReasonLength).MultiLineText();
}

internal static class NeedBounds
{
    public const int MaxNeedTypeLength = 32;

    private static readonly string[] Statuses = NeedStatus.All;

    public static void DescribeFields(FieldBounds fields) => fields
        .String("title", NeedRequest.MaxTitleLength)
        .String("needTitle", NeedRequest.MaxTitleLength)
        .String("closeReason", CloseRequest.MaxReasonLength)
        .Code("needType", MaxNeedTypeLength, SeedCodes.NeedTypes)
        .Code("NeedsNeedResponse.status", 8, Statuses)
        .Code("MatchingMatchNeedSummary.status", 8, Statuses)
        .Integer("jobsToCreate", 0, NeedRequest.MaxJobsToCreate)
        .Integer("needJobsToCreate", 0, NeedRequest.MaxJobsToCreate)
        .Integer("horizonMonths", 1, NeedRequest.MaxHorizonMonths)
        .List("NeedsNeedRequest.sectors", SharedBounds.DivisionCode, NeedRequest.MaxSectors)
        .List("NeedsNeedResponse.sectors", SharedBounds.DivisionCode, NeedRequest.MaxSectors)
        .List("needTypes", new(MaxNeedTypeLength, Enum: [.. SeedCodes.NeedTypes]), Vocabulary.NeedTypeCount);
}
