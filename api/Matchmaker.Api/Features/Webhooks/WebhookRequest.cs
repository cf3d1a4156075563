using Matchmaker.Api.Features.Shared;

namespace Matchmaker.Api.Features.Webhooks;

/// <summary>The client-owned fields of a subscription: the body of both POST and PUT.</summary>
public sealed class WebhookRequest
{
    public string? Url { get; set; }
    public List<string>? Events { get; set; }
    public string? Description { get; set; }
}

internal sealed class WebhookRequestValidator : Validator<WebhookRequest>
{
    public const int MaxUrlLength = FieldBounds.UrlMaxLength;
    public const int MaxDescriptionLength = 500;

    public WebhookRequestValidator()
    {
        RuleFor(x => x.Url).Cascade(CascadeMode.Stop).NotEmpty().MaximumLength(MaxUrlLength).IdentifierText()
            .Must(url => IsHttpUrl(url!)).WithMessage(_ => Messages.Get("Webhook.Url"));
        RuleFor(x => x.Events).Cascade(CascadeMode.Stop).NotEmpty()
            .Must(events => events!.All(IsKnown)).WithMessage(x => Messages.Get("Webhook.UnknownEvent", List, Unknown(x.Events!)))
            .Must(events => events!.Distinct(StringComparer.Ordinal).Count() == events!.Count).WithMessage(_ => Messages.Get("Webhook.RepeatedEvent"));
        RuleFor(x => x.Description).MaximumLength(MaxDescriptionLength).LineText();
    }

    private static string List => string.Join(", ", WebhookEvents.All);

    private static bool IsKnown(string? name) => name is not null && WebhookEvents.Receivers.ContainsKey(name);

    private static string Unknown(IEnumerable<string?> events) => events.First(e => !IsKnown(e)) ?? "null";

    // https alone is the guard's rule, as it depends on Webhooks:AllowPrivateNetworks.
    private static bool IsHttpUrl(string url) =>
        Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && string.IsNullOrEmpty(uri.UserInfo)
        && uri.Host.Length > 0;
}

internal static class WebhookBounds
{
    public static void DescribeFields(FieldBounds fields) => fields
        .String("WebhookRequest.url", WebhookRequestValidator.MaxUrlLength, format: "uri")
        .String("WebhookResponse.url", WebhookRequestValidator.MaxUrlLength, format: "uri")
        .String("WebhookRequest.description", WebhookRequestValidator.MaxDescriptionLength)
        .String("WebhookResponse.description", WebhookRequestValidator.MaxDescriptionLength)
        .List("WebhookRequest.events", new StringLimit(WebhookEvents.MaxNameLength, Enum: WebhookEvents.All), WebhookEvents.All.Length)
        .List("WebhookResponse.events", new StringLimit(WebhookEvents.MaxNameLength, Enum: WebhookEvents.All), WebhookEvents.All.Length)
        .String("secret", WebhookSecret.Length, WebhookSecret.Pattern)
        .Code("DeliveryResponse.event", WebhookEvents.MaxNameLength, WebhookEvents.All)
        .Code("DeliveryResponse.status", 9, Deliveries.WebhookDeliveries.Status.All)
        .String("DeliveryResponse.lastError", Deliveries.WebhookDeliveries.MaxErrorLength)
        .String("DeliveryResponse.body", Deliveries.WebhookDeliveries.MaxBodyLength)
        .Integer("DeliveryResponse.lastResponseCode", 100, 599)
        .Integer("DeliveryResponse.attempts", 0, int.MaxValue);
}
