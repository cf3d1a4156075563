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
        Messages.Get("Binding.MustBe", ValidationProblems.FieldName(name), Describe(type));

    /// <summary>For FastEndpoints' <c>Binding.JsonExceptionTransformer</c>: a body System.Text.Json could not read.</summary>
    public static ValidationFailure ForJson(JsonException exception)
    {
        if (exception is JsonBindException bind)
            return new ValidationFailure(bind.FieldName, bind.FailureMessage);

        var text = $"{exception.Message} {exception.InnerException?.Message}";
        // The reader's own exception comes inside when the text is not JSON at all.
        if (exception.Path is null || exception.InnerException is JsonException)
        {
            return new ValidationFailure(BodyField, exception.LineNumber is { } line
                ? Messages.Get("Binding.NotJsonAt", line + 1, exception.BytePositionInLine + 1)
                : Messages.Get("Binding.NotJson"));
        }

        if (exception.Path == "$" || exception.Path.StartsWith("$[", StringComparison.Ordinal))
            return new ValidationFailure(BodyField, Messages.Get("Binding.NotObject"));

        var field = exception.Path[2..];
        var name = ValidationProblems.FieldName(field);
        if (text.Contains("could not be mapped to any", StringComparison.Ordinal))
            return new ValidationFailure(field, Messages.Get("Binding.UnknownField", name));
        return new ValidationFailure(field, Expected(text) is { } kind ? Messages.Get("Binding.MustBe", name, kind) : Messages.Get("Binding.WrongKind", name));
    }

    /// <summary>The kind of value a System.Text.Json message says it expected, in the client's words.</summary>
    private static string? Expected(string message)
    {
        if (ConvertedTo().Match(message) is { Success: true } converted)
            return Describe(converted.Groups["type"].Value);
        if (TokenAs().Match(message) is { Success: true } token)
            return token.Groups["kind"].Value switch
            {
                "string" => Messages.Get("Kind.String"),
                "boolean" => Messages.Get("Kind.Boolean"),
                _ => Messages.Get("Kind.Number"),
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
            return name.Contains("Dictionary", StringComparison.Ordinal) ? Messages.Get("Kind.Object") : Messages.Get("Kind.Array");
        return name[(name.LastIndexOf('.') + 1)..] switch
        {
            "String" or "Char" => Messages.Get("Kind.String"),
            "Byte" or "SByte" or "Int16" or "UInt16" or "Int32" or "UInt32" or "Int64" or "UInt64" => Messages.Get("Kind.Integer"),
            "Decimal" or "Double" or "Single" => Messages.Get("Kind.Decimal"),
            "Boolean" => Messages.Get("Kind.Boolean"),
            "Guid" => Messages.Get("Kind.Uuid"),
            "DateOnly" => Messages.Get("Kind.Date"),
            "DateTime" or "DateTimeOffset" => Messages.Get("Kind.DateTime"),
            _ => Messages.Get("Kind.Object"),
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
