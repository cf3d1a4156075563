using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Matchmaker.Api.Infrastructure.Auth;

internal sealed class TokenIssuer(AuthOptions options, TimeProvider clock)
{
    public (string Token, int ExpiresInSeconds) Issue(Guid userId, string email, string role, string securityStamp)
    {
        var key = options.SigningKey ?? throw new InvalidOperationException("Local token issuing is disabled: Auth:Authority is set.");
        var now = clock.GetUtcNow().UtcDateTime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + options.TokenLifetime,
            Subject = new ClaimsIdentity(
            [
                new Claim(CallerClaims.Subject, userId.ToString()),
                new Claim(CallerClaims.Email, email),
                new Claim(CallerClaims.RoleType, role),
                new Claim(CallerClaims.SecurityStamp, securityStamp),
            ]),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        };
        return (new JsonWebTokenHandler().CreateToken(descriptor), (int)options.TokenLifetime.TotalSeconds);
    }
}
