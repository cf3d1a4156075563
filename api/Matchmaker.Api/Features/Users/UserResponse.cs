namespace Matchmaker.Api.Features.Users;

public sealed record UserResponse(Guid Id, string Email, string Role, bool IsActive, DateTime CreatedAt, DateTime UpdatedAt)
{
    internal static UserResponse From(UserRow row) => new(row.PublicId, row.Email, row.Role, row.IsActive, row.CreatedAt, row.UpdatedAt);
}
