using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Net.Http.Headers;

namespace Matchmaker.Api.Infrastructure.Http;

/// <summary>
/// The request's language from Accept-Language: English, Russian or Chinese. FluentValidation
/// ships its messages in all three and picks them from the UI culture; its Chinese set is keyed
/// zh-CN / zh-TW, so a bare <c>zh</c> is read as simplified Chinese.
/// </summary>
internal static class Languages
{
    public static readonly CultureInfo[] Supported = [new("en"), new("ru"), new("zh-CN"), new("zh-TW")];

    public static RequestLocalizationOptions Options()
    {
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture("en"),
            SupportedCultures = Supported,
            SupportedUICultures = Supported,
        };
        options.RequestCultureProviders = [new CustomRequestCultureProvider(context => Task.FromResult(FromAcceptLanguage(context.Request)))];
        return options;
    }

    private static ProviderCultureResult? FromAcceptLanguage(HttpRequest request)
    {
        if (!StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptLanguage, out var values))
            return null;
        foreach (var value in values.OrderByDescending(v => v.Quality ?? 1))
        {
            var tag = value.Value.Value?.ToLowerInvariant() ?? "";
            var culture = tag switch
            {
                _ when tag.StartsWith("ru", StringComparison.Ordinal) => "ru",
                "zh-tw" or "zh-hk" or "zh-mo" or "zh-hant" => "zh-TW",
                _ when tag.StartsWith("zh", StringComparison.Ordinal) => "zh-CN",
                _ when tag.StartsWith("en", StringComparison.Ordinal) => "en",
                _ => null,
            };
            if (culture is not null)
                return new ProviderCultureResult(culture);
        }

        return null;
    }
}
