using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace Matchmaker.Api.Infrastructure.Http;

/// <summary>A list query that pages by cursor: what the client sends in <c>cursor</c>, replaced by its position once opened.</summary>
internal interface ICursorQuery
{
    string? Cursor { get; set; }
}

/// <summary>
/// The cursors clients hold: a keyset position sealed with Data Protection for the route pattern and the
/// caller that received it. They reveal no id, time or count, cannot be built or changed, are refused on
/// another route or by another caller, and do not expire (the key ring keeps retired keys for opening).
/// </summary>
internal sealed class SealedCursors(IDataProtectionProvider provider)
{
    private const string Purpose = "Matchmaker.Cursors.v1";
    private const string Anonymous = "anonymous";
    public const string Refused = "'cursor' is not a cursor this API returned for this list and caller; start again without one.";

    private readonly IDataProtector root = provider.CreateProtector(Purpose);

    public string Seal(HttpContext context, string position) =>
        WebEncoders.Base64UrlEncode(For(context).Protect(WebEncoders.Base64UrlDecode(position)));

    public bool TryOpen(HttpContext context, string cursor, out string position)
    {
        position = "";
        if (cursor.Length > Cursor.MaxLength)
            return false;
        try
        {
            position = WebEncoders.Base64UrlEncode(For(context).Unprotect(WebEncoders.Base64UrlDecode(cursor)));
            return true;
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            return false;
        }
    }

    private IDataProtector For(HttpContext context) => root.CreateProtector(
        context.GetEndpoint() is RouteEndpoint endpoint ? endpoint.RoutePattern.RawText ?? "" : context.Request.Path.Value ?? "",
        context.User.PublicId()?.ToString("D") ?? Anonymous);
}
