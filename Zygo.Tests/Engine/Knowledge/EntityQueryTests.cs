using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace Zygo.Tests.Engine.Knowledge;

public sealed class EntityQueryTests : KnowledgeFixture
{
    private static JsonObject Op(string operation, JsonObject? fields = null)
    {
        var config = new JsonObject { ["operation"] = operation };
        foreach (var (name, value) in fields ?? [])
        {
            config[name] = value?.DeepClone();
        }

        return config;
    }

    [Fact]
    public async Task Create_makes_an_entity_and_creating_it_again_merges()
    {
        var created = await EntityAsync(Op("create", new() { ["entityType"] = "customer", ["name"] = "Acme Ltd", ["properties"] = new JsonObject { ["tier"] = "gold" } }));
        var again = await EntityAsync(Op("create", new() { ["entityType"] = "Customer", ["name"] = "ACME LTD", ["properties"] = new JsonObject { ["city"] = "Leeds" } }));

        created["outcome"]!.GetValue<string>().Should().Be("created");
        again["outcome"]!.GetValue<string>().Should().Be("updated");
        again["entity"]!["id"]!.GetValue<Guid>().Should().Be(created["entity"]!["id"]!.GetValue<Guid>());
        again["entity"]!["properties"]!.ToJsonString().Should().Be("""{"tier":"gold","city":"Leeds"}""");
        again["operation"]!.GetValue<string>().Should().Be("create");
    }

    [Fact]
    public async Task An_agent_passes_operation_name_type_and_properties_as_arguments()
    {
        var output = await EntityAsync(new JsonObject(),
            new JsonObject { ["operation"] = "create", ["name"] = "Ada", ["type"] = "person", ["properties"] = new JsonObject { ["role"] = "analyst" } });

        output["outcome"]!.GetValue<string>().Should().Be("created");
        output["entity"]!["type"]!.GetValue<string>().Should().Be("person");
        output["entity"]!["properties"]!["role"]!.GetValue<string>().Should().Be("analyst");
    }

    [Fact]
    public async Task Update_changes_an_existing_entity_by_name_or_id_and_can_rename_it()
    {
        var id = (await EntityAsync(Op("create", new() { ["entityType"] = "product", ["name"] = "Widget" })))["entity"]!["id"]!.GetValue<Guid>();

        var byName = await EntityAsync(Op("update", new() { ["entityType"] = "product", ["name"] = "widget", ["properties"] = new JsonObject { ["price"] = 10 } }));
        var byId = await EntityAsync(Op("update", new() { ["entityId"] = id.ToString(), ["rename"] = "Widget Pro" }));

        byName["entity"]!["properties"]!["price"]!.GetValue<int>().Should().Be(10);
        byId["entity"]!["name"]!.GetValue<string>().Should().Be("Widget Pro");
        byId["entity"]!["properties"]!["price"]!.GetValue<int>().Should().Be(10, "a rename keeps the properties");
    }

    [Fact]
    public async Task Updating_a_missing_entity_fails_clearly()
    {
        (await EntityFailsAsync(Op("update", new() { ["entityType"] = "product", ["name"] = "Gadget" })))
            .Should().Be("Cannot update: There is no product named 'Gadget'. Create it first.");
        (await EntityFailsAsync(Op("delete", new() { ["entityId"] = Guid.NewGuid().ToString() })))
            .Should().StartWith("There is no entity with id");
        (await EntityFailsAsync(Op("update"))).Should().Be("To update an entity give its 'name' (and 'type') or its 'entityId'.");
    }

    [Fact]
    public async Task Bad_operations_and_inputs_fail_with_a_message_naming_the_fix()
    {
        (await EntityFailsAsync(new JsonObject(), new JsonObject { ["operation"] = "merge" }))
            .Should().Be("'merge' is not a valid 'operation': use one of create, update, find, delete.");
        (await EntityFailsAsync(Op("create", new() { ["name"] = "Nameless type" })))
            .Should().Contain("needs a 'type'");
        (await EntityFailsAsync(Op("create", new() { ["entityType"] = "person" }))).Should().Be("An entity needs a 'name'.");
        (await EntityFailsAsync(Op("find", new() { ["limit"] = 0 }))).Should().Be("'limit' must be from 1 to 200, not 0.");
        (await EntityFailsAsync(Op("create", new() { ["entityType"] = "person", ["name"] = "Ada" }), new JsonObject { ["relation"] = "knows", ["target"] = "Nobody" }))
            .Should().Be("There is no entity named 'Nobody' to relate to; give 'targetType' to create it.");
    }

    [Fact]
    public async Task Find_matches_by_contains_exact_fuzzy_type_and_properties()
    {
        await EntityAsync(Op("create", new() { ["entityType"] = "person", ["name"] = "Katherine Johnson", ["properties"] = new JsonObject { ["team"] = "Flight" } }));
        await EntityAsync(Op("create", new() { ["entityType"] = "person", ["name"] = "Dorothy Vaughan", ["properties"] = new JsonObject { ["team"] = "Computing" } }));
        await EntityAsync(Op("create", new() { ["entityType"] = "organization", ["name"] = "Johnson Space Center" }));

        Names(await EntityAsync(Op("find", new() { ["name"] = "johnson" })), "entities").Should().Equal("Johnson Space Center", "Katherine Johnson");
        Names(await EntityAsync(Op("find", new() { ["name"] = "johnson", ["entityType"] = "person" })), "entities").Should().Equal("Katherine Johnson");
        Names(await EntityAsync(Op("find", new() { ["name"] = "Dorothy Vaughan", ["match"] = "exact" })), "entities").Should().Equal("Dorothy Vaughan");
        Names(await EntityAsync(Op("find", new() { ["name"] = "Dorothy", ["match"] = "exact" })), "entities").Should().BeEmpty();
        Names(await EntityAsync(Op("find", new() { ["name"] = "Katharine Jonson", ["match"] = "fuzzy" })), "entities").Should().Equal("Katherine Johnson");
        Names(await EntityAsync(Op("find", new() { ["filters"] = new JsonArray(new JsonObject { ["key"] = "team", ["value"] = "computing" }) })), "entities")
            .Should().Equal("Dorothy Vaughan");
        Names(await EntityAsync(new JsonObject(), new JsonObject { ["operation"] = "find", ["filters"] = new JsonObject { ["team"] = "Flight" } }), "entities")
            .Should().Equal("Katherine Johnson");

        var limited = await EntityAsync(Op("find", new() { ["limit"] = 1 }));
        limited["count"]!.GetValue<int>().Should().Be(1);
        limited["total"]!.GetValue<int>().Should().Be(3);
        limited["summary"]!.GetValue<string>().Should().StartWith("3 entities match, the first 1 returned");
    }

    [Fact]
    public async Task Delete_removes_the_entity_with_its_relations()
    {
        await LinkAsync("Ada", "knows", "Charles");
        await LinkAsync("Charles", "knows", "Mary");

        var output = await EntityAsync(Op("delete", new() { ["name"] = "Charles" }));

        output["relationsDeleted"]!.GetValue<int>().Should().Be(2);
        await using var db = Db.CreateContext();
        (await db.KnowledgeRelations.IgnoreQueryFilters().CountAsync()).Should().Be(0);
        (await db.KnowledgeEntities.IgnoreQueryFilters().Select(e => e.Name).ToListAsync()).Should().BeEquivalentTo("Ada", "Mary");
    }

    [Fact]
    public async Task Create_with_relations_links_the_entity_to_existing_or_new_targets()
    {
        var output = await EntityAsync(Op("create", new()
        {
            ["entityType"] = "person",
            ["name"] = "Grace Hopper",
            ["relations"] = new JsonArray(
                new JsonObject { ["relation"] = "works for", ["target"] = "US Navy", ["targetType"] = "organization", ["weight"] = 0.8 }),
        }));

        output["relations"]!.AsArray().Select(r => r!.GetValue<string>()).Should().Equal("Grace Hopper -[works_for]-> US Navy");
        await using var db = Db.CreateContext();
        var relation = await db.KnowledgeRelations.IgnoreQueryFilters().SingleAsync();
        relation.Weight.Should().Be(0.8);
        relation.SourceExecutionId.Should().Be(TenantA.ExecutionId);
    }

    [Fact]
    public async Task Another_tenant_can_neither_find_update_nor_delete_an_entity()
    {
        var id = (await EntityAsync(Op("create", new() { ["entityType"] = "customer", ["name"] = "Secretive Corp" })))["entity"]!["id"]!.GetValue<Guid>();

        (await EntityAsync(Op("find", new() { ["name"] = "secretive" }), tenant: TenantB))["total"]!.GetValue<int>().Should().Be(0);
        var update = () => EntityAsync(Op("update", new() { ["entityId"] = id.ToString(), ["rename"] = "Mine now" }), tenant: TenantB);
        await update.Should().ThrowAsync<Zygo.Engine.Execution.NodeFailedException>();
        var delete = () => EntityAsync(Op("delete", new() { ["name"] = "Secretive Corp" }), tenant: TenantB);
        await delete.Should().ThrowAsync<Zygo.Engine.Execution.NodeFailedException>();
        Names(await EntityAsync(Op("find")), "entities").Should().Equal("Secretive Corp");
    }
}
