using FastEndpoints.Swagger;
using Matchmaker.Api.Infrastructure.Http.RateLimits;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Matchmaker.Api.Infrastructure;

/// <summary>
/// The host's services and request pipeline, kept out of Program.cs so both read top to bottom. The
/// features register their own services after these and describe the bounds of their fields to
/// <see cref="AddMatchmaker"/>; nothing here names a feature.
/// </summary>
internal static class Composition
{
    public const long DefaultMaxRequestBodyBytes = 256 * 1024;

    public static void AddMatchmaker(this WebApplicationBuilder builder, Action<FieldBounds> describeFields)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        var database = DatabaseOptions.From(configuration, builder.Environment.ContentRootPath);
        var dataDirectory = database.Provider == DatabaseProvider.Sqlite ? SqliteConnections.DataDirectory(database.ConnectionString) : null;

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(database);
        services.AddSingleton<ConnectionFactory>();
        services.AddSingleton(new SqlDialect(database.Provider));
        services.AddSingleton<ReferenceCodes>();
        var rateLimits = new RateLimitPolicies(configuration);
        services.AddMatchmakerRateLimits(rateLimits);
        services.AddMatchmakerCors(configuration);
        services.AddHostedService<DatabaseInitializer>();
        services.AddMatchmakerAuth(AuthOptions.From(configuration, builder.Environment, dataDirectory));
        services.AddMatchmakerDataProtection();

        var maxBody = configuration.GetValue("Api:MaxRequestBodyBytes", DefaultMaxRequestBodyBytes);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = maxBody;
            k.AddServerHeader = false;
        });

        // Titles of the answers the framework writes itself (401, 403, 404 of no route, 405) in the request's language.
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            if (c.ProblemDetails.Status is { } status)
                c.ProblemDetails.Title = Messages.Title(status);
        });
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        services.AddMatchmakerTelemetry(configuration);
        services.AddFastEndpoints();
        var fields = OpenApiSetup.Fields(describeFields);
        services.SwaggerDocument(o =>
        {
            o.ShortSchemaNames = false;
            o.DocumentSettings = d => OpenApiSetup.Configure(d, fields, rateLimits, CorsSetup.AllowedOrigins(configuration));
        });
    }

    public static void UseMatchmaker(this WebApplication app)
    {
        var maxBody = app.Configuration.GetValue("Api:MaxRequestBodyBytes", DefaultMaxRequestBodyBytes);
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = ClientFaults.Status,
            SuppressDiagnosticsCallback = ClientFaults.SuppressDiagnostics,
        });
        app.UseRequestLocalization(Languages.Options());
        app.UseStatusCodePages();
        app.UseMiddleware<ClientAddress>();
        if (CorsSetup.AllowedOrigins(app.Configuration).Length > 0)
            app.UseCors();
        app.UseMiddleware<RequestBodyLimit>(maxBody);
        app.UseMiddleware<EmptyBody>();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseMiddleware<Idempotency>();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponse.WriteAsync });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = HealthResponse.WriteAsync });
        app.MapMatchmakerMetrics();

        app.UseFastEndpoints(c =>
        {
            c.Endpoints.RoutePrefix = "api/v1";
            c.Endpoints.ShortNames = false;
            c.Endpoints.Configurator = ep =>
            {
                ep.PreProcessors(Order.Before, new UnknownQueryParameters(), new CursorOpening());
                RateLimitConvention.Apply(ep);
            };
            ApiJson.Configure(c.Serializer.Options);
            c.Serializer.ResponseSerializer = CursorSealing.Serializer(c.Serializer.Options);
            c.Binding.FailureMessage = BindingMessages.ForValue;
            c.Binding.JsonExceptionTransformer = BindingMessages.ForJson;
            c.Errors.ContentType = "application/problem+json";
            c.Errors.ProducesMetadataType = typeof(HttpValidationProblemDetails);
            c.Errors.ResponseBuilder = ValidationProblems.Build;
        });
        // Messages name a field as the client writes it ('horizonMonths'), not as FluentValidation would split it ('Horizon Months').
        FluentValidation.ValidatorOptions.Global.DisplayNameResolver = (_, member, _) =>
            member is null ? null : System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(member.Name);
        app.UseSwaggerGen(o =>
        {
            o.Path = "/openapi/{documentName}.json";
            o.PostProcess = OpenApiSetup.DescribeServer;
        }, ui =>
        {
            ui.Path = "/docs";
            ui.DocumentPath = "/openapi/{documentName}.json";
        });
    }
}
