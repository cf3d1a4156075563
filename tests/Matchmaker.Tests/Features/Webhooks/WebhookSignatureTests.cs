using Matchmaker.Api.Features.Webhooks;
using Matchmaker.Api.Features.Webhooks.Deliveries;
using Microsoft.AspNetCore.Http;
using StandardWebhooks;
using StandardWebhooks.Diagnostics;

namespace Matchmaker.Tests.Features.Webhooks;

/// <summary>The signature receivers check: the Standard Webhooks test vector, and agreement with the StandardWebhooks library.</summary>
public sealed class WebhookSignatureTests
{
    [Fact]
    public void The_specifications_test_vector_signs_as_published()
    {
        var signature = WebhookSignature.Sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, """{"test": 2432232314}""");

        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", signature);
    }

    [Fact]
    public void The_library_accepts_what_is_signed_and_refuses_any_changed_byte()
    {
        var random = new Random(1126);
        var refused = 0;
        for (var i = 0; i < 200; i++)
        {
            var secret = WebhookSecret.New();
            var id = Guid.NewGuid().ToString();
            var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            var body = $$$"""{"type":"match.mutual","data":{"score":{{{random.Next(0, 1001) / 10.0}}},"n":"{{{new string('x', random.Next(0, 50))}}}"}}""";
            var headers = Headers(id, now, WebhookSignature.Sign(secret, id, now, body));

            new StandardWebhook(secret).Verify(body, headers);

            var tampered = body.Replace("match.mutual", "match.declined");
            Assert.Throws<WebhookVerificationException>(() => new StandardWebhook(secret).Verify(tampered, headers));
            Assert.Throws<WebhookVerificationException>(() => new StandardWebhook(WebhookSecret.New()).Verify(body, headers));
            refused += 2;
        }

        Assert.Equal(400, refused);
    }

    private static HeaderDictionary Headers(string id, long timestamp, string signature) => new()
    {
        [WebhookSignature.IdHeader] = id,
        [WebhookSignature.TimestampHeader] = timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [WebhookSignature.SignatureHeader] = signature,
    };
}
