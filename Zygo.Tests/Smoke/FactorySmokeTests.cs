using System.Net;
using System.Net.Http.Json;
using Zygo.Data.Entities;
using Zygo.Tests.Infrastructure;

namespace Zygo.Tests.Smoke;

public sealed class FactorySmokeTests : AppTest
{
    [Fact]
    public async Task Database_is_created_in_the_configured_data_folder_and_seeded()
    {
        var tenant = await App.DemoTenantIdAsync();
        File.Exists(App.DatabaseFile).Should().BeTrue();

        using var client = await App.ClientForRoleAsync(tenant, TenantRole.Viewer);
        var response = await client.GetAsync("/api/v1/workflows");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        body.GetProperty("total").GetInt32().Should().Be(3);
    }
}
