namespace Matchmaker.Api.Features.Users.Create;

public sealed class Request : NewAccount;

internal sealed class Validator : Validator<Request>
{
    public Validator() => Include(new NewAccountRules(AppRoles.All, "User.Role"));
}
