using System.Text.Json.Nodes;

namespace Zygo.Tests.Engine.Knowledge;

/// <summary>
/// Traversals over a small graph with a cycle: Ada knows Charles, Charles knows Mary, Mary knows Ada; Charles and Mary
/// work for the Society.
/// </summary>
public sealed class KnowledgeGraphTests : KnowledgeFixture
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await LinkAsync("Ada", "knows", "Charles");
        await LinkAsync("Charles", "knows", "Mary");
        await LinkAsync("Mary", "knows", "Ada");
        await LinkAsync("Charles", "works_for", "Society", toType: "organization");
        await LinkAsync("Mary", "works_for", "Society", toType: "organization");
    }

    private static JsonObject Query(string operation, JsonObject? fields = null)
    {
        var config = new JsonObject { ["operation"] = operation };
        foreach (var (name, value) in fields ?? [])
        {
            config[name] = value?.DeepClone();
        }

        return config;
    }

    private static List<string> Edges(JsonObject output) =>
        output["edges"]!.AsArray().Select(e => e!["text"]!.GetValue<string>()).Order().ToList();

    [Fact]
    public async Task Neighbours_within_one_hop_follow_both_directions_and_the_cycle_ends()
    {
        var output = await GraphAsync(Query("neighbours", new() { ["entity"] = "ada", ["depth"] = 1 }));

        Names(output).Should().Equal("Ada", "Charles", "Mary");
        output["nodes"]![0]!["depth"]!.GetValue<int>().Should().Be(0);
        Edges(output).Should().Equal("Ada (person) -[knows]-> Charles (person)", "Mary (person) -[knows]-> Ada (person)");
        output["summary"]!.GetValue<string>().Should().StartWith("Ada (person): 2 related entities within 1 hop(s), 2 relation(s).");
        output["truncated"]!.GetValue<bool>().Should().BeFalse();
    }

    [Fact]
    public async Task Depth_direction_and_relation_types_narrow_the_neighbours()
    {
        var twoHops = await GraphAsync(Query("neighbours", new() { ["entity"] = "Ada", ["depth"] = 2 }));
        Names(twoHops).Should().Equal("Ada", "Charles", "Mary", "Society");
        twoHops["nodes"]!.AsArray().Single(n => n!["name"]!.GetValue<string>() == "Society")!["depth"]!.GetValue<int>().Should().Be(2);
        Edges(twoHops).Should().HaveCount(5);

        Names(await GraphAsync(Query("neighbours", new() { ["entity"] = "Ada", ["depth"] = 1, ["direction"] = "outgoing" }))).Should().Equal("Ada", "Charles");
        Names(await GraphAsync(Query("neighbours", new() { ["entity"] = "Ada", ["depth"] = 1, ["direction"] = "incoming" }))).Should().Equal("Ada", "Mary");
        Names(await GraphAsync(Query("neighbours", new() { ["entity"] = "Ada", ["depth"] = 6, ["relationTypes"] = "knows" })))
            .Should().Equal(new[] { "Ada", "Charles", "Mary" }, "the cycle is followed once, never again");
    }

    [Fact]
    public async Task The_node_limit_bounds_the_answer_and_says_so()
    {
        var output = await GraphAsync(Query("neighbours", new() { ["entity"] = "Ada", ["depth"] = 3, ["maxNodes"] = 2 }));

        output["nodes"]!.AsArray().Should().HaveCount(2);
        output["truncated"]!.GetValue<bool>().Should().BeTrue();
        output["truncatedReason"]!.GetValue<string>().Should().Be("stopped at 2 entities");
        output["summary"]!.GetValue<string>().Should().EndWith("Incomplete: stopped at 2 entities.");
        output["limits"]!["maxNodes"]!.GetValue<int>().Should().Be(2);
    }

    [Fact]
    public async Task Paths_come_shortest_first_without_repeating_an_entity_and_bounded_in_number()
    {
        var output = await GraphAsync(Query("paths", new() { ["entity"] = "Ada", ["target"] = "Society", ["depth"] = 3, ["maxPaths"] = 10 }));

        var paths = output["paths"]!.AsArray().Select(p => p!["text"]!.GetValue<string>()).ToList();
        paths.Should().HaveCount(4);
        paths.Take(2).Should().BeEquivalentTo("Ada -[knows]-> Charles -[works_for]-> Society", "Ada <-[knows]- Mary -[works_for]-> Society");
        paths.Skip(2).Should().BeEquivalentTo(
            "Ada -[knows]-> Charles -[knows]-> Mary -[works_for]-> Society", "Ada <-[knows]- Mary <-[knows]- Charles -[works_for]-> Society");
        output["paths"]![0]!["length"]!.GetValue<int>().Should().Be(2);
        output["summary"]!.GetValue<string>().Should().StartWith("4 path(s) from Ada to Society, shortest first:");

        var bounded = await GraphAsync(Query("paths", new() { ["entity"] = "Ada", ["target"] = "Society", ["depth"] = 3, ["maxPaths"] = 1 }));
        bounded["paths"]!.AsArray().Should().ContainSingle().Which!["length"]!.GetValue<int>().Should().Be(2);
    }

    [Fact]
    public async Task Paths_respect_depth_and_direction()
    {
        var tooShort = await GraphAsync(Query("paths", new() { ["entity"] = "Ada", ["target"] = "Society", ["depth"] = 1 }));
        tooShort["paths"]!.AsArray().Should().BeEmpty();
        tooShort["summary"]!.GetValue<string>().Should().Be("No path from Ada to Society within 1 hop(s).");

        var forward = await GraphAsync(Query("paths", new() { ["entity"] = "Ada", ["target"] = "Society", ["depth"] = 3, ["direction"] = "outgoing" }));
        forward["paths"]!.AsArray().Select(p => p!["text"]!.GetValue<string>()).Should().Equal(
            "Ada -[knows]-> Charles -[works_for]-> Society", "Ada -[knows]-> Charles -[knows]-> Mary -[works_for]-> Society");
    }

    [Fact]
    public async Task A_subgraph_holds_the_entities_of_the_types_asked_and_the_relations_among_them()
    {
        var people = await GraphAsync(Query("subgraph", new() { ["entityTypes"] = "person" }));
        Names(people).Should().Equal("Ada", "Charles", "Mary");
        Edges(people).Should().HaveCount(3).And.OnlyContain(e => e.Contains("-[knows]->"));

        var everything = await GraphAsync(Query("subgraph"));
        everything["nodes"]!.AsArray().Should().HaveCount(4);
        Edges(everything).Should().HaveCount(5);

        var bounded = await GraphAsync(Query("subgraph", new() { ["maxNodes"] = 1 }));
        bounded["nodes"]!.AsArray().Should().HaveCount(1);
        bounded["truncated"]!.GetValue<bool>().Should().BeTrue();
    }

    [Fact]
    public async Task An_agent_passes_operation_entity_and_depth_as_arguments()
    {
        var output = await GraphAsync(new JsonObject(), new JsonObject { ["operation"] = "neighbours", ["entity"] = "Mary", ["depth"] = 1, ["relationTypes"] = "works_for" });

        Names(output).Should().Equal("Mary", "Society");
        output["operation"]!.GetValue<string>().Should().Be("neighbours");
    }

    [Fact]
    public async Task Bad_queries_fail_with_a_message_naming_the_fix()
    {
        (await GraphFailsAsync(Query("neighbours", new() { ["entity"] = "Nobody" }))).Should().Be("There is no entity named 'Nobody'.");
        (await GraphFailsAsync(Query("neighbours"))).Should().Be("'entity' is empty: give an entity's name or id.");
        (await GraphFailsAsync(Query("neighbours", new() { ["entity"] = "Ada", ["depth"] = 7 }))).Should().Be("'depth' must be from 1 to 6, not 7.");
        (await GraphFailsAsync(Query("paths", new() { ["entity"] = "Ada", ["target"] = "ada" })))
            .Should().Be("'entity' and 'target' are the same entity: a path needs two.");
        (await GraphFailsAsync(new JsonObject(), new JsonObject { ["operation"] = "traverse" }))
            .Should().Be("'traverse' is not a valid 'operation': use one of neighbours, paths, subgraph.");
    }

    [Fact]
    public async Task Another_tenants_graph_is_never_reached()
    {
        await LinkAsync("Ada", "knows", "Eve", tenant: TenantB);

        Names(await GraphAsync(Query("neighbours", new() { ["entity"] = "Ada", ["depth"] = 1 }))).Should().NotContain("Eve");
        Names(await GraphAsync(Query("neighbours", new() { ["entity"] = "Ada", ["depth"] = 1 }), tenant: TenantB)).Should().Equal("Ada", "Eve");
        Names(await GraphAsync(Query("subgraph"), tenant: TenantB)).Should().Equal("Ada", "Eve");
    }
}
