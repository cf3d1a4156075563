using System.Buffers.Binary;
using Microsoft.AspNetCore.WebUtilities;

namespace Matchmaker.Api.Infrastructure.Http;

/// <summary>
/// Keyset positions: the last row's sort keys, base64url-encoded. Every list ends its order on the row's
/// internal id, so the last key is always one. A position never leaves the API as it is:
/// <see cref="SealedCursors"/> seals it into the opaque cursor a client holds.
/// </summary>
internal static class Cursor
{
    private const int KeyBytes = 8;
    private const int MaxKeys = 3;

    // Data Protection's default algorithm (AES-256-CBC then HMAC-SHA256) writes a 4-byte magic header,
    // the 16-byte key id, a 16-byte key modifier, the 16-byte IV, the plaintext padded to whole
    // 16-byte blocks, and the 32-byte MAC. Two or three keys (16 or 24 bytes) pad to the same two
    // blocks, so every cursor has this length and none tells how many keys it holds.
    private const int SealedBytes = 4 + 16 + 16 + 16 + (MaxKeys * KeyBytes / 16 + 1) * 16 + 32;

    /// <summary>The length of every cursor the API hands out: unpadded base64url of a sealed position.</summary>
    public const int MaxLength = (SealedBytes * 4 + 2) / 3;

    public static string Encode(params ReadOnlySpan<long> keys)
    {
        if (keys.Length is 0 or > MaxKeys)
            throw new ArgumentOutOfRangeException(nameof(keys), keys.Length, $"A cursor holds 1 to {MaxKeys} keys.");
        Span<byte> bytes = stackalloc byte[keys.Length * KeyBytes];
        for (var i = 0; i < keys.Length; i++)
            BinaryPrimitives.WriteInt64BigEndian(bytes[(i * KeyBytes)..], keys[i]);
        return WebEncoders.Base64UrlEncode(bytes);
    }

    /// <summary>Reads a position of exactly <paramref name="count"/> non-negative keys, the last (an id) positive.</summary>
    public static bool TryDecode(string? cursor, int count, out long[] keys)
    {
        keys = new long[count];
        if (string.IsNullOrEmpty(cursor) || cursor.Length > (MaxKeys * KeyBytes * 4 + 2) / 3)
            return false;
        byte[] bytes;
        try
        {
            bytes = WebEncoders.Base64UrlDecode(cursor);
        }
        catch (FormatException)
        {
            return false;
        }

        if (bytes.Length != count * KeyBytes)
            return false;
        for (var i = 0; i < count; i++)
            keys[i] = BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(i * KeyBytes));
        return keys.All(k => k >= 0) && keys[^1] > 0;
    }

    /// <summary>A creation time kept in a cursor, or null where the key cannot be one.</summary>
    public static DateTime? Time(long ticks) => ticks <= DateTime.MaxValue.Ticks ? new DateTime(ticks, DateTimeKind.Utc) : null;
}
