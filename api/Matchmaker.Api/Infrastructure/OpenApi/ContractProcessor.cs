using NJsonSchema;
using NSwag;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Matchmaker.Api.Infrastructure.OpenApi;

/// <summary>
/// Completes what the generator cannot infer from the endpoints: the answers every route shares
/// (problem details per status, the headers of creates and conditional updates), the security
/// schemes, tags, and the bounds of every field (<see cref="FieldLimits"/>).
/// </summary>
internal sealed class ContractProcessor : IDocumentProcessor
{
    public const string Bearer = "JWTBearerAuth";
    public const string AdminBearer = "AdminBearer";
    private const string ProblemJson = "application/problem+json";
    private const string ProblemSchema = "ProblemDetails";
    private const string ValidationProblemSchema = "ValidationProblemDetails";
    private const int IdempotencyKeyMaxLength = 200;

    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Auth"] = "Registration, sign-in and the signed-in account.",
        ["Admin"] = "Accounts, for admins.",
        ["Smes"] = "Kyrgyz SME profiles.",
        ["Needs"] = "Investment needs posted by SMEs and the search Shandong firms use.",
        ["Partners"] = "Shandong manufacturer and investor profiles.",
        ["Matches"] = "Scored (need, partner) pairs, the double opt-in and the deal stages.",
        ["Criteria"] = "The versioned scoring profile.",
        ["Jobs"] = "Background re-score jobs.",
        ["Reference"] = "Reference codes and FX rates.",
        ["Reports"] = "Figures for government agencies.",
        ["Operations"] = "Health checks for load balancers and orchestrators.",
    };

    private static readonly Dictionary<int, string> StatusDescriptions = new()
    {
        [400] = "The body or query is invalid: `errors` maps each field (camelCase, e.g. `contact.email`, `sectors[0]`) to its messages.",
        [401] = "No token, or the token is invalid or expired.",
        [403] = "Signed in, but the caller's role may not do this.",
        [404] = "Not found, or not visible to the caller.",
        [409] = "Conflicts with the current state.",
        [412] = "If-Match does not match the current ETag: read the resource again.",
        [413] = "The body is larger than the API accepts (256 KiB by default).",
        [415] = "The body is not `application/json`.",
        [422] = "The Idempotency-Key was used before by this caller on this route with another body.",
        [428] = "If-Match is missing.",
        [429] = "Too many attempts; retry after the seconds in `Retry-After`.",
        [500] = "Unexpected server error (problem details, never a stack trace).",
    };

    public void Process(DocumentProcessorContext context)
    {
        var document = context.Document;
        document.Info.Contact = new OpenApiContact { Name = "Matchmaker API team", Url = "https://github.com/matchmaker-kg-sd/matchmaker" };
        AddProblemSchemas(document);
        ConfigureSecuritySchemes(document);

        AddHealthChecks(document);
        foreach (var (path, item) in document.Paths)
            foreach (var (method, operation) in item)
                CompleteOperation(path, method, operation);

        AddTags(document);
        foreach (var (name, schema) in document.Components.Schemas)
        {
            Bound(schema, name, new HashSet<JsonSchema>());
            CloseStatusCounts(schema);
        }

        RemoveUnusedSchemas(document);
    }

    /// <summary>The reports' <c>matches</c> always carries every status, so it is a closed object, not an open map.</summary>
    private static void CloseStatusCounts(JsonSchema schema)
    {
        if (!schema.Properties.TryGetValue("matches", out var matches) || matches.AdditionalPropertiesSchema is not { } count)
            return;
        matches.AdditionalPropertiesSchema = null;
        matches.AllowAdditionalProperties = false;
        matches.MaxProperties = 0;
        foreach (var status in FieldLimits.MatchStatuses)
        {
            matches.Properties[status] = new JsonSchemaProperty { Type = count.Type, Format = count.Format, Minimum = count.Minimum, Maximum = count.Maximum };
            matches.RequiredProperties.Add(status);
        }
    }

    private void CompleteOperation(string path, string method, OpenApiOperation operation)
    {
        var secured = operation.Security is { Count: > 0 };
        var hasBody = operation.RequestBody is not null;
        var hasPathParameter = path.Contains('{');

        if (secured)
            RestateSecurity(path, operation);
        if (hasBody || operation.Parameters.Any(p => p.Kind == OpenApiParameterKind.Query))
            Problem(operation, 400);
        if (secured)
            Problem(operation, 401);
        if (hasPathParameter)
            Problem(operation, 404);
        if (hasBody)
        {
            Problem(operation, 413);
            Problem(operation, 415);
        }

        if (method == OpenApiOperationMethod.Put && operation.Responses.ContainsKey("412"))
            AddIfMatch(operation);
        if (method == OpenApiOperationMethod.Post && secured)
            AddIdempotencyKey(operation);
        if (operation.Responses.ContainsKey("429"))
            AddRetryAfter(operation.Responses["429"]);
        Problem(operation, 500);

        foreach (var (status, response) in operation.Responses)
            CompleteResponse(path, operation, int.Parse(status, System.Globalization.CultureInfo.InvariantCulture), response);
        foreach (var parameter in operation.Parameters)
        {
            var schema = parameter.Schema ?? parameter;
            if (schema.Format == "guid")
                schema.Format = "uuid";
            Bound(schema, "param", parameter.Name);
            if (string.IsNullOrWhiteSpace(parameter.Description) && parameter.Kind == OpenApiParameterKind.Query)
                parameter.Description = ParameterDescriptions.For(path, parameter.Name);
        }

        if (string.IsNullOrWhiteSpace(operation.Description))
            operation.Description = operation.Summary;
    }

    private void CompleteResponse(string path, OpenApiOperation operation, int status, OpenApiResponse response)
    {
        if (status >= 400)
        {
            if (StatusDescriptions.TryGetValue(status, out var text) && (string.IsNullOrWhiteSpace(response.Description) || IsReasonPhrase(response.Description)))
                response.Description = text;
            response.Content.Clear();
            response.Content[ProblemJson] = new OpenApiMediaType
            {
                Schema = new JsonSchema { Reference = status == 400 ? validationProblem : problem },
                Example = ProblemExamples.For(status, operation, path),
            };
            return;
        }

        if (status is 201 or 202)
            Header(response, "Location", "Where the created resource (or the job) can be read.", required: true, UrlSchema());
        if (status == 201 || (status is 200 or 202 && ETagOperations.Contains(operation.OperationId)))
            Header(response, "ETag", "The version to send back in If-Match with the next update.", required: true, ETagSchema());
    }

    /// <summary>The operations whose success answer carries the resource's ETag (those that call <c>ETags.Set</c>).</summary>
    private static readonly HashSet<string> ETagOperations = new(StringComparer.Ordinal)
    {
        "getCriteria", "updateCriteria", "declineMatch", "getMatch", "expressInterest", "recordDealStage",
        "closeNeed", "getNeed", "updateNeed", "getPartner", "updatePartner", "getSme", "updateSme", "getUser", "updateUser",
    };

    private static bool IsReasonPhrase(string description) =>
        description is "Unauthorized" or "Forbidden" or "Bad Request" or "Not Found" or "Conflict" or "Internal Server Error";

    private static void Problem(OpenApiOperation operation, int status)
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!operation.Responses.ContainsKey(key))
            operation.Responses[key] = new OpenApiResponse { Description = StatusDescriptions[status] };
    }

    /// <summary>OpenAPI 3.0 allows scopes only for OAuth2: roles move into the description; /admin routes name their own scheme.</summary>
    private static void RestateSecurity(string path, OpenApiOperation operation)
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

    private static void AddIfMatch(OpenApiOperation operation)
    {
        if (operation.Parameters.Any(p => p.Name == "If-Match"))
            return;
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = "If-Match",
            Kind = OpenApiParameterKind.Header,
            // Required by the API (428 without it), but declared optional so that the 428 answer stays reachable for clients and proxies.
            IsRequired = false,
            Description = "The ETag of your last read. Without it the answer is 428; with a stale one 412.",
            Schema = new JsonSchema { Type = JsonObjectType.String, MaxLength = 200, Pattern = "^(\\*|(W/)?\"[^\"]*\"(\\s*,\\s*(W/)?\"[^\"]*\")*)$" },
        });
        Problem(operation, 412);
        Problem(operation, 428);
    }

    private static void AddIdempotencyKey(OpenApiOperation operation)
    {
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = Http.Idempotency.Header,
            Kind = OpenApiParameterKind.Header,
            IsRequired = false,
            Description = "Any unique string (a UUID is fine): a retried request with the same key, from the same caller to the same route within 24 hours, gets the first answer again and changes nothing. The same key with another body → 422.",
            Schema = new JsonSchema { Type = JsonObjectType.String, MaxLength = IdempotencyKeyMaxLength, Pattern = "^[\\x21-\\x7E]+$" },
        });
        Problem(operation, 422);
    }

    private static void AddRetryAfter(OpenApiResponse response) =>
        Header(response, "Retry-After", "Seconds to wait before the next attempt.", required: true,
            new JsonSchema { Type = JsonObjectType.Integer, Format = "int32", Minimum = 1, Maximum = 86_400 });

    private static void Header(OpenApiResponse response, string name, string description, bool required, JsonSchema schema)
    {
        if (response.Headers.ContainsKey(name))
            return;
        response.Headers[name] = new OpenApiHeader { Description = description, IsRequired = required, Schema = schema };
    }

    private static JsonSchema UrlSchema() => new() { Type = JsonObjectType.String, Format = "uri-reference", MaxLength = FieldLimits.UrlMaxLength };

    private static JsonSchema ETagSchema() => new() { Type = JsonObjectType.String, MaxLength = 64, Pattern = "^\"[0-9]+\"$", Example = "\"3\"" };

    private readonly JsonSchema problem = ProblemObject("RFC 9457 problem details.");
    private readonly JsonSchema validationProblem = ProblemObject("RFC 9457 problem details; on validation failures `errors` maps each field to its messages.");

    private void AddProblemSchemas(OpenApiDocument document)
    {
        validationProblem.Properties["errors"] = new JsonSchemaProperty
        {
            Type = JsonObjectType.Object,
            Description = "Field (camelCase path such as `contact.email` or `sectors[0]`) → messages, in the language of Accept-Language.",
            MaxProperties = 100,
            AdditionalPropertiesSchema = new JsonSchema
            {
                Type = JsonObjectType.Array,
                MaxItems = 20,
                Item = new JsonSchema { Type = JsonObjectType.String, MaxLength = 2000 },
            },
        };
        document.Components.Schemas[ProblemSchema] = problem;
        document.Components.Schemas[ValidationProblemSchema] = validationProblem;
    }

    private static JsonSchema ProblemObject(string description)
    {
        var schema = new JsonSchema { Type = JsonObjectType.Object, Description = description, AllowAdditionalProperties = false };
        schema.Properties["type"] = new JsonSchemaProperty { Type = JsonObjectType.String, Format = "uri-reference", MaxLength = FieldLimits.UrlMaxLength };
        schema.Properties["title"] = new JsonSchemaProperty { Type = JsonObjectType.String, MaxLength = 200 };
        schema.Properties["status"] = new JsonSchemaProperty { Type = JsonObjectType.Integer, Format = "int32", Minimum = 400, Maximum = 599 };
        schema.Properties["detail"] = new JsonSchemaProperty { Type = JsonObjectType.String, MaxLength = 4000 };
        schema.Properties["instance"] = new JsonSchemaProperty { Type = JsonObjectType.String, Format = "uri-reference", MaxLength = FieldLimits.UrlMaxLength };
        schema.Properties["traceId"] = new JsonSchemaProperty { Type = JsonObjectType.String, MaxLength = 128, Pattern = "^[0-9A-Za-z:.-]+$" };
        schema.RequiredProperties.Add("title");
        schema.RequiredProperties.Add("status");
        return schema;
    }

    private static void ConfigureSecuritySchemes(OpenApiDocument document)
    {
        const string jwt = "A JWS-signed JWT (RFC 7519) from `POST /api/v1/auth/token`, sent as `Authorization: Bearer <token>`. "
            + "Handled as RFC8725 (JWT best current practices) asks: the signature is always verified (no `alg: none`) with the configured key only, "
            + "and issuer, audience and lifetime are checked. Tokens expire (60 minutes by default) and carry the account's role.";
        document.Components.SecuritySchemes.Clear();
        document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
        {
            Type = OpenApiSecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = jwt,
        };
        document.Components.SecuritySchemes[AdminBearer] = new OpenApiSecurityScheme
        {
            Type = OpenApiSecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = jwt + " The /admin routes need a token of an account with role `admin`.",
        };
    }

    private static void AddHealthChecks(OpenApiDocument document)
    {
        document.Paths["/health/live"] = HealthCheck("Liveness", "Answers 200 `Healthy` while the process runs; checks nothing else.", readiness: false);
        document.Paths["/health/ready"] = HealthCheck("Readiness", "Answers 200 `Healthy` when the database answers, else 503 `Unhealthy`.", readiness: true);
    }

    private static OpenApiPathItem HealthCheck(string summary, string description, bool readiness)
    {
        static OpenApiResponse Text(string description, string value) => new()
        {
            Description = description,
            Content =
            {
                ["text/plain"] = new OpenApiMediaType
                {
                    Schema = new JsonSchema { Type = JsonObjectType.String, Enumeration = { value } },
                },
            },
        };

        var operation = new OpenApiOperation
        {
            OperationId = readiness ? "getReadiness" : "getLiveness",
            Summary = summary,
            Description = description,
            Tags = { "Operations" },
        };
        operation.Responses["200"] = Text("Healthy.", "Healthy");
        if (readiness)
            operation.Responses["503"] = Text("The database does not answer.", "Unhealthy");
        return new OpenApiPathItem { [OpenApiOperationMethod.Get] = operation };
    }

    private static void AddTags(OpenApiDocument document)
    {
        var used = document.Operations.SelectMany(o => o.Operation.Tags).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        document.Tags = used.Select(t => new OpenApiTag
        {
            Name = t,
            Description = TagDescriptions.TryGetValue(t, out var d) ? d : $"{t} routes.",
        }).ToList();
    }

    /// <summary>Applies <see cref="FieldLimits"/> to a schema and everything inside it.</summary>
    private static void Bound(JsonSchema schema, string owner, HashSet<JsonSchema> seen)
    {
        if (!seen.Add(schema) || schema.HasReference)
            return;
        foreach (var (name, property) in schema.Properties)
        {
            // "nullable: false" is the default; beside a $ref without "type" it only makes the schema invalid for Ajv.
            if (property.Type == JsonObjectType.None && property.IsNullableRaw == false)
                property.IsNullableRaw = null;
            Bound(property, owner, name);
            Bound(property, owner, seen);
            if (property.AdditionalPropertiesSchema is { } values)
            {
                // A map keyed by status (or field): its values are bounded like the property itself.
                Bound(values, owner, name);
                if (property.MaxProperties == 0)
                    property.MaxProperties = 100;
            }
        }

        if (schema.Item is { } item)
            Bound(item, owner, seen);
        foreach (var inner in schema.OneOf.Concat(schema.AllOf).Concat(schema.AnyOf))
            Bound(inner, owner, seen);
    }

    private static void Bound(JsonSchema schema, string owner, string name)
    {
        if (schema.HasReference)
            return;
        if (schema.Format == "guid")
            schema.Format = "uuid";
        if (schema.Type.HasFlag(JsonObjectType.String))
            BoundString(schema, TryLookup(FieldLimits.StringsBySchema, owner, name, out var limit) ? limit : FieldLimits.Strings.GetValueOrDefault(name));
        else if (schema.Type.HasFlag(JsonObjectType.Integer) && TryLookup(FieldLimits.Integers, owner, name, out var range))
        {
            schema.Minimum ??= range.Min;
            schema.Maximum ??= range.Max;
        }
        else if (schema.Type.HasFlag(JsonObjectType.Array))
        {
            if (TryLookup(FieldLimits.Lists, owner, name, out var list))
            {
                SetMaxItems(schema, list.MaxItems);
                if (schema.Item is { HasReference: false } items && items.Type.HasFlag(JsonObjectType.String))
                    BoundString(items, list.Item);
            }
            else if (TryLookup(FieldLimits.ObjectLists, owner, name, out var maxItems))
                SetMaxItems(schema, maxItems);
        }
    }

    private static void SetMaxItems(JsonSchema schema, int maxItems)
    {
        if (schema.MaxItems == 0 || schema.MaxItems > maxItems)
            schema.MaxItems = maxItems;
    }

    private static void BoundString(JsonSchema schema, StringLimit? limit)
    {
        switch (schema.Format)
        {
            case "uuid":
                schema.MaxLength ??= 36;
                return;
            case "date-time":
                schema.MaxLength ??= FieldLimits.DateTimeMaxLength;
                return;
            case "date":
                schema.MaxLength ??= 10;
                return;
        }

        if (limit is null)
            return;
        schema.MaxLength = schema.MaxLength is { } existing ? Math.Min(existing, limit.MaxLength) : limit.MaxLength;
        if (limit.Enum is { } values && schema.Enumeration.Count == 0)
        {
            // NSwag adds the null of a nullable enum itself when it writes the document.
            foreach (var value in values)
                schema.Enumeration.Add(value);
        }
        else if (limit.Pattern is { } pattern)
            schema.Pattern ??= pattern;
        if (limit.Format is { } format)
            schema.Format ??= format;
    }

    /// <summary>Looks for <c>SchemaSuffix.field</c> first, then for the plain field name.</summary>
    private static bool TryLookup<T>(Dictionary<string, T> table, string owner, string name, out T value)
    {
        foreach (var (key, candidate) in table)
        {
            var dot = key.IndexOf('.', StringComparison.Ordinal);
            if (dot > 0 && key[(dot + 1)..] == name && owner.EndsWith(key[..dot], StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        return table.TryGetValue(name, out value!);
    }

    private static void RemoveUnusedSchemas(OpenApiDocument document)
    {
        bool removed;
        do
        {
            var json = document.ToJson();
            var unused = document.Components.Schemas.Keys.Where(n => !json.Contains($"\"#/components/schemas/{n}\"", StringComparison.Ordinal)).ToList();
            foreach (var name in unused)
                document.Components.Schemas.Remove(name);
            removed = unused.Count > 0;
        }
        while (removed);
    }
}
