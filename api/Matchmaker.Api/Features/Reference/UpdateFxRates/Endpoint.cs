using Matchmaker.Api.Features.Audit;
using Matchmaker.Api.Features.Reference.FxRates;
using Matchmaker.Api.Features.Needs;
using Matchmaker.Api.Features.Shared;
using Matchmaker.Api.Features.Matching.Scoring;

namespace Matchmaker.Api.Features.Reference.UpdateFxRates;

public sealed class Request
{
    public List<RateInput>? Rates { get; set; }
}

public sealed class RateInput
{
    public string? Currency { get; set; }
    public decimal? UsdPerUnit { get; set; }
    public DateOnly? EffectiveDate { get; set; }
}

internal sealed class Validator : Validator<Request>
{
    public const int MaxRates = 50;

    public Validator()
    {
        var codes = Resolve<ReferenceCodes>();
        RuleFor(x => x.Rates).NotEmpty().Must(r => r is null || r.Count <= MaxRates).WithMessage(_ => Messages.Get("List.AtMost", "rates", MaxRates))
            .Must(r => r is null || r.Select(x => (x?.Currency, x?.EffectiveDate)).Distinct().Count() == r.Count)
            .WithMessage(_ => Messages.Get("Fx.Duplicate"));
        RuleForEach(x => x.Rates).ChildRules(rate =>
        {
            rate.RuleFor(x => x.Currency).NotEmpty().OneOf(() => codes.Currencies, CodeKind.Currency);
            rate.RuleFor(x => x.Currency).Must(c => c != "USD").WithMessage(_ => Messages.Get("Fx.Usd"));
            rate.RuleFor(x => x.UsdPerUnit).NotNull().GreaterThan(0).LessThanOrEqualTo(1_000_000).PrecisionScale(19, 9, ignoreTrailingZeros: true);
            rate.RuleFor(x => x.EffectiveDate).NotNull();
        });
    }
}

internal sealed class Endpoint(ConnectionFactory db, TimeProvider clock, Rescorer rescorer) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Put("/reference/fx-rates");
        Description(b => b.WithName("updateFxRates"));
        Roles(AppRoles.Admin);
        Summary(s =>
        {
            s.Summary = "Add or correct FX rates";
            s.Description = "Each item sets the USD value of one unit of `currency` from `effectiveDate` on; an existing (currency, date) pair is overwritten. Open needs in those currencies are revalued in USD at the latest rate effective today and their matches re-scored before the answer.";
            s.ExampleRequest = ReferenceExamples.NewRate;
            s.ResponseExamples[200] = ReferenceExamples.Rates;
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var connection = await db.OpenAsync(ct);
        await using (var tx = await rescorer.BeginAsync(connection, ct))
        {
            foreach (var rate in req.Rates!)
                await FxRateStore.SetAsync(connection, tx, rate.Currency!, rate.UsdPerUnit!.Value, rate.EffectiveDate!.Value, now, ct);

            var rates = await UsdRates.AsOfAsync(connection, tx, now, ct);
            var revalued = await NeedStore.RevalueAsync(connection, tx, req.Rates!.Select(r => r.Currency!).Distinct().ToList(), rates, ct);
            await rescorer.RescoreNeedsAsync(connection, tx, revalued, now, ct);
            await AuditLog.AppendAsync(connection, tx, new AuditEntry(AuditActor.Of(User), AuditAction.FxChanged, AuditTarget.FxRates, null, new
            {
                rates = req.Rates!.Select(r => new { currency = r.Currency, usdPerUnit = r.UsdPerUnit, effectiveDate = r.EffectiveDate }).ToList(),
                revaluedNeeds = revalued.Count,
            }), now, ct);
            await tx.CommitAsync(ct);
        }

        await Send.OkAsync(await FxRateStore.ListAsync(connection, ct), ct);
    }
}
