using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Zygo.Engine.Execution;

namespace Zygo.Tests.Engine.Memory;

public sealed class MemorySearchTests : MemoryFixture
{
    [Fact]
    public async Task Keyword_search_ranks_the_better_match_first_and_scores_by_the_share_of_words_found()
    {
        await RememberAsync("car", "The customer's car is red and fast");
        await RememberAsync("bike", "The customer ordered a red bike with a bike bell");
        await RememberAsync("unrelated", "Lunch is at noon");

        var output = await SearchAsync(Keyword("What red bike did they order?"));

        Keys(output).Should().Equal("bike", "car");
        var scores = output["memories"]!.AsArray().Select(m => m!["score"]!.GetValue<double>()).ToList();
        scores[0].Should().BeGreaterThan(scores[1]);
        output["searchedBy"]!.GetValue<string>().Should().Be("keyword");
        output["note"].Should().BeNull();
    }

    [Fact]
    public async Task Threshold_and_limit_cut_the_results()
    {
        await RememberAsync("both", "red bike");
        await RememberAsync("one", "red car");
        await RememberAsync("also-both", "a bike painted red");

        Keys(await SearchAsync(Keyword("red bike", threshold: 0.75))).Should().BeEquivalentTo("both", "also-both");
        var limited = Keyword("red bike");
        limited["limit"] = 1;
        Keys(await SearchAsync(limited)).Should().HaveCount(1);
    }

    [Fact]
    public async Task Query_text_is_never_read_as_full_text_syntax()
    {
        await RememberAsync("quote", "He said \"hello\" OR NOT goodbye");

        var output = await SearchAsync(Keyword("\"hello\" NEAR( * OR -goodbye:"));

        Keys(output).Should().Equal("quote");
    }

    [Fact]
    public async Task Filters_restrict_by_type_tag_sensitivity_importance_and_date()
    {
        await RememberAsync("match", "invoice overdue", new JsonObject
        {
            ["memoryType"] = "factual", ["tags"] = "billing, urgent", ["sensitivity"] = "confidential", ["importance"] = "high",
            ["observedAt"] = "2026-03-10T12:00:00Z",
        });
        await RememberAsync("other-type", "invoice overdue", new JsonObject { ["memoryType"] = "episodic", ["tags"] = "billing",
            ["sensitivity"] = "confidential", ["importance"] = "high", ["observedAt"] = "2026-03-10T12:00:00Z" });
        await RememberAsync("other-tag", "invoice overdue", new JsonObject { ["memoryType"] = "factual", ["tags"] = "sales",
            ["sensitivity"] = "confidential", ["importance"] = "high", ["observedAt"] = "2026-03-10T12:00:00Z" });
        await RememberAsync("other-sensitivity", "invoice overdue", new JsonObject { ["memoryType"] = "factual", ["tags"] = "billing",
            ["sensitivity"] = "public", ["importance"] = "high", ["observedAt"] = "2026-03-10T12:00:00Z" });
        await RememberAsync("other-importance", "invoice overdue", new JsonObject { ["memoryType"] = "factual", ["tags"] = "billing",
            ["sensitivity"] = "confidential", ["importance"] = "trivial", ["observedAt"] = "2026-03-10T12:00:00Z" });
        await RememberAsync("other-date", "invoice overdue", new JsonObject { ["memoryType"] = "factual", ["tags"] = "billing",
            ["sensitivity"] = "confidential", ["importance"] = "high", ["observedAt"] = "2026-04-01T12:00:00Z" });

        var filters = JsonNode.Parse("""
            {"memoryTypes":["factual"],"tags":["Billing"],"sensitivity":["confidential","secret"],"importance":["critical","high"],
             "dateRange":{"start":"2026-03-01","end":"2026-03-31"}}
            """)!.AsObject();

        Keys(await SearchAsync(Keyword("invoice", filters: filters))).Should().Equal("match");
        Keys(await SearchAsync(Keyword("invoice"))).Should().HaveCount(6, "without filters all match");
    }

    [Fact]
    public async Task A_date_only_end_includes_that_whole_day()
    {
        await RememberAsync("late", "invoice", new JsonObject { ["observedAt"] = "2026-03-31T23:30:00Z" });

        var filters = new JsonObject { ["dateRange"] = new JsonObject { ["start"] = "", ["end"] = "2026-03-31" } };

        Keys(await SearchAsync(Keyword("invoice", filters: filters))).Should().Equal("late");
    }

    [Fact]
    public async Task An_expired_memory_is_not_returned()
    {
        await RememberAsync("fresh", "temporary door code", new JsonObject { ["expiresIn"] = "1h" });
        await RememberAsync("stale", "temporary door code", new JsonObject { ["expiresIn"] = "1h" });
        await using (var db = Db.CreateContext())
        {
            var stale = await db.Memories.IgnoreQueryFilters().SingleAsync(m => m.Key == "stale");
            stale.ExpiresAt = DateTime.UtcNow.AddSeconds(-1);
            await db.SaveChangesAsync();
        }

        Keys(await SearchAsync(Keyword("door code"))).Should().Equal("fresh");
    }

    [Fact]
    public async Task Another_tenants_memories_are_never_returned()
    {
        await RememberAsync("b:plan", "secret merger plan with Acme", tenant: TenantB);
        await RememberAsync("a:plan", "public roadmap plan");

        var output = await SearchAsync(Keyword("merger plan Acme"));

        Keys(output).Should().Equal("a:plan");
        Keys(await SearchAsync(Keyword("merger plan Acme"), TenantB)).Should().Equal("b:plan");
    }

    [Fact]
    public async Task Without_an_embedding_model_semantic_and_hybrid_fall_back_to_keyword_with_a_note()
    {
        await RememberAsync("tea", "Likes green tea");

        foreach (var type in new[] { "semantic", "hybrid" })
        {
            var output = await SearchAsync(new JsonObject { ["searchType"] = type, ["query"] = "green tea" });

            output["searchType"]!.GetValue<string>().Should().Be(type);
            output["searchedBy"]!.GetValue<string>().Should().Be("keyword");
            output["note"]!.GetValue<string>().Should().Contain("no embedding provider is configured").And.Contain("searched by keyword instead");
            Keys(output).Should().Equal("tea");
        }

        Db.Harness.Logs.Should().Contain(l => l.Contains("searched by keyword instead"));
    }

    [Fact]
    public async Task An_agent_passes_the_query_as_an_argument_and_metadata_can_be_left_out()
    {
        await RememberAsync("tea", "Likes green tea", new JsonObject { ["tags"] = "drinks" });
        var config = new JsonObject { ["searchType"] = "keyword", ["includeMetadata"] = false };

        var output = (await Db.Harness.RunAsync<Zygo.Engine.Nodes.Ai.MemorySearchNodeType>(config,
            new JsonObject { ["query"] = "tea" }, execution: TenantA)).Output!.AsObject();

        var memory = output["memories"]!.AsArray().Single()!.AsObject();
        memory.Select(p => p.Key).Should().BeEquivalentTo("id", "key", "content", "score");
    }

    [Theory]
    [InlineData("""{"query":""}""", "nothing to look for")]
    [InlineData("""{"query":"x","limit":0}""", "'limit' must be at least 1")]
    [InlineData("""{"query":"x","threshold":2}""", "'threshold' must be between 0 and 1")]
    [InlineData("""{"query":"x","filters":{"dateRange":{"start":"soon","end":""}}}""", "'filters.dateRange.start' is not an ISO 8601 date")]
    public async Task Bad_config_fails_with_a_clear_message(string config, string message)
    {
        var act = () => SearchAsync(JsonNode.Parse(config)!.AsObject());

        (await act.Should().ThrowAsync<NodeFailedException>()).Which.Message.Should().Contain(message);
    }
}
