using Matchmaker.Api.Features.Matching.Engine;
using Matchmaker.Api.Features.Needs;
using Matchmaker.Api.Features.Partners;
using Matchmaker.Api.Features.Shared;
using Matchmaker.Api.Features.Smes;

namespace Matchmaker.Api.Features.Matching.NearMisses;

/// <summary>A page of near misses, paged by a (score, partner) cursor in their order.</summary>
public sealed class Request : ICursorQuery
{
    public int? Limit { get; set; }
    public string? Cursor { get; set; }

    internal int Take => Limit ?? Paging.DefaultLimit;

    internal (long Tenths, long PartnerId)? After =>
        Infrastructure.Http.Cursor.TryDecode(Cursor, 2, out var keys) ? (keys[0], keys[1]) : null;
}

internal sealed class Validator : Validator<Request>
{
    public Validator() => RuleFor(x => x.Limit).InclusiveBetween(1, Paging.MaxLimit);
}

/// <param name="Score">The weighted score, 0–100 with one decimal, counted even when a required criterion excludes the pair.</param>
/// <param name="Missing">The required criterion that excludes the pair (one at most); empty when it only scores too low.</param>
/// <param name="Breakdown">Why, criterion by criterion, with advice.</param>
public sealed record NearMissResponse(Guid PartnerId, string PartnerName, decimal Score, IReadOnlyList<string> Missing, IReadOnlyList<BreakdownItem> Breakdown);

internal static class NearMissBounds
{
    public static void DescribeFields(FieldBounds fields) => fields
        .List("missing", new StringLimit(32, Enum: [.. CriterionKeys.All]), 1)
        .Number("NearMissResponse.score", 0, 100);
}

/// <summary>The worked example's need (Features/Matching/README.md) and its partner moved to agriculture: excluded by the sector alone.</summary>
internal static class NearMissExamples
{
    public static Page<NearMissResponse> Page
    {
        get
        {
            var sme = SmeExamples.Request;
            var need = NeedExamples.Request;
            var partner = PartnerExamples.Request;
            var needInput = new NeedInput(1, sme.Sectors!, need.Amount!.Amount!.Value, need.NeedTypes!, need.JobsToCreate!.Value, sme.Region!,
                sme.ExportOriented!.Value, sme.Languages!, sme.Certifications!);
            var partnerInput = new PartnerInput(2, ["A01"], partner.Offerings!, partner.Ticket!.MinUsd!.Value, partner.Ticket.MaxUsd!.Value,
                partner.TargetRegions!, partner.SeeksExportOriented!.Value, partner.Languages!, partner.RequiredCertifications!);
            var search = new NearMissSearch(ScoringProfile.Default);
            var (_, miss) = search.Find(needInput, [partnerInput]).Single();
            return new([
                new NearMissResponse(Examples.PartnerId, partner.Name!, miss.Tenths / 10m, [miss.Missing!],
                    Scoring.MatchExplainer.Items(search.Scorer, needInput, partnerInput, Notifications.NotificationTexts.English)),
            ], null);
        }
    }
}
