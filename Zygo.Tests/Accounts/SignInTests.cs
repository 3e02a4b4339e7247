using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Zygo.Data.Entities;
using Zygo.Tests.Infrastructure;

namespace Zygo.Tests.Accounts;

/// <summary>The sign-in form against guessing: five wrong passwords lock the account for a while.</summary>
public sealed class SignInTests(MemberAppFixture fixture) : IClassFixture<MemberAppFixture>
{
    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_one()
    {
        var email = $"guess-{Guid.NewGuid():N}@zygo.test";
        await fixture.App.CreateUserAsync(await fixture.App.CreateTenantAsync("Locks"), TenantRole.Member, email);
        using var client = fixture.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        for (var i = 0; i < 4; i++)
        {
            var wrong = await SignInAsync(client, email, "not-the-password-" + i);
            wrong.Headers.Location!.ToString().Should().Contain("error=invalid");
        }

        (await SignInAsync(client, email, "the-fifth-guess")).Headers.Location!.ToString().Should().Contain("error=locked");

        var right = await SignInAsync(client, email, ZygoAppFactory.DefaultPassword);

        right.StatusCode.Should().Be(HttpStatusCode.Redirect);
        right.Headers.Location!.ToString().Should().Contain("error=locked");
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password) =>
        AntiforgeryForm.PostAsync(client, "/account/login", "/account/login", [new("Email", email), new("Password", password)]);
}
