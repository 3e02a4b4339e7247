using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zygo.Data.Entities;
using Zygo.Engine.Nodes;
using Zygo.Engine.Nodes.Schema;
using Zygo.Tests.Api;
using Zygo.Tests.Infrastructure;
using Zygo.Web.Hosting;

namespace Zygo.Tests.Engine.Catalogue;

/// <summary>The node_types table follows the registry: filled at start-up, corrected and pruned on the next start.</summary>
public sealed class NodeTypeCatalogSyncTests(NodeTypeCatalogSyncTests.Fixture fixture) : IClassFixture<NodeTypeCatalogSyncTests.Fixture>
{
    public sealed class Fixture() : AppFixture;

    private ZygoAppFactory App => fixture.App;

    private NodeTypeRegistry Registry => App.Services.GetRequiredService<NodeTypeRegistry>();

    [Fact]
    public async Task After_start_there_is_an_active_row_per_registered_type()
    {
        await using var db = App.CreateSystemContext();
        var rows = await db.NodeTypes.Where(r => r.IsActive).ToDictionaryAsync(r => r.Id);

        rows.Keys.Should().BeEquivalentTo(Registry.All.Select(t => t.Id));
        foreach (var type in Registry.All)
        {
            var row = rows[type.Id];
            row.Label.Should().Be(type.Label);
            row.Description.Should().Be(type.Description);
            row.Icon.Should().Be(type.Icon);
            row.Color.Should().Be(type.Color);
            row.Category.Should().Be(JsonNamingPolicy.CamelCase.ConvertName(type.Category.ToString()));
            row.IsBeta.Should().Be(!type.IsAvailable, type.Id);
            var schema = NodeTypeSchemas.For(type);
            JsonNode.DeepEquals(JsonNode.Parse(row.ConfigSchema), JsonNode.Parse(schema.Schema.GetRawText())).Should().BeTrue(type.Id);
            JsonNode.DeepEquals(JsonNode.Parse(row.DefaultConfig), JsonNode.Parse(schema.Defaults.GetRawText())).Should().BeTrue(type.Id);
        }

        rows.Values.Should().OnlyContain(r => !r.IsBeta);
        rows["trigger"].IsBeta.Should().BeFalse();
        rows["trigger"].Category.Should().Be("coreOrchestration");
    }

    [Fact]
    public async Task A_later_start_corrects_changed_rows_deactivates_gone_types_and_leaves_the_rest_alone()
    {
        var longAgo = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        await using (var db = App.CreateSystemContext())
        {
            db.NodeTypes.Add(new NodeTypeRecord
            {
                Id = "retired_" + ApiTestHelpers.UniqueSuffix(), Label = "Retired", Description = "Gone from this build",
                Icon = "Ghost", Color = "#000000", Category = "operations", UpdatedAt = longAgo,
            });
            var trigger = await db.NodeTypes.SingleAsync(r => r.Id == "trigger");
            trigger.Label = "Tampered";
            trigger.UpdatedAt = longAgo;
            var planner = await db.NodeTypes.SingleAsync(r => r.Id == "planner");
            planner.UpdatedAt = longAgo;
            await db.SaveChangesAsync();
        }

        await using (var db = App.CreateSystemContext())
        {
            await NodeTypeCatalogSync.SyncAsync(db, Registry);
        }

        await using (var db = App.CreateSystemContext())
        {
            var trigger = await db.NodeTypes.SingleAsync(r => r.Id == "trigger");
            trigger.Label.Should().Be("Trigger");
            trigger.UpdatedAt.Should().BeAfter(longAgo);

            var planner = await db.NodeTypes.SingleAsync(r => r.Id == "planner");
            planner.UpdatedAt.Should().Be(longAgo, "nothing about the planner changed");

            var retired = await db.NodeTypes.SingleAsync(r => r.Label == "Retired");
            retired.IsActive.Should().BeFalse();
            retired.UpdatedAt.Should().BeAfter(longAgo);
        }
    }
}
