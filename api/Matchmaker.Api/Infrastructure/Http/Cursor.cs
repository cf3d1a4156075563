using System.Buffers.Binary;
using Microsoft.AspNetCore.WebUtilities;

namespace Matchmaker.Api.Infrastructure.Http;

/// <summary>Keyset cursors: the last row's key, base64url-encoded so clients treat it as opaque.</summary>
internal static class Cursor
{
    /// <summary>The longest cursor the API hands out: unpadded base64url of the two-key cursor's 16 bytes.</summary>
    public const int MaxLength = (16 * 4 + 2) / 3;

    public static string Encode(long key)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(bytes, key);
        return WebEncoders.Base64UrlEncode(bytes);
    }

    public static bool TryDecode(string? cursor, out long key)
    {
        key = 0;
        if (string.IsNullOrEmpty(cursor) || cursor.Length > 16)
            return false;
        try
        {
            var bytes = WebEncoders.Base64UrlDecode(cursor);
            if (bytes.Length != 8)
                return false;
            key = BinaryPrimitives.ReadInt64BigEndian(bytes);
            return key > 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>A two-part key, for lists ordered by a value and then an id (e.g. score descending, id ascending).</summary>
    public static string Encode(long first, long second)
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteInt64BigEndian(bytes, first);
        BinaryPrimitives.WriteInt64BigEndian(bytes[8..], second);
        return WebEncoders.Base64UrlEncode(bytes);
    }

    public static bool TryDecode(string? cursor, out long first, out long second)
    {
        first = 0;
        second = 0;
        if (string.IsNullOrEmpty(cursor) || cursor.Length > 24)
            return false;
        try
        {
            var bytes = WebEncoders.Base64UrlDecode(cursor);
            if (bytes.Length != 16)
                return false;
            first = BinaryPrimitives.ReadInt64BigEndian(bytes);
            second = BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(8));
            return first >= 0 && second > 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
