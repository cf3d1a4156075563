using FluentValidation.Results;

namespace Matchmaker.Api.Infrastructure.Http;

/// <summary>Turns FastEndpoints' validation failures into RFC 9457 with an <c>errors</c> map of field → messages.</summary>
internal static class ValidationProblems
{
    public static object Build(List<ValidationFailure> failures, HttpContext context, int status)
    {
        var errors = failures
            .GroupBy(f => FieldName(f.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray());
        return new HttpValidationProblemDetails(errors)
        {
            Status = status,
            Title = status == StatusCodes.Status400BadRequest ? Messages.Get("Validation.Title") : Messages.Title(status),
            Detail = Messages.Get("Validation.Detail"),
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
            Instance = context.Request.Path,
        };
    }

    /// <summary>camelCases each segment so nested fields read as the client wrote them: <c>contact.email</c>, <c>sectors[0]</c>.</summary>
    internal static string FieldName(string propertyName) =>
        string.Join('.', propertyName.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));
}
