using Matchmaker.Api.Features.Demo;
using static Matchmaker.Tests.Harness.JsonLists;

namespace Matchmaker.Tests.Features.Demo;

/// <summary>The demo world is searchable in Latin letters out of the box: every demo SME carries a <c>nameEn</c>.</summary>
public sealed class DemoSearchTests(DemoSqliteApi api) : IClassFixture<DemoSqliteApi>
{
    [Theory]
    [InlineData("Ала-Тоо Машзавод", "Ala-Too Mashzavod")]
    [InlineData("Ысык-Көл Жүн", "Ysyk-Kol Zhun")]
    [InlineData("Чүй Ёлка Щит", "Chuy Yolka Shchit")]
    public void A_demo_name_is_spelled_in_latin_letters(string name, string latin) =>
        Assert.Equal(latin, LatinNames.Of(name));

    [Fact]
    public async Task A_partner_finds_the_demo_sme_and_its_needs_by_its_latin_name()
    {
        var partner = await api.SignInAsync(DemoAccounts.Partner.Email, DemoAccounts.Partner.Password, "partner");
        var sme = await api.SignInAsync(DemoAccounts.Sme.Email, DemoAccounts.Sme.Password, "sme");
        var smeId = (await Expect.StatusAsync(await sme.Client.GetAsync("/api/v1/auth/me"), 200))["smeId"]!.GetValue<string>();
        var ownNeeds = Ids(await Expect.StatusAsync(await sme.Client.GetAsync($"/api/v1/smes/{smeId}/needs"), 200));

        var smes = await Expect.StatusAsync(await partner.Client.GetAsync("/api/v1/smes?q=ala-too%20MASHZAVOD"), 200);
        var needs = Ids(await Expect.StatusAsync(await partner.Client.GetAsync("/api/v1/needs?q=ala-too%20mashzavod&limit=100"), 200));

        Assert.Equal([smeId], Ids(smes));
        Assert.Equal("Ala-Too Mashzavod", smes["items"]![0]!["nameEn"]!.GetValue<string>());
        Assert.Equal(ownNeeds.Order(), needs.Order());
    }
}
