using System.Security.Claims;

namespace Matchmaker.Api.Features.Webhooks;

/// <summary>The checks of a subscription body that need the caller or the network: run by both POST and PUT after the validator.</summary>
internal static class WebhookChecks
{
    /// <summary>The field and message of the first refusal, or null when the body may be stored.</summary>
    public static async Task<(string Field, string Message)?> RefusalAsync(WebhookRequest req, ClaimsPrincipal caller, WebhookUrlGuard guard, CancellationToken ct)
    {
        var role = caller.Role();
        if (req.Events!.FirstOrDefault(e => !WebhookEvents.Reaches(e, role)) is { } unreachable)
            return ("events", Messages.Get("Webhook.RoleNeverReceives", role, unreachable));

        return await guard.RefusalAsync(req.Url!.Trim(), ct) is { } refusal ? ("url", refusal) : null;
    }
}
