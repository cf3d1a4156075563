using Matchmaker.Api.Features.Users;

namespace Matchmaker.Api.Features.Auth.Register;

public sealed class Request : NewAccount;

internal sealed class Validator : Validator<Request>
{
    public Validator() => Include(new NewAccountRules(AppRoles.SelfRegistering, "User.SelfRegisterRole"));
}
