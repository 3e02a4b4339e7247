using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zygo.Data.Entities;
using Zygo.Tests.Infrastructure;
using Zygo.Web.Common;
using Zygo.Web.Members;
using Zygo.Web.Tenancy;

namespace Zygo.Tests.Accounts;

/// <summary>One app for the class; every test works in a tenant of its own.</summary>
public sealed class MemberAppFixture : IAsyncLifetime
{
    public ZygoAppFactory App { get; } = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await App.DisposeAsync();
}

public sealed class MemberTests(MemberAppFixture fixture) : IClassFixture<MemberAppFixture>
{
    private readonly ZygoAppFactory _app = fixture.App;

    [Fact]
    public async Task An_Admin_can_change_a_Developer_to_Viewer()
    {
        var team = await TeamAsync();

        await WithMembersAsync(team.AdminId, team.TenantId, TenantRole.Admin,
            members => members.ChangeRoleAsync(team.Membership(team.DeveloperId), TenantRole.Viewer));

        (await RoleAsync(team.TenantId, team.DeveloperId)).Should().Be(TenantRole.Viewer);
        await using var db = _app.CreateSystemContext();
        (await db.AuditLog.IgnoreQueryFilters().AnyAsync(a => a.TenantId == team.TenantId && a.Action == "member.role_changed" &&
                                                          a.TargetId == team.DeveloperId.ToString())).Should().BeTrue();
    }

    [Fact]
    public async Task An_Admin_can_neither_make_anyone_Owner_nor_change_or_remove_an_Owner()
    {
        var team = await TeamAsync();
        using var scope = _app.ScopeFor(team.AdminId, team.TenantId, TenantRole.Admin);
        var members = scope.ServiceProvider.GetRequiredService<MemberService>();

        await members.Invoking(m => m.ChangeRoleAsync(team.Membership(team.DeveloperId), TenantRole.Owner))
            .Should().ThrowAsync<PermissionDeniedException>();
        await members.Invoking(m => m.ChangeRoleAsync(team.Membership(team.AdminId), TenantRole.Owner))
            .Should().ThrowAsync<PermissionDeniedException>("an Admin cannot promote themself either");
        await members.Invoking(m => m.ChangeRoleAsync(team.Membership(team.OwnerId), TenantRole.Viewer))
            .Should().ThrowAsync<PermissionDeniedException>();
        await members.Invoking(m => m.RemoveAsync(team.Membership(team.OwnerId)))
            .Should().ThrowAsync<PermissionDeniedException>();
        await scope.ServiceProvider.GetRequiredService<InvitationService>()
            .Invoking(i => i.CreateAsync($"new-owner-{Guid.NewGuid():N}@zygo.test", TenantRole.Owner))
            .Should().ThrowAsync<PermissionDeniedException>();

        (await RoleAsync(team.TenantId, team.OwnerId)).Should().Be(TenantRole.Owner);
        (await RoleAsync(team.TenantId, team.AdminId)).Should().Be(TenantRole.Admin);
        (await RoleAsync(team.TenantId, team.DeveloperId)).Should().Be(TenantRole.Developer);
    }

    [Fact]
    public async Task The_last_Owner_can_be_neither_demoted_nor_removed_until_there_is_a_second_Owner()
    {
        var team = await TeamAsync();
        using (var scope = _app.ScopeFor(team.OwnerId, team.TenantId, TenantRole.Owner))
        {
            var members = scope.ServiceProvider.GetRequiredService<MemberService>();
            await members.Invoking(m => m.ChangeRoleAsync(team.Membership(team.OwnerId), TenantRole.Admin))
                .Should().ThrowAsync<ConflictException>();
            await members.Invoking(m => m.RemoveAsync(team.Membership(team.OwnerId)))
                .Should().ThrowAsync<ConflictException>();
            (await RoleAsync(team.TenantId, team.OwnerId)).Should().Be(TenantRole.Owner);

            await members.ChangeRoleAsync(team.Membership(team.AdminId), TenantRole.Owner);
            await members.ChangeRoleAsync(team.Membership(team.OwnerId), TenantRole.Admin);
        }

        (await RoleAsync(team.TenantId, team.OwnerId)).Should().Be(TenantRole.Admin);
        (await RoleAsync(team.TenantId, team.AdminId)).Should().Be(TenantRole.Owner);

        // The promoted Admin is now the last Owner, and the same rule protects them.
        using (var scope = _app.ScopeFor(team.AdminId, team.TenantId, TenantRole.Owner))
        {
            var members = scope.ServiceProvider.GetRequiredService<MemberService>();
            await members.Invoking(m => m.RemoveAsync(team.Membership(team.AdminId)))
                .Should().ThrowAsync<ConflictException>();

            await members.ChangeRoleAsync(team.Membership(team.OwnerId), TenantRole.Owner);
            await members.RemoveAsync(team.Membership(team.OwnerId));
        }

        (await RoleAsync(team.TenantId, team.OwnerId)).Should().BeNull("the former Owner was removed");
        (await RoleAsync(team.TenantId, team.AdminId)).Should().Be(TenantRole.Owner);
    }

    [Theory]
    [InlineData(TenantRole.Developer)]
    [InlineData(TenantRole.Member)]
    [InlineData(TenantRole.Viewer)]
    public async Task Below_Admin_nobody_lists_or_manages_members(TenantRole role)
    {
        var team = await TeamAsync();
        var userId = role == TenantRole.Developer ? team.DeveloperId : await _app.CreateUserAsync(team.TenantId, role);
        using var scope = _app.ScopeFor(userId, team.TenantId, role);
        var members = scope.ServiceProvider.GetRequiredService<MemberService>();

        await members.Invoking(m => m.ListAsync()).Should().ThrowAsync<PermissionDeniedException>();
        await members.Invoking(m => m.ChangeRoleAsync(team.Membership(team.DeveloperId), TenantRole.Admin))
            .Should().ThrowAsync<PermissionDeniedException>();
        await members.Invoking(m => m.RemoveAsync(team.Membership(team.AdminId)))
            .Should().ThrowAsync<PermissionDeniedException>();
        await scope.ServiceProvider.GetRequiredService<InvitationService>()
            .Invoking(i => i.CreateAsync($"friend-{Guid.NewGuid():N}@zygo.test", TenantRole.Viewer))
            .Should().ThrowAsync<PermissionDeniedException>();
    }

    [Fact]
    public async Task An_Admin_lists_the_members_of_their_own_tenant_only()
    {
        var team = await TeamAsync();
        var other = await TeamAsync();

        var list = await WithMembersAsync(team.AdminId, team.TenantId, TenantRole.Admin, m => m.ListAsync());

        list.Select(m => (m.UserId, m.Role)).Should().BeEquivalentTo(
        [
            (team.OwnerId, TenantRole.Owner), (team.AdminId, TenantRole.Admin), (team.DeveloperId, TenantRole.Developer),
        ]);
        list.Select(m => m.UserId).Should().NotContain(other.OwnerId);
    }

    [Fact]
    public async Task A_role_change_applies_to_the_members_next_request()
    {
        var team = await TeamAsync();
        using var developer = _app.ClientWithApiKey(await _app.CreateApiKeyAsync(team.DeveloperId, team.TenantId));

        using (var created = await developer.PostAsJsonAsync("/api/v1/workflows", new { name = "Before demotion" }))
        {
            created.StatusCode.Should().Be(HttpStatusCode.Created);
        }

        await WithMembersAsync(team.AdminId, team.TenantId, TenantRole.Admin,
            m => m.ChangeRoleAsync(team.Membership(team.DeveloperId), TenantRole.Viewer));

        using (var refused = await developer.PostAsJsonAsync("/api/v1/workflows", new { name = "After demotion" }))
        {
            refused.StatusCode.Should().Be(HttpStatusCode.Forbidden, "the cached Developer role must not outlive the change");
        }

        using (var listed = await developer.GetAsync("/api/v1/workflows"))
        {
            listed.StatusCode.Should().Be(HttpStatusCode.OK, "a Viewer still views");
        }

        await WithMembersAsync(team.AdminId, team.TenantId, TenantRole.Admin,
            m => m.ChangeRoleAsync(team.Membership(team.DeveloperId), TenantRole.Developer));
        using (var again = await developer.PostAsJsonAsync("/api/v1/workflows", new { name = "After promotion" }))
        {
            again.StatusCode.Should().Be(HttpStatusCode.Created);
        }
    }

    [Fact]
    public async Task A_removed_member_loses_access_with_the_next_request()
    {
        var team = await TeamAsync();
        using var developer = _app.ClientWithApiKey(await _app.CreateApiKeyAsync(team.DeveloperId, team.TenantId));
        using (var before = await developer.GetAsync("/api/v1/workflows"))
        {
            before.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        await WithMembersAsync(team.AdminId, team.TenantId, TenantRole.Admin, m => m.RemoveAsync(team.Membership(team.DeveloperId)));

        using var after = await developer.GetAsync("/api/v1/workflows");
        after.StatusCode.Should().BeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_invitation_cannot_be_made_for_an_existing_member()
    {
        var team = await TeamAsync();
        var email = $"member-{Guid.NewGuid():N}@zygo.test";
        await _app.CreateUserAsync(team.TenantId, TenantRole.Member, email);
        using var scope = _app.ScopeFor(team.AdminId, team.TenantId, TenantRole.Admin);
        var invitations = scope.ServiceProvider.GetRequiredService<InvitationService>();

        await invitations.Invoking(i => i.CreateAsync(email, TenantRole.Developer)).Should().ThrowAsync<ConflictException>();
        await invitations.Invoking(i => i.CreateAsync(email.ToUpperInvariant(), TenantRole.Developer))
            .Should().ThrowAsync<ConflictException>("email addresses compare without case");
        (await invitations.ListAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task A_member_of_another_tenant_can_be_invited()
    {
        var team = await TeamAsync();
        var other = await TeamAsync();
        var email = $"elsewhere-{Guid.NewGuid():N}@zygo.test";
        await _app.CreateUserAsync(other.TenantId, TenantRole.Developer, email);
        using var scope = _app.ScopeFor(team.AdminId, team.TenantId, TenantRole.Admin);

        var created = await scope.ServiceProvider.GetRequiredService<InvitationService>().CreateAsync(email, TenantRole.Member);

        created.Token.Should().StartWith(InvitationService.TokenPrefix);
        created.Invitation.Email.Should().Be(email);
    }

    private async Task<Team> TeamAsync()
    {
        var tenantId = await _app.CreateTenantAsync("Team");
        var ownerId = await _app.CreateUserAsync(tenantId, TenantRole.Owner);
        var adminId = await _app.CreateUserAsync(tenantId, TenantRole.Admin);
        var developerId = await _app.CreateUserAsync(tenantId, TenantRole.Developer);
        await using var db = _app.CreateSystemContext();
        var memberships = await db.Memberships.IgnoreQueryFilters().Where(m => m.TenantId == tenantId)
            .ToDictionaryAsync(m => m.UserId, m => m.Id);
        return new Team(tenantId, ownerId, adminId, developerId, memberships);
    }

    private async Task<TenantRole?> RoleAsync(Guid tenantId, Guid userId)
    {
        await using var db = _app.CreateSystemContext();
        return await db.Memberships.IgnoreQueryFilters().Where(m => m.TenantId == tenantId && m.UserId == userId)
            .Select(m => (TenantRole?)m.Role).SingleOrDefaultAsync();
    }

    private async Task<T> WithMembersAsync<T>(Guid userId, Guid tenantId, TenantRole role, Func<MemberService, Task<T>> act)
    {
        using var scope = _app.ScopeFor(userId, tenantId, role);
        return await act(scope.ServiceProvider.GetRequiredService<MemberService>());
    }

    private async Task WithMembersAsync(Guid userId, Guid tenantId, TenantRole role, Func<MemberService, Task> act)
    {
        using var scope = _app.ScopeFor(userId, tenantId, role);
        await act(scope.ServiceProvider.GetRequiredService<MemberService>());
    }

    private sealed record Team(Guid TenantId, Guid OwnerId, Guid AdminId, Guid DeveloperId, Dictionary<Guid, Guid> Memberships)
    {
        public Guid Membership(Guid userId) => Memberships[userId];
    }
}
