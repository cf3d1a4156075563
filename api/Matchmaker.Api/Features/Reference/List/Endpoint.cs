using System.Text.Json.Serialization;

namespace Matchmaker.Api.Features.Reference.List;

public sealed record ReferenceItem
{
    public string Code { get; init; } = "";
    public string NameEn { get; init; } = "";
    public string NameRu { get; init; } = "";
    public string NameZh { get; init; } = "";

    /// <summary>Sectors only: the ISIC section letter.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Section { get; init; }

    /// <summary>Sectors only: <c>section</c> or <c>division</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Level { get; init; }

    /// <summary>Cities only: the GB/T 2260 division code.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Division { get; init; }
}

public sealed record Response(IReadOnlyList<ReferenceItem> Items);

internal sealed class Endpoint(ConnectionFactory db) : EndpointWithoutRequest<Response>
{
    private const string RegionsSql = "SELECT code AS Code, name_en AS NameEn, name_ru AS NameRu, name_zh AS NameZh FROM regions ORDER BY code";
    private const string CitiesSql = "SELECT code AS Code, name_en AS NameEn, name_ru AS NameRu, name_zh AS NameZh, division AS Division FROM cities ORDER BY division";
    private const string SectorsSql = "SELECT code AS Code, name_en AS NameEn, name_ru AS NameRu, name_zh AS NameZh, section AS Section, level AS Level FROM sectors ORDER BY code";
    private const string NeedTypesSql = "SELECT code AS Code, name_en AS NameEn, name_ru AS NameRu, name_zh AS NameZh FROM need_types ORDER BY code";
    private const string CurrenciesSql = "SELECT code AS Code, name_en AS NameEn, name_ru AS NameRu, name_zh AS NameZh FROM currencies ORDER BY code";

    private static readonly Dictionary<string, string> Lists = new()
    {
        ["regions"] = RegionsSql,
        ["cities"] = CitiesSql,
        ["sectors"] = SectorsSql,
        ["need-types"] = NeedTypesSql,
        ["currencies"] = CurrenciesSql,
    };

    public static IEnumerable<string> ListNames => Lists.Keys;

    public override void Configure()
    {
        Get("/reference/{list:regex(^(regions|cities|sectors|need-types|currencies)$)}");
        Description(b => b.WithName("listReferenceCodes"));
        AllowAnonymous();
        Summary(s =>
        {
            s.Summary = "Reference codes with English, Russian and Chinese names";
            s.Description = "`list` is one of regions (ISO 3166-2:KG), cities (Shandong prefecture-level cities), sectors (ISIC Rev.4 sections and divisions), need-types, currencies. Unpaged.";
            s.ResponseExamples[200] = ReferenceExamples.Sectors;
        });
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenReadOnlyAsync(ct);
        var items = await connection.QueryAsync<ReferenceItem>(new CommandDefinition(Lists[Route<string>("list")!], cancellationToken: ct));
        HttpContext.Response.Headers.CacheControl = "public, max-age=300";
        await Send.OkAsync(new Response(items.ToList()), ct);
    }
}
