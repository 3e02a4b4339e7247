using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Zygo.Tests.Infrastructure;

namespace Zygo.Tests.Smoke;

/// <summary>What an anonymous visitor's browser gets from the page side of the app.</summary>
public sealed class PageRoutingTests : AppTest
{
    private HttpClient _client = default!;

    public override Task InitializeAsync()
    {
        _client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        return Task.CompletedTask;
    }

    public override async Task DisposeAsync()
    {
        _client.Dispose();
        await base.DisposeAsync();
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/workflows")]
    [InlineData("/variables")]
    [InlineData("/admin")]
    public async Task Signed_out_visitors_are_sent_to_sign_in_with_a_return_address(string path)
    {
        var response = await _client.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var location = response.Headers.Location!.ToString();
        location.Should().Contain("/account/login").And.Contain("ReturnUrl=" + Uri.EscapeDataString(path));
    }

    [Fact]
    public async Task Sign_in_page_is_a_form_with_an_antiforgery_token()
    {
        var html = await _client.GetStringAsync("/account/login");

        html.Should().Contain("action=\"/account/login\"").And.Contain("__RequestVerificationToken");
    }

    [Fact]
    public async Task Unknown_page_gets_a_friendly_404_page()
    {
        var response = await _client.GetAsync("/no/such/page");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        (await response.Content.ReadAsStringAsync()).Should().Contain("Page not found");
    }

    [Fact]
    public async Task Health_endpoint_answers_without_sign_in()
    {
        var response = await _client.GetAsync("/healthz");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("/account/logout")]
    [InlineData("/account/login")]
    [InlineData("/account/register")]
    public async Task Account_posts_without_an_antiforgery_token_are_refused(string path)
    {
        var response = await _client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = ZygoAppFactory.OwnerEmail,
            ["Password"] = ZygoAppFactory.OwnerPassword,
        }));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Headers.Contains("Set-Cookie").Should().BeFalse();
    }
}
