using NSwag;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Matchmaker.Api.Infrastructure.OpenApi;

/// <summary>The bearer schemes, and each secured route's requirement with the roles it admits.</summary>
internal sealed class SecurityProcessor : IDocumentProcessor
{
    public const string Bearer = "JWTBearerAuth";
    public const string AdminBearer = "AdminBearer";

    private const string Jwt = "A JWS-signed JWT (RFC 7519) from `POST /api/v1/auth/token`, sent as `Authorization: Bearer <token>`. "
        + "Handled as RFC8725 (JWT best current practices) asks: the signature is always verified (no `alg: none`) with the configured key only, "
        + "and issuer, audience and lifetime are checked. Tokens expire (60 minutes by default) and carry the account's role.";

    public void Process(DocumentProcessorContext context)
    {
        var document = context.Document;
        document.Components.SecuritySchemes.Clear();
        document.Components.SecuritySchemes[Bearer] = Scheme(Jwt);
        document.Components.SecuritySchemes[AdminBearer] = Scheme(Jwt + " The /admin routes need a token of an account with role `admin`.");

        foreach (var o in document.Operations.Where(o => o.Operation.Security is { Count: > 0 }))
            Restate(o.Path, o.Operation);
    }

    private static OpenApiSecurityScheme Scheme(string description) => new()
    {
        Type = OpenApiSecuritySchemeType.Http,
        Scheme = "bearer",
        BearerFormat = "JWT",
        Description = description,
    };

    /// <summary>OpenAPI 3.0 allows scopes only for OAuth2: roles move into the description; /admin routes name their own scheme.</summary>
    private static void Restate(string path, OpenApiOperation operation)
    {
        var roles = operation.Security.SelectMany(r => r.Values).SelectMany(v => v).Distinct().ToList();
        operation.Security.Clear();
        operation.Security.Add(new OpenApiSecurityRequirement { [path.Contains("/admin/", StringComparison.Ordinal) ? AdminBearer : Bearer] = [] });
        if (roles.Count > 0)
        {
            var line = $"Roles: {string.Join(", ", roles.Select(r => $"`{r}`"))}.";
            operation.Description = string.IsNullOrWhiteSpace(operation.Description) ? line : $"{operation.Description}\n\n{line}";
        }
    }
}
