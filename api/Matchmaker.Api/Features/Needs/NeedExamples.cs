using Matchmaker.Api.Features.Shared;
using Matchmaker.Api.Features.Smes;

namespace Matchmaker.Api.Features.Needs;

internal static class NeedExamples
{
    public static NeedRequest Request => new()
    {
        Title = "CNC machining line",
        Description = "Two CNC lathes and a machining centre, with training for the operators.",
        NeedTypes = ["equipment_supply", "joint_venture"],
        Amount = new Money { Amount = 500_000m, Currency = "USD" },
        JobsToCreate = 40,
        ExportMarkets = ["KZ", "UZ"],
        HorizonMonths = 24,
    };

    public static NeedResponse Open => new()
    {
        Id = Examples.NeedId,
        SmeId = Examples.SmeId,
        SmeName = SmeExamples.Request.Name!,
        Region = SmeExamples.Request.Region!,
        Title = Request.Title!,
        Description = Request.Description,
        NeedTypes = Request.NeedTypes!,
        Amount = new MoneyResponse(500_000m, "USD"),
        AmountUsd = 500_000m,
        JobsToCreate = 40,
        ExportMarkets = Request.ExportMarkets!,
        HorizonMonths = 24,
        Sectors = null,
        EffectiveSectors = SmeExamples.Request.Sectors!,
        Status = "open",
        CreatedAt = Examples.Posted,
        UpdatedAt = Examples.Posted,
        ExpiresAt = Examples.Posted + NeedOptions.Defaults.Validity,
    };

    public static CloseRequest Close => new() { Reason = "Funded through the Qingdao Machinery joint venture." };

    public static NeedResponse Closed => Open with
    {
        Status = "closed",
        CloseReason = Close.Reason,
        ClosedAt = Examples.Updated,
        UpdatedAt = Examples.Updated,
    };

    /// <summary>Renewed on <see cref="Examples.Updated"/>.</summary>
    public static NeedResponse Renewed => Open with
    {
        UpdatedAt = Examples.Updated,
        ExpiresAt = Examples.Updated + NeedOptions.Defaults.Validity,
    };

    /// <summary>An earlier need of the same SME, posted a year before and never renewed.</summary>
    public static NeedResponse Expired => Open with
    {
        Id = Guid.Parse("3c9e2a41-7b5d-4f08-9a6e-1d2c3b4a5f60"),
        Title = "Foundry moulding line",
        Description = null,
        NeedTypes = ["equipment_supply"],
        Amount = new MoneyResponse(180_000m, "USD"),
        AmountUsd = 180_000m,
        JobsToCreate = 12,
        ExportMarkets = [],
        HorizonMonths = 12,
        Status = NeedStatus.Expired,
        CreatedAt = Examples.Posted.AddYears(-1),
        UpdatedAt = Examples.Posted.AddYears(-1),
        ExpiresAt = Examples.Posted.AddYears(-1) + NeedOptions.Defaults.Validity,
    };

    public static Page<NeedResponse> Page => new([Open, Expired], Examples.Cursor);
}
