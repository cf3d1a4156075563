using System.Text.Json;
using System.Text.RegularExpressions;
using FluentValidation.Results;
using Microsoft.Extensions.Primitives;

namespace Matchmaker.Api.Infrastructure.Http;

/// <summary>
/// What a client reads when a value cannot be bound: the field, as it wrote it, and the kind of value
/// expected, never a .NET type or a serializer's internals. System.Text.Json names the target type only in
/// its message text, so the kind is read from there; what cannot be read gets a message without a kind.
/// </summary>
internal static partial class BindingMessages
{
    /// <summary>The field of the errors a body as a whole causes (not JSON, or not an object).</summary>
    public const string BodyField = "body";

    /// <summary>For FastEndpoints' <c>Binding.FailureMessage</c>: a query, route or header value of the wrong kind.</summary>
    public static string ForValue(Type type, string name, StringValues _) =>
        $"'{ValidationProblems.FieldName(name)}' must be {Describe(type)}.";

    /// <summary>For FastEndpoints' <c>Binding.JsonExceptionTransformer</c>: a body System.Text.Json could not read.</summary>
    public static ValidationFailure ForJson(JsonException exception)
    {
        if (exception is JsonBindException bind)
            return new ValidationFailure(bind.FieldName, bind.FailureMessage);

        var text = $"{exception.Message} {exception.InnerException?.Message}";
        // The reader's own exception comes inside when the text is not JSON at all.
        if (exception.Path is null || exception.InnerException is JsonException)
        {
            var where = exception.LineNumber is { } line ? $" (line {line + 1}, byte {exception.BytePositionInLine + 1})" : "";
            return new ValidationFailure(BodyField, $"The body is not valid JSON{where}.");
        }

        if (exception.Path == "$" || exception.Path.StartsWith("$[", StringComparison.Ordinal))
            return new ValidationFailure(BodyField, "The body must be a JSON object.");

        var field = exception.Path[2..];
        var quoted = $"'{ValidationProblems.FieldName(field)}'";
        if (text.Contains("could not be mapped to any", StringComparison.Ordinal))
            return new ValidationFailure(field, $"{quoted} is not a field of this request.");
        return new ValidationFailure(field, Expected(text) is { } kind ? $"{quoted} must be {kind}." : $"{quoted} holds a value of the wrong kind.");
    }

    /// <summary>The kind of value a System.Text.Json message says it expected, in the client's words.</summary>
    private static string? Expected(string message)
    {
        if (ConvertedTo().Match(message) is { Success: true } converted)
            return Describe(converted.Groups["type"].Value);
        if (TokenAs().Match(message) is { Success: true } token)
            return token.Groups["kind"].Value switch
            {
                "string" => "a string",
                "boolean" => "true or false",
                _ => "a number",
            };
        if (OutOfBounds().Match(message) is { Success: true } bounds)
            return Describe(bounds.Groups["type"].Value);
        if (SupportedFormat().Match(message) is { Success: true } format)
            return Describe(format.Groups["type"].Value);
        return null;
    }

    private static string Describe(Type type) => Describe((Nullable.GetUnderlyingType(type) ?? type).Name);

    private static string Describe(string typeName)
    {
        var name = NullableOf().Match(typeName) is { Success: true } nullable ? nullable.Groups["type"].Value : typeName;
        if (name.Contains('`') || name.EndsWith("[]", StringComparison.Ordinal))
            return name.Contains("Dictionary", StringComparison.Ordinal) ? "an object" : "an array";
        return name[(name.LastIndexOf('.') + 1)..] switch
        {
            "String" or "Char" => "a string",
            "Byte" or "SByte" or "Int16" or "UInt16" or "Int32" or "UInt32" or "Int64" or "UInt64" => "a whole number within range",
            "Decimal" or "Double" or "Single" => "a number within range",
            "Boolean" => "true or false",
            "Guid" => "a UUID such as 0f6c1d2e-4b7a-4e51-9c3d-2a8b5e7f1c40",
            "DateOnly" => "a date such as 2025-01-31",
            "DateTime" or "DateTimeOffset" => "a date and time such as 2025-01-31T08:00:00Z",
            _ => "an object",
        };
    }

    [GeneratedRegex(@"could not be converted to (?<type>\S+?)\.(\s|$)")]
    private static partial Regex ConvertedTo();

    [GeneratedRegex(@"token type '\w+' as a (?<kind>\w+)")]
    private static partial Regex TokenAs();

    [GeneratedRegex(@"out of bounds for an? (?<type>\w+)")]
    private static partial Regex OutOfBounds();

    [GeneratedRegex(@"not in a supported (?<type>\w+) format")]
    private static partial Regex SupportedFormat();

    [GeneratedRegex(@"^System\.Nullable`1\[(?<type>.+)\]$")]
    private static partial Regex NullableOf();
}
