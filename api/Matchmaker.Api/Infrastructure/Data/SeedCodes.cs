namespace Matchmaker.Api.Infrastructure.Data;

/// <summary>
/// The code lists of db/seed as the files hold them, for what must agree with the database without
/// asking it: the enums of the OpenAPI document, and the tests that hold the engine to the same lists.
/// </summary>
internal static class SeedCodes
{
    public static IReadOnlyList<string> NeedTypes { get; } = ReferenceSeeder.Codes("need_types");
    public static IReadOnlyList<string> Regions { get; } = ReferenceSeeder.Codes("regions");
    public static IReadOnlyList<string> Currencies { get; } = ReferenceSeeder.Codes("currencies");
}
