namespace Matchmaker.Api.Infrastructure.OpenApi;

/// <summary>What each query parameter means, by name, with the routes where a name means something narrower.</summary>
internal static class ParameterDescriptions
{
    private const string AnySector = "An ISIC Rev.4 division such as `C28` or a section letter such as `C` (see `/api/v1/reference/sectors`).";

    private const string MatchStatuses = "One or more match statuses, comma-separated (`partner_interested,mutual`): only matches in one of them. An unknown status is a 400.";

    private const string AwaitingMe = "`true`: only the matches the other side said yes to and the caller's side has not; `false`: all the others. Agency and admin await nothing: `true` gives them an empty list.";

    private static readonly Dictionary<string, string> ByName = new(StringComparer.Ordinal)
    {
        ["limit"] = $"Page size, 1–{Paging.MaxLimit}; {Paging.DefaultLimit} when absent.",
        ["cursor"] = "The `nextCursor` of the previous page; absent for the first page. Opaque: do not build one.",
        ["region"] = "An ISO 3166-2:KG region code such as `KG-C` (see `/api/v1/reference/regions`): the SME's region.",
        ["sector"] = AnySector,
        ["city"] = "A Shandong city code such as `qingdao` (see `/api/v1/reference/cities`).",
        ["kind"] = "`manufacturer`, `investor` or `both`.",
        ["needType"] = "A need type code such as `equipment_supply` (see `/api/v1/reference/need-types`).",
        ["minUsd"] = "Smallest amount, in USD.",
        ["maxUsd"] = "Largest amount, in USD.",
        ["minScore"] = "Leaves out matches scoring below this (0–100).",
        ["status"] = "`open` (the default), `expired` (open, but past `expiresAt`) or `closed`.",
        ["role"] = "Only accounts with this role: `sme`, `partner`, `agency` or `admin`.",
        ["q"] = "Part of the name (`name` or `nameEn`) or of the description, in any script (Latin, Cyrillic, Chinese); letter case and ё/е do not count (`ала-тоо` finds «Ала-Тоо»). No control characters.",
        ["offering"] = "A need type code such as `equipment_supply` (see `/api/v1/reference/need-types`): only partners that offer it.",
        ["ticketUsd"] = "An amount in USD: only partners whose ticket range holds it (`ticket.minUsd` ≤ amount ≤ `ticket.maxUsd`).",
        ["targetRegion"] = "An ISO 3166-2:KG region code such as `KG-C`: only partners that target it, and those that target any region (empty `targetRegions`).",
        ["from"] = "Counts what was created at or after this UTC date (`2025-01-31`) or timestamp (`2025-01-31T08:00:00Z`).",
        ["to"] = "Counts what was created before this UTC date or timestamp (exclusive).",
        ["interval"] = "`month` (the default) or `quarter`.",
        ["format"] = "`csv` for the whole export as CSV (as `Accept: text/csv` does); `json` or absent for JSON pages.",
    };

    private static readonly Dictionary<(string Path, string Name), string> ByRoute = new()
    {
        [("/api/v1/needs", "sector")] = AnySector + " Applies to the need's own sectors, or its SME's when it has none.",
        [("/api/v1/needs", "q")] = "Part of the title or description, or of its SME's `name` or `nameEn`, in any script; letter case and ё/е do not count. No control characters.",
        [("/api/v1/partners", "q")] = "Part of the name (`name`, `nameZh` or `nameRu`) or of the description, in any script; letter case and ё/е do not count. No control characters.",
        [("/api/v1/partners/{id}/matches", "sector")] = AnySector + " Applies to the need's effective sectors.",
        [("/api/v1/verification-queue", "kind")] = "`sme` or `partner`: only profiles of that kind; both when absent.",
        [("/api/v1/needs/{id}/matches", "status")] = MatchStatuses,
        [("/api/v1/partners/{id}/matches", "status")] = MatchStatuses,
        [("/api/v1/reports/matches", "status")] = MatchStatuses,
        [("/api/v1/needs/{id}/matches", "awaitingMe")] = AwaitingMe + " For the need's SME that is `partner_interested`.",
        [("/api/v1/partners/{id}/matches", "awaitingMe")] = AwaitingMe + " For the partner that is `sme_interested`.",
    };

    public static string? For(string path, string name) =>
        ByRoute.TryGetValue((path, name), out var text) ? text
        : path.StartsWith("/api/v1/reports/", StringComparison.Ordinal) && name is "region" or "city" or "sector"
            ? $"{ByName[name]} See the operation's description for how it narrows each figure."
            : ByName.GetValueOrDefault(name);
}
