using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Matchmaker.Tests.Features.Webhooks;

/// <summary>A subscription of one account, posting to its own hook name on the fixture's receiver.</summary>
internal sealed record Hook(Actor Owner, Guid Id, string Name, string Secret)
{
    public static async Task<Hook> SubscribeAsync(IHookApi api, Actor owner, params string[] events)
    {
        var name = $"{owner.Role}-{Guid.NewGuid():N}";
        var body = new JsonObject
        {
            ["url"] = api.Receiver.UrlOf(name),
            ["events"] = new JsonArray(events.Select(e => (JsonNode?)e).ToArray()),
        };
        var created = await Expect.StatusAsync(await owner.Client.PostAsJsonAsync("/api/v1/webhooks", body), 201);
        return new Hook(owner, Guid.Parse(created["id"]!.GetValue<string>()), name, created["secret"]!.GetValue<string>());
    }

    public Task<List<JsonObject>> DeliveriesAsync(string query = "") => Paging.AllAsync(Owner.Client, $"/api/v1/webhooks/{Id}/deliveries{query}", 100);
}
