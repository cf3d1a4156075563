using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Matchmaker.Api.Features.Matching.Deals;
using Matchmaker.Api.Features.Matching.Engine;
using Matchmaker.Api.Infrastructure.Auth;
using Matchmaker.Api.Infrastructure.Data;
using Matchmaker.Api.Infrastructure.OpenApi;
using Microsoft.Extensions.DependencyInjection;

namespace Matchmaker.Tests.Features.Reference;

/// <summary>
/// Every copy of a code list agrees with its source: db/seed for need types, regions and currencies,
/// the engine's <see cref="Vocabulary"/> for languages, <see cref="MatchStatus"/> and <see cref="AppRoles"/>.
/// </summary>
public sealed class CodeListTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    [Fact]
    public void The_engine_scores_the_seed_need_types_and_regions_in_seed_order()
    {
        Assert.Equal(SeedCodes.NeedTypes, Vocabulary.NeedTypes.Codes);
        Assert.Equal(SeedCodes.Regions, Vocabulary.Regions.Codes);
    }

    [Fact]
    public void The_vocabulary_counts_size_its_lists_and_fit_the_partner_masks()
    {
        Assert.Equal(Vocabulary.NeedTypeCount, Vocabulary.NeedTypes.Codes.Count);
        Assert.Equal(Vocabulary.RegionCount, Vocabulary.Regions.Codes.Count);
        Assert.Equal(Vocabulary.LanguageCount, Vocabulary.Languages.Codes.Count);

        Assert.InRange(Vocabulary.NeedTypeCount, 1, BitsOf(nameof(PartnerVector.Offerings)));
        Assert.InRange(Vocabulary.RegionCount, 1, BitsOf(nameof(PartnerVector.TargetRegions)));
        Assert.InRange(Vocabulary.LanguageCount, 1, BitsOf(nameof(PartnerVector.Languages)));
    }

    [Fact]
    public void The_validators_check_the_codes_the_database_was_seeded_with_and_the_engine_scores()
    {
        var codes = api.App.Services.GetRequiredService<ReferenceCodes>();

        Assert.Equal(Vocabulary.NeedTypes.Codes.Order(), codes.NeedTypes.Order());
        Assert.Equal(Vocabulary.Regions.Codes.Order(), codes.Regions.Order());
        Assert.Equal(SeedCodes.Currencies.Order(), codes.Currencies.Order());
    }

    [Fact]
    public async Task The_openapi_enums_list_the_same_codes()
    {
        var doc = await Expect.StatusAsync(await api.CreateClient().GetAsync("/openapi/v1.json"), 200);
        var expected = new Dictionary<string, IEnumerable<string>>
        {
            ["needType"] = Vocabulary.NeedTypes.Codes,
            ["needTypes"] = Vocabulary.NeedTypes.Codes,
            ["offerings"] = Vocabulary.NeedTypes.Codes,
            ["languages"] = Vocabulary.Languages.Codes,
            ["currency"] = SeedCodes.Currencies,
            ["role"] = AppRoles.All,
            ["actorRole"] = AppRoles.All,
        };

        var found = new HashSet<string>();
        foreach (var (schemaName, schema) in doc["components"]!["schemas"]!.AsObject())
        {
            foreach (var (name, property) in schema!["properties"]?.AsObject() ?? [])
            {
                var values = Enum(property!) ?? Enum(property!["items"]);
                if (values is null)
                    continue;
                if (schemaName.EndsWith("AuditEntryResponse", StringComparison.Ordinal) && name == "actorRole")
                    Assert.Equal([.. AppRoles.All, Matchmaker.Api.Features.Audit.AuditActor.SystemRole], values);
                else if (expected.TryGetValue(name, out var codes))
                {
                    Assert.True(codes.SequenceEqual(values), $"{schemaName}.{name}: {string.Join(", ", values)}");
                    found.Add(name);
                }
                else if (schemaName.EndsWith("MatchingMatchResponse", StringComparison.Ordinal) && name == "status")
                {
                    Assert.Equal(MatchStatus.All, values);
                    found.Add(name);
                }
            }
        }

        foreach (var (path, item) in doc["paths"]!.AsObject())
        {
            foreach (var parameter in item!.AsObject().SelectMany(o => o.Value!["parameters"]?.AsArray() ?? []))
            {
                var name = parameter!["name"]!.GetValue<string>();
                if (expected.TryGetValue(name, out var codes) && Enum(parameter["schema"]) is { } values)
                {
                    Assert.True(codes.SequenceEqual(values), $"{path} ?{name}: {string.Join(", ", values)}");
                    found.Add(name);
                }
            }
        }

        Assert.Equal(expected.Keys.Append("status").Order(StringComparer.Ordinal), found.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("sqlserver")]
    public void The_matches_table_accepts_exactly_the_match_statuses(string dialect)
    {
        var sql = Embedded($"db.{dialect}.0008_create_matches.sql");
        var check = Regex.Match(sql, @"CK_matches_status CHECK \(status IN \(([^)]*)\)\)");

        Assert.True(check.Success, "CK_matches_status not found.");
        Assert.Equal(MatchStatus.All, check.Groups[1].Value.Split(',').Select(v => v.Trim().Trim('\'')));
    }

    [Fact]
    public void A_field_has_one_set_of_bounds()
    {
        var bounds = new FieldBounds().String("title", 200);

        Assert.Throws<InvalidOperationException>(() => bounds.String("title", 300));
    }

    private static int BitsOf(string property) =>
        8 * Marshal.SizeOf(typeof(PartnerVector).GetProperty(property)!.PropertyType);

    private static List<string>? Enum(JsonNode? schema) =>
        schema?["enum"]?.AsArray().Where(v => v is not null).Select(v => v!.GetValue<string>()).ToList();

    private static string Embedded(string name)
    {
        using var stream = typeof(ReferenceCodes).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"{name} is not embedded.");
        return new StreamReader(stream).ReadToEnd();
    }
}
