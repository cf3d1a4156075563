using Matchmaker.Api.Features.Matching.Engine;
using Matchmaker.Api.Features.Needs;
using Matchmaker.Api.Features.Partners;
using Matchmaker.Api.Features.Shared;
using Matchmaker.Api.Features.Smes;

namespace Matchmaker.Api.Features.Matching;

/// <summary>the worked example (Features/Matching/README.md), scored by the engine itself so that the example cannot drift from it.</summary>
internal static class MatchExamples
{
    private static readonly DateTime SmeInterested = new(2026, 3, 9, 6, 30, 0, DateTimeKind.Utc);
    private static readonly DateTime PartnerInterested = new(2026, 3, 10, 2, 10, 0, DateTimeKind.Utc);

    public static MatchResponse Suggested
    {
        get
        {
            var sme = SmeExamples.Request;
            var need = NeedExamples.Request;
            var partner = PartnerExamples.Request;
            var scorer = new Scorer(ScoringProfile.Default);
            var needInput = new NeedInput(1, sme.Sectors!, need.Amount!.Amount!.Value, need.NeedTypes!, need.JobsToCreate!.Value, sme.Region!,
                sme.ExportOriented!.Value, sme.Languages!, sme.Certifications!);
            var partnerInput = new PartnerInput(1, partner.Sectors!, partner.Offerings!, partner.Ticket!.MinUsd!.Value, partner.Ticket.MaxUsd!.Value,
                partner.TargetRegions!, partner.SeeksExportOriented!.Value, partner.Languages!, partner.RequiredCertifications!);
            var score = scorer.Explain(needInput, partnerInput);
            return new MatchResponse
            {
                Id = Examples.MatchId,
                NeedId = Examples.NeedId,
                PartnerId = Examples.PartnerId,
                Score = Math.Round((decimal)score.Score, 1, MidpointRounding.AwayFromZero),
                CriteriaVersion = ScoringProfile.Default.Version,
                Breakdown = BreakdownItem.From(score, scorer.Advise(needInput, partnerInput, score), Notifications.NotificationTexts.English),
                Status = "suggested",
                CreatedAt = Examples.PartnerJoined,
                UpdatedAt = Examples.PartnerJoined,
                Need = new MatchNeedSummary
                {
                    Id = Examples.NeedId,
                    Title = need.Title!,
                    Status = "open",
                    SmeId = Examples.SmeId,
                    SmeName = sme.Name!,
                    Region = sme.Region!,
                    AmountUsd = need.Amount.Amount.Value,
                },
                Partner = new MatchPartnerSummary
                {
                    Id = Examples.PartnerId,
                    Name = partner.Name!,
                    NameZh = partner.NameZh,
                    City = partner.City!,
                },
            };
        }
    }

    /// <summary>After both said yes: the contacts are in, and a single-match answer carries the history.</summary>
    public static MatchResponse Mutual => WithContacts(Suggested) with
    {
        Status = "mutual",
        SmeInterestedAt = SmeInterested,
        PartnerInterestedAt = PartnerInterested,
        MutualAt = PartnerInterested,
        UpdatedAt = PartnerInterested,
        Events =
        [
            new MatchEventResponse { ActorRole = "sme", Action = "interest", From = "suggested", To = "sme_interested", At = SmeInterested },
            new MatchEventResponse { ActorRole = "partner", Action = "interest", From = "sme_interested", To = "mutual", At = PartnerInterested },
        ],
        Outcomes = [],
    };

    public static MatchResponse Meeting => AtMeeting(Mutual);

    private static MatchResponse WithContacts(MatchResponse match) => match with
    {
        Need = match.Need with { Contact = Examples.SmeContact },
        Partner = match.Partner with { Contact = Examples.PartnerContact },
    };

    private static MatchResponse AtMeeting(MatchResponse mutual) => mutual with
    {
        Status = "meeting",
        UpdatedAt = Examples.Updated,
        Events =
        [
            .. mutual.Events!,
            new MatchEventResponse { ActorRole = "sme", Action = "stage", From = "mutual", To = "meeting", Note = "Met at the Bishkek workshop.", At = Examples.Updated },
        ],
    };

    public static MatchResponse Declined => Suggested with
    {
        Status = "declined",
        UpdatedAt = Examples.Updated,
        Events =
        [
            new MatchEventResponse { ActorRole = "partner", Action = "decline", From = "suggested", To = "declined", Note = "Outside our ticket size this year.", ReasonCode = "amount_too_large", At = Examples.Updated },
        ],
        Outcomes = [],
    };

    public static Page<MatchResponse> Page => new([Suggested], Examples.Cursor);
}
