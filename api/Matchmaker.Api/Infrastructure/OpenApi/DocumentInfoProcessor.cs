using NSwag;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Matchmaker.Api.Infrastructure.OpenApi;

/// <summary>The document's contact, its tags with their descriptions, and a description for every operation.</summary>
internal sealed class DocumentInfoProcessor : IDocumentProcessor
{
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
        ["Me"] = "The signed-in account's own settings: notification preferences.",
    };

    public void Process(DocumentProcessorContext context)
    {
        var document = context.Document;
        document.Info.Contact = new OpenApiContact { Name = "Matchmaker API team", Url = "https://github.com/matchmaker-kg-sd/matchmaker" };

        foreach (var operation in document.Operations.Select(o => o.Operation).Where(o => string.IsNullOrWhiteSpace(o.Description)))
            operation.Description = operation.Summary;

        var used = document.Operations.SelectMany(o => o.Operation.Tags).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        document.Tags = used.Select(t => new OpenApiTag
        {
            Name = t,
            Description = TagDescriptions.TryGetValue(t, out var d) ? d : $"{t} routes.",
        }).ToList();
    }
}
