using Matchmaker.Api.Features.Shared;

namespace Matchmaker.Api.Features.Matching.Outcomes.Record;

public sealed class Request
{
    public const int MaxJobs = 1_000_000;
    public const int MaxNoteLength = 2000;
    public static readonly DateOnly EarliestStart = new(2000, 1, 1);
    public static readonly DateOnly LatestStart = new(2100, 12, 31);

    public Money? Investment { get; set; }
    public int? JobsCreated { get; set; }
    public int? YouthJobs { get; set; }
    public DateOnly? ProductionStartedOn { get; set; }
    public List<string>? ExportMarkets { get; set; }
    public string? Note { get; set; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        var codes = Resolve<ReferenceCodes>();
        RuleFor(x => x.Investment).NotNull().SetValidator(new MoneyRules(codes)!);
        RuleFor(x => x.JobsCreated).NotNull().InclusiveBetween(0, Request.MaxJobs);
        RuleFor(x => x.YouthJobs).Cascade(CascadeMode.Stop).NotNull().InclusiveBetween(0, Request.MaxJobs)
            .Must((x, youth) => x.JobsCreated is not { } jobs || youth <= jobs).WithMessage(_ => Messages.Get("Outcome.YouthJobs"));
        RuleFor(x => x.ProductionStartedOn).InclusiveBetween(Request.EarliestStart, Request.LatestStart);
        RuleFor(x => x.ExportMarkets).CodeList(() => Countries.Alpha2, CodeKind.Country, 0, SharedBounds.MaxExportMarkets);
        RuleFor(x => x.Note).MaximumLength(Request.MaxNoteLength).MultiLineText();
    }
}
