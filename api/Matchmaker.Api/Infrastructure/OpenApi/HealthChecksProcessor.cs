using NJsonSchema;
using NSwag;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Matchmaker.Api.Infrastructure.OpenApi;

/// <summary>Describes the routes mapped outside FastEndpoints: the health checks, the metrics and the dashboard page.</summary>
internal sealed class HealthChecksProcessor : IDocumentProcessor
{
    public void Process(DocumentProcessorContext context)
    {
        var document = context.Document;
        document.Paths["/health/live"] = HealthCheck("Liveness", "Answers 200 `Healthy` while the process runs; checks nothing else.", readiness: false);
        document.Paths["/health/ready"] = HealthCheck("Readiness",
            "Answers 200 `Healthy` when the database answers, else 503 `Unhealthy`; 200 `Degraded` while background work lags "
            + "(an e-mail failed for good, the oldest unsent one waits over 15 minutes, a webhook delivery is still queued 15 minutes after its "
            + "24 hours of retries, or a need expired over 15 minutes ago and no sweep has handled it). With `Accept: application/json` the answer is an object with each check's status, description and figures: "
            + "`backlog` has `emailEnabled`, `emailPending`, `emailOldestPendingSeconds`, `emailFailed`, `webhookDeliveriesPending`, "
            + "`webhookOldestPendingSeconds`, `webhookDeliveriesFailed`, `jobsWaiting`, `jobProcessed`, `jobTotal`, `needsExpiredUnswept` and `oldestUnsweptExpirySeconds`.", readiness: true);
        document.Paths["/metrics"] = Metrics();
        document.Paths["/dashboard"] = Dashboard();
    }

    private static OpenApiPathItem Dashboard()
    {
        var operation = new OpenApiOperation
        {
            OperationId = "getDashboard",
            Summary = "Agency dashboard (a web page)",
            Description = "The HTML page of the agency dashboard; its script, styles, i18n files (en, ru, zh) and the vendored Chart.js are served "
                + "under `/dashboard/`. No token to load it: agency and admin sign in on the page, which then calls `/api/v1/reports/*` with the "
                + "same filters for every chart and keeps the token in memory. Every answer carries `Content-Security-Policy` "
                + "(`default-src 'self'`, no inline script), `X-Content-Type-Options: nosniff`, `X-Frame-Options: DENY` and `Referrer-Policy: no-referrer`.",
            Tags = { "Operations" },
        };
        var schema = new JsonSchema { Type = JsonObjectType.String, MaxLength = 100_000 };
        operation.Responses["200"] = new OpenApiResponse
        {
            Description = "The page.",
            Content = { ["text/html"] = new OpenApiMediaType { Schema = schema, Example = "<!DOCTYPE html><html lang=\"en\">…</html>" } },
        };
        return new OpenApiPathItem { [OpenApiOperationMethod.Get] = operation };
    }

    private static OpenApiPathItem Metrics()
    {
        var operation = new OpenApiOperation
        {
            OperationId = "getMetrics",
            Summary = "Metrics for Prometheus",
            Description = "OpenTelemetry metrics in the Prometheus text format (`Metrics:Enabled`, default true): request durations "
                + "(`http_server_request_duration_seconds`) and the background work (`matchmaker_email_outbox_pending`, "
                + "`matchmaker_email_outbox_failed`, `matchmaker_email_outbox_oldest_age_seconds`, `matchmaker_needs_expiry_unswept`, "
                + "`matchmaker_needs_expiry_oldest_unswept_age_seconds`, `matchmaker_rescore_jobs_waiting`, `matchmaker_rescore_progress_ratio`). "
                + "No token: restrict it to the operators' network at the proxy.",
            Tags = { "Operations" },
        };
        operation.Responses["200"] = new OpenApiResponse
        {
            Description = "The current figures.",
            Content = { ["text/plain"] = new OpenApiMediaType { Schema = new JsonSchema { Type = JsonObjectType.String, MaxLength = 10_000_000 } } },
        };
        return new OpenApiPathItem { [OpenApiOperationMethod.Get] = operation };
    }

    private static OpenApiPathItem HealthCheck(string summary, string description, bool readiness)
    {
        var operation = new OpenApiOperation
        {
            OperationId = readiness ? "getReadiness" : "getLiveness",
            Summary = summary,
            Description = description,
            Tags = { "Operations" },
        };
        operation.Responses["200"] = readiness ? WithDetails(Text("Healthy, or Degraded while background work lags.", "Healthy", "Degraded"), "Healthy") : Text("Healthy.", "Healthy");
        if (readiness)
            operation.Responses["503"] = WithDetails(Text("The database does not answer.", "Unhealthy"), "Unhealthy");
        return new OpenApiPathItem { [OpenApiOperationMethod.Get] = operation };
    }

    private static OpenApiResponse Text(string description, params string[] values)
    {
        var schema = new JsonSchema { Type = JsonObjectType.String };
        foreach (var value in values)
            schema.Enumeration.Add(value);
        return new OpenApiResponse { Description = description, Content = { ["text/plain"] = new OpenApiMediaType { Schema = schema } } };
    }

    private static OpenApiResponse WithDetails(OpenApiResponse response, string exampleStatus)
    {
        var check = new JsonSchema { Type = JsonObjectType.Object, AllowAdditionalProperties = false };
        check.Properties["status"] = Status();
        check.Properties["description"] = new JsonSchemaProperty { Type = JsonObjectType.String, IsNullableRaw = true, MaxLength = 500 };
        check.Properties["data"] = new JsonSchemaProperty { Type = JsonObjectType.Object, AdditionalPropertiesSchema = new JsonSchema() };
        var body = new JsonSchema { Type = JsonObjectType.Object, AllowAdditionalProperties = false };
        body.Properties["status"] = Status();
        body.Properties["checks"] = new JsonSchemaProperty { Type = JsonObjectType.Object, AdditionalPropertiesSchema = check };
        body.RequiredProperties.Add("status");
        body.RequiredProperties.Add("checks");
        var database = exampleStatus == "Healthy"
            ? new Dictionary<string, object?> { ["status"] = "Healthy", ["description"] = null, ["data"] = new Dictionary<string, object>() }
            : new Dictionary<string, object?> { ["status"] = "Unhealthy", ["description"] = "The database cannot be reached.", ["data"] = new Dictionary<string, object>() };
        var checks = new Dictionary<string, object?> { ["database"] = database };
        if (exampleStatus == "Healthy")
        {
            checks["backlog"] = new Dictionary<string, object?>
            {
                ["status"] = "Healthy",
                ["description"] = "Background work keeps up.",
                ["data"] = new Dictionary<string, object>
                {
                    ["emailEnabled"] = true, ["emailPending"] = 3, ["emailOldestPendingSeconds"] = 4, ["emailFailed"] = 0,
                    ["webhookDeliveriesPending"] = 2, ["webhookOldestPendingSeconds"] = 70, ["webhookDeliveriesFailed"] = 1,
                    ["jobsWaiting"] = 1, ["jobProcessed"] = 1200, ["jobTotal"] = 10000, ["needsExpiredUnswept"] = 0, ["oldestUnsweptExpirySeconds"] = 0,
                },
            };
        }

        response.Content["application/json"] = new OpenApiMediaType { Schema = body, Example = new Dictionary<string, object?> { ["status"] = exampleStatus, ["checks"] = checks } };
        return response;
    }

    private static JsonSchemaProperty Status()
    {
        var status = new JsonSchemaProperty { Type = JsonObjectType.String };
        foreach (var value in new[] { "Healthy", "Degraded", "Unhealthy" })
            status.Enumeration.Add(value);
        return status;
    }
}
