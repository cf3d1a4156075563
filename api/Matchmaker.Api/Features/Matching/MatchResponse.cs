using System.Text.Json.Serialization;
using Matchmaker.Api.Features.Shared;

namespace Matchmaker.Api.Features.Matching;

public sealed record MatchResponse
{
    public Guid Id { get; init; }
    public Guid NeedId { get; init; }
    public Guid PartnerId { get; init; }

    /// <summary>0–100, one decimal, under <see cref="CriteriaVersion"/>.</summary>
    public decimal Score { get; init; }

    public int CriteriaVersion { get; init; }
    public IReadOnlyList<BreakdownItem> Breakdown { get; init; } = [];
    public string Status { get; init; } = "";
    public DateTime? SmeInterestedAt { get; init; }
    public DateTime? PartnerInterestedAt { get; init; }
    public DateTime? MutualAt { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
    public MatchNeedSummary Need { get; init; } = new();
    public MatchPartnerSummary Partner { get; init; } = new();

    /// <summary>The deal's history, oldest first; present on single-match answers, absent in lists.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<MatchEventResponse>? Events { get; init; }

    /// <summary>What the deal produced, oldest record first (the last one counts); present on single-match answers, absent in lists.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<Outcomes.OutcomeResponse>? Outcomes { get; init; }

    internal static MatchResponse From(MatchRow row, bool withContacts, IReadOnlyList<BreakdownItem> breakdown, DateTime now,
        IReadOnlyList<MatchEventRow>? events = null, IReadOnlyList<Outcomes.OutcomeRow>? outcomes = null) => new()
    {
        Id = row.PublicId,
        NeedId = row.NeedPublicId,
        PartnerId = row.PartnerPublicId,
        Score = Math.Round(row.Score, 1, MidpointRounding.AwayFromZero),
        CriteriaVersion = row.CriteriaVersion,
        Breakdown = breakdown,
        Status = row.Status,
        SmeInterestedAt = row.SmeInterestedAt,
        PartnerInterestedAt = row.PartnerInterestedAt,
        MutualAt = row.MutualAt,
        CreatedAt = row.CreatedAt,
        UpdatedAt = row.UpdatedAt,
        Need = new MatchNeedSummary
        {
            Id = row.NeedPublicId,
            Title = row.NeedTitle,
            Status = Needs.NeedStatus.At(row.NeedStatus, row.NeedExpiresAt, now),
            SmeId = row.SmePublicId,
            SmeName = row.SmeName,
            Region = row.Region,
            AmountUsd = row.AmountUsd,
            Contact = withContacts ? new Contact { Person = row.SmeContactPerson, Email = row.SmeContactEmail, Phone = row.SmeContactPhone } : null,
        },
        Partner = new MatchPartnerSummary
        {
            Id = row.PartnerPublicId,
            Name = row.PartnerName,
            NameZh = row.PartnerNameZh,
            City = row.PartnerCity,
            Contact = withContacts ? new Contact { Person = row.PartnerContactPerson, Email = row.PartnerContactEmail, Phone = row.PartnerContactPhone } : null,
        },
        Events = events?.Select(MatchEventResponse.Of).ToList(),
        Outcomes = outcomes?.Select(Matching.Outcomes.OutcomeResponse.From).ToList(),
    };
}

/// <param name="Score">0–1.</param>
/// <param name="Contribution">Score points; a breakdown's contributions add up to the match score.</param>
/// <param name="Advice">
/// Below 1 only: which side could change what, in the reader's language, and the points it would add; null where
/// the criterion scores 1 or no single change raises the score (see <see cref="Engine.Scorer.Advise"/>).
/// </param>
/// <param name="AdvicePoints">The score points the advised change adds, one decimal; null with <paramref name="Advice"/>.</param>
public sealed record BreakdownItem(string Criterion, double Weight, double Score, double Contribution, string Reason, string? Advice, double? AdvicePoints)
{
    internal static IReadOnlyList<BreakdownItem> From(Engine.MatchScore explained, IReadOnlyList<Engine.Advice?> advice, string language) =>
        explained.Breakdown.Select((row, i) => new BreakdownItem(
            row.Criterion, row.Weight, row.Score, row.Contribution, row.Reason,
            advice[i] is { } a ? AdviceText.Render(a, language) : null,
            advice[i]?.Points)).ToList();
}

public sealed record MatchNeedSummary
{
    public Guid Id { get; init; }
    public string Title { get; init; } = "";
    public string Status { get; init; } = "";
    public Guid SmeId { get; init; }
    public string SmeName { get; init; } = "";
    public string Region { get; init; } = "";
    public decimal AmountUsd { get; init; }

    /// <summary>The SME's contact: only once the match has been mutual.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Contact? Contact { get; init; }
}

public sealed record MatchPartnerSummary
{
    public Guid Id { get; init; }
    public string Name { get; init; } = "";
    public string? NameZh { get; init; }
    public string City { get; init; } = "";

    /// <summary>The partner's contact: only once the match has been mutual.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Contact? Contact { get; init; }
}

/// <summary>One step of the deal: which side took it, never which account (the audit log keeps that for the admin).</summary>
public sealed record MatchEventResponse
{
    public string ActorRole { get; init; } = "";
    public string Action { get; init; } = "";
    public string From { get; init; } = "";
    public string To { get; init; } = "";
    public string? Note { get; init; }

    /// <summary>On a decline: why, as one of the decline reason codes; absent when the side gave none, and on every other step.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? ReasonCode { get; init; }

    public DateTime At { get; init; }

    internal static MatchEventResponse Of(MatchEventRow row) => new()
    {
        ActorRole = row.ActorRole,
        Action = row.Action,
        From = row.FromStatus,
        To = row.ToStatus,
        Note = row.Note,
        ReasonCode = row.ReasonCode,
        At = row.At,
    };
}
