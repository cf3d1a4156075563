using System.Buffers.Binary;
using Microsoft.AspNetCore.WebUtilities;

namespace Matchmaker.Api.Infrastructure.Http;

/// <summary>Keyset cursors: the last row's key, base64url-encoded so clients treat it as opaque.</summary>
internal static class Cursor
{
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
}
