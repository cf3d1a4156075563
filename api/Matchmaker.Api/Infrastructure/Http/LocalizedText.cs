using System.Globalization;

namespace Matchmaker.Api.Infrastructure.Http;

/// <summary>
/// A message of our own in the request's language (<see cref="Languages"/> sets the UI culture from
/// Accept-Language), as FluentValidation's built-in messages are; English for any other culture.
/// </summary>
internal static class LocalizedText
{
    public static string Pick(string en, string ru, string zh) => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName switch
    {
        "ru" => ru,
        "zh" => zh,
        _ => en,
    };
}
