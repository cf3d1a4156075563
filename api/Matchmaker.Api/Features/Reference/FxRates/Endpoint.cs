namespace Matchmaker.Api.Features.Reference.FxRates;

public sealed record FxRate
{
    public string Currency { get; init; } = "";
    public decimal UsdPerUnit { get; init; }
    public DateOnly EffectiveDate { get; init; }
}

public sealed record Response(IReadOnlyList<FxRate> Items);

internal sealed class Endpoint(ConnectionFactory db) : EndpointWithoutRequest<Response>
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
