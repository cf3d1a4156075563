using System.Text.Json.Serialization;
using Matchmaker.Api.Features.Shared;

namespace Matchmaker.Api.Features.Smes;

public sealed record SmeResponse
{
    public Guid Id { get; init; }
    public string Name { get; init; } = "";
    public string? NameEn { get; init; }
    public string Inn { get; init; } = "";
    public string Region { get; init; } = "";
    public IReadOnlyList<string> Sectors { get; init; } = [];
    public int Employees { get; init; }
    public int? FoundedYear { get; init; }
    public bool ExportOriented { get; init; }
    public IReadOnlyList<string> Languages { get; init; } = [];
    public IReadOnlyList<string> Certifications { get; init; } = [];
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

    internal static SmeResponse From(SmeRow row, IReadOnlyList<string> sectors, bool withContact) => new()
    {
        Id = row.PublicId,
        Name = row.Name,
        NameEn = row.NameEn,
        Inn = row.Inn,
        Region = row.RegionCode,
        Sectors = sectors,
        Employees = row.Employees,
        FoundedYear = row.FoundedYear,
        ExportOriented = row.ExportOriented,
        Languages = JsonList.Read(row.Languages),
        Certifications = JsonList.Read(row.Certifications),
        Description = row.Description,
        Contact = withContact ? new Contact { Person = row.ContactPerson, Email = row.ContactEmail, Phone = row.ContactPhone } : null,
        CreatedAt = row.CreatedAt,
        UpdatedAt = row.UpdatedAt,
        Verification = row.Verification,
        VerificationNote = withContact ? row.VerificationNote : null,
    };
}
