namespace Matchmaker.Api.Features.Notifications.Preferences.Update;

public sealed class Request
{
    public string? Email { get; set; }
    public string? Language { get; set; }
    public decimal? MinScore { get; set; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.Email).Cascade(CascadeMode.Stop).NotEmpty()
            .Must(v => PreferenceStore.EmailModes.All.Contains(v!)).WithMessage(x => NotOneOf("email", x.Email!, PreferenceStore.EmailModes.All));
        RuleFor(x => x.Language).Cascade(CascadeMode.Stop).NotEmpty()
            .Must(v => PreferenceStore.Languages.Contains(v!)).WithMessage(x => NotOneOf("language", x.Language!, PreferenceStore.Languages));
        RuleFor(x => x.MinScore).Cascade(CascadeMode.Stop).NotNull().InclusiveBetween(0, 100).PrecisionScale(4, 1, ignoreTrailingZeros: true);
    }

    private static string NotOneOf(string field, string value, IReadOnlyList<string> allowed)
    {
        var list = string.Join(", ", allowed);
        return Messages.Get("Value.NotOneOf", field, value, list);
    }
}
