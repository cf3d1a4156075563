using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Matchmaker.Tests.Security;

/// <summary>One registered route: its method and its template with the constraints left out, e.g. <c>GET /api/v1/smes/{id}</c>.</summary>
internal sealed record ApiRoute(string Method, string Template, bool AllowsAnonymous)
{
    public string Key => $"{Method} {Template}";

    public override string ToString() => Key;
}

/// <summary>The app's own route table, read from its <see cref="EndpointDataSource"/>: every endpoint under <c>/api/v1</c>.</summary>
internal static partial class RouteTable
{
    public const string Prefix = "/api/v1";

    public static IReadOnlyList<ApiRoute> Of(TestApp app)
    {
        var source = app.Services.GetRequiredService<EndpointDataSource>();
        return source.Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Template: "/" + Constraint().Replace(e.RoutePattern.RawText!.TrimStart('/'), "{$1}")))
            .Where(e => e.Template.StartsWith(Prefix + "/", StringComparison.Ordinal))
            .SelectMany(e => (e.Endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(method =>
                new ApiRoute(method, e.Template, e.Endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is not null)))
            .Distinct()
            .OrderBy(r => r.Template, StringComparer.Ordinal).ThenBy(r => r.Method, StringComparer.Ordinal)
            .ToList();
    }

    [GeneratedRegex(@"\{(\w+)(?::[^}]*)?\}")]
    private static partial Regex Constraint();
}
