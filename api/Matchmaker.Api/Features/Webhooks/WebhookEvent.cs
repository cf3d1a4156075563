using System.Text.Json;
using System.Text.Json.Serialization;

namespace Matchmaker.Api.Features.Webhooks;

/// <summary>
/// Something that happened, as subscribers are told of it. <paramref name="Parties"/> are the accounts
/// (by id) the record belongs to; agency and admin subscriptions receive it too when
/// <see cref="WebhookEvents.Receivers"/> says their role does. <paramref name="Data"/> holds ids and the
/// new state, never contact details.
/// </summary>
internal sealed record WebhookEvent(string Type, DateTime At, IReadOnlyCollection<Guid> Parties, object Data)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The body every subscriber receives: <c>{type, timestamp, data}</c>.</summary>
    public string Body() => JsonSerializer.Serialize(new Envelope(Type, DateTime.SpecifyKind(At, DateTimeKind.Utc), Data), Json);

    private sealed record Envelope(string Type, DateTime Timestamp, object Data);
}
