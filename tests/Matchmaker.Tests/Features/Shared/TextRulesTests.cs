using Matchmaker.Api.Features.Shared;

namespace Matchmaker.Tests.Features.Shared;

public sealed class TextRulesTests
{
    public static TheoryData<string> Hostile => new()
    {
        "<script>alert('x')</script>",
        "\"Ala-Too\" & O'Brien's",
        "Robert'); DROP TABLE smes;--",
        "1 OR 1=1 /* */",
        "Ала-Тоо Машзавод ёлка",
        "青岛机械有限公司",
        "Rocket 🚀 & 🇰🇬",
        "שלום مرحبا",
        "=SUM(A1:A3)",
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Hostile_but_valid_text_is_accepted_by_every_kind(string text)
    {
        Assert.True(TextRules.IsIdentifier(text));
        Assert.True(TextRules.IsFreeText(text, multiLine: false));
        Assert.True(TextRules.IsFreeText(text, multiLine: true));
    }

    [Theory]
    [InlineData("\u0000")]
    [InlineData("\u0007")]
    [InlineData("\u007F")]
    [InlineData("\u0085")]
    [InlineData("\u202A")]
    [InlineData("\u202E")]
    [InlineData("\u2066")]
    [InlineData("\u2069")]
    public void Control_characters_and_bidirectional_overrides_are_refused_everywhere(string hidden)
    {
        var text = $"Ala{hidden}Too";

        Assert.False(TextRules.IsIdentifier(text));
        Assert.False(TextRules.IsFreeText(text, multiLine: false));
        Assert.False(TextRules.IsFreeText(text, multiLine: true));
    }

    [Theory]
    [InlineData("\u200B")]
    [InlineData("\u200C")]
    [InlineData("\u200D")]
    [InlineData("\u200E")]
    [InlineData("\uFEFF")]
    [InlineData("\u00AD")]
    [InlineData("\u2028")]
    public void Zero_width_and_format_characters_are_refused_in_names_but_not_in_free_text(string hidden)
    {
        var text = $"Ala{hidden}Too";

        Assert.False(TextRules.IsIdentifier(text));
        Assert.True(TextRules.IsFreeText(text, multiLine: true));
    }

    [Fact]
    public void Joined_emoji_are_free_text()
    {
        Assert.True(TextRules.IsFreeText("Family business 👨‍👩‍👧", multiLine: false));
    }

    [Theory]
    [InlineData("\t")]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void Tabs_and_line_breaks_belong_to_multi_line_text_only(string whitespace)
    {
        var text = $"First{whitespace}second";

        Assert.True(TextRules.IsFreeText(text, multiLine: true));
        Assert.False(TextRules.IsFreeText(text, multiLine: false));
        Assert.False(TextRules.IsIdentifier(text));
    }

    [Fact]
    public void A_broken_surrogate_is_refused()
    {
        var text = "Ala\uD83DToo";

        Assert.False(TextRules.IsIdentifier(text));
        Assert.False(TextRules.IsFreeText(text, multiLine: true));
        Assert.False(TextRules.IsWellFormed(text));
    }
}
