using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Zygo.Data.Entities;
using Zygo.Web.Components.Layout;
using Zygo.Web.Security;
using Zygo.Web.Tenancy;

namespace Zygo.Tests.Components;

/// <summary>The navigation shows each role only the areas its permissions open.</summary>
public sealed class NavMenuTests : BunitContext, IAsyncLifetime
{
    public NavMenuTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    [Theory]
    [InlineData(TenantRole.Owner, true, true)]
    [InlineData(TenantRole.Admin, true, true)]
    [InlineData(TenantRole.Developer, true, false)]
    [InlineData(TenantRole.Member, true, false)]
    [InlineData(TenantRole.Viewer, false, false)]
    public void Shows_variables_and_admin_only_to_roles_allowed_to_use_them(TenantRole role, bool variables, bool admin)
    {
        var session = new TenantSession();
        session.Initialize(new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()),
            new Claim(ZygoClaims.TenantId, Guid.NewGuid().ToString()),
            new Claim(ZygoClaims.Role, role.ToString()),
        ], "test")));
        Services.AddSingleton<ICurrentUser>(session);

        Render<MudPopoverProvider>();
        var menu = Render<NavMenu>();

        var links = menu.FindAll("a").Select(a => a.GetAttribute("href")).ToList();
        links.Should().Contain(["/", "/workflows", "/executions", "/templates", "/knowledge", "/documentation"]);
        links.Contains("/variables").Should().Be(variables);
        links.Contains("/admin").Should().Be(admin);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();
}
