using Matchmaker.Api.Features.Shared;

namespace Matchmaker.Api.Features.Webhooks.Deliveries;

/// <summary>One delivery of one event to one subscription, as its owner reads it.</summary>
public sealed record DeliveryResponse
{
    /// <summary>Also the <c>webhook-id</c> header of every attempt: the same on a repeat, so a receiver can tell.</summary>
    public Guid Id { get; init; }
    public string Event { get; init; } = "";
    public string Status { get; init; } = "";
    public int Attempts { get; init; }
    public int? LastResponseCode { get; init; }
    public string? LastError { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime? LastAttemptAt { get; init; }

    /// <summary>When it is tried next; null once delivered or failed.</summary>
    public DateTime? NextAttemptAt { get; init; }
    public DateTime? DeliveredAt { get; init; }

    /// <summary>The body as posted and signed.</summary>
    public string Body { get; init; } = "";

    internal static DeliveryResponse From(DeliveryRow row) => new()
    {
        Id = row.PublicId,
        Event = row.EventType,
        Status = row.Status,
        Attempts = row.Attempts,
        LastResponseCode = row.LastResponseCode,
        LastError = row.LastError,
        CreatedAt = row.CreatedAt,
        LastAttemptAt = row.LastAttemptAt,
        NextAttemptAt = row.Status is WebhookDeliveries.Status.Pending or WebhookDeliveries.Status.Retrying ? row.NextAttemptAt : null,
        DeliveredAt = row.DeliveredAt,
        Body = row.Body,
    };
}

internal static class DeliveryExamples
{
    private static readonly DateTime Created = new(2026, 11, 20, 10, 15, 0, DateTimeKind.Utc);

    public static DeliveryResponse Retrying => new()
    {
        Id = Guid.Parse("019ab0c2-7d4e-7f10-9a3b-5c2d8e1f4a60"),
        Event = WebhookEvents.MatchMutual,
        Status = WebhookDeliveries.Status.Retrying,
        Attempts = 2,
        LastResponseCode = 503,
        LastError = "The receiver answered 503.",
        CreatedAt = Created,
        LastAttemptAt = Created.AddSeconds(10),
        NextAttemptAt = Created.AddSeconds(70),
        Body = """{"type":"match.mutual","timestamp":"2026-11-20T10:15:00Z","data":{"matchId":"0a7e5c4d-3b2a-4f19-8e6d-5c4b3a291807","needId":"6f1e2d3c-4b5a-4697-8877-665544332211","partnerId":"1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f","smeId":"9e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a","status":"mutual","score":87.0}}""",
    };

    public static DeliveryResponse Queued => Retrying with { Status = WebhookDeliveries.Status.Pending, NextAttemptAt = Created.AddMinutes(5) };

    public static DeliveryResponse ProfileRejected => new()
    {
        Id = Guid.Parse("019ab0c2-6c3d-7e0f-8a2b-4c1d7e0f3a5b"),
        Event = WebhookEvents.ProfileRejected,
        Status = WebhookDeliveries.Status.Delivered,
        Attempts = 1,
        LastResponseCode = 204,
        CreatedAt = Created.AddMinutes(-30),
        LastAttemptAt = Created.AddMinutes(-30),
        DeliveredAt = Created.AddMinutes(-30),
        Body = """{"type":"profile.rejected","timestamp":"2026-11-20T09:45:00Z","data":{"profileId":"9e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a","kind":"sme","status":"rejected","note":"The INN does not match the registry; please correct it."}}""",
    };

    public static Page<DeliveryResponse> Page => new([Retrying, ProfileRejected], null);
}
