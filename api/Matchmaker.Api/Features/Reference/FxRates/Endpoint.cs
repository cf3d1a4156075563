using Dapper;
using FastEndpoints;
using Matchmaker.Api.Infrastructure.Data;

namespace Matchmaker.Api.Features.Reference.FxRates;

public sealed record FxRate
{
    public string Currency { get; init; } = "";
    public decimal UsdPerUnit { get; init; }
    public DateOnly EffectiveDate { get; init; }
}

internal sealed record FxRateRow
{
    public string Currency { get; init; } = "";
    public decimal UsdPerUnit { get; init; }
    public DateTime EffectiveDate { get; init; }

    public FxRate ToResponse() => new() { Currency = Currency, UsdPerUnit = UsdPerUnit, EffectiveDate = DateOnly.FromDateTime(EffectiveDate) };
}

public sealed record Response(IReadOnlyList<FxRate> Items);

internal static class FxRateStore
{
    public const string ListSql = """
        SELECT currency AS Currency, usd_per_unit AS UsdPerUnit, effective_date AS EffectiveDate
        FROM fx_rates
        ORDER BY currency, effective_date DESC
        """;

    public static async Task<Response> ListAsync(System.Data.Common.DbConnection connection, CancellationToken ct) =>
        new((await connection.QueryAsync<FxRateRow>(new CommandDefinition(ListSql, cancellationToken: ct))).Select(r => r.ToResponse()).ToList());
}

internal sealed class Endpoint(Db db) : EndpointWithoutRequest<Response>
{

    public override void Configure()
    {
        Get("/reference/fx-rates");
        Description(b => b.WithName("listFxRates"));
        AllowAnonymous();
        Summary(s =>
        {
            s.Summary = "FX rates: USD per unit of each currency, by effective date";
            s.Description = "Every rate ever set, newest first per currency. Matching uses the latest rate effective on or before the time of scoring.";
            s.ResponseExamples[200] = ReferenceExamples.Rates;
        });
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenReadOnlyAsync(ct);
        await Send.OkAsync(await FxRateStore.ListAsync(connection, ct), ct);
    }
}
