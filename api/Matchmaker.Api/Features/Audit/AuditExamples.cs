using Matchmaker.Api.Features.Shared;

namespace Matchmaker.Api.Features.Audit;

internal static class AuditExamples
{
    private static readonly Guid AdminUserId = Guid.Parse("4e5f6071-8293-4a41-b5c6-d7e8f9011223");

    public static AuditEntryResponse RoleChanged => new(Guid.Parse("6a7b8c9d-0e1f-4a2b-9c3d-4e5f6a7b8c9d"), Examples.Updated, AdminUserId, "admin",
        AuditAction.UserRoleChanged, AuditTarget.User, Examples.AgencyUserId.ToString(), new Dictionary<string, object?> { ["from"] = "sme", ["to"] = "agency" });

    public static AuditEntryResponse Mutual => new(Guid.Parse("5f6a7b8c-9d0e-4f1a-8b2c-3d4e5f6a7b8c"), Examples.Posted, Examples.PartnerUserId, "partner",
        AuditAction.MatchTransition, AuditTarget.Match, Examples.MatchId.ToString(),
        new Dictionary<string, object?> { ["action"] = "interest", ["from"] = "sme_interested", ["to"] = "mutual" });

    public static AuditEntryResponse ProfileRejected => new(Guid.Parse("6b7c8d9e-0f1a-4b2c-8d3e-4f5a6b7c8d9e"), Examples.Updated, Examples.AgencyUserId, "agency",
        AuditAction.ProfileRejected, AuditTarget.Sme, Examples.SmeId.ToString(),
        new Dictionary<string, object?> { ["from"] = "pending", ["to"] = "rejected", ["note"] = "The INN does not match the registry; please correct it." });

    public static AuditEntryResponse BootstrapAdmin => new(Guid.Parse("4e5f6a7b-8c9d-4e0f-9a1b-2c3d4e5f6a7b"), Examples.Registered, null, AuditActor.SystemRole,
        AuditAction.UserCreated, AuditTarget.User, AdminUserId.ToString(), new Dictionary<string, object?> { ["role"] = "admin", ["via"] = "bootstrap" });

    public static Page<AuditEntryResponse> Page => new([ProfileRejected, RoleChanged, Mutual, BootstrapAdmin], Examples.Cursor);
}
