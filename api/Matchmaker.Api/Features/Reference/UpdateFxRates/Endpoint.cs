using Dapper;
using FastEndpoints;
using FluentValidation;
using Matchmaker.Api.Features.Reference.FxRates;
using Matchmaker.Api.Features.Shared;
using Matchmaker.Api.Infrastructure.Auth;
using Matchmaker.Api.Features.Matching.Scoring;
using Matchmaker.Api.Infrastructure.Data;

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
        RuleFor(x => x.Rates).NotEmpty().Must(r => r is null || r.Count <= MaxRates).WithMessage($"'rates' may hold at most {MaxRates} items.")
            .Must(r => r is null || r.Select(x => (x?.Currency, x?.EffectiveDate)).Distinct().Count() == r.Count)
            .WithMessage("'rates' gives the same currency and date twice.");
        RuleForEach(x => x.Rates).ChildRules(rate =>
        {
            rate.RuleFor(x => x.Currency).NotEmpty().OneOf(() => codes.Currencies, "currency");
            rate.RuleFor(x => x.Currency).Must(c => c != "USD").WithMessage("USD is the base currency; its rate is always 1.");
            rate.RuleFor(x => x.UsdPerUnit).NotNull().GreaterThan(0).LessThanOrEqualTo(1_000_000).PrecisionScale(19, 9, ignoreTrailingZeros: true);
            rate.RuleFor(x => x.EffectiveDate).NotNull();
        });
    }
}

internal sealed class Endpoint(Db db, TimeProvider clock, Rescorer rescorer) : Endpoint<Request, Response>
{
    private const string UpdateSql = "UPDATE fx_rates SET usd_per_unit = @UsdPerUnit WHERE currency = @Currency AND effective_date = @EffectiveDate";

    private const string InsertSql = """
        INSERT INTO fx_rates (currency, usd_per_unit, effective_date, created_at)
        SELECT @Currency, @UsdPerUnit, @EffectiveDate, @Now
        WHERE NOT EXISTS (SELECT 1 FROM fx_rates WHERE currency = @Currency AND effective_date = @EffectiveDate)
        """;

    private const string RevalueNeedsSql = """
        UPDATE needs
        SET amount_usd = ROUND(amount * (
            SELECT /**top**/ r.usd_per_unit FROM fx_rates r
            WHERE r.currency = needs.currency AND r.effective_date <= @AsOf
            ORDER BY r.effective_date DESC
            /**limit**/), 2)
        WHERE currency IN @Currencies AND status = 'open'
        """;

    private const string RevaluedNeedsSql = "SELECT id FROM needs WHERE currency IN @Currencies AND status = 'open'";

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
        await using (var tx = await connection.BeginTransactionAsync(ct))
        {
            foreach (var rate in req.Rates!)
            {
                var args = new { rate.Currency, rate.UsdPerUnit, EffectiveDate = rate.EffectiveDate!.Value.ToDateTime(TimeOnly.MinValue), Now = now };
                await connection.ExecuteAsync(new CommandDefinition(UpdateSql, args, tx, cancellationToken: ct));
                await connection.ExecuteAsync(new CommandDefinition(InsertSql, args, tx, cancellationToken: ct));
            }

            var currencies = req.Rates!.Select(r => r.Currency).Distinct().ToList();
            await connection.ExecuteAsync(new CommandDefinition(db.Sql(RevalueNeedsSql), new { Currencies = currencies, AsOf = now.Date, Take = 1 }, tx, cancellationToken: ct));
            var revalued = (await connection.QueryAsync<long>(new CommandDefinition(RevaluedNeedsSql, new { Currencies = currencies }, tx, cancellationToken: ct))).ToList();
            await rescorer.RescoreNeedsAsync(connection, tx, revalued, now, ct);
            await tx.CommitAsync(ct);
        }

        await Send.OkAsync(await FxRateStore.ListAsync(connection, ct), ct);
    }
}
