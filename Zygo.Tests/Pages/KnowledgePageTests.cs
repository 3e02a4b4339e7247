using System.Net;
using Zygo.Data.Entities;
using Zygo.Engine.Knowledge;
using Zygo.Tests.Infrastructure;

namespace Zygo.Tests.Pages;

/// <summary>The read-only Knowledge page, prerendered through an API key: the tenant's entities only, names encoded.</summary>
public sealed class KnowledgePageTests : AppTest
{
    private async Task AddAsync(Guid tenant, string type, string name)
    {
        await using var db = App.CreateSystemContext();
        await new KnowledgeStore(db, tenant).UpsertAsync(new EntityDraft(type, name, new() { ["source"] = "test" }), default);
    }

    [Fact]
    public async Task Lists_the_tenants_entities_and_no_others_with_names_encoded()
    {
        var demo = await App.DemoTenantIdAsync();
        var other = await App.CreateTenantAsync("Other");
        await AddAsync(demo, "person", "Ada Lovelace");
        await AddAsync(demo, "organization", "<script>alert(1)</script> Corp");
        await AddAsync(other, "person", "Eve Outsider");
        using var viewer = await App.ClientForRoleAsync(demo, TenantRole.Viewer);

        var response = await viewer.GetAsync("/knowledge");
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        html.Should().Contain("<title>Knowledge graph · Zygo</title>");
        html.Should().Contain("Ada Lovelace").And.Contain("&lt;script&gt;alert(1)&lt;/script&gt; Corp");
        html.Should().NotContain("<script>alert(1)</script>").And.NotContain("Eve Outsider");

        var searched = await (await viewer.GetAsync("/knowledge?search=lovelace")).Content.ReadAsStringAsync();
        searched.Should().Contain("Ada Lovelace").And.NotContain("alert(1)");
        searched.Should().Contain("1 entity<");
    }
}
