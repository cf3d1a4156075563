using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Matchmaker.Api.Features.Shared;
using Matchmaker.Api.Infrastructure.Http;

namespace Matchmaker.Tests.Infrastructure.Http;

/// <summary>
/// Every message of our own exists in English, Russian and Chinese with the same placeholders, and every key
/// the code names exists: read from the resources the API ships, and from its source.
/// </summary>
public sealed partial class MessagesTests
{
    private static readonly ResourceManager Resources = new(Messages.BaseName, typeof(Messages).Assembly);

    private static Dictionary<string, string> Set(string culture) =>
        Resources.GetResourceSet(CultureInfo.GetCultureInfo(culture), createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);

    [GeneratedRegex(@"\{\{?(\w+)\}?\}")]
    private static partial Regex Placeholder();

    private static string[] Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value).Order()];

    [Fact]
    public void Every_message_exists_in_every_language_with_the_same_placeholders()
    {
        var english = Set(CultureInfo.InvariantCulture.Name);
        foreach (var language in new[] { "ru", "zh" })
        {
            var translated = Set(language);
            Assert.Equal(english.Keys.Order(), translated.Keys.Order());
            Assert.All(english, pair =>
            {
                Assert.False(string.IsNullOrWhiteSpace(translated[pair.Key]), $"{language} {pair.Key} is empty");
                Assert.Equal(Placeholders(pair.Value), Placeholders(translated[pair.Key]));
                Assert.True(translated[pair.Key] != pair.Value || pair.Key.StartsWith("CodeKind.", StringComparison.Ordinal), $"{language} {pair.Key} is not translated");
            });
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"messages: {english.Count} keys, each in en, ru and zh ({english.Count * 3} texts)");
        Assert.True(english.Count > 100);
    }

    [Fact]
    public void Every_message_formats_in_every_language()
    {
        var before = CultureInfo.CurrentUICulture;
        foreach (var language in new[] { "en", "ru", "zh-CN", "zh-TW" })
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
            foreach (var (key, text) in Set(CultureInfo.InvariantCulture.Name))
            {
                var args = Enumerable.Range(0, 5).Select(i => (object)$"<{i}>").ToArray();
                var formatted = Messages.Get(key, args);
                Assert.DoesNotContain("{{", formatted);
                Assert.Equal(Placeholders(text).Count(p => p.StartsWith("{{", StringComparison.Ordinal)), Regex.Matches(formatted, @"\{\w+\}").Count);
            }
        }

        CultureInfo.CurrentUICulture = before;
    }

    [GeneratedRegex(@"Messages\.Get\(\$?""([^""{]+)(\{[^""]*)?""")]
    private static partial Regex NamedKey();

    [GeneratedRegex(@"Problems\.NotFound\(""(\w+)""\)|NotFound\([^)]*\?\s*""(\w+)""\s*:\s*""(\w+)""\)")]
    private static partial Regex NotFoundNoun();

    [Fact]
    public void Every_key_the_code_names_exists()
    {
        var keys = Set(CultureInfo.InvariantCulture.Name).Keys.ToHashSet();
        var source = Path.Combine(RepositoryRoot(), "api", "Matchmaker.Api");
        var named = new List<string>();
        foreach (var file in Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")))
        {
            var text = File.ReadAllText(file);
            foreach (Match match in NamedKey().Matches(text))
                named.Add(match.Groups[2].Success ? match.Groups[1].Value + "*" : match.Groups[1].Value);
            foreach (Match match in NotFoundNoun().Matches(text))
                named.AddRange(match.Groups.Values.Skip(1).Where(g => g.Success).Select(g => "NotFound." + g.Value));
        }

        named.AddRange(Enum.GetNames<CodeKind>().Select(k => "CodeKind." + k));
        var missing = named.Where(k => k.EndsWith('*') ? !keys.Any(key => key.StartsWith(k[..^1], StringComparison.Ordinal)) : !keys.Contains(k)).Distinct().ToList();
        Assert.True(named.Count > 100, $"only {named.Count} keys found in the source");
        Assert.True(missing.Count == 0, "Keys named in the code but missing from Resources/Messages.resx: " + string.Join(", ", missing));
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Matchmaker.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("The repository root (Matchmaker.sln) is not above the test binaries.");
    }
}
