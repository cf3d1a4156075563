using System.Security.Cryptography;
using System.Text;

namespace Matchmaker.Api.Features.Demo;

/// <summary>Public ids and e-mail tags of the demo world, derived from a name so every run produces the same ones.</summary>
internal static class DemoIds
{
    public static Guid For(string kind, int index)
    {
        var bytes = Hash(kind, index).AsSpan(0, 16).ToArray();
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    public static string Tag(string kind, int index) => Convert.ToHexStringLower(Hash(kind, index), 0, 4);

    private static byte[] Hash(string kind, int index) => SHA256.HashData(Encoding.UTF8.GetBytes($"matchmaker-demo/{kind}/{index}"));
}
