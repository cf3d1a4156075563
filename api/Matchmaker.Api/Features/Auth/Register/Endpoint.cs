using Matchmaker.Api.Features.Users;
using Matchmaker.Api.Infrastructure.Http.RateLimits;

namespace Matchmaker.Api.Features.Auth.Register;

internal sealed class Endpoint(ConnectionFactory db, SqlDialect dialect, TimeProvider clock, AccountTokenMail mail) : Endpoint<Request, UserResponse>
{
    public override void Configure()
    {
        Post("/auth/register");
        AllowAnonymous();
        Definition.RateLimitedBy(RateLimitPolicies.Register);
        Description(b => b.WithName("register").ClearDefaultProduces(200).Produces<UserResponse>(201, "application/json").ProducesProblems(409));
        Summary(s =>
        {
            s.Summary = "Register an SME or partner account";
            s.Description = "Self-registration for Kyrgyz SMEs (role `sme`) and Shandong firms (role `partner`). Passwords need at least 12 characters. The account's language (of notifications and e-mails) starts as the best of `en`, `ru` and `zh` in `Accept-Language`, else `en`. The e-mail is stored Unicode-NFKC-normalised, trimmed and lower-cased; it answers 409 when that address is taken, whatever its letter case or width (`ｉvan@…` is `ivan@…`), and 400 for an address with control, zero-width or bidirectional-override characters. "
                + "The new account's address is not verified yet (`emailVerified: false`): when e-mail is on, a link `{App:PublicUrl}/verify-email?token=…` "
                + "goes to it at once, in the account's language, valid `Auth:VerifyTokenLifetime` (7 days); the front end posts its token to POST /api/v1/auth/verify-email.";
            s.Responses[201] = "The account was created; sign in with POST /api/v1/auth/token.";
            s.Responses[409] = "The e-mail is already registered.";
            s.ExampleRequest = new Request { Email = UserExamples.SmeEmail, Password = UserExamples.Password, Role = "sme" };
            s.ResponseExamples[201] = UserExamples.Sme;
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var user = await UserAccounts.CreateAsync(connection, dialect, req.Email!, req.Password!, req.Role!, by: null, UserAccounts.Via.Registration,
            Languages.BestOf(HttpContext.Request) ?? UserAccounts.DefaultLanguage, now, ct,
            tx => mail.QueueAsync(connection, tx, AccountTokens.Purposes.VerifyEmail, req.Email!, HttpContext.Request, now, ct));
        if (user is null)
        {
            await Send.ResultAsync(Problems.Conflict(Messages.Get("Account.EmailTaken")));
            return;
        }

        ETags.Set(HttpContext.Response, user.Version);
        await Send.CreatedAtAsync(Users.Get.Endpoint.Name, new { id = user.PublicId }, UserResponse.From(user), cancellation: ct);
    }
}
