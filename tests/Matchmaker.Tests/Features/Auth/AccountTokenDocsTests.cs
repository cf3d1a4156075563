using System.Text.Json.Nodes;
using Matchmaker.Tests.Infrastructure.Http.RateLimits;

namespace Matchmaker.Tests.Features.Auth;

/// <summary>The account-mail routes as the OpenAPI document describes them to a client, with the limits an operator gets by default.</summary>
public sealed class AccountTokenDocsTests(DefaultLimitsApi api) : IClassFixture<DefaultLimitsApi>
{
    private async Task<JsonNode> DocumentAsync() =>
        JsonNode.Parse(await api.CreateClient().GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken))!;

    [Theory]
    [InlineData("/api/v1/auth/password-reset", "202", "signin")]
    [InlineData("/api/v1/auth/password-reset/confirm", "204", "signin-ip")]
    [InlineData("/api/v1/auth/verify-email", "204", "signin-ip")]
    [InlineData("/api/v1/auth/verify-email/resend", "202", "write")]
    public async Task Each_route_is_documented_with_its_answer_and_its_limits_and_a_bodiless_202_promises_no_location(string path, string success, string policy)
    {
        var operation = (await DocumentAsync())["paths"]![path]!["post"]!;
        var answer = operation["responses"]![success]!;

        Assert.False(string.IsNullOrWhiteSpace(operation["summary"]?.GetValue<string>()));
        Assert.Contains("429", operation["responses"]!.AsObject().Select(r => r.Key));
        Assert.Null(answer["content"]);
        Assert.Null(answer["headers"]?["Location"]);
        Assert.Contains($"`{policy}`", answer["headers"]!["RateLimit-Policy"]!["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task Tokens_are_documented_as_43_base64url_characters_and_accounts_say_whether_their_address_is_verified()
    {
        var schemas = (await DocumentAsync())["components"]!["schemas"]!.AsObject();

        var token = schemas["MatchmakerApiFeaturesAuthVerifyEmailRequest"]!["properties"]!["token"]!;
        Assert.Equal(43, token["maxLength"]!.GetValue<int>());
        Assert.Equal("^[A-Za-z0-9_-]{43}$", token["pattern"]!.GetValue<string>());
        Assert.Equal("boolean", schemas["MatchmakerApiFeaturesAuthMeResponse"]!["properties"]!["emailVerified"]!["type"]!.GetValue<string>());
        Assert.Equal("boolean", schemas["MatchmakerApiFeaturesUsersUserResponse"]!["properties"]!["emailVerified"]!["type"]!.GetValue<string>());
    }
}
