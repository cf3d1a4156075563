using System.Security.Cryptography;

namespace Matchmaker.Api.Features.Webhooks;

/// <summary>A signing secret in the Standard Webhooks form: <c>whsec_</c> and the base64 of 32 random bytes.</summary>
internal static class WebhookSecret
{
    public const string Prefix = "whsec_";
    public const int ByteLength = 32;
    public const string Pattern = "^whsec_[A-Za-z0-9+/]{43}=$";
    public const int Length = 50;

    public static string New() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(ByteLength));
}
