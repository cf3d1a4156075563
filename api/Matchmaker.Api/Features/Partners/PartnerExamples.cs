using Matchmaker.Api.Features.Verification;
using Matchmaker.Api.Features.Shared;

namespace Matchmaker.Api.Features.Partners;

internal static class PartnerExamples
{
    public static PartnerRequest Request => new()
    {
        Name = "Qingdao Machinery Co., Ltd.",
        NameZh = "青岛机械有限公司",
        NameRu = "Циндао Машинери",
        Uscc = "91370200MA3C4QW126",
        City = "qingdao",
        Kind = "manufacturer",
        Sectors = ["C28", "C29"],
        Offerings = ["equipment_supply"],
        Ticket = new Ticket { MinUsd = 100_000m, MaxUsd = 2_000_000m },
        TargetRegions = ["KG-C", "KG-Y"],
        Languages = ["zh", "en"],
        SeeksExportOriented = true,
        RequiredCertifications = ["ISO 9001"],
        Description = "CNC machine tools and turnkey machining lines; installation and operator training.",
        Contact = Examples.PartnerContact,
    };

    /// <summary>What the owner, an agency, an admin and, after a mutual match, the SME see.</summary>
    public static PartnerResponse Full => new()
    {
        Id = Examples.PartnerId,
        Name = Request.Name!,
        NameZh = Request.NameZh,
        NameRu = Request.NameRu,
        Uscc = Request.Uscc!,
        City = Request.City!,
        Kind = Request.Kind!,
        Sectors = Request.Sectors!,
        Offerings = Request.Offerings!,
        Ticket = new TicketResponse(100_000m, 2_000_000m),
        TargetRegions = Request.TargetRegions!,
        Languages = Request.Languages!,
        SeeksExportOriented = true,
        RequiredCertifications = Request.RequiredCertifications!,
        Description = Request.Description,
        Contact = Examples.PartnerContact,
        CreatedAt = Examples.PartnerJoined,
        UpdatedAt = Examples.PartnerJoined,
        Verification = VerificationStatus.Verified,
    };

    public static PartnerResponse Public => Full with { Contact = null, VerificationNote = null };

    public static Page<PartnerResponse> Page => new([Public], Examples.Cursor);
}
