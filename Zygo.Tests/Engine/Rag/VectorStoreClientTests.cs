using System.Text.Json.Nodes;
using Zygo.Engine.Execution;
using Zygo.Engine.Rag.VectorStores;
using Zygo.Tests.Infrastructure;

namespace Zygo.Tests.Engine.Rag;

/// <summary>
/// Each external store's client against a local stub of its HTTP API: the request it sends (path, key header, vector,
/// topK, filter), how the documented answer maps to passages, and one failure each.
/// </summary>
[Collection(TimingCollection.Name)]
public sealed class VectorStoreClientTests : IAsyncLifetime
{
    private static readonly float[] Vector = [0.25f, -0.5f, 1f];
    private readonly VectorStoreStub _stub = new();
    private readonly HttpClient _http = new();

    public Task InitializeAsync() => _stub.InitializeAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _stub.DisposeAsync();
    }

    private VectorStoreQuery Query(string collection, JsonObject? filters = null, string? ns = null, float[]? vector = null, string text = "reset the router") =>
        new(new Uri(_stub.BaseUrl), collection, ns, "store-key-123", text, vector ?? Vector, 3, 0.2, filters ?? []);

    private static List<float> Floats(JsonNode? array) => array!.AsArray().Select(v => v!.GetValue<float>()).ToList();

    [Fact]
    public async Task Qdrant_searches_points_with_vector_limit_threshold_and_match_filter()
    {
        _stub.On("POST", "/collections/manuals/points/search", JsonNode.Parse("""
            {"result": [
              {"id": 42, "version": 3, "score": 0.91, "payload": {"text": "Hold the reset button for ten seconds.", "source": "router.pdf", "product": "router"}},
              {"id": "a1b2", "version": 1, "score": 0.55, "payload": {"page_content": "Unplug the router first."}}
            ], "status": "ok", "time": 0.002}
            """));

        var passages = await new QdrantClient(_http, TimeSpan.FromSeconds(5)).SearchAsync(
            Query("manuals", new JsonObject { ["product"] = "router", ["lang"] = new JsonArray("en", "de") }), default);

        var request = _stub.Last("POST", "/collections/manuals/points/search");
        request.Headers["api-key"].Should().Be("store-key-123");
        Floats(request.Body!["vector"]).Should().Equal(Vector);
        request.Body["limit"]!.GetValue<int>().Should().Be(3);
        request.Body["score_threshold"]!.GetValue<double>().Should().Be(0.2);
        request.Body["with_payload"]!.GetValue<bool>().Should().BeTrue();
        JsonNode.DeepEquals(request.Body["filter"], JsonNode.Parse("""
            {"must": [{"key": "product", "match": {"value": "router"}}, {"key": "lang", "match": {"any": ["en", "de"]}}]}
            """)).Should().BeTrue(request.Body["filter"]!.ToJsonString());

        passages.Should().HaveCount(2);
        passages[0].Text.Should().Be("Hold the reset button for ten seconds.");
        passages[0].Score.Should().Be(0.91);
        passages[0].Source.Should().Be("router.pdf");
        passages[0].DocumentId.Should().Be("42");
        passages[0].Metadata["product"]!.GetValue<string>().Should().Be("router");
        passages[0].Metadata["text"].Should().BeNull("the text is the passage, not metadata");
        passages[1].Text.Should().Be("Unplug the router first.");
    }

    [Fact]
    public async Task Qdrant_refusing_the_key_is_a_clear_error_that_does_not_echo_it()
    {
        _stub.On("POST", "/collections/manuals/points/search", JsonNode.Parse("""{"status": {"error": "Invalid api-key"}}"""), status: 401);

        var failure = await FluentActions.Awaiting(() => new QdrantClient(_http, TimeSpan.FromSeconds(5)).SearchAsync(Query("manuals"), default))
            .Should().ThrowAsync<NodeFailedException>();

        failure.Which.Message.Should().Contain("Qdrant refused the API key (401)").And.NotContain("store-key-123");
    }

    [Fact]
    public async Task Chroma_finds_the_collection_id_then_queries_embeddings_with_a_where_filter()
    {
        const string prefix = "/api/v2/tenants/acme/databases/support/collections";
        _stub.On("GET", $"{prefix}/manuals", JsonNode.Parse("""{"id": "5d6c1f0e-0000-4000-8000-000000000001", "name": "manuals", "metadata": null}"""));
        _stub.On("POST", $"{prefix}/5d6c1f0e-0000-4000-8000-000000000001/query", JsonNode.Parse("""
            {"ids": [["doc-1", "doc-2"]],
             "documents": [["Hold the reset button.", "Unplug it first."]],
             "metadatas": [[{"source": "router.md", "product": "router"}, null]],
             "distances": [[0.12, 0.7]],
             "embeddings": null, "uris": null, "data": null, "included": ["documents", "metadatas", "distances"]}
            """));

        var passages = await new ChromaClient(_http, TimeSpan.FromSeconds(5)).SearchAsync(
            Query("manuals", new JsonObject { ["product"] = "router", ["year"] = 2024 }, ns: "acme/support"), default);

        _stub.Last("GET", $"{prefix}/manuals").Headers["x-chroma-token"].Should().Be("store-key-123");
        var request = _stub.Last("POST", $"{prefix}/5d6c1f0e-0000-4000-8000-000000000001/query");
        Floats(request.Body!["query_embeddings"]![0]).Should().Equal(Vector);
        request.Body["n_results"]!.GetValue<int>().Should().Be(3);
        JsonNode.DeepEquals(request.Body["where"], JsonNode.Parse("""{"$and": [{"product": "router"}, {"year": 2024}]}""")).Should().BeTrue();
        request.Body["include"]!.AsArray().Select(i => i!.GetValue<string>()).Should().Equal("documents", "metadatas", "distances");

        passages.Select(p => p.Text).Should().Equal("Hold the reset button.", "Unplug it first.");
        passages[0].Score.Should().BeApproximately(0.88, 1e-9, "the score is 1 - cosine distance");
        passages[0].Source.Should().Be("router.md");
        passages[0].DocumentId.Should().Be("doc-1");
    }

    [Fact]
    public async Task Chroma_without_the_collection_names_it()
    {
        var failure = await FluentActions.Awaiting(() => new ChromaClient(_http, TimeSpan.FromSeconds(5)).SearchAsync(Query("missing"), default))
            .Should().ThrowAsync<NodeFailedException>();

        failure.Which.Message.Should().Be("Chroma has no collection 'missing' (404); check the index name.");
        _stub.Received.Single().Path.Should().Be("/api/v2/tenants/default_tenant/databases/default_database/collections/missing");
    }

    [Fact]
    public async Task Pinecone_queries_the_index_host_with_api_key_namespace_and_metadata_filter()
    {
        _stub.On("POST", "/query", JsonNode.Parse("""
            {"results": [], "matches": [
              {"id": "vec-7", "score": 0.83, "values": [], "metadata": {"text": "Hold the reset button.", "title": "Router guide", "product": "router"}}
            ], "namespace": "manuals-en", "usage": {"readUnits": 6}}
            """));

        var passages = await new PineconeClient(_http, TimeSpan.FromSeconds(5)).SearchAsync(
            Query("manuals", new JsonObject { ["product"] = "router", ["lang"] = new JsonArray("en") }, ns: "manuals-en"), default);

        var request = _stub.Last("POST", "/query");
        request.Headers["api-key"].Should().Be("store-key-123");
        request.Headers["x-pinecone-api-version"].Should().Be(PineconeClient.ApiVersion);
        Floats(request.Body!["vector"]).Should().Equal(Vector);
        request.Body["topK"]!.GetValue<int>().Should().Be(3);
        request.Body["namespace"]!.GetValue<string>().Should().Be("manuals-en");
        request.Body["includeMetadata"]!.GetValue<bool>().Should().BeTrue();
        JsonNode.DeepEquals(request.Body["filter"], JsonNode.Parse("""{"product": {"$eq": "router"}, "lang": {"$in": ["en"]}}""")).Should().BeTrue();

        var passage = passages.Single();
        (passage.Text, passage.Score, passage.Source, passage.DocumentId).Should().Be(("Hold the reset button.", 0.83, "Router guide", "vec-7"));
    }

    [Fact]
    public async Task Pinecone_that_does_not_answer_in_time_is_a_timeout_error()
    {
        _stub.On("POST", "/query", new JsonObject { ["matches"] = new JsonArray() }, delay: TimeSpan.FromSeconds(3));

        var started = DateTime.UtcNow;
        var failure = await FluentActions.Awaiting(() => new PineconeClient(_http, TimeSpan.FromMilliseconds(300)).SearchAsync(Query("manuals"), default))
            .Should().ThrowAsync<NodeFailedException>();

        failure.Which.Message.Should().StartWith("Pinecone did not answer within 0.3 s");
        failure.Which.Retryable.Should().BeTrue();
        (DateTime.UtcNow - started).Should().BeLessThan(TimeSpan.FromSeconds(2.5));
    }

    [Fact]
    public async Task Weaviate_reads_the_class_properties_then_asks_graphql_for_them_near_the_vector()
    {
        _stub.On("GET", "/v1/schema/Manual", JsonNode.Parse("""
            {"class": "Manual", "vectorizer": "none", "properties": [
              {"name": "text", "dataType": ["text"]}, {"name": "title", "dataType": ["text"]},
              {"name": "page", "dataType": ["int"]}, {"name": "author", "dataType": ["Person"]}]}
            """));
        _stub.On("POST", "/v1/graphql", JsonNode.Parse("""
            {"data": {"Get": {"Manual": [
              {"text": "Hold the reset button.", "title": "Router guide", "page": 4, "_additional": {"id": "8f1c", "distance": 0.1, "certainty": 0.95}}
            ]}}}
            """));

        var passages = await new WeaviateClient(_http, TimeSpan.FromSeconds(5)).SearchAsync(
            Query("Manual", new JsonObject { ["title"] = "Router \"guide\"", ["page"] = 4 }, ns: "acme"), default);

        _stub.Last("GET", "/v1/schema/Manual").Headers["authorization"].Should().Be("Bearer store-key-123");
        var graphQl = _stub.Last("POST", "/v1/graphql").Body!["query"]!.GetValue<string>();
        graphQl.Should().Contain("Manual(limit: 3, nearVector: {vector: [0.25,-0.5,1]}")
            .And.Contain("""where: {operator: And, operands: [{path: ["title"], operator: Equal, valueText: "Router \"guide\""}, {path: ["page"], operator: Equal, valueNumber: 4}]}""")
            .And.Contain("""tenant: "acme" """.TrimEnd())
            .And.Contain("{ text title page _additional { id distance certainty } }", "scalar properties only: a reference cannot be asked for as a field");

        var passage = passages.Single();
        (passage.Text, passage.Score, passage.Source, passage.DocumentId).Should().Be(("Hold the reset button.", 0.95, "Router guide", "8f1c"));
        passage.Metadata["page"]!.GetValue<int>().Should().Be(4);
    }

    [Fact]
    public async Task Weaviate_embeds_the_text_itself_without_a_vector_and_graphql_errors_are_reported()
    {
        _stub.On("GET", "/v1/schema/Manual", JsonNode.Parse("""{"class": "Manual", "properties": [{"name": "content", "dataType": ["text"]}]}"""));
        _stub.On("POST", "/v1/graphql", JsonNode.Parse("""{"data": {"Get": {"Manual": null}}, "errors": [{"message": "no module with name \"nearText\" present"}]}"""));

        var failure = await FluentActions.Awaiting(() => new WeaviateClient(_http, TimeSpan.FromSeconds(5))
            .SearchAsync(Query("Manual", vector: null) with { Vector = null }, default)).Should().ThrowAsync<NodeFailedException>();

        _stub.Last("POST", "/v1/graphql").Body!["query"]!.GetValue<string>().Should().Contain("""nearText: {concepts: ["reset the router"]}""");
        failure.Which.Message.Should().Be("Weaviate refused the search: no module with name \"nearText\" present");
    }

    [Fact]
    public async Task Weaviate_refuses_a_class_name_that_could_change_the_query()
    {
        var failure = await FluentActions.Awaiting(() => new WeaviateClient(_http, TimeSpan.FromSeconds(5))
            .SearchAsync(Query("Manual) { x } #"), default)).Should().ThrowAsync<NodeFailedException>();

        failure.Which.Message.Should().Contain("is not a Weaviate class name");
        _stub.Received.Should().BeEmpty();
    }
}
