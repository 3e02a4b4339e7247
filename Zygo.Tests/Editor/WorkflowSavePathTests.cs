using System.Net;
using System.Text.Json;
using Zygo.Data.Entities;
using Zygo.Tests.Api;
using static Zygo.Tests.Api.ApiTestHelpers;

namespace Zygo.Tests.Editor;

/// <summary>
/// What the editor's saving relies on, through the API: every graph save is a version with its note and author,
/// a restore is a new save of an old graph, and a save against a stale stamp is a 409, never a silent overwrite.
/// </summary>
public sealed class WorkflowSavePathTests(WorkflowSavePathTests.Fixture fixture) : IClassFixture<WorkflowSavePathTests.Fixture>
{
    public sealed class Fixture() : AppFixture
    {
        public HttpClient Developer { get; private set; } = null!;
        public HttpClient Viewer { get; private set; } = null!;

        public override async Task InitializeAsync()
        {
            var tenant = await App.CreateTenantAsync("Save path");
            Developer = Keep(await App.ClientForRoleAsync(tenant, TenantRole.Developer));
            Viewer = Keep(await App.ClientForRoleAsync(tenant, TenantRole.Viewer));
        }
    }

    private static object[] Nodes(string label) =>
        [new { id = "t", type = "trigger", label, position = new { x = 10, y = 20 }, config = new { triggerMode = "manual" } }];

    private async Task<JsonElement> CreateAsync()
    {
        var created = await fixture.Developer.PostAsync(Workflows, Json(new { name = $"Saved {UniqueSuffix()}" }));
        return await created.ShouldBeJsonAsync(HttpStatusCode.Created);
    }

    private async Task<JsonElement> SaveAsync(Guid id, string label, string? note, Guid stamp)
    {
        var response = await fixture.Developer.PatchAsync($"{Workflows}/{id}",
            Json(new { nodes = Nodes(label), edges = Array.Empty<object>(), changeNote = note, concurrencyStamp = stamp }));
        return await response.ShouldBeJsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Each_graph_save_is_a_version_with_its_note_and_author_newest_first()
    {
        var workflow = await CreateAsync();
        var id = workflow.GetProperty("id").GetGuid();
        var first = await SaveAsync(id, "One", "Added the trigger", workflow.GetProperty("concurrencyStamp").GetGuid());
        var second = await SaveAsync(id, "Two", null, first.GetProperty("concurrencyStamp").GetGuid());
        second.GetProperty("version").GetInt32().Should().Be(3);

        var versions = await (await fixture.Developer.GetAsync($"{Workflows}/{id}/versions")).ShouldBeJsonAsync(HttpStatusCode.OK);
        var rows = versions.EnumerateArray().ToList();
        rows.Select(v => v.GetProperty("version").GetInt32()).Should().Equal(3, 2, 1);
        rows[0].GetProperty("changeNote").ValueKind.Should().Be(JsonValueKind.Null);
        rows[1].GetProperty("changeNote").GetString().Should().Be("Added the trigger");
        rows[2].GetProperty("changeNote").GetString().Should().Be("Created");
        rows.Should().AllSatisfy(v => v.GetProperty("author").GetString().Should().StartWith("developer-"));
    }

    [Fact]
    public async Task Restoring_a_version_saves_its_graph_as_the_newest_version()
    {
        var workflow = await CreateAsync();
        var id = workflow.GetProperty("id").GetGuid();
        var v2 = await SaveAsync(id, "Original", "v2", workflow.GetProperty("concurrencyStamp").GetGuid());
        var v3 = await SaveAsync(id, "Changed", "v3", v2.GetProperty("concurrencyStamp").GetGuid());

        var restored = await (await fixture.Developer.PostAsync($"{Workflows}/{id}/versions/2/restore",
            Json(new { concurrencyStamp = v3.GetProperty("concurrencyStamp").GetGuid() }))).ShouldBeJsonAsync(HttpStatusCode.OK);

        restored.GetProperty("version").GetInt32().Should().Be(4);
        restored.GetProperty("nodes")[0].GetProperty("label").GetString().Should().Be("Original");
        var versions = await (await fixture.Developer.GetAsync($"{Workflows}/{id}/versions")).ShouldBeJsonAsync(HttpStatusCode.OK);
        versions[0].GetProperty("changeNote").GetString().Should().Be("Restored version 2");
        versions.GetArrayLength().Should().Be(4, "a restore adds a version and removes none");

        (await fixture.Developer.PostAsync($"{Workflows}/{id}/versions/99/restore", Json(new { })))
            .StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await fixture.Viewer.PostAsync($"{Workflows}/{id}/versions/2/restore", Json(new { })))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden, "a viewer may look at versions but not restore one");
        (await fixture.Viewer.GetAsync($"{Workflows}/{id}/versions")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_save_with_a_stale_stamp_is_a_conflict_and_changes_nothing()
    {
        var workflow = await CreateAsync();
        var id = workflow.GetProperty("id").GetGuid();
        var loadedStamp = workflow.GetProperty("concurrencyStamp").GetGuid();
        await SaveAsync(id, "First tab", "first tab", loadedStamp);

        var stale = await fixture.Developer.PatchAsync($"{Workflows}/{id}",
            Json(new { nodes = Nodes("Second tab"), edges = Array.Empty<object>(), concurrencyStamp = loadedStamp }));
        await stale.ShouldBeProblemAsync(HttpStatusCode.Conflict, "saved by someone else");

        var current = await (await fixture.Developer.GetAsync($"{Workflows}/{id}")).ShouldBeJsonAsync(HttpStatusCode.OK);
        current.GetProperty("nodes")[0].GetProperty("label").GetString().Should().Be("First tab");
        current.GetProperty("version").GetInt32().Should().Be(2);

        var restore = await fixture.Developer.PostAsync($"{Workflows}/{id}/versions/1/restore", Json(new { concurrencyStamp = loadedStamp }));
        await restore.ShouldBeProblemAsync(HttpStatusCode.Conflict, "saved by someone else");
    }
}
