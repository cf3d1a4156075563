using Matchmaker.Api.Features.Users;
using Matchmaker.Api.Infrastructure.Http.RateLimits;

namespace Matchmaker.Api.Features.Auth.Token;

internal sealed class Endpoint(ConnectionFactory db, TokenIssuer issuer, RateLimitCounters limits) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("/auth/token");
        AllowAnonymous();
        Definition.RateLimitedBy(RateLimitPolicies.SignInIp, RateLimitPolicies.SignIn);
        Description(b => b.WithName("issueToken").ProducesProblems(401));
        Summary(s =>
        {
            s.Summary = "Sign in and get a bearer token";
            s.Description = "Exchanges e-mail and password for a JWT to send as `Authorization: Bearer <token>`. Wrong password and unknown e-mail get the same 401. An account an admin created takes its language (of notifications and e-mails) from the `Accept-Language` of its first sign-in: the best of `en`, `ru` and `zh`, else `en`. Every attempt counts against two limits: `signin-ip` per client IP, and `signin` per client IP and e-mail (a third as many); over either the answer is 429 with `Retry-After`.";
            s.Responses[401] = "The e-mail or password is wrong.";
                s.ExampleRequest = new Request { Email = UserExamples.SmeEmail, Password = UserExamples.Password };
            s.ResponseExamples[200] = new Response("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxYjJjM2Q0ZS01ZjYwLTQ3MTgtODI5My1hNGI1YzZkN2U4ZjkiLCJyb2xlIjoic21lIn0.5mhBHqs5_DTLdINd9p5m7ZJ6XD0Xc55kIaCRY5r6HRA", "Bearer", 3600);
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        if (SignInLimit.Refusal(limits, HttpContext, req.Email!) is { } refusal)
        {
            await Send.ResultAsync(refusal);
            return;
        }

        await using var connection = await db.OpenAsync(ct);
        var user = await UserAccounts.FindByEmailAsync(connection, req.Email!, ct);
        if (!UserAccounts.SignsIn(user, req.Password!))
        {
            await Send.ResultAsync(Problems.Of(StatusCodes.Status401Unauthorized, Messages.Get("Auth.WrongCredentials")));
            return;
        }

        await UserAccounts.SetFirstLanguageAsync(connection, user, Languages.BestOf(HttpContext.Request) ?? UserAccounts.DefaultLanguage, ct);
        var (token, expiresIn) = issuer.Issue(user.PublicId, user.Email, user.Role, user.SecurityStamp);
        await Send.OkAsync(new Response(token, "Bearer", expiresIn), ct);
    }
}
