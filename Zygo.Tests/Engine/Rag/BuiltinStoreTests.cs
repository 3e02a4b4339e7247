using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Zygo.Engine.Execution;
using Zygo.Engine.Rag;

namespace Zygo.Tests.Engine.Rag;

/// <summary>Upload → chunks → rag_context retrieval by keyword (no embedding model), with threshold, filters and tenants.</summary>
public sealed class BuiltinStoreTests : RagFixture
{
    private const string Faq = """
        # Returns
        You can return any item within 30 days of delivery for a full refund.

        # Shipping
        Orders ship within two business days. Express shipping arrives the next day.
        """;

    [Fact]
    public async Task Keyword_search_without_an_embedding_model_finds_the_passage_and_says_how_it_searched()
    {
        var faq = await CollectionAsync("faq");
        await AddAsync(faq, "Store FAQ", Faq, new JsonObject { ["product"] = "shop" });

        var output = await RetrieveAsync(Builtin("faq", "How long does express shipping take?"));

        output["store"]!.GetValue<string>().Should().Be("builtin");
        output["mode"]!.GetValue<string>().Should().Be("keyword");
        output["note"]!.GetValue<string>().Should().Contain("keyword").And.Contain("no embedding provider is configured");
        Texts(output).First().Should().Contain("Express shipping arrives the next day.");
        var top = output["results"]![0]!;
        top["source"]!.GetValue<string>().Should().Be("Store FAQ");
        top["metadata"]!["heading"]!.GetValue<string>().Should().Be("Shipping");
        top["metadata"]!["product"]!.GetValue<string>().Should().Be("shop");
        output["context"]!.GetValue<string>().Should().StartWith("[1] Store FAQ — Shipping\nOrders ship within two business days.");
    }

    [Fact]
    public async Task The_threshold_drops_weak_matches()
    {
        var faq = await CollectionAsync("faq");
        await AddAsync(faq, "Store FAQ", Faq);

        // "refund" and "express" are each in a different section: each chunk holds half of the query's words.
        Texts(await RetrieveAsync(Builtin("faq", "refund express", threshold: 0.5))).Should().HaveCount(2);
        Texts(await RetrieveAsync(Builtin("faq", "refund express", threshold: 0.6))).Should().BeEmpty();
    }

    [Fact]
    public async Task Metadata_filters_keep_only_passages_with_equal_values()
    {
        var docs = await CollectionAsync("docs");
        await AddAsync(docs, "Router manual", "Reset the device by holding the button.", new JsonObject { ["product"] = "router", ["version"] = 2 });
        await AddAsync(docs, "Camera manual", "Reset the device from the settings menu.", new JsonObject { ["product"] = "camera", ["version"] = 3 });

        Texts(await RetrieveAsync(Builtin("docs", "reset device", filters: new JsonObject { ["product"] = "camera" })))
            .Should().Equal("Reset the device from the settings menu.");
        Texts(await RetrieveAsync(Builtin("docs", "reset device", filters: new JsonObject { ["version"] = "2" })))
            .Should().Equal("Reset the device by holding the button.");
        Texts(await RetrieveAsync(Builtin("docs", "reset device", filters: new JsonObject { ["product"] = new JsonArray("router", "camera") })))
            .Should().HaveCount(2);
        Texts(await RetrieveAsync(Builtin("docs", "reset device", filters: new JsonObject { ["product"] = "phone" }))).Should().BeEmpty();
    }

    [Fact]
    public async Task Another_tenants_collection_is_never_found()
    {
        var theirs = await CollectionAsync("faq", TenantB);
        await AddAsync(theirs, "Tenant B FAQ", Faq);

        var failure = await FluentActions.Awaiting(() => RetrieveAsync(Builtin("faq", "shipping"))).Should().ThrowAsync<NodeFailedException>();
        failure.Which.Message.Should().Contain("no knowledge collection 'faq' in this tenant");

        var ours = await CollectionAsync("faq");
        await AddAsync(ours, "Tenant A FAQ", "We only sell gift cards.");
        Texts(await RetrieveAsync(Builtin("faq", "shipping gift cards"))).Should().Equal("We only sell gift cards.");
    }

    [Fact]
    public async Task Empty_and_oversized_documents_are_refused_and_store_nothing()
    {
        var faq = await CollectionAsync("faq");

        (await FluentActions.Awaiting(() => AddAsync(faq, "Empty", "  \n ")).Should().ThrowAsync<DocumentInputException>())
            .Which.Message.Should().Contain("empty");
        var huge = new string('a', DocumentLimits.MaxDocumentBytes + 1);
        (await FluentActions.Awaiting(() => AddAsync(faq, "Huge", huge)).Should().ThrowAsync<DocumentInputException>())
            .Which.Problem.Should().Be(KnowledgeProblem.TooLarge);

        await using var db = Db.CreateContext();
        (await db.RagDocuments.IgnoreQueryFilters().CountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task A_query_comes_from_the_input_when_the_config_has_none_and_bad_settings_fail_clearly()
    {
        var faq = await CollectionAsync("faq");
        await AddAsync(faq, "Store FAQ", Faq);
        var config = Builtin("faq", "");

        Texts(await RetrieveAsync(config, input: new JsonObject { ["query"] = "refund" })).Should().ContainSingle();
        (await FluentActions.Awaiting(() => RetrieveAsync(config)).Should().ThrowAsync<NodeFailedException>())
            .Which.Message.Should().Contain("nothing to look for");
        config["query"] = "refund";
        config["topK"] = 0;
        (await FluentActions.Awaiting(() => RetrieveAsync(config)).Should().ThrowAsync<NodeFailedException>())
            .Which.Message.Should().Contain("'topK' must be between 1 and 100");
    }

    [Fact]
    public async Task Deleting_a_document_removes_its_chunks_from_the_keyword_index()
    {
        var faq = await CollectionAsync("faq");
        var doc = await AddAsync(faq, "Store FAQ", Faq);
        await using (var db = Db.CreateContext())
        {
            (await new DocumentStore(db, TenantA.TenantId).DeleteDocumentAsync(faq.Id, doc.Id, default)).Should().BeTrue();
            (await db.RagChunks.IgnoreQueryFilters().CountAsync()).Should().Be(0);
        }

        Texts(await RetrieveAsync(Builtin("faq", "refund"))).Should().BeEmpty();
    }
}
