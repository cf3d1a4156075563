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
    };

    public static CloseRequest Close => new() { Reason = "Funded through the Qingdao Machinery joint venture." };

    public static NeedResponse Closed => Open with
    {
        Status = "closed",
        CloseReason = Close.Reason,
        ClosedAt = Examples.Updated,
        UpdatedAt = Examples.Updated,
    };

    public static Page<NeedResponse> Page => new([Open], Examples.Cursor);
}
