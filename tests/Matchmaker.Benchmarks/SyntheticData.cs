using Matchmaker.Api.Features.Matching.Engine;

namespace Matchmaker.Benchmarks;

/// <summary>Seeded needs and partners shaped like the programme: weighted toward machine building.</summary>
internal static class SyntheticData
{
    private static readonly string[] Focus = ["C25", "C26", "C27", "C28", "C29", "C30", "M71"];
    private static readonly string[] Divisions = [.. IsicDivision.AllDivisions().Select(d => d.Code)];
    private static readonly string[] Certifications =
        ["ISO 9001", "ISO 14001", "ISO 45001", "HACCP", "GOST R", "CE", "Halal", "GMP", "EAC", "CCC"];

    public static NeedInput[] Needs(int count, int seed = 1)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(1, count).Select(id => new NeedInput(
            id,
            Sectors(random, random.Next(1, 3)),
            Math.Round((decimal)Math.Pow(10, 4 + 3 * random.NextDouble()), 2),
            Pick(random, Vocabulary.NeedTypes.Codes, random.Next(1, 4)),
            random.Next(0, 150),
            Vocabulary.Regions.Codes[random.Next(Vocabulary.Regions.Codes.Count)],
            random.Next(2) == 0,
            Pick(random, Vocabulary.Languages.Codes, random.Next(1, 3)),
            Pick(random, Certifications, random.Next(0, 3))))];
    }

    public static PartnerInput[] Partners(int count, int seed = 2)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(1, count).Select(id =>
        {
            var min = Math.Round((decimal)Math.Pow(10, 1 + 2 * random.NextDouble())) * 1_000;
            return new PartnerInput(
                id,
                Sectors(random, random.Next(1, 5)),
                Pick(random, Vocabulary.NeedTypes.Codes, random.Next(1, 5)),
                min,
                min * random.Next(2, 50),
                Pick(random, Vocabulary.Regions.Codes, random.Next(0, 4)),
                random.Next(3) == 0,
                Pick(random, Vocabulary.Languages.Codes, random.Next(1, 3)),
                Pick(random, Certifications, random.Next(0, 3)));
        })];
    }

    private static string[] Sectors(Random random, int count) =>
        [.. Enumerable.Range(0, count).Select(_ => random.Next(3) == 0 ? Divisions[random.Next(Divisions.Length)] : Focus[random.Next(Focus.Length)])];

    private static string[] Pick(Random random, IReadOnlyList<string> from, int count) =>
        [.. from.OrderBy(_ => random.Next()).Take(count)];
}
