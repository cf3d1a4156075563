using System.Globalization;
using Matchmaker.Api.Features.Users;

namespace Matchmaker.Api.Features.Auth.Token;

internal sealed class Endpoint(ConnectionFactory db, TokenIssuer issuer, TokenRateLimiter limiter) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("/auth/token");
        AllowAnonymous();
        Description(b => b.WithName("issueToken").ProducesProblems(401, 429));
        Summary(s =>
        {
            s.Summary = "Sign in and get a bearer token";
            s.Description = "Exchanges e-mail and password for a JWT to send as `Authorization: Bearer <token>`. Wrong password and unknown e-mail get the same 401. Attempts are limited per client IP and e-mail; over the limit the answer is 429 with `Retry-After`.";
            s.Responses[401] = "The e-mail or password is wrong.";
            s.Responses[429] = "Too many attempts; wait the seconds given in Retry-After.";
            s.ExampleRequest = new Request { Email = UserExamples.SmeEmail, Password = UserExamples.Password };
            s.ResponseExamples[200] = new Response("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxYjJjM2Q0ZS01ZjYwLTQ3MTgtODI5My1hNGI1YzZkN2U4ZjkiLCJyb2xlIjoic21lIn0.5mhBHqs5_DTLdINd9p5m7ZJ6XD0Xc55kIaCRY5r6HRA", "Bearer", 3600);
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        if (limiter.TryAcquire(HttpContext.Connection.RemoteIpAddress?.ToString(), req.Email!) is { } wait)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            await Send.ResultAsync(Problems.Of(StatusCodes.Status429TooManyRequests, "Too Many Requests",
                $"Too many sign-in attempts; retry in {seconds} seconds."));
            return;
        }

        await using var connection = await db.OpenAsync(ct);
        var user = await UserAccounts.FindByEmailAsync(connection, req.Email!, ct);
        if (!UserAccounts.SignsIn(user, req.Password!))
        {
            await Send.ResultAsync(Problems.Of(StatusCodes.Status401Unauthorized, "Unauthorized", "The e-mail or password is wrong."));
            return;
        }

        var (token, expiresIn) = issuer.Issue(user.PublicId, user.Email, user.Role, user.SecurityStamp);
        await Send.OkAsync(new Response(token, "Bearer", expiresIn), ct);
    }
}
