using Matchmaker.Api.Features.Shared;

namespace Matchmaker.Tests.Features.Shared;

public sealed class SearchTextTests
{
    [Theory]
    [InlineData("Ёлка", "елка")]
    [InlineData("ЁЛКА", "елка")]
    [InlineData("ёлка", "елка")]
    [InlineData("АЛА-ТОО МАШЗАВОД", "ала-тоо машзавод")]
    [InlineData("Ысык-Көл Өнүгүү", "ысык-көл өнүгүү")]
    [InlineData("Jinan HAIDA", "jinan haida")]
    [InlineData("济南海达机械有限公司", "济南海达机械有限公司")]
    [InlineData("Ｊｉｎａｎ", "jinan")]
    [InlineData("е\u0308лка", "елка")]
    public void Folding_ignores_case_in_every_script_and_reads_yo_as_ye(string text, string folded) =>
        Assert.Equal(folded, SearchText.Fold(text));

    [Fact]
    public void A_pattern_is_folded_like_the_stored_text_so_either_spelling_finds_the_other()
    {
        Assert.Equal("%елка%", SearchText.Pattern(" Ёлка "));
        Assert.Equal(SearchText.Pattern("ЕЛКА"), SearchText.Pattern("ёлка"));
    }

    [Fact]
    public void A_pattern_matches_like_wildcards_as_plain_characters()
    {
        Assert.Equal(@"%50\%\_off\[1]\\%", SearchText.Pattern(@"50%_off[1]\"));
    }

    [Fact]
    public void The_texts_of_a_record_are_kept_apart_by_a_line_break_no_query_may_hold()
    {
        Assert.Equal("ала-тоо\nala-too\nстанки", SearchText.Of("Ала-Тоо", null, " ", "Ala-Too", "Станки"));
    }
}
