namespace Matchmaker.Api.Features.Users;

public sealed record UserResponse(Guid Id, string Email, string Role, bool IsActive, bool EmailVerified, DateTime CreatedAt, DateTime UpdatedAt)
{
    internal static UserResponse From(UserRow row) =>
        new(row.PublicId, row.Email, row.Role, row.IsActive, row.EmailVerifiedAt is not null, row.CreatedAt, row.UpdatedAt);
}
