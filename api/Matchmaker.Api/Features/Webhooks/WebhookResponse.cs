using Matchmaker.Api.Features.Shared;

namespace Matchmaker.Api.Features.Webhooks;

/// <summary>A subscription as its owner reads it: never with its secret.</summary>
public sealed record WebhookResponse
{
    public Guid Id { get; init; }
    public string Url { get; init; } = "";
    public IReadOnlyList<string> Events { get; init; } = [];
    public string? Description { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
    public int Version { get; init; }

    internal static WebhookResponse From(WebhookRow row) => new()
    {
        Id = row.PublicId,
        Url = row.Url,
        Events = JsonList.Read(row.Events),
        Description = row.Description,
        CreatedAt = row.CreatedAt,
        UpdatedAt = row.UpdatedAt,
        Version = row.Version,
    };
}

/// <summary>A subscription with the secret that signs its deliveries: answered once, at creation or rotation.</summary>
public sealed record IssuedWebhookResponse
{
    public Guid Id { get; init; }
    public string Url { get; init; } = "";
    public IReadOnlyList<string> Events { get; init; } = [];
    public string? Description { get; init; }
    public string Secret { get; init; } = "";
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
    public int Version { get; init; }

    internal static IssuedWebhookResponse From(WebhookRow row) => new()
    {
        Id = row.PublicId,
        Url = row.Url,
        Events = JsonList.Read(row.Events),
        Description = row.Description,
        Secret = row.Secret,
        CreatedAt = row.CreatedAt,
        UpdatedAt = row.UpdatedAt,
        Version = row.Version,
    };
}

internal static class WebhookExamples
{
    private static readonly Guid Id = Guid.Parse("5b0c3a4e-8f21-4d7a-9c55-2e6f1a9b7d30");
    private static readonly DateTime Created = new(2026, 11, 20, 9, 30, 0, DateTimeKind.Utc);

    public static WebhookRequest Request => new()
    {
        Url = "https://hooks.example.kg/matchmaker",
        Events = [WebhookEvents.MatchMutual, WebhookEvents.MatchStageChanged],
        Description = "CRM intake",
    };

    public static WebhookResponse Read => new()
    {
        Id = Id,
        Url = Request.Url!,
        Events = Request.Events!,
        Description = Request.Description,
        CreatedAt = Created,
        UpdatedAt = Created,
        Version = 1,
    };

    public static IssuedWebhookResponse Issued => new()
    {
        Id = Id,
        Url = Request.Url!,
        Events = Request.Events!,
        Description = Request.Description,
        Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw7QbZ5YxXtCo=",
        CreatedAt = Created,
        UpdatedAt = Created,
        Version = 1,
    };

    public static Page<WebhookResponse> Page => new([Read], null);
}

internal static class WebhookDocs
{
    public static readonly string Rules =
        "`events`: one or more of " + string.Join(", ", WebhookEvents.All.Select(e => $"`{e}`"))
        + "; each must be one your role receives (`match.suggested` only sme and partner; `need.*` sme, agency, admin; `job.completed` agency, admin; `profile.verified`, `profile.rejected` the profile's owner, agency, admin; `profile.pending` agency, admin), else 400. "
        + "`profile.verified` and `profile.rejected` carry `data` `{profileId, kind: sme|partner, status, note?}`, `note` being the agency's own text. "
        + "`profile.pending` (same `data`, `status` `pending`, no `note`) tells the agencies' work queue that a profile awaits a decision: "
        + "an SME or partner profile was created, or an edit sent a verified or rejected one back; an edit of a profile already pending sends nothing. "
        + "`url`: absolute https, resolving only to public addresses (not loopback, private, link-local, CGNAT, unique-local or multicast) unless the server sets `Webhooks:AllowPrivateNetworks`. "
        + "`description`: optional, up to 500 characters.";
}
