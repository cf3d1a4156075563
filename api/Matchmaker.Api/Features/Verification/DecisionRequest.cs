using Matchmaker.Api.Features.Shared;

namespace Matchmaker.Api.Features.Verification;

/// <summary>An agency's decision on an SME or partner profile.</summary>
public sealed class DecisionRequest
{
    public const int MaxNoteLength = 1000;

    /// <summary><c>verified</c> or <c>rejected</c>.</summary>
    public string? Decision { get; set; }

    /// <summary>Why; required for a rejection, shown to the owner.</summary>
    public string? Note { get; set; }
}

internal sealed class DecisionValidator : Validator<DecisionRequest>
{
    public DecisionValidator()
    {
        RuleFor(x => x.Decision).NotEmpty()
            .Must(d => d is null || VerificationStatus.Decisions.Contains(d))
            .WithMessage(x => Messages.Get("Value.NotOneOf", "decision", x.Decision!, string.Join(", ", VerificationStatus.Decisions)));
        RuleFor(x => x.Note).NotEmpty().When(x => x.Decision == VerificationStatus.Rejected)
            .WithMessage(_ => Messages.Get("Verification.NoteRequired"));
        RuleFor(x => x.Note).MaximumLength(DecisionRequest.MaxNoteLength).MultiLineText();
    }
}
