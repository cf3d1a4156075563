namespace Matchmaker.Api.Features.Shared;

/// <summary>Contact details: shown only to the owner, agency and admin until a match between the parties is mutual.</summary>
public sealed class Contact
{
    public string? Person { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
}

internal sealed class ContactRules : AbstractValidator<Contact>
{
    public const int MaxPersonLength = 200;

    public ContactRules()
    {
        RuleFor(x => x.Person).NotEmpty().MaximumLength(MaxPersonLength).IdentifierText();
        RuleFor(x => x.Email).EmailText();
        RuleFor(x => x.Phone).MaximumLength(40).Matches(@"^\+?[0-9 ()\-]{5,40}$")
            .WithMessage(_ => Messages.Get("Contact.Phone"));
    }
}
