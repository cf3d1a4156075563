using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Matchmaker.Api.Infrastructure.OpenApi;

/// <summary>Drops the component schemas nothing refers to any more, until none is left.</summary>
internal sealed class UnusedSchemasProcessor : IDocumentProcessor
{
    public void Process(DocumentProcessorContext context)
    {
        var document = context.Document;
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
