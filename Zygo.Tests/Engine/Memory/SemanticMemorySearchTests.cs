using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Zygo.Tests.Engine.Llm;

namespace Zygo.Tests.Engine.Memory;

/// <summary>Semantic and hybrid search with embeddings from the scripted OpenAI-compatible server, through the real OpenAI client.</summary>
public sealed class SemanticMemorySearchTests : MemoryFixture
{
    private readonly ScriptedModelServer _model = new();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await _model.InitializeAsync();
        // A toy embedding: one axis for cats, one for dogs, one for anything else.
        _model.Embed = text =>
        {
            var t = text.ToLowerInvariant();
            float cat = t.Contains("kitten") || t.Contains("feline") || t.Contains("cat") ? 1 : 0;
            float dog = t.Contains("puppy") || t.Contains("canine") ? 1 : 0;
            return [cat, dog, cat + dog == 0 ? 1 : 0];
        };
    }

    public override async Task DisposeAsync()
    {
        await _model.DisposeAsync();
        await base.DisposeAsync();
    }

    private JsonObject Embedding() => new()
    {
        ["provider"] = "openai_compatible",
        ["endpoint"] = _model.OpenAiEndpoint,
        ["model"] = "embed-small",
    };

    private JsonObject Search(string type, string query, JsonObject? filters = null) => new()
    {
        ["searchType"] = type,
        ["query"] = query,
        ["threshold"] = 0.5,
        ["filters"] = filters ?? [],
        ["embedding"] = Embedding(),
    };

    [Fact]
    public async Task Semantic_search_finds_by_meaning_what_keywords_miss()
    {
        await RememberAsync("office:pet", "A kitten named Miso sleeps on the printer", new JsonObject { ["embedding"] = Embedding() });
        await RememberAsync("office:visitor", "A puppy visits on Fridays", new JsonObject { ["embedding"] = Embedding() });

        Keys(await SearchAsync(Keyword("feline"))).Should().BeEmpty("no memory holds the word");
        var output = await SearchAsync(Search("semantic", "feline"));

        Keys(output).Should().Equal("office:pet");
        output["searchedBy"]!.GetValue<string>().Should().Be("semantic");
        output["memories"]![0]!["scores"]!["semantic"]!.GetValue<double>().Should().BeApproximately(1, 1e-4);
        var requests = _model.Requests.Where(r => r.Path == "/v1/embeddings").ToList();
        requests.Should().HaveCount(3, "each store embedded its content and the search its query");
        requests.Should().OnlyContain(r => r.Body["model"]!.GetValue<string>() == "embed-small");
    }

    [Fact]
    public async Task Store_says_whether_it_embedded_and_memories_stored_without_a_model_are_embedded_by_the_search()
    {
        var stored = await RememberAsync("office:pet", "A kitten named Miso");
        stored["embedded"]!.GetValue<bool>().Should().BeFalse();

        Keys(await SearchAsync(Search("semantic", "feline"))).Should().Equal("office:pet");
        (await RowsAsync("office:pet")).Single().EmbeddingModel.Should().Be("openai_compatible:embed-small");
    }

    [Fact]
    public async Task Hybrid_fuses_keyword_and_semantic_ranks_with_filters()
    {
        await RememberAsync("pet", "The kitten Miso sleeps on the printer", new JsonObject { ["tags"] = "office" });
        await RememberAsync("jam", "The printer jammed again", new JsonObject { ["tags"] = "office" });
        await RememberAsync("visitor", "A puppy visits on Fridays", new JsonObject { ["tags"] = "office" });
        await RememberAsync("home-cat", "My cat at home", new JsonObject { ["tags"] = "home" });

        var output = await SearchAsync(Search("hybrid", "feline printer", new JsonObject { ["tags"] = new JsonArray("office") }));

        output["searchedBy"]!.GetValue<string>().Should().Be("hybrid");
        Keys(output).Should().Equal(["pet", "jam"], "pet is found both ways, jam by keyword only; home-cat is filtered out by tag");
        var pet = output["memories"]![0]!;
        pet["scores"]!["keyword"].Should().NotBeNull();
        pet["scores"]!["semantic"].Should().NotBeNull();
        output["memories"]![1]!["scores"]!["semantic"].Should().BeNull();
        pet["score"]!.GetValue<double>().Should().BeGreaterThan(output["memories"]![1]!["score"]!.GetValue<double>());
    }

    [Fact]
    public async Task The_embedding_key_from_a_variable_reaches_the_provider_is_audited_and_never_echoed()
    {
        const string secret = "sk-embed-0123456789abcdef";
        var embedding = Embedding();
        embedding["provider"] = "openai";
        embedding["apiKey"] = "{{EMBED_KEY}}";
        var config = new JsonObject { ["memoryKey"] = "k", ["content"] = "A kitten", ["embedding"] = embedding };

        var outcome = await Db.Harness.RunAsync<Zygo.Engine.Nodes.Ai.MemoryStoreNodeType>(config,
            env: new Dictionary<string, string> { ["EMBED_KEY"] = secret }, execution: TenantA);

        outcome.Output!["embedded"]!.GetValue<bool>().Should().BeTrue();
        outcome.Output.ToJsonString().Should().NotContain(secret);
        _model.Requests.Single(r => r.Path == "/v1/embeddings").Authorization.Should().Be($"Bearer {secret}");
        await using var db = Db.CreateContext();
        var audit = await db.AuditLog.IgnoreQueryFilters().SingleAsync(a => a.TenantId == TenantA.TenantId && a.Action == "variable.used");
        audit.Details.Should().Contain("EMBED_KEY").And.NotContain(secret);
    }

    [Fact]
    public async Task Semantic_search_never_returns_another_tenants_memories()
    {
        await RememberAsync("b:cat", "A kitten of tenant B", tenant: TenantB);
        await RememberAsync("a:cat", "A kitten of tenant A");

        Keys(await SearchAsync(Search("semantic", "feline"))).Should().Equal("a:cat");
    }
}
