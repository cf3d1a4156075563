using Matchmaker.Api.Features.Matching.Engine;

namespace Matchmaker.Tests.Features.Matching.Engine;

public sealed class IsicDivisionTests
{
    [Fact]
    public void There_are_88_divisions_in_21_sections_each_with_its_own_bit()
    {
        var divisions = IsicDivision.AllDivisions().ToList();

        Assert.Equal(IsicDivision.Count, divisions.Count);
        Assert.Equal(Enumerable.Range(0, 88), divisions.Select(d => d.Bit));
        Assert.Equal("ABCDEFGHIJKLMNOPQRSTU", string.Concat(divisions.Select(d => d.Section).Distinct()));
    }

    [Theory]
    [InlineData("A01", 'A', 1)]
    [InlineData("C28", 'C', 28)]
    [InlineData(" c33 ", 'C', 33)]
    [InlineData("M71", 'M', 71)]
    [InlineData("U99", 'U', 99)]
    public void Division_codes_parse_to_their_section_and_number(string code, char section, int number)
    {
        Assert.True(IsicDivision.TryParse(code, out var division));
        Assert.Equal((section, number), (division.Section, division.Number));
    }

    [Theory]
    [InlineData("A28")]
    [InlineData("C34")]
    [InlineData("B04")]
    [InlineData("C")]
    [InlineData("C2")]
    [InlineData("C280")]
    [InlineData("V01")]
    [InlineData("")]
    [InlineData(null)]
    public void Codes_that_are_not_divisions_are_refused(string? code)
    {
        Assert.False(IsicDivision.TryParse(code, out _));
    }

    [Fact]
    public void A_section_holds_exactly_its_own_divisions()
    {
        var section = IsicDivision.DivisionsIn('C');

        Assert.Equal(24, (int)UInt128.PopCount(section));
        Assert.All(IsicDivision.AllDivisions(), d => Assert.Equal(d.Section == 'C', (section & (UInt128.One << d.Bit)) != 0));
    }
}
