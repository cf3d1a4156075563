using NSwag;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Matchmaker.Api.Infrastructure.OpenApi;

/// <summary>
/// Declares the error answers that follow from a route's shape: 400 everywhere (a query parameter
/// the endpoint does not read is refused), 401 when secured, 404 for a path parameter, 413 and 415 for a body.
/// </summary>
internal sealed class RouteShapeAnswersProcessor : IDocumentProcessor
{
    public void Process(DocumentProcessorContext context)
    {
        foreach (var o in context.Document.Operations)
            Declare(o.Path, o.Operation);
    }

    private static void Declare(string path, OpenApiOperation operation)
    {
        var hasBody = operation.RequestBody is not null;
        ProblemDetailsProcessor.Declare(operation, 400);
        if (operation.Security is { Count: > 0 })
            ProblemDetailsProcessor.Declare(operation, 401);
        if (path.Contains('{'))
            ProblemDetailsProcessor.Declare(operation, 404);
        if (hasBody)
        {
            ProblemDetailsProcessor.Declare(operation, 413);
            ProblemDetailsProcessor.Declare(operation, 415);
        }
    }
}
