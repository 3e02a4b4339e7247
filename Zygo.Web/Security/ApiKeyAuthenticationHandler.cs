using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zygo.Data;
using Zygo.Data.Security;

namespace Zygo.Web.Security;

/// <summary>Authenticates <c>Authorization: Bearer zygo_…</c> with a personal API key bound to one tenant.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ZygoDbContext db,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string TokenPrefix = "zygo_";

    /// <summary>Writing the last-used time on every call would turn each read into a write; once a minute is enough.</summary>
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (BearerToken(Request) is not { } token)
        {
            return AuthenticateResult.NoResult();
        }

        var hash = SecretToken.Hash(token);
        var now = clock.GetUtcNow().UtcDateTime;
        var key = await db.ApiKeys.IgnoreQueryFilters().SingleOrDefaultAsync(k => k.KeyHash == hash, Context.RequestAborted);
        if (key is null || !key.IsUsable(now))
        {
            return AuthenticateResult.Fail("The API key is unknown, revoked or expired.");
        }

        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == key.UserId, Context.RequestAborted);
        if (user is null || (user.LockoutEnd is { } end && end > clock.GetUtcNow()))
        {
            return AuthenticateResult.Fail("The API key's user cannot sign in.");
        }

        if (key.LastUsedAt is null || now - key.LastUsedAt > LastUsedResolution)
        {
            key.LastUsedAt = now;
            await db.SaveChangesAsync(Context.RequestAborted);
        }

        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()),
            new Claim(ClaimTypes.Name, user.UserName ?? user.Email ?? user.Id.ToString()),
            new Claim(ClaimTypes.Email, user.Email ?? string.Empty),
            new Claim(ZygoClaims.TenantId, key.TenantId.ToString()),
            new Claim(ZygoClaims.ApiKeyId, key.Id.ToString()),
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
