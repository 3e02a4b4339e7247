using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Zygo.Engine.Execution;
using Zygo.Engine.Nodes.Ai;
using Zygo.Tests.Engine.Operations;
using MemoryRow = Zygo.Data.Entities.Memory;

namespace Zygo.Tests.Engine.Memory;

/// <summary>Two tenants with helpers to run memory_store and memory_search as one of them.</summary>
public abstract class MemoryFixture : TwoTenantDatabase
{
    protected async Task<JsonObject> StoreAsync(JsonObject config, ExecutionInfo? tenant = null, JsonNode? input = null) =>
        (await Db.Harness.RunAsync<MemoryStoreNodeType>(config, input, execution: tenant ?? TenantA)).Output!.AsObject();

    protected async Task<JsonObject> SearchAsync(JsonObject config, ExecutionInfo? tenant = null) =>
        (await Db.Harness.RunAsync<MemorySearchNodeType>(config, execution: tenant ?? TenantA)).Output!.AsObject();

    /// <summary>Stores one memory under a key with the given content and extra config fields.</summary>
    protected Task<JsonObject> RememberAsync(string key, string content, JsonObject? extra = null, ExecutionInfo? tenant = null)
    {
        var config = new JsonObject { ["memoryKey"] = key, ["content"] = content };
        foreach (var (name, value) in extra ?? [])
        {
            config[name] = value?.DeepClone();
        }

        return StoreAsync(config, tenant);
    }

    protected static JsonObject Keyword(string query, double threshold = 0, JsonObject? filters = null) => new()
    {
        ["searchType"] = "keyword",
        ["query"] = query,
        ["threshold"] = threshold,
        ["filters"] = filters ?? [],
    };

    protected static List<string> Keys(JsonObject output) =>
        output["memories"]!.AsArray().Select(m => m!["key"]!.GetValue<string>()).ToList();

    /// <summary>Every stored row of a key in a tenant, oldest version first.</summary>
    protected async Task<List<MemoryRow>> RowsAsync(string key, ExecutionInfo? tenant = null)
    {
        var tenantId = (tenant ?? TenantA).TenantId;
        await using var db = Db.CreateContext();
        return await db.Memories.IgnoreQueryFilters().Where(m => m.TenantId == tenantId && m.Key == key)
            .OrderBy(m => m.Version).ToListAsync();
    }
}
