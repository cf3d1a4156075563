using System.Globalization;
using System.Resources;

namespace Matchmaker.Api.Infrastructure.Http;

/// <summary>
/// Every message of our own that a client reads, from <c>Resources/Messages.resx</c> (English) and its
/// Russian and Chinese files, in the request's UI culture (<see cref="Languages"/> sets it from
/// Accept-Language; <c>zh-CN</c> and <c>zh-TW</c> both read <c>Messages.zh.resx</c>). Values are
/// composite format strings; a test checks that every key exists in every language with the same
/// placeholders, and that every key the code names exists.
/// </summary>
internal static class Messages
{
    public const string BaseName = "Matchmaker.Api.Resources.Messages";

    private static readonly ResourceManager Resources = new(BaseName, typeof(Messages).Assembly);

    public static string Get(string key, params object?[] args)
    {
        var culture = CultureInfo.CurrentUICulture;
        var text = Resources.GetString(key, culture) ?? key;
        return args.Length == 0 ? text : string.Format(culture, text, args);
    }

    /// <summary>The title of a problem answer with this status, in the request's language.</summary>
    public static string Title(int status) => Get($"Title.{status}");
}
