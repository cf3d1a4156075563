using System.Text.Json.Serialization;
using Matchmaker.Api.Features.Shared;

namespace Matchmaker.Api.Features.Partners;

public sealed record PartnerResponse
{
    public Guid Id { get; init; }
    public string Name { get; init; } = "";
    public string? NameZh { get; init; }
    public string? NameRu { get; init; }
    public string Uscc { get; init; } = "";
    public string City { get; init; } = "";
    public string Kind { get; init; } = "";
    public IReadOnlyList<string> Sectors { get; init; } = [];
    public IReadOnlyList<string> Offerings { get; init; } = [];
    public TicketResponse Ticket { get; init; } = new(0, 0);
    public IReadOnlyList<string> TargetRegions { get; init; } = [];
    public IReadOnlyList<string> Languages { get; init; } = [];
    public bool SeeksExportOriented { get; init; }
    public IReadOnlyList<string> RequiredCertifications { get; init; } = [];
    public string? Description { get; init; }

    /// <summary>Absent in the public view.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Contact? Contact { get; init; }

    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }

    /// <summary>Where the profile stands with the agencies: pending, verified or rejected.</summary>
    public string Verification { get; init; } = "";

    /// <summary>The agency's last note (a rejection's reason); owner, agency and admin only.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? VerificationNote { get; init; }

    internal static PartnerResponse From(PartnerRow row, PartnerLists lists, bool withContact) => new()
    {
        Id = row.PublicId,
        Name = row.Name,
        NameZh = row.NameZh,
        NameRu = row.NameRu,
        Uscc = row.Uscc,
        City = row.CityCode,
        Kind = row.Kind,
        Sectors = lists.Sectors[row.Id].ToList(),
        Offerings = lists.Offerings[row.Id].ToList(),
        Ticket = new TicketResponse(row.TicketMinUsd, row.TicketMaxUsd),
        TargetRegions = lists.TargetRegions[row.Id].ToList(),
        Languages = JsonList.Read(row.Languages),
        SeeksExportOriented = row.SeeksExportOriented,
        RequiredCertifications = JsonList.Read(row.RequiredCertifications),
        Description = row.Description,
        Contact = withContact ? new Contact { Person = row.ContactPerson, Email = row.ContactEmail, Phone = row.ContactPhone } : null,
        CreatedAt = row.CreatedAt,
        UpdatedAt = row.UpdatedAt,
        Verification = row.Verification,
        VerificationNote = withContact ? row.VerificationNote : null,
    };
}

public sealed record TicketResponse(decimal MinUsd, decimal MaxUsd);
