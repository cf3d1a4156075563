using System.Collections.Immutable;

namespace Matchmaker.Api.Features.Matching.Engine;

internal static class CriterionKeys
{
    public const string Sector = "sector";
    public const string Ticket = "ticket";
    public const string NeedType = "need_type";
    public const string Region = "region";
    public const string Export = "export";
    public const string Jobs = "jobs";
    public const string Language = "language";
    public const string Certification = "certification";

    public static ImmutableArray<string> All { get; } =
        [Sector, Ticket, NeedType, Region, Export, Jobs, Language, Certification];

    public static int IndexOf(string key) => All.IndexOf(key);
}
