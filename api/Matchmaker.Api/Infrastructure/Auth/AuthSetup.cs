using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace Matchmaker.Api.Infrastructure.Auth;

internal static class AuthSetup
{
    public static IServiceCollection AddMatchmakerAuth(this IServiceCollection services, AuthOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton<TokenIssuer>();
        services.AddSingleton<AccountRevocation>();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(jwt =>
            {
                jwt.MapInboundClaims = false;
                // WWW-Authenticate says only "Bearer": why a token failed helps an attacker more than a client.
                jwt.IncludeErrorDetails = false;
                jwt.Authority = options.Authority;
                jwt.Audience = options.Audience;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidateIssuer = true,
                    ValidIssuer = options.Authority is null ? options.Issuer : null,
                    ValidateAudience = true,
                    ValidAudience = options.Audience,
                    ValidateLifetime = true,
                    ClockSkew = TimeSpan.FromSeconds(30),
                    IssuerSigningKey = options.SigningKey,
                    ValidateIssuerSigningKey = options.SigningKey is not null,
                    NameClaimType = CallerClaims.Subject,
                    RoleClaimType = CallerClaims.RoleType,
                };
                jwt.Events = new JwtBearerEvents
                {
                    OnTokenValidated = async context =>
                    {
                        var revocation = context.HttpContext.RequestServices.GetRequiredService<AccountRevocation>();
                        // Only this server says where a profile stands, whatever an external issuer's token carries.
                        foreach (var identity in context.Principal!.Identities)
                        {
                            foreach (var claim in identity.FindAll(CallerClaims.ProfileVerificationType).ToList())
                                identity.TryRemoveClaim(claim);
                        }

                        var state = await revocation.CurrentStateAsync(context.Principal, context.HttpContext.RequestAborted);
                        if (state is null)
                            context.Fail("The token's account was deactivated or changed since it was issued.");
                        else if (state.ProfileVerification is { } verification)
                            context.Principal.AddIdentity(new ClaimsIdentity([new Claim(CallerClaims.ProfileVerificationType, verification)]));
                    },
                };
            });
        services.AddAuthorization();
        return services;
    }
}
