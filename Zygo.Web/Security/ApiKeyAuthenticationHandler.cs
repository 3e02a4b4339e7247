using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Zygo.Web.Security;

/// <summary>Authenticates <c>Authorization: Bearer zygo_…</c> with a personal API key bound to one tenant.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyDirectory keys,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string TokenPrefix = "zygo_";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (BearerToken(Request) is not { } token)
        {
            return AuthenticateResult.NoResult();
        }

        var key = await keys.FindAsync(token, Context.RequestAborted);
        if (key is null || !key.IsUsable(clock.GetUtcNow()))
        {
            return AuthenticateResult.Fail(key is not null && key.LockoutEnd > clock.GetUtcNow()
                ? "The API key's user cannot sign in."
                : "The API key is unknown, revoked or expired.");
        }

        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, key.UserId.ToString()),
            new Claim(ClaimTypes.Name, key.UserName ?? key.Email ?? key.UserId.ToString()),
            new Claim(ClaimTypes.Email, key.Email ?? string.Empty),
            new Claim(ZygoClaims.TenantId, key.TenantId.ToString()),
            new Claim(ZygoClaims.ApiKeyId, key.KeyId.ToString()),
        ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    public static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string bearer = "Bearer ";
        return header.StartsWith(bearer, StringComparison.OrdinalIgnoreCase) ? header[bearer.Length..].Trim() : null;
    }
}
