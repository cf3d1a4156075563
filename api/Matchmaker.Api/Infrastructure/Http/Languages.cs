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

    /// <summary>
    /// The best of <c>en</c>, <c>ru</c> and <c>zh</c> in the request's Accept-Language: the first such tag by
    /// descending q (header order among equals), leaving out q=0; null when it names none of them.
    /// </summary>
    public static string? BestOf(HttpRequest request) => Ranked(request).Select(Family).FirstOrDefault(f => f is not null);

    private static ProviderCultureResult? FromAcceptLanguage(HttpRequest request)
    {
        foreach (var tag in Ranked(request))
        {
            var culture = Family(tag) switch
            {
                "zh" when tag is "zh-tw" or "zh-hk" or "zh-mo" or "zh-hant" => "zh-TW",
                "zh" => "zh-CN",
                var family => family,
            };
            if (culture is not null)
                return new ProviderCultureResult(culture);
        }

        return null;
    }

    private static IEnumerable<string> Ranked(HttpRequest request) =>
        StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptLanguage, out var values)
            ? values.Where(v => (v.Quality ?? 1) > 0).OrderByDescending(v => v.Quality ?? 1).Select(v => v.Value.Value?.ToLowerInvariant() ?? "")
            : [];

    private static string? Family(string tag) => tag switch
    {
        _ when tag.StartsWith("ru", StringComparison.Ordinal) => "ru",
        _ when tag.StartsWith("zh", StringComparison.Ordinal) => "zh",
        _ when tag.StartsWith("en", StringComparison.Ordinal) => "en",
        _ => null,
    };
}
