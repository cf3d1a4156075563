using System.Text.Json.Nodes;

namespace Matchmaker.Tests.Harness;

/// <summary>Valid request bodies; tests change the one field they are about.</summary>
internal static class Bodies
{
    private const string UsccAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] UsccWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    public static string Inn() => string.Concat(Enumerable.Range(0, 14).Select(_ => (char)('0' + Random.Shared.Next(10))));

    /// <summary>A valid Shandong USCC (division part 3702xx, Qingdao) computed by GB 32100's check rule.</summary>
    public static string Uscc(string division = "370200")
    {
        var body = "91" + division + string.Concat(Enumerable.Range(0, 9).Select(_ => UsccAlphabet[Random.Shared.Next(UsccAlphabet.Length)]));
        return body + UsccCheck(body);
    }

    public static char UsccCheck(string first17)
    {
        var sum = first17.Select((c, i) => UsccAlphabet.IndexOf(c) * UsccWeights[i]).Sum();
        var check = 31 - sum % 31;
        return UsccAlphabet[check == 31 ? 0 : check];
    }

    public static JsonObject Sme(string name = "Ala-Too Machine Works", string region = "KG-C", string[]? sectors = null) => new()
    {
        ["name"] = name,
        ["inn"] = Inn(),
        ["region"] = region,
        ["sectors"] = Array(sectors ?? ["C28"]),
        ["employees"] = 40,
        ["foundedYear"] = 2015,
        ["exportOriented"] = true,
        ["languages"] = Array("ru", "en"),
        ["certifications"] = Array(),
        ["description"] = "Machine-building workshop near Bishkek.",
        ["contact"] = new JsonObject { ["person"] = "Aibek Asanov", ["email"] = "aibek@alatoo.example", ["phone"] = "+996 555 123 456" },
    };

    public static JsonObject Need(string title = "CNC machine line", decimal amount = 500_000m, string currency = "USD") => new()
    {
        ["title"] = title,
        ["description"] = "Two CNC lathes and training for the operators.",
        ["needTypes"] = Array("equipment_supply", "joint_venture"),
        ["amount"] = new JsonObject { ["amount"] = amount, ["currency"] = currency },
        ["jobsToCreate"] = 40,
        ["exportMarkets"] = Array("KZ", "UZ"),
        ["horizonMonths"] = 24,
    };

    public static JsonObject Partner(string name = "Qingdao Machinery", string nameZh = "青岛机械", string city = "qingdao", string[]? sectors = null) => new()
    {
        ["name"] = name,
        ["nameZh"] = nameZh,
        ["uscc"] = Uscc(),
        ["city"] = city,
        ["kind"] = "manufacturer",
        ["sectors"] = Array(sectors ?? ["C28", "C29"]),
        ["offerings"] = Array("equipment_supply"),
        ["ticket"] = new JsonObject { ["minUsd"] = 100_000, ["maxUsd"] = 2_000_000 },
        ["targetRegions"] = Array("KG-C", "KG-Y"),
        ["languages"] = Array("zh", "en"),
        ["seeksExportOriented"] = true,
        ["requiredCertifications"] = Array("ISO 9001"),
        ["description"] = "CNC machine tools.",
        ["contact"] = new JsonObject { ["person"] = "Li Wei", ["email"] = "li.wei@qdm.example", ["phone"] = "+86 532 1234 5678" },
    };

    /// <summary>A partner in agriculture (A01), so it matches none of the manufacturing needs the other bodies make.</summary>
    public static JsonObject WeifangSeeds() => Partner(name: "Weifang Seeds", nameZh: "潍坊种子", city: "weifang", sectors: ["A01"]);

    public static JsonArray Array(params string[] values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
}
