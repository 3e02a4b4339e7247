using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Zygo.Tests.Engine.Llm;

namespace Zygo.Tests.Engine.Rag;

/// <summary>Semantic retrieval from the built-in store with embeddings from the scripted OpenAI-compatible server.</summary>
public sealed class SemanticRetrievalTests : RagFixture
{
    private readonly ScriptedModelServer _model = new();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await _model.InitializeAsync();
        // A toy embedding: one axis for pets, one for money, one for anything else.
        _model.Embed = text =>
        {
            var t = text.ToLowerInvariant();
            float pet = t.Contains("kitten") || t.Contains("feline") || t.Contains("cat") ? 1 : 0;
            float money = t.Contains("refund") || t.Contains("reimburse") ? 1 : 0;
            return [pet, money, pet + money == 0 ? 1 : 0];
        };
    }

    public override async Task DisposeAsync()
    {
        await _model.DisposeAsync();
        await base.DisposeAsync();
    }

    private JsonObject Semantic(string collection, string query, double threshold, JsonObject? filters = null)
    {
        var config = Builtin(collection, query, threshold, filters);
        config["embedding"] = new JsonObject { ["provider"] = "openai_compatible", ["endpoint"] = _model.OpenAiEndpoint, ["model"] = "embed-small" };
        return config;
    }

    [Fact]
    public async Task Semantic_search_finds_by_meaning_embeds_chunks_in_one_batch_and_keeps_the_vectors()
    {
        var kb = await CollectionAsync("kb");
        await AddAsync(kb, "Pets", "# Office pet\nA kitten named Miso sleeps on the printer.\n\n# Visitors\nA puppy visits on Fridays.");
        await AddAsync(kb, "Money", "Refunds are paid within five days.", new JsonObject { ["team"] = "finance" });

        var output = await RetrieveAsync(Semantic("kb", "feline", threshold: 0.9));

        output["mode"]!.GetValue<string>().Should().Be("semantic");
        output["note"].Should().BeNull();
        Texts(output).Should().Equal("A kitten named Miso sleeps on the printer.");
        output["results"]![0]!["score"]!.GetValue<double>().Should().BeApproximately(1, 1e-4);
        var embeddings = _model.Requests.Where(r => r.Path == "/v1/embeddings").ToList();
        embeddings.Should().HaveCount(2, "the three chunks were embedded in one batch, then the query");
        embeddings[0].Body["input"]!.AsArray().Should().HaveCount(3);

        await RetrieveAsync(Semantic("kb", "reimburse", threshold: 0.9));
        _model.Requests.Count(r => r.Path == "/v1/embeddings").Should().Be(3, "stored vectors are reused: only the query is embedded");
        await using var db = Db.CreateContext();
        (await db.RagChunks.IgnoreQueryFilters().Select(c => c.EmbeddingModel).Distinct().ToListAsync())
            .Should().Equal("openai_compatible:embed-small");
    }

    [Fact]
    public async Task Semantic_search_applies_metadata_filters_and_the_threshold()
    {
        var kb = await CollectionAsync("kb");
        await AddAsync(kb, "Finance", "Refunds are paid within five days.", new JsonObject { ["team"] = "finance" });
        await AddAsync(kb, "Support", "Support handles refund requests first.", new JsonObject { ["team"] = "support" });

        Texts(await RetrieveAsync(Semantic("kb", "reimburse", 0.9, new JsonObject { ["team"] = "support" })))
            .Should().Equal("Support handles refund requests first.");
        Texts(await RetrieveAsync(Semantic("kb", "a kitten", 0.9))).Should().BeEmpty("no passage is about pets");
    }
}
