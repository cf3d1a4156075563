using Matchmaker.Api.Features.Partners;

namespace Matchmaker.Api.Features.Demo;

internal sealed record DemoCity(string Code, string NameEn, string NameZh, string Division);

internal sealed record DemoUser(Guid PublicId, string Email, string Role, DateTime CreatedAt, DemoLogin? Login = null);

internal sealed record DemoSme(
    int Index, Guid PublicId, DemoUser Owner, string Name, string Inn, string Region, IReadOnlyList<string> Sectors,
    int Employees, int FoundedYear, bool ExportOriented, IReadOnlyList<string> Languages, IReadOnlyList<string> Certifications,
    string Description, string ContactPerson, string ContactPhone, DateTime CreatedAt);

internal sealed record DemoNeed(
    Guid PublicId, int SmeIndex, string Title, string Description, IReadOnlyList<string> NeedTypes, decimal Amount, string Currency,
    int JobsToCreate, IReadOnlyList<string> ExportMarkets, int HorizonMonths, IReadOnlyList<string> OwnSectors,
    DateTime CreatedAt, DateTime? ClosedAt, string? CloseReason);

internal sealed record DemoPartner(
    int Index, Guid PublicId, DemoUser Owner, string Name, string NameZh, string Uscc, string City, string Kind,
    IReadOnlyList<string> Sectors, IReadOnlyList<string> Offerings, decimal TicketMinUsd, decimal TicketMaxUsd,
    IReadOnlyList<string> TargetRegions, IReadOnlyList<string> Languages, bool SeeksExportOriented,
    IReadOnlyList<string> RequiredCertifications, string Description, string ContactPerson, string ContactPhone, DateTime CreatedAt);

/// <summary>
/// The demo data set, generated from a fixed seed: the same seed and cities always give the same
/// SMEs, needs and partners. The first SME and the first partner belong to the demo sign-ins and
/// are made to suit each other, so a developer sees a deal in progress on both sides.
/// </summary>
internal sealed record DemoWorld(IReadOnlyList<DemoSme> Smes, IReadOnlyList<DemoNeed> Needs, IReadOnlyList<DemoPartner> Partners, DemoUser Agency)
{
    public const int Seed = 2026;

    private static readonly int[] Horizons = [6, 12, 18, 24, 36, 48, 60];
    private static readonly string[] MobilePrefixes = ["555", "700", "707", "770", "772", "505", "999", "550"];
    private static readonly string[] CloseReasons = ["Финансирование привлечено из других источников", "Проект отложен на следующий год", "Оборудование закуплено"];
    private static readonly string[] DistrictCodes = ["00", "02", "03", "11", "12", "81", "83"];
    private static readonly (string Code, int Weight)[] Currencies = [("USD", 50), ("KGS", 25), ("CNY", 25)];
    private static readonly (string Code, int Weight)[] MakerOfferings = [("equipment_supply", 50), ("technology_transfer", 30), ("offtake", 20)];
    private static readonly (string Code, int Weight)[] TargetRegionWeights =
        [("KG-GB", 5), ("KG-C", 4), ("KG-GO", 2), ("KG-J", 2), ("KG-Y", 2), ("KG-O", 1), ("KG-N", 1), ("KG-T", 1), ("KG-B", 1)];

    public static DemoWorld Generate(IReadOnlyList<DemoCity> cities, int seed = Seed) => Build(cities, null, seed);

    /// <summary>
    /// A world of the given size with the demo world's distributions, for load and performance work:
    /// regions and cities drawn with the demo's weights, needs spread evenly over the SMEs, and no
    /// account anyone can sign in to (every e-mail is at <see cref="SyntheticDomain"/>).
    /// </summary>
    public static DemoWorld Generate(IReadOnlyList<DemoCity> cities, WorldSize size, int seed) => Build(cities, size, seed);

    public const string SyntheticDomain = "synthetic.matchmaker.local";

    private static DemoWorld Build(IReadOnlyList<DemoCity> cities, WorldSize? size, int seed)
    {
        var rng = new Random(seed);
        var smes = GenerateSmes(rng, size);
        var needCounts = size is null ? null : SpreadNeeds(rng, size);
        var needs = smes.SelectMany(s => GenerateNeeds(rng, s, needCounts?[s.Index])).ToList();
        var partners = GeneratePartners(rng, cities, size);
        var agency = size is null
            ? new DemoUser(DemoIds.For("user/agency", 0), DemoAccounts.Agency.Email, AppRoles.Agency, DemoCatalog.Start, DemoAccounts.Agency)
            : new DemoUser(DemoIds.For("user/agency", 0), $"agency@{SyntheticDomain}", AppRoles.Agency, DemoCatalog.Start);
        return new DemoWorld(smes, needs, partners, agency);
    }

    /// <summary>Every SME gets Needs / Smes needs; the remainder goes one each to SMEs drawn at random.</summary>
    private static int[] SpreadNeeds(Random rng, WorldSize size)
    {
        var counts = Enumerable.Repeat(size.Smes == 0 ? 0 : size.Needs / size.Smes, size.Smes).ToArray();
        var order = Enumerable.Range(0, size.Smes).ToArray();
        rng.Shuffle(order);
        foreach (var index in order.Take(size.Smes == 0 ? 0 : size.Needs % size.Smes))
            counts[index]++;
        return counts;
    }

    private static string Email(WorldSize? size, string kind, int index) => size is null
        ? $"{kind}-{DemoIds.Tag($"user/{kind}", index)}@{DemoAccounts.Domain}"
        : $"{kind}-{index}@{SyntheticDomain}";

    /// <summary>The demo world's regions in their fixed numbers; a synthetic world's drawn with those numbers as weights.</summary>
    private static string[] Deck(Random rng, IReadOnlyList<(string Code, int Count)> counts, int? size)
    {
        if (size is { } n)
            return Enumerable.Range(0, n).Select(_ => Pick(rng, counts, c => c.Count).Code).ToArray();
        var deck = counts.SelectMany(c => Enumerable.Repeat(c.Code, c.Count)).ToArray();
        rng.Shuffle(deck);
        return deck;
    }

    /// <summary>Puts <paramref name="code"/> first, where the demo sign-in's profile sits.</summary>
    private static void Lead(string[] deck, string code)
    {
        var at = Array.IndexOf(deck, code);
        if (at > 0)
            (deck[0], deck[at]) = (deck[at], deck[0]);
    }

    private static List<DemoSme> GenerateSmes(Random rng, WorldSize? size)
    {
        var regions = Deck(rng, DemoCatalog.Regions.Select(r => (r.Code, r.Count)).ToList(), size?.Smes);
        Lead(regions, "KG-GB");
        var dates = SpreadDates(rng, regions.Length, DemoCatalog.Start.AddDays(2), DemoCatalog.End.AddDays(-10));

        var names = new HashSet<string>(StringComparer.Ordinal);
        var inns = new HashSet<string>(StringComparer.Ordinal);
        var smes = new List<DemoSme>();
        for (var i = 0; i < regions.Length; i++)
        {
            var region = regions[i];
            var signIn = size is null && i == 0;
            var sector = signIn ? DemoCatalog.SmeSectors.Single(s => s.Code == "C28") : Pick(rng, DemoCatalog.SmeSectors, s => s.Weight);
            var sectors = rng.NextDouble() < 0.4 && !signIn ? [sector.Code, Pick(rng, sector.Related)] : new List<string> { sector.Code };
            var prefixes = DemoCatalog.Regions.Single(r => r.Code == region).Prefixes;
            var name = signIn ? "Ала-Тоо Машзавод" : UniqueName(rng, names, () => $"{Pick(rng, prefixes)} {Pick(rng, sector.NameWords)}");
            names.Add(name);

            var created = dates[i];
            var employees = signIn ? 120 : 5 + (int)((sector.MaxEmployees - 5) * Math.Pow(rng.NextDouble(), 2));
            var founded = rng.NextDouble() < 0.35 ? created.Year : rng.Next(1995, created.Year);
            var exportShare = sector.MachineBuilding ? 0.45 : sector.Code is "C10" or "C13" or "C14" ? 0.55 : 0.2;
            var languages = new List<string> { "ky", "ru" };
            if (rng.NextDouble() < 0.35)
                languages.Add("en");
            if (rng.NextDouble() < 0.12)
                languages.Add("zh");
            var female = rng.NextDouble() < 0.4;
            var contact = female
                ? $"{Pick(rng, DemoCatalog.FemaleNames)} {Pick(rng, DemoCatalog.Surnames)}а"
                : $"{Pick(rng, DemoCatalog.MaleNames)} {Pick(rng, DemoCatalog.Surnames)}";
            var owner = signIn
                ? new DemoUser(DemoIds.For("user/sme", i), DemoAccounts.Sme.Email, AppRoles.Sme, created, DemoAccounts.Sme)
                : new DemoUser(DemoIds.For("user/sme", i), Email(size, "sme", i), AppRoles.Sme, created);

            smes.Add(new DemoSme(
                i, DemoIds.For("sme", i), owner, name, UniqueInn(rng, inns, founded), region, sectors,
                employees, founded, signIn || rng.NextDouble() < exportShare, languages,
                Certifications(rng, sector), $"{sector.Activity}. Основано в {founded} г., сотрудников: {employees}.",
                contact, $"+996 {Pick(rng, MobilePrefixes)} {rng.Next(100, 1000)} {rng.Next(100, 1000)}", created));
        }

        return smes;
    }

    /// <summary>The SME's needs: <paramref name="fixedCount"/> of them in a synthetic world, one to three in the demo.</summary>
    private static IEnumerable<DemoNeed> GenerateNeeds(Random rng, DemoSme sme, int? fixedCount)
    {
        var sector = DemoCatalog.SmeSectors.Single(s => s.Code == sme.Sectors[0]);
        var demo = fixedCount is null && sme.Index == 0;
        var roll = rng.NextDouble();
        var count = fixedCount ?? (demo ? 2 : roll < 0.5 ? 1 : roll < 0.85 ? 2 : 3);
        var titles = new HashSet<string>(StringComparer.Ordinal);
        var created = sme.CreatedAt;
        for (var n = 0; n < count; n++)
        {
            created = Min(created.Date.AddDays(rng.Next(1, 90)).AddHours(rng.Next(9, 18)).AddMinutes(rng.Next(0, 60)), DemoCatalog.End);
            List<string> types = demo
                ? n == 0 ? ["equipment_supply", "technology_transfer"] : ["joint_venture"]
                : [Pick(rng, sector.NeedTypes, t => t.Weight).Type];
            if (!demo && rng.NextDouble() < 0.35)
            {
                var second = Pick(rng, sector.NeedTypes, t => t.Weight).Type;
                if (second != types[0])
                    types.Add(second);
            }

            var project = Pick(rng, sector.Projects);
            var title = $"{DemoCatalog.NeedTypeLabels[types[0]]}: {project}";
            if (!titles.Add(title))
                title = $"{title} (этап {n + 1})";

            var usd = demo ? (n == 0 ? 450_000m : 1_200_000m) : (decimal)Math.Exp(Math.Log(30_000) + rng.NextDouble() * (Math.Log((double)sector.MaxUsd) - Math.Log(30_000)));
            var currency = demo ? "USD" : Pick(rng, Currencies, c => c.Weight).Code;
            var amount = Money(usd, currency);
            var jobs = Math.Clamp((int)Math.Round((double)usd / 15_000 * (0.5 + rng.NextDouble())), 5, 300);
            var horizon = Pick(rng, Horizons);
            var markets = new List<string>();
            if (sme.ExportOriented ? rng.NextDouble() < 0.7 : rng.NextDouble() < 0.2)
                markets.AddRange(DemoCatalog.ExportMarkets.OrderBy(_ => rng.Next()).Take(sme.ExportOriented ? rng.Next(1, 4) : 1).Order(StringComparer.Ordinal));
            var ownSectors = !demo && rng.NextDouble() < 0.1 ? new List<string> { sector.Code, Pick(rng, sector.Related) } : [];

            DateTime? closedAt = null;
            string? reason = null;
            if (!demo && rng.NextDouble() < 0.06)
            {
                var at = created.AddDays(rng.Next(30, 200));
                if (at < DemoCatalog.End)
                    (closedAt, reason) = (at, Pick(rng, CloseReasons));
            }

            yield return new DemoNeed(
                DemoIds.For("need", sme.Index * 10 + n), sme.Index, title,
                $"{sme.Name}: {project}. Срок реализации — {horizon} мес., новых рабочих мест: {jobs}.",
                types, amount, currency, jobs, markets, horizon, ownSectors, created, closedAt, reason);
        }
    }

    private static List<DemoPartner> GeneratePartners(Random rng, IReadOnlyList<DemoCity> cities, WorldSize? size)
    {
        var byCode = cities.ToDictionary(c => c.Code, StringComparer.Ordinal);
        var deck = Deck(rng, DemoCatalog.PartnersPerCity.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value)).ToList(), size?.Partners);
        Lead(deck, "jinan");
        var dates = SpreadDates(rng, deck.Length, DemoCatalog.Start.AddDays(4), DemoCatalog.End.AddDays(-20));

        var names = new HashSet<string>(StringComparer.Ordinal);
        var usccs = new HashSet<string>(StringComparer.Ordinal);
        var partners = new List<DemoPartner>();
        var laiwuGiven = false;
        for (var i = 0; i < deck.Length; i++)
        {
            var city = byCode[deck[i]];
            var signIn = size is null && i == 0;
            var specialty = signIn ? DemoCatalog.MachineBuilding[0]
                : rng.NextDouble() < 0.68 ? Pick(rng, DemoCatalog.MachineBuilding) : Pick(rng, DemoCatalog.Other);
            var (brandEn, brandZh) = signIn ? DemoCatalog.Brands[0] : Pick(rng, DemoCatalog.Brands);
            var (number, numberZh) = ("", "");
            var name = $"{city.NameEn} {brandEn} {specialty.En} Co., Ltd.";
            for (var attempt = 1; !names.Add(name); attempt++)
            {
                // A large synthetic world runs out of brand words: then firms of the same name are numbered.
                if (attempt > 20)
                    (number, numberZh) = ($" No. {attempt - 19}", $"第{attempt - 19}");
                else
                    (brandEn, brandZh) = Pick(rng, DemoCatalog.Brands);
                name = $"{city.NameEn} {brandEn} {specialty.En}{number} Co., Ltd.";
            }

            var kind = specialty.Investor ? "investor" : signIn || rng.NextDouble() < 0.4 ? "both" : "manufacturer";
            var laiwu = city.Code == "jinan" && i > 0 && !laiwuGiven;
            laiwuGiven |= laiwu;
            var uscc = UniqueUscc(rng, usccs, laiwu ? "371202" : city.Division[..4] + Pick(rng, DistrictCodes));
            var (min, max) = Ticket(rng, kind);
            var languages = new List<string> { "zh" };
            if (signIn || rng.NextDouble() < 0.35)
                languages.Add("ru");
            if (signIn || rng.NextDouble() < 0.8)
                languages.Add("en");
            var certifications = specialty.MachineBuilding && rng.NextDouble() < 0.25 ? new List<string> { "ISO 9001" }
                : specialty.Sectors[0] is "C10" or "A01" && rng.NextDouble() < 0.3 ? ["HACCP"] : [];
            var owner = signIn
                ? new DemoUser(DemoIds.For("user/partner", i), DemoAccounts.Partner.Email, AppRoles.Partner, dates[i], DemoAccounts.Partner)
                : new DemoUser(DemoIds.For("user/partner", i), Email(size, "partner", i), AppRoles.Partner, dates[i]);
            var kindText = kind switch { "investor" => "investment company", "both" => "manufacturer and investor", _ => "manufacturer" };

            partners.Add(new DemoPartner(
                i, DemoIds.For("partner", i), owner, name, $"{city.NameZh}{brandZh}{specialty.Zh}{numberZh}有限公司", uscc, city.Code, kind,
                specialty.Sectors, Offerings(rng, kind, signIn), min, max,
                signIn ? ["KG-GB", "KG-C"] : TargetRegions(rng), languages, !signIn && rng.NextDouble() < 0.3, certifications,
                $"{specialty.En} {kindText} based in {city.NameEn}, Shandong, looking for partners in Kyrgyzstan.",
                $"{Pick(rng, DemoCatalog.ChineseSurnames)} {Pick(rng, DemoCatalog.ChineseGivenNames)}",
                $"+86 1{rng.Next(30, 90)} {rng.Next(1000, 10000)} {rng.Next(1000, 10000)}", dates[i]));
        }

        return partners;
    }

    private static List<string> Offerings(Random rng, string kind, bool demo)
    {
        if (demo)
            return ["equipment_supply", "technology_transfer", "joint_venture"];
        var offerings = new List<string>();
        if (kind != "investor")
        {
            offerings.Add(Pick(rng, MakerOfferings, o => o.Weight).Code);
            foreach (var extra in new[] { "technology_transfer", "offtake", "joint_venture", "equipment_supply" })
            {
                if (!offerings.Contains(extra) && rng.NextDouble() < 0.3)
                    offerings.Add(extra);
            }
        }

        if (kind != "manufacturer")
        {
            foreach (var finance in new[] { "equity", "loan", "joint_venture" })
            {
                if (!offerings.Contains(finance) && (kind == "investor" ? rng.NextDouble() < 0.75 : rng.NextDouble() < 0.5))
                    offerings.Add(finance);
            }

            if (kind == "investor" && offerings.Count == 0)
                offerings.Add("equity");
        }

        return offerings;
    }

    private static (decimal Min, decimal Max) Ticket(Random rng, string kind) => kind switch
    {
        "investor" => (Pick(rng, [200_000m, 300_000m, 500_000m, 1_000_000m]), Pick(rng, [5_000_000m, 10_000_000m, 15_000_000m, 20_000_000m, 30_000_000m])),
        "both" => (Pick(rng, [50_000m, 100_000m, 200_000m]), Pick(rng, [2_000_000m, 3_000_000m, 5_000_000m, 8_000_000m])),
        _ => (Pick(rng, [20_000m, 30_000m, 50_000m, 80_000m, 100_000m]), Pick(rng, [500_000m, 1_000_000m, 1_500_000m, 2_000_000m, 3_000_000m])),
    };

    private static List<string> TargetRegions(Random rng)
    {
        if (rng.NextDouble() < 0.3)
            return [];
        var count = rng.Next(1, 5);
        var regions = new List<string>();
        while (regions.Count < count)
        {
            var region = Pick(rng, TargetRegionWeights, r => r.Weight).Code;
            if (!regions.Contains(region))
                regions.Add(region);
        }

        return regions;
    }

    private static List<string> Certifications(Random rng, SmeSector sector)
    {
        var food = sector.Code is "A01" or "C10";
        var (first, firstShare) = food ? ("HACCP", 0.4) : ("ISO 9001", sector.MachineBuilding ? 0.4 : 0.2);
        var (second, secondShare) = food ? ("ISO 22000", 0.15) : ("ISO 14001", 0.1);
        var list = new List<string>();
        if (rng.NextDouble() < firstShare)
            list.Add(first);
        if (rng.NextDouble() < secondShare)
            list.Add(second);
        if (rng.NextDouble() < 0.25)
            list.Add("EAC");
        return list;
    }

    /// <summary>A round amount in the currency, near <paramref name="usd"/> at the rates of January 2026.</summary>
    private static decimal Money(decimal usd, string currency)
    {
        var (perUsd, step) = currency switch
        {
            "KGS" => (87.45m, 100_000m),
            "CNY" => (7.14m, 10_000m),
            _ => (1m, 5_000m),
        };
        return Math.Max(step, Math.Round(usd * perUsd / step, MidpointRounding.AwayFromZero) * step);
    }

    private static string UniqueName(Random rng, HashSet<string> taken, Func<string> next)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var name = next();
            if (!taken.Contains(name))
                return name;
        }

        var fallback = next();
        for (var n = 2; ; n++)
        {
            if (!taken.Contains($"{fallback}-{n}"))
                return $"{fallback}-{n}";
        }
    }

    /// <summary>A legal entity's INN: 0, the registration date (ddMMyyyy), then five digits.</summary>
    private static string UniqueInn(Random rng, HashSet<string> taken, int year)
    {
        while (true)
        {
            var inn = $"0{rng.Next(1, 29):00}{rng.Next(1, 13):00}{year:0000}{rng.Next(0, 100_000):00000}";
            if (taken.Add(inn))
                return inn;
        }
    }

    /// <summary>91 (a company registered by market regulation), the division, a nine-character organisation code and the GB 32100 check character.</summary>
    private static string UniqueUscc(Random rng, HashSet<string> taken, string division)
    {
        while (true)
        {
            var organisation = "MA" + new string(Enumerable.Range(0, 7).Select(_ => Uscc.Alphabet[rng.Next(Uscc.Alphabet.Length)]).ToArray());
            var first17 = $"91{division}{organisation}";
            var code = first17 + Uscc.CheckCharacter(first17);
            if (taken.Add(code))
                return code;
        }
    }

    /// <summary>Sorted dates between <paramref name="from"/> and <paramref name="to"/>, denser towards the end, as a programme that grows.</summary>
    private static List<DateTime> SpreadDates(Random rng, int count, DateTime from, DateTime to)
    {
        var days = (to - from).TotalDays;
        var dates = Enumerable.Range(0, count)
            .Select(i => i == 0 ? 0 : Math.Sqrt(rng.NextDouble()) * days)
            .Select(d => from.AddDays(Math.Floor(d)).AddHours(rng.Next(8, 19)).AddMinutes(rng.Next(0, 60)))
            .ToList();
        return dates.Count == 0 ? dates : [dates[0], .. dates.Skip(1).Order()];
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private static T Pick<T>(Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    private static T Pick<T>(Random rng, IReadOnlyList<T> items, Func<T, int> weight)
    {
        var roll = rng.Next(items.Sum(weight));
        foreach (var item in items)
        {
            roll -= weight(item);
            if (roll < 0)
                return item;
        }

        throw new InvalidOperationException("Weights must be positive.");
    }
}
