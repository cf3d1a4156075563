using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Matchmaker.Tests.Features.Matching;
using Matchmaker.Tests.Features.Matching.Criteria;
using Matchmaker.Tests.Features.Matching.Jobs;

namespace Matchmaker.Tests.Security;

/// <summary>
/// The <see cref="DealCast"/> (an SME and a partner with a match, another SME, an uninvolved partner, agency,
/// admin) plus what the route probes need besides: a second need of the SME that probes may rewrite, a spare
/// account the admin may rewrite, a finished re-score job, a webhook subscription of the SME with one delivery, and a match at agreement
/// with an outcome.
/// </summary>
internal sealed record SecurityCast(DealCast Deal, Guid WritableNeedId, Actor Spare, Guid JobId, Guid WebhookId, Guid DeliveryId, Guid AgreedMatchId, Guid OutcomeId)
{
    public static readonly string[] Callers = ["anonymous", "owner", "other-sme", "partner", "other-partner", "agency", "admin"];

    public static async Task<SecurityCast> CreateAsync(ApiFixture api)
    {
        var deal = await DealCast.CreateAsync(api);
        var writable = await Create.NeedAsync(deal.Owner, deal.SmeId, Bodies.Need(title: "Probe-writable need"));
        var spare = await api.UserAsync("sme");
        var read = await deal.Admin.Client.GetAsync("/api/v1/criteria");
        await Expect.StatusAsync(read, 200);
        var accepted = await deal.Admin.Client.PutAsync("/api/v1/criteria", CriteriaBodies.Valid(), read.ETag());
        await Expect.StatusAsync(accepted, 202);
        var jobUrl = accepted.Headers.Location!.ToString();
        var job = await JobPolling.WaitForStatusAsync(deal.Admin.Client, jobUrl, "succeeded");
        var webhook = await WebhookAsync(deal.Owner);
        await Expect.StatusAsync(await Matches.PostActionAsync(deal.Owner.Client, await deal.FreshMatchAsync(), "interest"), 200);
        var deliveries = await Expect.StatusAsync(await deal.Owner.Client.GetAsync($"/api/v1/webhooks/{webhook}/deliveries"), 200);
        var delivery = Guid.Parse(deliveries["items"]![0]!["id"]!.GetValue<string>());
        var agreed = await deal.FreshMatchAsync("agreement");
        var outcome = await Expect.StatusAsync(await deal.Owner.Client.PostAsJsonAsync($"/api/v1/matches/{agreed}/outcomes",
            new JsonObject { ["investment"] = new JsonObject { ["amount"] = 100_000, ["currency"] = "KGS" }, ["jobsCreated"] = 3, ["youthJobs"] = 1 }), 201);
        return new SecurityCast(deal, writable, spare, Guid.Parse(job["id"]!.GetValue<string>()), webhook, delivery, agreed, Guid.Parse(outcome["id"]!.GetValue<string>()));
    }

    /// <summary>The id a probe of a route puts in its path; fresh records are made for probes that change them.</summary>
    public async Task<string?> IdForAsync(Target target) => target switch
    {
        Target.None => null,
        Target.Sme => Deal.SmeId.ToString(),
        Target.Need => Deal.NeedId.ToString(),
        Target.WritableNeed => WritableNeedId.ToString(),
        Target.FreshNeed => (await Create.NeedAsync(Deal.Owner, Deal.SmeId, Bodies.Need(title: $"Probe {Guid.NewGuid():N}"))).ToString(),
        Target.Partner => Deal.PartnerId.ToString(),
        Target.Match => Deal.MatchId.ToString(),
        Target.FreshMatch => (await Deal.FreshMatchAsync()).ToString(),
        Target.MutualMatch => (await Deal.FreshMatchAsync("mutual")).ToString(),
        Target.AgreedMatch => AgreedMatchId.ToString(),
        Target.Outcome => $"{AgreedMatchId}/{OutcomeId}",
        Target.SpareUser => Spare.UserId.ToString(),
        Target.Job => JobId.ToString(),
        Target.ReferenceList => "regions",
        Target.Webhook => WebhookId.ToString(),
        Target.FreshWebhook => (await WebhookAsync(Deal.Owner)).ToString(),
        Target.WebhookDelivery => $"{WebhookId}/{DeliveryId}",
        _ => throw new ArgumentOutOfRangeException(nameof(target)),
    };

    /// <summary>
    /// The route with its ids filled in: a target of a route with two ids (a match's outcome) holds both,
    /// separated by '/'; a single id (an unknown one) fills every place.
    /// </summary>
    public static string Fill(string template, string id)
    {
        var ids = new Queue<string>(id.Split('/'));
        return System.Text.RegularExpressions.Regex.Replace(template, @"\{\w+\}", _ => ids.Count > 1 ? ids.Dequeue() : ids.Peek());
    }

    public static JsonObject WebhookBody() => new()
    {
        ["url"] = Features.Webhooks.WebhookTests<ApiFixture>.PublicUrl,
        ["events"] = new JsonArray("match.interest"),
    };

    private static async Task<Guid> WebhookAsync(Actor owner)
    {
        var created = await Expect.StatusAsync(await owner.Client.PostAsJsonAsync("/api/v1/webhooks", WebhookBody()), 201);
        return Guid.Parse(created["id"]!.GetValue<string>());
    }

    /// <summary>Waits for the re-score jobs at these addresses to end, so the stored matches can be checked.</summary>
    public async Task SettleAsync(IEnumerable<string> jobUrls)
    {
        foreach (var url in jobUrls)
            await JobPolling.WaitForAsync(Deal.Admin.Client, url, j => JobPolling.Status(j) is "succeeded" or "failed");
    }
}
