namespace Matchmaker.Api.Features.Shared;

/// <summary>
/// The ids and instants the OpenAPI examples share, so that one example's need is another's match's
/// need. The examples follow the worked example (Features/Matching/README.md): Ala-Too Mashzavod's CNC line and Qingdao Machinery.
/// </summary>
internal static class Examples
{
    public static readonly Guid SmeId = Guid.Parse("0f6c1d2e-4b7a-4e51-9c3d-2a8b5e7f1c40");
    public static readonly Guid NeedId = Guid.Parse("5a9e3b71-2c4d-4f86-8e1a-7b3c9d0e2f15");
    public static readonly Guid PartnerId = Guid.Parse("c2d4e6f8-1a3b-4c5d-8e7f-9a0b1c2d3e4f");
    public static readonly Guid MatchId = Guid.Parse("7e1f2a3b-4c5d-4e6f-9a8b-0c1d2e3f4a5b");
    public static readonly Guid SmeUserId = Guid.Parse("1b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9");
    public static readonly Guid PartnerUserId = Guid.Parse("2c3d4e5f-6071-4829-93a4-b5c6d7e8f901");
    public static readonly Guid AgencyUserId = Guid.Parse("3d4e5f60-7182-4930-a4b5-c6d7e8f90112");
    public static readonly Guid JobId = Guid.Parse("9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d");

    public static readonly DateTime Registered = new(2026, 3, 2, 9, 15, 0, DateTimeKind.Utc);
    public static readonly DateTime Posted = new(2026, 3, 2, 10, 40, 0, DateTimeKind.Utc);
    public static readonly DateTime PartnerJoined = new(2026, 3, 5, 3, 20, 0, DateTimeKind.Utc);
    public static readonly DateTime Updated = new(2026, 4, 14, 8, 5, 0, DateTimeKind.Utc);

    public const string Cursor = "CfDJ8AkgFxLA_RJX51Kn94Wy8iQyX0bN1AA43R7-l78MvFl4iih-AEVfxJOMsAFpjEgwygHihLMIoN7zQc4MOi5KYJ_J6XYj2pta1eUyiqnMFWooFtt7jwPgcm1VDWRvhOX9wEggDSetrO4ldeElxQ3GKUA";

    public static Contact SmeContact => new() { Person = "Aibek Asanov", Email = "aibek@alatoo.example", Phone = "+996 555 123 456" };
    public static Contact PartnerContact => new() { Person = "Li Wei", Email = "li.wei@qdm.example", Phone = "+86 532 1234 5678" };
}
