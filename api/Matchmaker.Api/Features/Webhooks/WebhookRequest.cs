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
            .Must(url => IsHttpUrl(url!)).WithMessage(_ => LocalizedText.Pick(
                "'url' must be an absolute http or https URL.",
                "'url' должен быть абсолютным URL со схемой http или https.",
                "'url' 必须是 http 或 https 的绝对 URL。"));
        RuleFor(x => x.Events).Cascade(CascadeMode.Stop).NotEmpty()
            .Must(events => events!.All(IsKnown)).WithMessage(x => LocalizedText.Pick(
                $"'events' may hold only {List}; '{Unknown(x.Events!)}' is not one of them.",
                $"'events' может содержать только {List}; '{Unknown(x.Events!)}' среди них нет.",
                $"'events' 只能包含 {List}；'{Unknown(x.Events!)}' 不在其中。"))
            .Must(events => events!.Distinct(StringComparer.Ordinal).Count() == events!.Count).WithMessage(_ => LocalizedText.Pick(
                "'events' names an event twice.",
                "'events' называет одно событие дважды.",
                "'events' 重复列出了同一事件。"));
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
