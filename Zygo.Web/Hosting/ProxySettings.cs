using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;

namespace Zygo.Web.Hosting;

/// <summary>
/// Zygo behind a reverse proxy that ends TLS: the proxy's <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are
/// believed, so the sign-in cookie is marked Secure and addresses in the audit log are the clients'. Only proxies on
/// this machine (loopback) and those listed in <c>Zygo:Proxy:KnownProxies</c> are believed; anyone else could claim
/// any address.
/// </summary>
public static class ProxySettings
{
    public const string KnownProxiesKey = "Zygo:Proxy:KnownProxies";

    public static void AddProxySettings(this IServiceCollection services, IConfiguration configuration)
    {
        var known = configuration.GetSection(KnownProxiesKey).Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var address in known)
            {
                o.KnownProxies.Add(IPAddress.TryParse(address, out var ip)
                    ? ip
                    : throw new InvalidOperationException($"{KnownProxiesKey} holds '{address}', which is not an IP address."));
            }
        });
        // Antiforgery's cookie is never Secure by default; like the sign-in cookie, it follows the (forwarded) scheme.
        services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
    }
}
