using System.Net.Http.Json;
using Matchmaker.Tests.Features.Auth;

namespace Matchmaker.Tests.Features.Verification;

/// <summary>With e-mail on, <c>Auth:RequireVerifiedEmail</c> defaults on: an agency cannot vouch for a profile whose owner never proved the address.</summary>
public sealed class VerifiedEmailTests(AccountMailSqliteApi api) : IClassFixture<AccountMailSqliteApi>
{
    [Fact]
    public async Task A_profile_is_verified_only_once_its_owner_verified_the_e_mail_address_and_may_be_rejected_before()
    {
        var agency = await api.UserAsync("agency");
        var email = await AccountMail.RegisterAsync(api);
        var owner = await api.SignInAsync(email, ApiFixture.Password, "sme");
        var smeId = await Create.SmeAsync(owner);

        var refusal = await Expect.ProblemAsync(await Vet.DecideAsync(agency, "sme", smeId, "verified"), 409);
        Assert.Contains("verify-email", refusal["detail"]!.GetValue<string>());
        Assert.Equal("pending", (await Expect.StatusAsync(await agency.Client.GetAsync($"/api/v1/smes/{smeId}"), 200))["verification"]!.GetValue<string>());
        await Expect.StatusAsync(await Vet.DecideAsync(agency, "sme", smeId, "rejected", "Verify your e-mail address first."), 200);

        var token = await AccountMail.TokenAsync(api.Smtp, email, "verify-email");
        await Expect.StatusAsync(await api.CreateClient().PostAsJsonAsync("/api/v1/auth/verify-email", new { token }), 204);

        Assert.Equal("verified", (await Vet.VerifyAsync(agency, "sme", smeId))["verification"]!.GetValue<string>());
    }
}
