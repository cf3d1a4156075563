using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace Matchmaker.Tests.Infrastructure.Http;

/// <summary>Validation messages follow Accept-Language: English by default, Russian and Chinese on request.</summary>
public sealed partial class LanguageTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    [Theory]
    [InlineData("ru", "ru-RU,ru;q=0.9")]
    [InlineData("ru", "ru")]
    [InlineData("zh", "zh-CN,zh;q=0.9")]
    [InlineData("zh", "zh")]
    [InlineData("en", "de-DE")]
    [InlineData("en", null)]
    public async Task Validation_messages_follow_accept_language(string expected, string? acceptLanguage)
    {
        var sme = await api.UserAsync("sme");
        var body = Bodies.Sme();
        body["name"] = "";
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/smes") { Content = JsonContent.Create(body) };
        if (acceptLanguage is not null)
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);

        var problem = await Expect.ProblemAsync(await sme.Client.SendAsync(request), 400, "name");

        var message = problem["errors"]!["name"]![0]!.GetValue<string>();
        var script = Cyrillic().IsMatch(message) ? "ru" : Han().IsMatch(message) ? "zh" : "en";
        Assert.True(expected == script, $"expected a {expected} message, got: {message}");
    }

    [GeneratedRegex(@"\p{IsCyrillic}")]
    private static partial Regex Cyrillic();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();
}
