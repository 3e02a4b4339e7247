using Zygo.Data.Entities;

namespace Zygo.Web.Members;

public sealed record MemberSummary(Guid MembershipId, Guid UserId, string Email, string? DisplayName, TenantRole Role, DateTime JoinedAt);

public sealed record InvitationSummary(Guid Id, string Email, TenantRole Role, DateTime CreatedAt, DateTime ExpiresAt,
    DateTime? AcceptedAt, DateTime? RevokedAt);

/// <summary>A new invitation with its link; the token is shown this once and stored only as a hash.</summary>
public sealed record CreatedInvitation(InvitationSummary Invitation, string Token)
{
    public string Path => $"/account/invite/{Token}";
}
