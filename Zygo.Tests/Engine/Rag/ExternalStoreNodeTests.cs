using System.Text.Json.Nodes;
using Zygo.Engine.Execution;
using Zygo.Engine.Nodes.Ai;
using Zygo.Tests.Engine.Llm;

namespace Zygo.Tests.Engine.Rag;

/// <summary>rag_context over external stores: our embedding model makes the query vector, the key comes from a variable reference.</summary>
public sealed class ExternalStoreNodeTests : IAsyncLifetime
{
    private const string Key = "qdrant-secret-0123456789";
    private readonly VectorStoreStub _store = new();
    private readonly ScriptedModelServer _model = new();
    private readonly NodeHarness _harness = new();

    public async Task InitializeAsync()
    {
        await _store.InitializeAsync();
        await _model.InitializeAsync();
        _model.Embed = _ => [0.5f, 0.5f];
    }

    public async Task DisposeAsync()
    {
        _harness.Dispose();
        await _model.DisposeAsync();
        await _store.DisposeAsync();
    }

    private JsonObject Config(string store, bool embedding = true) => new()
    {
        ["vectorStore"] = store,
        ["vectorStoreConfig"] = new JsonObject { ["endpoint"] = _store.BaseUrl, ["indexName"] = store == "weaviate" ? "Manual" : "manuals", ["apiKey"] = "{{QDRANT_KEY}}" },
        ["embedding"] = embedding
            ? new JsonObject { ["provider"] = "openai_compatible", ["endpoint"] = _model.OpenAiEndpoint, ["model"] = "embed-small" }
            : new JsonObject { ["provider"] = "offline" },
        ["query"] = "{{input.question}}",
        ["topK"] = 1,
        ["scoreThreshold"] = 0.5,
    };

    private Task<NodeOutcome> RunAsync(JsonObject config) => _harness.RunAsync<RagContextNodeType>(config,
        new JsonObject { ["question"] = "How do I reset it?" }, new Dictionary<string, string> { ["QDRANT_KEY"] = Key });

    [Fact]
    public async Task Qdrant_gets_our_embedding_of_the_query_and_the_node_keeps_top_k_above_the_threshold()
    {
        _store.On("POST", "/collections/manuals/points/search", JsonNode.Parse("""
            {"result": [
              {"id": 1, "score": 0.9, "payload": {"text": "Hold the reset button.", "source": "router.md"}},
              {"id": 2, "score": 0.8, "payload": {"text": "Unplug it first.", "source": "router.md"}}
            ], "status": "ok", "time": 0.001}
            """));

        var output = (await RunAsync(Config("qdrant"))).Output!.AsObject();

        var request = _store.Last("POST", "/collections/manuals/points/search");
        request.Headers["api-key"].Should().Be(Key);
        request.Body!["vector"]!.AsArray().Select(v => v!.GetValue<float>()).Should().Equal(0.5f, 0.5f);
        _model.Requests.Single(r => r.Path == "/v1/embeddings").Body["input"]!.ToJsonString().Should().Contain("How do I reset it?");
        output["store"]!.GetValue<string>().Should().Be("qdrant");
        output["mode"]!.GetValue<string>().Should().Be("semantic");
        output["results"]!.AsArray().Should().ContainSingle().Which!["text"]!.GetValue<string>().Should().Be("Hold the reset button.");
        output["context"]!.GetValue<string>().Should().Be("[1] router.md\nHold the reset button.");
        output.ToJsonString().Should().NotContain(Key);
        _harness.Logs.Should().NotContain(l => l.Contains(Key));
    }

    [Fact]
    public async Task A_store_that_needs_vectors_without_an_embedding_model_is_a_clear_error()
    {
        var failure = await FluentActions.Awaiting(() => RunAsync(Config("pinecone", embedding: false))).Should().ThrowAsync<NodeFailedException>();

        failure.Which.Message.Should().Contain("Pinecone is searched with the query's vector").And.Contain("no embedding provider is configured");
        _store.Received.Should().BeEmpty();
    }

    [Fact]
    public async Task Weaviate_without_an_embedding_model_embeds_the_text_itself_and_the_output_says_so()
    {
        _store.On("GET", "/v1/schema/Manual", JsonNode.Parse("""{"class": "Manual", "properties": [{"name": "text", "dataType": ["text"]}]}"""));
        _store.On("POST", "/v1/graphql", JsonNode.Parse("""
            {"data": {"Get": {"Manual": [{"text": "Hold the reset button.", "_additional": {"id": "x", "distance": 0.2, "certainty": null}}]}}}
            """));

        var output = (await RunAsync(Config("weaviate", embedding: false))).Output!.AsObject();

        output["mode"]!.GetValue<string>().Should().Be("store_embedded");
        output["note"]!.GetValue<string>().Should().Contain("Weaviate embedded the query with its own vectorizer");
        output["results"]![0]!["score"]!.GetValue<double>().Should().BeApproximately(0.8, 1e-9);
    }

    [Fact]
    public async Task An_endpoint_that_is_not_a_url_is_refused_before_any_request()
    {
        var config = Config("chroma");
        config["vectorStoreConfig"]!["endpoint"] = "localhost:8000";

        (await FluentActions.Awaiting(() => RunAsync(config)).Should().ThrowAsync<NodeFailedException>())
            .Which.Message.Should().Contain("must be the store's http(s) base URL");
    }
}
