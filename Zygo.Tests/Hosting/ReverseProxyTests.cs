using Zygo.Tests.Infrastructure;

namespace Zygo.Tests.Hosting;

/// <summary>
/// Behind a TLS-ending proxy on the same machine, Zygo sees the client's https and marks its cookies Secure; a
/// plain http request keeps them plain (they would not come back otherwise).
/// </summary>
public sealed class ReverseProxyTests : IAsyncLifetime
{
    private readonly ZygoAppFactory _app = new(useKestrel: true);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("https", true)]
    [InlineData(null, false)]
    public async Task Cookies_are_secure_when_a_local_proxy_forwards_https(string? forwardedProto, bool secure)
    {
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false })
            { BaseAddress = _app.ServerAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        if (forwardedProto is not null)
        {
            request.Headers.Add("X-Forwarded-Proto", forwardedProto);
            request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        }

        using var response = await http.SendAsync(request);

        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        cookies.Should().NotBeEmpty();
        cookies.Should().AllSatisfy(c => c.Contains("secure", StringComparison.OrdinalIgnoreCase).Should().Be(secure, c));
    }
}
