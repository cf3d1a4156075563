using Matchmaker.Api.Features.Verification;
using Matchmaker.Api.Features.Shared;

namespace Matchmaker.Api.Features.Smes;

internal static class SmeExamples
{
    public static SmeRequest Request => new()
    {
        Name = "Ала-Тоо Машзавод",
        NameEn = "Ala-Too Mashzavod",
        Inn = "02103201510123",
        Region = "KG-C",
        Sectors = ["C28"],
        Employees = 40,
        FoundedYear = 2015,
        ExportOriented = true,
        Languages = ["ru", "en"],
        Certifications = [],
        Description = "Machine-building workshop near Bishkek: CNC turning and milling for agricultural equipment.",
        Contact = Examples.SmeContact,
    };

    /// <summary>What the owner, an agency, an admin and, after a mutual match, the partner see.</summary>
    public static SmeResponse Full => new()
    {
        Id = Examples.SmeId,
        Name = Request.Name!,
        NameEn = Request.NameEn,
        Inn = Request.Inn!,
        Region = Request.Region!,
        Sectors = Request.Sectors!,
        Employees = 40,
        FoundedYear = 2015,
        ExportOriented = true,
        Languages = Request.Languages!,
        Certifications = [],
        Description = Request.Description,
        Contact = Examples.SmeContact,
        CreatedAt = Examples.Registered,
        UpdatedAt = Examples.Registered,
        Verification = VerificationStatus.Verified,
    };

    public static SmeResponse Public => Full with { Contact = null, VerificationNote = null };

    public static Page<SmeResponse> Page => new([Public], Examples.Cursor);
}
