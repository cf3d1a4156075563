using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Matchmaker.Tests.Infrastructure.Http;

/// <summary>A client reads every refusal, our own messages and titles included, in the language it asked for.</summary>
public sealed class LocalizedProblemTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    private static HttpRequestMessage In(string language, HttpMethod method, string path, JsonNode? body = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("Accept-Language", language);
        return request;
    }

    [Theory]
    [InlineData("en", "One or more validation errors occurred.", "'role' must be 'sme' or 'partner'", "'horizonMonths' must be between 1 and 120")]
    [InlineData("ru", "Обнаружены ошибки проверки данных.", "'role' должен быть 'sme' или 'partner'", "'horizonMonths' должно быть в диапазоне от 1 до 120")]
    [InlineData("zh-CN", "发生了一个或多个验证错误。", "'role' 必须是 'sme' 或 'partner'", "'horizonMonths' 必须在 1 (包含)和 120 (包含)之间")]
    public async Task Validation_refusals_read_in_the_requested_language_with_fields_named_as_the_client_writes_them(string language, string title, string role, string horizon)
    {
        var (owner, smeId) = await Create.SmeAccountAsync(api);
        var client = api.CreateClient();

        var registered = await Expect.ProblemAsync(await client.SendAsync(In(language, HttpMethod.Post, "/api/v1/auth/register",
            new JsonObject { ["email"] = api.UniqueEmail("lang"), ["password"] = ApiFixture.Password, ["role"] = "admin" })), 400, "role");
        var need = Bodies.Need();
        need["horizonMonths"] = 999;
        var posted = await Expect.ProblemAsync(await owner.Client.SendAsync(In(language, HttpMethod.Post, $"/api/v1/smes/{smeId}/needs", need)), 400, "horizonMonths");

        Assert.Equal(title, registered["title"]!.GetValue<string>());
        Assert.StartsWith(role, registered["errors"]!["role"]![0]!.GetValue<string>());
        Assert.StartsWith(horizon, posted["errors"]!["horizonMonths"]![0]!.GetValue<string>());
    }

    [Theory]
    [InlineData("en", "Not Found", "The need was not found.")]
    [InlineData("ru", "Не найдено", "Потребность не найдена.")]
    [InlineData("zh-TW", "未找到", "未找到该需求。")]
    public async Task A_refusal_of_our_own_has_its_title_and_detail_in_the_requested_language(string language, string title, string detail)
    {
        var (owner, _) = await Create.SmeAccountAsync(api);

        var missing = await Expect.ProblemAsync(await owner.Client.SendAsync(In(language, HttpMethod.Get, $"/api/v1/needs/{Guid.NewGuid()}")), 404);

        Assert.Equal((title, detail), (missing["title"]!.GetValue<string>(), missing["detail"]!.GetValue<string>()));
    }
}
