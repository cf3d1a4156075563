using Matchmaker.Api.Features.Shared;

namespace Matchmaker.Api.Features.Needs;

/// <summary>Needs carry no contact data, so the public view is the full view.</summary>
public sealed record NeedResponse
{
    public Guid Id { get; init; }
    public Guid SmeId { get; init; }
    public string SmeName { get; init; } = "";
    public string Region { get; init; } = "";
    public string Title { get; init; } = "";
    public string? Description { get; init; }
    public IReadOnlyList<string> NeedTypes { get; init; } = [];
    public MoneyResponse Amount { get; init; } = new(0, "USD");
    public decimal AmountUsd { get; init; }
    public int JobsToCreate { get; init; }
    public IReadOnlyList<string> ExportMarkets { get; init; } = [];
    public int HorizonMonths { get; init; }

    /// <summary>The need's own sectors, or null when it takes its SME's.</summary>
    public IReadOnlyList<string>? Sectors { get; init; }

    /// <summary>The sectors matching uses: <see cref="Sectors"/> if given, else the SME's.</summary>
    public IReadOnlyList<string> EffectiveSectors { get; init; } = [];

    /// <summary><c>open</c>, <c>expired</c> (open, but <see cref="ExpiresAt"/> has passed) or <c>closed</c>.</summary>
    public string Status { get; init; } = "";
    public string? CloseReason { get; init; }
    public DateTime? ClosedAt { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }

    /// <summary>When the need stops being matched unless renewed: its creation or last renewal plus <c>Needs:Validity</c>.</summary>
    public DateTime ExpiresAt { get; init; }

    internal static async Task<NeedResponse> OfAsync(DbConnection connection, NeedRow row, DateTime now, CancellationToken ct) =>
        From(row, await NeedStore.ListsAsync(connection, [row], ct), now);

    internal static NeedResponse From(NeedRow row, NeedLists lists, DateTime now) => new()
    {
        Id = row.PublicId,
        SmeId = row.SmePublicId,
        SmeName = row.SmeName,
        Region = row.Region,
        Title = row.Title,
        Description = row.Description,
        NeedTypes = lists.NeedTypes[row.Id].ToList(),
        Amount = new MoneyResponse(row.Amount, row.Currency),
        AmountUsd = row.AmountUsd,
        JobsToCreate = row.JobsToCreate,
        ExportMarkets = JsonList.Read(row.ExportMarkets),
        HorizonMonths = row.HorizonMonths,
        Sectors = row.HasOwnSectors ? lists.OwnSectors[row.Id].ToList() : null,
        EffectiveSectors = lists.EffectiveSectors[row.Id].ToList(),
        Status = row.StatusAt(now),
        CloseReason = row.CloseReason,
        ClosedAt = row.ClosedAt,
        CreatedAt = row.CreatedAt,
        UpdatedAt = row.UpdatedAt,
        ExpiresAt = row.ExpiresAt ?? row.CreatedAt,
    };
}

public sealed record MoneyResponse(decimal Amount, string Currency);
