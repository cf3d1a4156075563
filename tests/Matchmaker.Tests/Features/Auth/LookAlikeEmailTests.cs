using System.Net.Http.Json;

namespace Matchmaker.Tests.Features.Auth;

/// <summary>E-mails are one address however they are typed: NFKC, trimmed, lower-cased; invisible or reordering characters are refused.</summary>
public abstract class LookAlikeEmailTests<TApi>(TApi api) where TApi : ApiFixture
{
    protected TApi Api { get; } = api;

    private Task<HttpResponseMessage> RegisterAsync(string email, string role = "sme") =>
        Api.CreateClient().PostAsJsonAsync("/api/v1/auth/register", new { email, password = ApiFixture.Password, role });

    private static string Local() => $"ivan{Guid.NewGuid():N}"[..20];

    [Theory]
    [InlineData("\uFF49")] // fullwidth i
    [InlineData("\uFF29")] // fullwidth I
    [InlineData("I")]
    public async Task An_address_that_differs_only_in_width_or_case_of_a_letter_is_taken(string firstLetter)
    {
        var local = Local();
        await Expect.StatusAsync(await RegisterAsync($"{local}@example.test"), 201);

        var again = await RegisterAsync($"{firstLetter}{local[1..]}@example.test", "partner");

        await Expect.ProblemAsync(again, 409);
    }

    [Theory]
    [InlineData("\u0131")] // dotless i
    [InlineData("\u0456")] // Cyrillic i
    [InlineData("\u0430")] // Cyrillic a
    public async Task An_address_with_letters_that_only_look_latin_is_refused(string letter)
    {
        var local = Local();
        await Expect.StatusAsync(await RegisterAsync($"{local}@example.test"), 201);

        var lookAlike = await RegisterAsync($"{letter}{local[1..]}@example.test", "partner");

        await Expect.ProblemAsync(lookAlike, 400, "email");
    }

    [Theory]
    [InlineData("\u200B")] // zero-width space
    [InlineData("\u200D")] // zero-width joiner
    [InlineData("\u202E")] // right-to-left override
    [InlineData("\u2066")] // left-to-right isolate
    [InlineData("\uFEFF")] // byte-order mark
    [InlineData("\u0000")]
    [InlineData("\u0007")]
    public async Task An_address_with_an_invisible_or_reordering_character_is_refused(string hidden)
    {
        var response = await RegisterAsync($"iv{hidden}an{Guid.NewGuid():N}@example.test");

        await Expect.ProblemAsync(response, 400, "email");
    }

    [Fact]
    public async Task The_admin_cannot_create_a_look_alike_of_the_admins_address()
    {
        var admin = await Api.AdminAsync();

        var zeroWidth = await admin.Client.PostAsJsonAsync("/api/v1/admin/users", new { email = "admin\u200B@matchmaker.test", password = ApiFixture.Password, role = "admin" });
        var fullwidth = await admin.Client.PostAsJsonAsync("/api/v1/admin/users", new { email = "\uFF41dmin@matchmaker.test", password = ApiFixture.Password, role = "admin" });

        await Expect.ProblemAsync(zeroWidth, 400, "email");
        await Expect.ProblemAsync(fullwidth, 409);
    }

    [Fact]
    public async Task An_address_is_stored_normalised_and_signs_in_however_it_is_typed()
    {
        var local = Local();
        var typed = $"  \uFF29{local[1..].ToUpperInvariant()}@Example.TEST ";

        var created = await Expect.StatusAsync(await RegisterAsync(typed), 201);

        var stored = $"{local}@example.test";
        Assert.Equal(stored, created["email"]!.GetValue<string>());
        foreach (var spelling in new[] { stored, stored.ToUpperInvariant(), typed, $"\uFF49{local[1..]}@example.test" })
            await Api.SignInAsync(spelling, ApiFixture.Password, "sme");
    }
}

public sealed class LookAlikeEmailTestsOnSqlite(SqliteApi api) : LookAlikeEmailTests<SqliteApi>(api), IClassFixture<SqliteApi>;

public sealed class LookAlikeEmailTestsOnSqlServer : LookAlikeEmailTests<SqlServerApi>, IClassFixture<SqlServerApi>
{
    public LookAlikeEmailTestsOnSqlServer(SqlServerApi api) : base(api) => api.SkipWhenUnavailable();
}
