using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Zygo.Data.Entities;
using Zygo.Web.Security;
using Zygo.Web.Tenancy;

namespace Zygo.Web.Accounts;

/// <summary>
/// Form posts behind the sign-in, sign-up and tenant pages. Plain HTML forms with antiforgery tokens: the cookie
/// must be written by an HTTP response, which a Blazor circuit cannot do.
/// </summary>
public static class AccountEndpoints
{
    public const string LoginPath = "/account/login";

    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        // Every post here changes who is signed in: all of them demand the antiforgery token, logout included.
        var group = app.MapGroup("/account").ExcludeFromDescription()
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .AddEndpointFilter(RejectInvalidAntiforgery);

        group.MapPost("/login", async ([FromForm] LoginForm form, SignInManager<ZygoUser> signIn, AccountService accounts) =>
        {
            var returnUrl = SafeReturnUrl(form.ReturnUrl);
            var user = await signIn.UserManager.FindByEmailAsync(form.Email?.Trim() ?? string.Empty);
            if (user is null)
            {
                return Back(LoginPath, "invalid", returnUrl);
            }

            var check = await signIn.CheckPasswordSignInAsync(user, form.Password ?? string.Empty, lockoutOnFailure: true);
            if (check.IsLockedOut)
            {
                return Back(LoginPath, "locked", returnUrl);
            }

            if (!check.Succeeded)
            {
                return Back(LoginPath, "invalid", returnUrl);
            }

            await SignInToTenantAsync(signIn, user, await accounts.ChooseTenantAsync(user), form.RememberMe);
            return Results.LocalRedirect(returnUrl);
        });

        group.MapPost("/register", async ([FromForm] RegisterForm form, SignInManager<ZygoUser> signIn, AccountService accounts) =>
        {
            var invite = string.IsNullOrWhiteSpace(form.Invitation) ? null : form.Invitation.Trim();
            if (form.Password != form.ConfirmPassword)
            {
                return BackToRegister(invite, "The two passwords differ.");
            }

            var result = await accounts.RegisterAsync(form.Email ?? string.Empty, form.Password ?? string.Empty,
                form.DisplayName, invite);
            if (!result.Succeeded)
            {
                return BackToRegister(invite, string.Join(" ", result.Errors));
            }

            await SignInToTenantAsync(signIn, result.User!, result.TenantId, persistent: false);
            return Results.LocalRedirect("/");
        });

        group.MapPost("/invite/accept", async ([FromForm] AcceptForm form, ClaimsPrincipal principal,
            SignInManager<ZygoUser> signIn, AccountService accounts) =>
        {
            var user = await signIn.UserManager.GetUserAsync(principal);
            if (user is null)
            {
                return Results.LocalRedirect(LoginPath);
            }

            var (tenantId, error) = await accounts.AcceptAsync(user.Id, form.Invitation ?? string.Empty);
            if (error is not null)
            {
                return Results.LocalRedirect($"/account/invite/{Uri.EscapeDataString(form.Invitation ?? "")}?error={Uri.EscapeDataString(error)}");
            }

            await SignInToTenantAsync(signIn, user, tenantId, persistent: false);
            return Results.LocalRedirect("/");
        }).RequireAuthorization();

        group.MapPost("/switch-tenant", async ([FromForm] SwitchTenantForm form, ClaimsPrincipal principal,
            SignInManager<ZygoUser> signIn, MembershipDirectory directory) =>
        {
            var user = await signIn.UserManager.GetUserAsync(principal);
            if (user is null)
            {
                return Results.LocalRedirect(LoginPath);
            }

            var memberships = await directory.ForUserAsync(user.Id);
            if (memberships.All(m => m.TenantId != form.TenantId))
            {
                return Results.Problem(statusCode: 404, title: "Not found.", detail: "You are not a member of that tenant.");
            }

            user.LastTenantId = form.TenantId;
            await signIn.UserManager.UpdateAsync(user);
            await SignInToTenantAsync(signIn, user, form.TenantId, persistent: false);
            return Results.LocalRedirect("/");
        }).RequireAuthorization();

        group.MapPost("/logout", async (SignInManager<ZygoUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect(LoginPath + "?signedOut=1");
        });
    }

    /// <summary>
    /// The antiforgery middleware only records its verdict; form binding enforces it, but a post without a form
    /// model (logout) must check it here.
    /// </summary>
    private static ValueTask<object?> RejectInvalidAntiforgery(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        context.HttpContext.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false }
            ? ValueTask.FromResult<object?>(Results.Problem(statusCode: StatusCodes.Status400BadRequest,
                title: "The form has expired.", detail: "Reload the page and try again."))
            : next(context);

    private static async Task SignInToTenantAsync(SignInManager<ZygoUser> signIn, ZygoUser user, Guid? tenantId, bool persistent)
    {
        Claim[] claims = tenantId is { } id ? [new Claim(ZygoClaims.TenantId, id.ToString())] : [];
        await signIn.SignInWithClaimsAsync(user, persistent, claims);
    }

    private static IResult Back(string path, string error, string returnUrl) =>
        Results.LocalRedirect($"{path}?error={error}&returnUrl={Uri.EscapeDataString(returnUrl)}");

    private static IResult BackToRegister(string? invitation, string error) =>
        Results.LocalRedirect($"/account/register?error={Uri.EscapeDataString(error)}" +
                              (invitation is null ? "" : $"&invitation={Uri.EscapeDataString(invitation)}"));

    /// <summary>Only paths on this site; anything else would make the sign-in page an open redirect.</summary>
    public static string SafeReturnUrl(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) &&
        !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url
            : "/";

    public sealed class LoginForm
    {
        public string? Email { get; set; }
        public string? Password { get; set; }
        public bool RememberMe { get; set; }
        public string? ReturnUrl { get; set; }
    }

    public sealed class RegisterForm
    {
        public string? Email { get; set; }
        public string? DisplayName { get; set; }
        public string? Password { get; set; }
        public string? ConfirmPassword { get; set; }
        public string? Invitation { get; set; }
    }

    public sealed class AcceptForm
    {
        public string? Invitation { get; set; }
    }

    public sealed class SwitchTenantForm
    {
        public Guid TenantId { get; set; }
    }
}
