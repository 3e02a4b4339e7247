using System.Text.Json.Nodes;
using Zygo.Data.Entities;
using Zygo.Engine.Execution;
using Zygo.Engine.Nodes.Ai;
using Zygo.Engine.Rag;
using Zygo.Tests.Engine.Operations;

namespace Zygo.Tests.Engine.Rag;

/// <summary>Two tenants with helpers to fill their document collections and run rag_context as one of them.</summary>
public abstract class RagFixture : TwoTenantDatabase
{
    protected async Task<RagCollection> CollectionAsync(string name, ExecutionInfo? tenant = null)
    {
        await using var db = Db.CreateContext();
        return await new DocumentStore(db, (tenant ?? TenantA).TenantId).CreateCollectionAsync(name, null, 200, 40, default);
    }

    protected async Task<RagDocument> AddAsync(RagCollection collection, string title, string text, JsonObject? metadata = null,
        string contentType = DocumentContentTypes.Markdown)
    {
        await using var db = Db.CreateContext();
        return await new DocumentStore(db, collection.TenantId)
            .AddDocumentAsync(collection, new DocumentInput(title, text, contentType, Metadata: metadata), default);
    }

    protected async Task<JsonObject> RetrieveAsync(JsonObject config, ExecutionInfo? tenant = null, JsonNode? input = null) =>
        (await Db.Harness.RunAsync<RagContextNodeType>(config, input, execution: tenant ?? TenantA)).Output!.AsObject();

    protected static JsonObject Builtin(string collection, string query, double threshold = 0, JsonObject? filters = null) => new()
    {
        ["vectorStore"] = "builtin",
        ["vectorStoreConfig"] = new JsonObject { ["indexName"] = collection },
        ["query"] = query,
        ["topK"] = 5,
        ["scoreThreshold"] = threshold,
        ["filters"] = filters ?? [],
    };

    protected static List<string> Texts(JsonObject output) =>
        output["results"]!.AsArray().Select(r => r!["text"]!.GetValue<string>()).ToList();
}
