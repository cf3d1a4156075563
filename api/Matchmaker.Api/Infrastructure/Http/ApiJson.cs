using System.Text.Json;
using System.Text.Json.Serialization;

namespace Matchmaker.Api.Infrastructure.Http;

/// <summary>The API's JSON conventions, shared by the endpoints and the examples in the OpenAPI document.</summary>
internal static class ApiJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        // A body naming a field twice is read one way here and maybe another by a proxy or a log: refuse it.
        options.AllowDuplicateProperties = false;
    }

    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Configure(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
