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
/// The cursors clients hold: a keyset position sealed with Data Protection for the route pattern, the
/// caller that received it and the list's filters. They reveal no id, time or count, cannot be built or
/// changed, are refused on another route, by another caller or with other filters (a walk cannot switch
/// lists half-way), and do not expire (the key ring keeps retired keys for opening).
/// </summary>
internal sealed class SealedCursors(IDataProtectionProvider provider)
{
    private const string Purpose = "Matchmaker.Cursors.v1";
    private const string Anonymous = "anonymous";
    public static string Refused => Messages.Get("Cursor.Refused");

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

    private IDataProtector For(HttpContext context)
    {
        var route = context.GetEndpoint() is RouteEndpoint endpoint ? endpoint.RoutePattern.RawText ?? "" : context.Request.Path.Value ?? "";
        var caller = context.User.PublicId()?.ToString("D") ?? Anonymous;
        var filters = Filters(context.Request.Query);
        // An unfiltered list keeps the two purposes cursors were sealed for before filters counted, so those still open.
        return filters.Length == 0 ? root.CreateProtector(route, caller) : root.CreateProtector(route, caller, filters);
    }

    /// <summary>Every query parameter but the position and the page size, in one order: what a cursor is bound to besides route and caller.</summary>
    internal static string Filters(IQueryCollection query) => string.Join('&', query
        .Where(p => !p.Key.Equals("cursor", StringComparison.OrdinalIgnoreCase) && !p.Key.Equals("limit", StringComparison.OrdinalIgnoreCase))
        .Select(p => (Key: p.Key.ToLowerInvariant(), Value: p.Value.ToString()))
        .OrderBy(p => p.Key, StringComparer.Ordinal)
        .Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
}
