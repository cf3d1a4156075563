using System.Reflection;
using Microsoft.AspNetCore.StaticFiles;

namespace Matchmaker.Api.Features.Dashboard;

/// <summary>
/// <c>GET /dashboard</c>: the agency dashboard, a page of static files embedded in the API (wwwroot) that calls the
/// reports from the browser. Nothing is loaded from another host, and the policy below forbids inline script.
/// </summary>
internal static class DashboardPage
{
    public const string Route = "/dashboard";

    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static readonly string[] Methods = [HttpMethods.Get, HttpMethods.Head];

    private const string ResourcePrefix = "dashboard/";

    private static readonly Assembly Assembly = typeof(DashboardPage).Assembly;

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    /// <summary>Served path (after <c>/dashboard/</c>) → embedded resource name.</summary>
    private static readonly IReadOnlyDictionary<string, string> Files = Assembly.GetManifestResourceNames()
        .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
        .ToDictionary(name => name[ResourcePrefix.Length..].Replace('\\', '/'), name => name, StringComparer.Ordinal);

    public static void MapDashboard(this IEndpointRouteBuilder app)
    {
        app.MapMethods(Route, Methods, (HttpContext context) => Serve(context, "index.html")).ExcludeFromDescription();
        app.MapMethods(Route + "/{**file}", Methods, (HttpContext context, string file) => Serve(context, file.Length == 0 ? "index.html" : file))
            .ExcludeFromDescription();
    }

    private static IResult Serve(HttpContext context, string file)
    {
        if (!Files.TryGetValue(file, out var resource))
            return Results.NotFound();
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-cache";
        var contentType = ContentTypes.TryGetContentType(file, out var type) ? type : "application/octet-stream";
        if (contentType.StartsWith("text/", StringComparison.Ordinal) || contentType == "application/json")
            contentType += "; charset=utf-8";
        return Results.Stream(Assembly.GetManifestResourceStream(resource)!, contentType);
    }
}
