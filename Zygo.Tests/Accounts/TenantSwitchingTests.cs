using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Zygo.Data.Entities;
using Zygo.Tests.Infrastructure;
using Zygo.Web.Members;
using Zygo.Web.Workflows;

namespace Zygo.Tests.Accounts;

/// <summary>
/// A person in several tenants: signing in opens one, the switcher moves the session to another with the role
/// held there, and accepting an invitation while signed in adds a tenant. All through the real cookie forms.
/// </summary>
public sealed class TenantSwitchingTests(MemberAppFixture fixture) : IClassFixture<MemberAppFixture>
{
    private readonly ZygoAppFactory _app = fixture.App;

    [Fact]
    public async Task Switching_tenant_moves_the_session_and_applies_the_role_held_there()
    {
        var (email, _, tenantB) = await PersonInTwoTenantsAsync();
        using var browser = await SignedInClientAsync(email);
        (await WorkflowNamesAsync(browser)).Should().Equal("Only in A");

        var switched = await PostFormAsync(browser, "/account/switch-tenant", ("TenantId", tenantB.ToString()));

        switched.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await WorkflowNamesAsync(browser)).Should().Equal("Only in B");
        var create = await browser.PostAsJsonAsync("/api/v1/workflows", new { name = "Viewer tries" });
        create.StatusCode.Should().Be(HttpStatusCode.Forbidden, "the person is only a Viewer in B");
    }

    [Fact]
    public async Task Switching_to_a_tenant_one_does_not_belong_to_is_refused_and_changes_nothing()
    {
        var (email, _, _) = await PersonInTwoTenantsAsync();
        var foreign = await _app.CreateTenantAsync("Foreign");
        using var browser = await SignedInClientAsync(email);

        var switched = await PostFormAsync(browser, "/account/switch-tenant", ("TenantId", foreign.ToString()));

        switched.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await WorkflowNamesAsync(browser)).Should().Equal("Only in A");
    }

    [Fact]
    public async Task Accepting_an_invitation_while_signed_in_joins_that_tenant_and_opens_it()
    {
        var (email, _, _) = await PersonInTwoTenantsAsync();
        var tenantC = await _app.CreateTenantAsync("Inviting");
        var ownerC = await _app.CreateUserAsync(tenantC, TenantRole.Owner);
        await CreateWorkflowAsync(ownerC, tenantC, "Only in C");
        string token;
        using (var scope = _app.ScopeFor(ownerC, tenantC, TenantRole.Owner))
        {
            token = (await scope.ServiceProvider.GetRequiredService<InvitationService>().CreateAsync(email, TenantRole.Member)).Token;
        }

        using var browser = await SignedInClientAsync(email);
        var accepted = await AntiforgeryForm.PostAsync(browser, $"/account/invite/{token}", "/account/invite/accept",
            [new("Invitation", token)]);

        accepted.StatusCode.Should().Be(HttpStatusCode.Redirect);
        accepted.Headers.Location!.ToString().Should().Be("/");
        (await WorkflowNamesAsync(browser)).Should().Equal("Only in C");
    }

    [Fact]
    public async Task An_invitation_for_someone_else_cannot_be_accepted_by_a_signed_in_user()
    {
        var (email, _, _) = await PersonInTwoTenantsAsync();
        var tenantC = await _app.CreateTenantAsync("Inviting");
        var ownerC = await _app.CreateUserAsync(tenantC, TenantRole.Owner);
        string token;
        using (var scope = _app.ScopeFor(ownerC, tenantC, TenantRole.Owner))
        {
            token = (await scope.ServiceProvider.GetRequiredService<InvitationService>()
                .CreateAsync($"someone-else-{Guid.NewGuid():N}@zygo.test", TenantRole.Admin)).Token;
        }

        using var browser = await SignedInClientAsync(email);
        var accepted = await AntiforgeryForm.PostAsync(browser, $"/account/invite/{token}", "/account/invite/accept",
            [new("Invitation", token)]);

        accepted.StatusCode.Should().Be(HttpStatusCode.Redirect);
        Uri.UnescapeDataString(accepted.Headers.Location!.ToString()).Should().Contain("This invitation is for someone-else-");
        (await WorkflowNamesAsync(browser)).Should().Equal("Only in A");
    }

    private async Task<(string Email, Guid TenantA, Guid TenantB)> PersonInTwoTenantsAsync()
    {
        var email = $"multi-{Guid.NewGuid():N}@zygo.test";
        var tenantA = await _app.CreateTenantAsync("Alpha");
        var tenantB = await _app.CreateTenantAsync("Beta");
        var person = await _app.CreateUserAsync(tenantA, TenantRole.Developer, email);
        await using (var db = _app.CreateSystemContext())
        {
            db.Memberships.Add(new TenantMembership { TenantId = tenantB, UserId = person, Role = TenantRole.Viewer });
            await db.SaveChangesAsync();
        }

        await CreateWorkflowAsync(person, tenantA, "Only in A");
        await CreateWorkflowAsync(await _app.CreateUserAsync(tenantB, TenantRole.Owner), tenantB, "Only in B");
        return (email, tenantA, tenantB);
    }

    private async Task CreateWorkflowAsync(Guid userId, Guid tenantId, string name)
    {
        using var scope = _app.ScopeFor(userId, tenantId, TenantRole.Owner);
        await scope.ServiceProvider.GetRequiredService<WorkflowService>().CreateAsync(new WorkflowDraft(name));
    }

    private async Task<HttpClient> SignedInClientAsync(string email)
    {
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var signIn = await AntiforgeryForm.PostAsync(client, "/account/login", "/account/login",
            [new("Email", email), new("Password", ZygoAppFactory.DefaultPassword)]);
        signIn.StatusCode.Should().Be(HttpStatusCode.Redirect);
        signIn.Headers.Location!.ToString().Should().Be("/");
        return client;
    }

    /// <summary>Antiforgery tokens are bound to the signed-in user, so take one from a page fetched after sign-in.</summary>
    private static Task<HttpResponseMessage> PostFormAsync(HttpClient client, string action, params (string Key, string Value)[] fields) =>
        AntiforgeryForm.PostAsync(client, "/account/login", action, fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    private static async Task<IReadOnlyList<string>> WorkflowNamesAsync(HttpClient client)
    {
        var body = await client.GetFromJsonAsync<JsonElement>("/api/v1/workflows");
        return body.GetProperty("items").EnumerateArray().Select(w => w.GetProperty("name").GetString()!).ToList();
    }
}
