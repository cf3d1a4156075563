namespace Matchmaker.Api.Features.Audit;

/// <param name="ActorId">The account that acted; null for work the system did on its own (<c>actorRole</c> "system").</param>
/// <param name="TargetId">The id of the changed record: an account, job, match, SME or partner id, or a criteria version; null for FX rates.</param>
/// <param name="Detail">What changed, e.g. <c>{"from": "sme", "to": "agency"}</c>.</param>
public sealed record AuditEntryResponse(Guid Id, DateTime At, Guid? ActorId, string ActorRole, string Action, string TargetType,
    string? TargetId, IReadOnlyDictionary<string, object?> Detail)
{
    internal static AuditEntryResponse From(AuditRow row) => new(row.PublicId, row.CreatedAt, row.ActorId, row.ActorRole, row.Action,
        row.TargetType, row.TargetId, AuditLog.ReadDetail(row.Detail));
}

internal static class AuditBounds
{
    public static void DescribeFields(FieldBounds fields) => fields
        .Code("AuditEntryResponse.action", 40, AuditAction.All)
        .Code("AuditEntryResponse.targetType", 16, AuditTarget.All)
        .Code("AuditEntryResponse.actorRole", 16, [.. AppRoles.All, AuditActor.SystemRole])
        .String("AuditEntryResponse.targetId", 64)
        .String("param.actor", 36, format: "uuid")
        .Code("param.action", 40, AuditAction.All)
        .Code("param.targetType", 16, AuditTarget.All);
}
