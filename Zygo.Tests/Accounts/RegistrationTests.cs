using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zygo.Data.Entities;
using Zygo.Tests.Infrastructure;
using Zygo.Web.Accounts;
using Zygo.Web.Members;

namespace Zygo.Tests.Accounts;

/// <summary>An install without the demo seed, in the default InvitationOnly mode, whose first user signed up.</summary>
public sealed class FoundedInstallFixture : IAsyncLifetime
{
    public const string FounderEmail = "founder@zygo.test";

    public ZygoAppFactory App { get; } = new(settings: RegistrationTests.Unseeded());

    public Guid TenantId { get; private set; }
    public Guid FounderId { get; private set; }

    public async Task InitializeAsync()
    {
        var result = await RegistrationTests.RegisterAsync(App, FounderEmail);
        result.Succeeded.Should().BeTrue(string.Join(" ", result.Errors));
        (FounderId, TenantId) = (result.User!.Id, result.TenantId!.Value);
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

public sealed class RegistrationTests(FoundedInstallFixture fixture) : IClassFixture<FoundedInstallFixture>
{
    private const string StrongPassword = "Strong-Password-42";
    private readonly ZygoAppFactory _app = fixture.App;

    public static Dictionary<string, string?> Unseeded(string? mode = null)
    {
        var settings = new Dictionary<string, string?> { ["Zygo:Seed:Enabled"] = "false" };
        if (mode is not null)
        {
            settings["Zygo:Registration:Mode"] = mode;
        }

        return settings;
    }

    public static async Task<RegistrationResult> RegisterAsync(ZygoAppFactory app, string email, string password = StrongPassword,
        string? invitation = null, string? displayName = null)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AccountService>()
            .RegisterAsync(email, password, displayName, invitation);
    }

    private static string NewEmail(string who) => $"{who}-{Guid.NewGuid():N}@zygo.test";

    // ---- Who may sign up -------------------------------------------------------------------------------------

    [Fact]
    public async Task The_first_sign_up_of_an_empty_install_becomes_Owner_of_a_new_tenant()
    {
        await using var app = new ZygoAppFactory(settings: Unseeded());

        var weak = await RegisterAsync(app, "ada@zygo.test", "short");
        weak.Succeeded.Should().BeFalse();
        var result = await RegisterAsync(app, "ada@zygo.test", displayName: "Ada");

        result.Succeeded.Should().BeTrue(string.Join(" ", result.Errors));
        await using var db = app.CreateSystemContext();
        var tenant = await db.Tenants.SingleAsync();
        tenant.Id.Should().Be(result.TenantId!.Value);
        tenant.Name.Should().Be("Ada's workspace");
        var membership = await db.Memberships.IgnoreQueryFilters().SingleAsync();
        (membership.TenantId, membership.UserId, membership.Role).Should().Be((tenant.Id, result.User!.Id, TenantRole.Owner));
        (await db.Users.SingleAsync()).LastTenantId.Should().Be(tenant.Id);
    }

    [Fact]
    public async Task A_second_sign_up_without_an_invitation_is_refused_by_default()
    {
        var email = NewEmail("stranger");

        var result = await RegisterAsync(_app, email);

        result.Succeeded.Should().BeFalse();
        result.Errors.Should().ContainSingle().Which.Should().Contain("invitation");
        await using var db = _app.CreateSystemContext();
        (await db.Users.AnyAsync(u => u.Email == email)).Should().BeFalse();
        (await db.Tenants.CountAsync()).Should().Be(1);
    }

    [Fact]
    public async Task In_Open_mode_a_second_sign_up_gets_a_tenant_of_its_own()
    {
        await using var app = new ZygoAppFactory(settings: Unseeded("Open"));
        var first = await RegisterAsync(app, "first@zygo.test");

        var second = await RegisterAsync(app, "second@zygo.test");

        second.Succeeded.Should().BeTrue(string.Join(" ", second.Errors));
        second.TenantId.Should().NotBe(first.TenantId!.Value);
        await using var db = app.CreateSystemContext();
        (await db.Tenants.CountAsync()).Should().Be(2);
        var memberships = await db.Memberships.IgnoreQueryFilters().Where(m => m.UserId == second.User!.Id).ToListAsync();
        memberships.Should().ContainSingle().Which.Should().BeEquivalentTo(new { TenantId = second.TenantId!.Value, Role = TenantRole.Owner });
    }

    [Fact]
    public async Task In_Disabled_mode_only_the_first_user_signs_up()
    {
        await using var app = new ZygoAppFactory(settings: Unseeded("Disabled"));
        (await RegisterAsync(app, "first@zygo.test")).Succeeded.Should().BeTrue();

        var second = await RegisterAsync(app, "second@zygo.test");

        second.Succeeded.Should().BeFalse();
        second.Errors.Should().ContainSingle().Which.Should().Contain("disabled");
        await using var db = app.CreateSystemContext();
        (await db.Users.CountAsync()).Should().Be(1);
        (await db.Tenants.CountAsync()).Should().Be(1);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-an-email")]
    [InlineData("a@b")]
    public async Task An_invalid_email_is_refused(string email)
    {
        var result = await RegisterAsync(_app, email);

        result.Succeeded.Should().BeFalse();
        result.Errors.Should().ContainSingle().Which.Should().Contain("valid email");
    }

    [Fact]
    public async Task A_weak_password_gives_Identitys_messages_and_uses_nothing_up()
    {
        var email = NewEmail("weak");
        var invitation = await InviteAsync(email, TenantRole.Member);

        var result = await RegisterAsync(_app, email, "short", invitation.Token);

        result.Succeeded.Should().BeFalse();
        var describer = new IdentityErrorDescriber();
        result.Errors.Should().Contain(describer.PasswordTooShort(10).Description);
        result.Errors.Should().Contain(describer.PasswordRequiresDigit().Description);
        await using var db = _app.CreateSystemContext();
        (await db.Users.AnyAsync(u => u.Email == email)).Should().BeFalse();
        (await db.Invitations.IgnoreQueryFilters().SingleAsync(i => i.Id == invitation.Invitation.Id)).AcceptedAt
            .Should().BeNull("a failed sign-up does not use the invitation up");
        (await RegisterAsync(_app, email, invitation: invitation.Token)).Succeeded.Should().BeTrue();
    }

    // ---- Invitations ------------------------------------------------------------------------------------------

    [Fact]
    public async Task A_valid_invitation_joins_the_inviting_tenant_with_the_invited_role()
    {
        var email = NewEmail("dev");
        var invitation = await InviteAsync(email, TenantRole.Developer);
        int tenantsBefore;
        await using (var before = _app.CreateSystemContext())
        {
            tenantsBefore = await before.Tenants.CountAsync();
        }

        var result = await RegisterAsync(_app, email.ToUpperInvariant(), invitation: invitation.Token);

        result.Succeeded.Should().BeTrue(string.Join(" ", result.Errors));
        result.TenantId.Should().Be(fixture.TenantId);
        await using var db = _app.CreateSystemContext();
        (await db.Tenants.CountAsync()).Should().Be(tenantsBefore, "an invited user joins, it gets no tenant of its own");
        var membership = await db.Memberships.IgnoreQueryFilters().SingleAsync(m => m.UserId == result.User!.Id);
        (membership.TenantId, membership.Role).Should().Be((fixture.TenantId, TenantRole.Developer));
        (await db.Users.SingleAsync(u => u.Id == result.User!.Id)).LastTenantId.Should().Be(fixture.TenantId);
        (await db.Invitations.IgnoreQueryFilters().SingleAsync(i => i.Id == invitation.Invitation.Id)).AcceptedAt.Should().NotBeNull();
        (await db.AuditLog.IgnoreQueryFilters().AnyAsync(a => a.Action == "invitation.accepted" && a.UserId == result.User!.Id))
            .Should().BeTrue();
    }

    [Fact]
    public async Task An_invitation_for_another_email_is_refused_and_stays_open()
    {
        var invited = NewEmail("invited");
        var invitation = await InviteAsync(invited, TenantRole.Admin);
        var intruder = NewEmail("intruder");

        var result = await RegisterAsync(_app, intruder, invitation: invitation.Token);

        result.Succeeded.Should().BeFalse();
        result.Errors.Should().ContainSingle().Which.Should().Contain(invited);
        await using var db = _app.CreateSystemContext();
        (await db.Users.AnyAsync(u => u.Email == intruder)).Should().BeFalse();
        (await RegisterAsync(_app, invited, invitation: invitation.Token)).Succeeded.Should().BeTrue("the invitation is still open");
    }

    [Fact]
    public async Task An_expired_invitation_is_refused()
    {
        var email = NewEmail("late");
        var invitation = await InviteAsync(email, TenantRole.Member);
        await using (var db = _app.CreateSystemContext())
        {
            var row = await db.Invitations.IgnoreQueryFilters().SingleAsync(i => i.Id == invitation.Invitation.Id);
            row.ExpiresAt = DateTime.UtcNow.AddMinutes(-1);
            await db.SaveChangesAsync();
        }

        await ShouldBeRefusedAsync(email, invitation.Token);
    }

    [Fact]
    public async Task A_revoked_invitation_is_refused()
    {
        var email = NewEmail("revoked");
        var invitation = await InviteAsync(email, TenantRole.Member);
        using (var scope = _app.ScopeFor(fixture.FounderId, fixture.TenantId, TenantRole.Owner))
        {
            (await scope.ServiceProvider.GetRequiredService<InvitationService>().RevokeAsync(invitation.Invitation.Id)).Should().BeTrue();
        }

        await ShouldBeRefusedAsync(email, invitation.Token);
    }

    [Fact]
    public async Task An_invitation_already_used_is_refused()
    {
        var email = NewEmail("once");
        var invitation = await InviteAsync(email, TenantRole.Admin);
        (await RegisterAsync(_app, email, invitation: invitation.Token)).Succeeded.Should().BeTrue();

        await ShouldBeRefusedAsync(NewEmail("twice"), invitation.Token);
    }

    [Fact]
    public async Task An_unknown_invitation_token_is_refused()
    {
        await ShouldBeRefusedAsync(NewEmail("guess"), InvitationService.TokenPrefix + "made-up");
    }

    // ---- Through the real form -------------------------------------------------------------------------------

    [Fact]
    public async Task The_register_form_signs_the_first_user_in_as_Owner_of_a_new_tenant()
    {
        await using var app = new ZygoAppFactory(settings: Unseeded());
        using var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await PostRegisterAsync(browser, "/account/register", "grace@zygo.test", StrongPassword);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Be("/");
        response.Headers.GetValues("Set-Cookie").Should().Contain(c => c.StartsWith("zygo.auth="));

        using var workflows = await browser.GetAsync("/api/v1/workflows");
        workflows.StatusCode.Should().Be(HttpStatusCode.OK, "the sign-up signed the browser in to its new tenant");
        (await workflows.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("total").GetInt32().Should().Be(0);

        await using var db = app.CreateSystemContext();
        var user = await db.Users.SingleAsync();
        user.Email.Should().Be("grace@zygo.test");
        (await db.Memberships.IgnoreQueryFilters().SingleAsync()).Role.Should().Be(TenantRole.Owner);
    }

    [Fact]
    public async Task The_register_form_sends_a_refused_sign_up_back_with_the_message()
    {
        using var browser = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var email = NewEmail("walk-in");

        using var response = await PostRegisterAsync(browser, "/account/register", email, StrongPassword);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var location = Uri.UnescapeDataString(response.Headers.Location!.OriginalString);
        location.Should().StartWith("/account/register?error=").And.Contain("invitation");
        response.Headers.TryGetValues("Set-Cookie", out var cookies);
        (cookies ?? []).Should().NotContain(c => c.StartsWith("zygo.auth="));

        using var page = await browser.GetAsync(response.Headers.Location);
        (await page.Content.ReadAsStringAsync()).Should().Contain("Sign-up needs an invitation");

        await using var db = _app.CreateSystemContext();
        (await db.Users.AnyAsync(u => u.Email == email)).Should().BeFalse();
    }

    [Fact]
    public async Task The_register_form_joins_an_invited_user_to_the_inviting_tenant()
    {
        var email = NewEmail("form-invitee");
        var invitation = await InviteAsync(email, TenantRole.Viewer);
        using var browser = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var pagePath = $"/account/register?invitation={Uri.EscapeDataString(invitation.Token)}";
        using (var page = await browser.GetAsync(pagePath))
        {
            var html = await page.Content.ReadAsStringAsync();
            html.Should().Contain(email).And.Contain("Viewer");
        }

        using var response = await PostRegisterAsync(browser, pagePath, email, StrongPassword, invitation.Token);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Be("/");
        using var workflows = await browser.GetAsync("/api/v1/workflows");
        workflows.StatusCode.Should().Be(HttpStatusCode.OK);
        await using var db = _app.CreateSystemContext();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        var membership = await db.Memberships.IgnoreQueryFilters().SingleAsync(m => m.UserId == user.Id);
        (membership.TenantId, membership.Role).Should().Be((fixture.TenantId, TenantRole.Viewer));
    }

    [Fact]
    public async Task The_register_form_refuses_differing_passwords()
    {
        using var browser = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var email = NewEmail("typo");
        var invitation = await InviteAsync(email, TenantRole.Member);

        using var response = await AntiforgeryForm.PostAsync(browser, "/account/register", "/account/register",
            RegisterFields(email, StrongPassword, invitation.Token, confirm: StrongPassword + "!"));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        Uri.UnescapeDataString(response.Headers.Location!.OriginalString).Should().Contain("passwords differ")
            .And.Contain("invitation=" + invitation.Token, "the invited user keeps the invitation for the next try");
        await using var db = _app.CreateSystemContext();
        (await db.Users.AnyAsync(u => u.Email == email)).Should().BeFalse();
    }

    [Fact]
    public async Task The_register_form_refuses_a_post_without_the_antiforgery_token()
    {
        await using var app = new ZygoAppFactory(settings: Unseeded());
        using var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var _ = await browser.GetAsync("/account/register");

        using var content = new FormUrlEncodedContent(RegisterFields("csrf@zygo.test", StrongPassword));
        using var response = await browser.PostAsync("/account/register", content);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        await using var db = app.CreateSystemContext();
        (await db.Users.AnyAsync()).Should().BeFalse();
    }

    private async Task<CreatedInvitation> InviteAsync(string email, TenantRole role)
    {
        using var scope = _app.ScopeFor(fixture.FounderId, fixture.TenantId, TenantRole.Owner);
        return await scope.ServiceProvider.GetRequiredService<InvitationService>().CreateAsync(email, role);
    }

    private async Task ShouldBeRefusedAsync(string email, string token)
    {
        var result = await RegisterAsync(_app, email, invitation: token);

        result.Succeeded.Should().BeFalse();
        result.Errors.Should().ContainSingle().Which.Should().Contain("invalid, expired or already used");
        await using var db = _app.CreateSystemContext();
        (await db.Users.AnyAsync(u => u.Email == email)).Should().BeFalse();
    }

    private static Task<HttpResponseMessage> PostRegisterAsync(HttpClient browser, string pagePath, string email, string password,
        string? invitation = null) =>
        AntiforgeryForm.PostAsync(browser, pagePath, "/account/register", RegisterFields(email, password, invitation));

    private static Dictionary<string, string> RegisterFields(string email, string password, string? invitation = null,
        string? confirm = null) => new()
    {
        ["Email"] = email,
        ["DisplayName"] = "",
        ["Password"] = password,
        ["ConfirmPassword"] = confirm ?? password,
        ["Invitation"] = invitation ?? "",
    };
}
