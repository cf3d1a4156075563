namespace Matchmaker.Api.Features.Shared;

public sealed class Money
{
    public decimal? Amount { get; set; }
    public string? Currency { get; set; }
}

internal sealed class MoneyRules : AbstractValidator<Money>
{
    public const decimal MaxAmount = 1_000_000_000_000m;

    public MoneyRules(ReferenceCodes codes)
    {
        RuleFor(x => x.Amount).NotNull().GreaterThan(0).LessThanOrEqualTo(MaxAmount)
            .PrecisionScale(19, 2, ignoreTrailingZeros: true);
        RuleFor(x => x.Currency).NotEmpty().OneOf(() => codes.Currencies, CodeKind.Currency);
    }
}
