using System.Text.Json.Nodes;
using Zygo.Engine.Execution;
using Zygo.Engine.Knowledge;
using Zygo.Engine.Nodes.Ai;
using Zygo.Tests.Engine.Operations;

namespace Zygo.Tests.Engine.Knowledge;

/// <summary>Two tenants with helpers to run entity_query and knowledge_graph as one of them.</summary>
public abstract class KnowledgeFixture : TwoTenantDatabase
{
    protected async Task<JsonObject> EntityAsync(JsonObject config, JsonNode? input = null, ExecutionInfo? tenant = null) =>
        (await Db.Harness.RunAsync<EntityQueryNodeType>(config, input, execution: tenant ?? TenantA)).Output!.AsObject();

    protected async Task<JsonObject> GraphAsync(JsonObject config, JsonNode? input = null, ExecutionInfo? tenant = null) =>
        (await Db.Harness.RunAsync<KnowledgeGraphNodeType>(config, input, execution: tenant ?? TenantA)).Output!.AsObject();

    /// <summary>Runs entity_query expecting it to fail, and returns the message it failed with.</summary>
    protected async Task<string> EntityFailsAsync(JsonObject config, JsonNode? input = null)
    {
        var act = () => EntityAsync(config, input);
        return (await act.Should().ThrowAsync<NodeFailedException>()).Which.Message;
    }

    protected async Task<string> GraphFailsAsync(JsonObject config, JsonNode? input = null)
    {
        var act = () => GraphAsync(config, input);
        return (await act.Should().ThrowAsync<NodeFailedException>()).Which.Message;
    }

    /// <summary>Creates <paramref name="from"/> —relation→ <paramref name="to"/> (both created when missing) through entity_query.</summary>
    protected Task<JsonObject> LinkAsync(string from, string relation, string to, string type = "person", string toType = "person", ExecutionInfo? tenant = null) =>
        EntityAsync(new JsonObject { ["operation"] = "create", ["entityType"] = type, ["name"] = from },
            new JsonObject { ["relation"] = relation, ["target"] = to, ["targetType"] = toType }, tenant);

    /// <summary>A store over the test database as one tenant, for checks below the nodes.</summary>
    protected async Task<T> WithStoreAsync<T>(Func<KnowledgeStore, Task<T>> work, ExecutionInfo? tenant = null)
    {
        await using var db = Db.CreateContext();
        return await work(new KnowledgeStore(db, (tenant ?? TenantA).TenantId));
    }

    protected static List<string> Names(JsonObject output, string array = "nodes") =>
        output[array]!.AsArray().Select(n => n!["name"]!.GetValue<string>()).ToList();
}
