using System.Net;
using Zygo.Data.Entities;
using Zygo.Tests.Infrastructure;

namespace Zygo.Tests.Pages;

/// <summary>Reads the prerendered HTML of the pages as members of each role, through an API key.</summary>
public sealed class PagePermissionTests : AppTest
{
    [Theory]
    [InlineData("/variables", "Variables")]
    [InlineData("/templates", "Templates")]
    [InlineData("/executions", "Executions")]
    [InlineData("/documentation", "Documentation")]
    public async Task Pages_render_for_an_owner(string path, string heading)
    {
        var html = await GetAsync(TenantRole.Owner, path, HttpStatusCode.OK);

        html.Should().Contain($"<title>{heading} · Zygo</title>");
    }

    [Theory]
    [InlineData(TenantRole.Developer, true)]
    [InlineData(TenantRole.Member, false)]
    public async Task Only_variable_managers_get_the_new_variable_button(TenantRole role, bool expected)
    {
        var html = await GetAsync(role, "/variables", HttpStatusCode.OK);

        html.Contains("data-testid=\"new-variable\"").Should().Be(expected);
    }

    [Fact]
    public async Task Viewers_cannot_open_variables()
    {
        await GetAsync(TenantRole.Viewer, "/variables", HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData(TenantRole.Developer, true)]
    [InlineData(TenantRole.Viewer, false)]
    public async Task Only_workflow_creators_can_use_a_template(TenantRole role, bool expected)
    {
        var html = await GetAsync(role, "/templates", HttpStatusCode.OK);

        html.Should().Contain("Support assistant");
        html.Contains("data-testid=\"use-template\"").Should().Be(expected);
    }

    private async Task<string> GetAsync(TenantRole role, string path, HttpStatusCode expected)
    {
        using var client = await App.ClientForRoleAsync(await App.DemoTenantIdAsync(), role);
        var response = await client.GetAsync(path);
        response.StatusCode.Should().Be(expected);
        return await response.Content.ReadAsStringAsync();
    }
}
