using System.Buffers.Binary;
using Microsoft.AspNetCore.WebUtilities;

namespace Matchmaker.Api.Infrastructure.Http;

/// <summary>
/// Keyset cursors: the last row's sort keys, base64url-encoded so clients treat them as opaque.
/// Every list ends its order on the row's internal id, so the last key is always one.
/// </summary>
internal static class Cursor
{
    private const int KeyBytes = 8;
    private const int MaxKeys = 3;

    /// <summary>The longest cursor the API hands out: unpadded base64url of the most keys a list sorts on.</summary>
    public const int MaxLength = (MaxKeys * KeyBytes * 4 + 2) / 3;

    public static string Encode(params ReadOnlySpan<long> keys)
    {
        if (keys.Length is 0 or > MaxKeys)
            throw new ArgumentOutOfRangeException(nameof(keys), keys.Length, $"A cursor holds 1 to {MaxKeys} keys.");
        Span<byte> bytes = stackalloc byte[keys.Length * KeyBytes];
        for (var i = 0; i < keys.Length; i++)
            BinaryPrimitives.WriteInt64BigEndian(bytes[(i * KeyBytes)..], keys[i]);
        return WebEncoders.Base64UrlEncode(bytes);
    }

    /// <summary>Reads a cursor of exactly <paramref name="count"/> non-negative keys, the last (an id) positive.</summary>
    public static bool TryDecode(string? cursor, int count, out long[] keys)
    {
        keys = new long[count];
        if (string.IsNullOrEmpty(cursor) || cursor.Length > MaxLength)
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
