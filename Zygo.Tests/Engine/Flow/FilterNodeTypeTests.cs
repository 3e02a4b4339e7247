using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Zygo.Engine.Execution;
using Zygo.Engine.Nodes;
using Zygo.Engine.Nodes.Flow;
using static Zygo.Tests.Engine.Flow.ConditionRows;

namespace Zygo.Tests.Engine.Flow;

public sealed class FilterNodeTypeTests : IDisposable
{
    private readonly NodeHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    private static JsonArray People() =>
    [
        new JsonObject { ["name"] = "Ada", ["email"] = "ada@example.com", ["age"] = 36, ["address"] = new JsonObject { ["city"] = "London" } },
        new JsonObject { ["name"] = "Jean", ["email"] = "", ["age"] = 17, ["address"] = new JsonObject { ["city"] = "Paris" } },
        new JsonObject { ["name"] = "Marie", ["email"] = "marie@example.fr", ["age"] = 66, ["address"] = new JsonObject { ["city"] = "Paris" } },
        new JsonObject { ["name"] = "Alan", ["age"] = 41 },
    ];

    [Fact]
    public async Task Keeps_the_items_whose_fields_meet_every_condition()
    {
        var config = Config(Row("city", "address.city", "equals", "Paris"), Row("adult", "age", "gte", "18"));

        var output = await RunAsync(config, People());

        Names(output).Should().Equal("Marie");
        output["count"]!.GetValue<int>().Should().Be(1);
        output["removed"]!.GetValue<int>().Should().Be(3);
    }

    [Fact]
    public async Task Any_mode_keeps_the_items_meeting_one_condition()
    {
        var config = Config(Row("city", "address.city", "equals", "London"), Row("senior", "age", "gte", "65"));
        config["evaluationMode"] = "any";

        Names(await RunAsync(config, People())).Should().Equal("Ada", "Marie");
    }

    [Fact]
    public async Task A_missing_field_counts_as_empty()
    {
        Names(await RunAsync(Config(Row("no-email", "email", "is_empty", "")), People())).Should().Equal("Jean", "Alan");
    }

    [Fact]
    public async Task The_limit_keeps_the_first_matches_and_the_rest_count_as_removed()
    {
        var config = Config(Row("adult", "age", "gte", "18"));
        config["limit"] = 2;

        var output = await RunAsync(config, People());

        Names(output).Should().Equal("Ada", "Marie");
        output["count"]!.GetValue<int>().Should().Be(2);
        output["removed"]!.GetValue<int>().Should().Be(2);
    }

    [Fact]
    public async Task A_negative_limit_is_a_config_error()
    {
        var config = Config();
        config["limit"] = -1;

        var act = () => RunAsync(config, People());

        (await act.Should().ThrowAsync<NodeFailedException>()).Which.Message.Should().Contain("limit").And.Contain("-1");
    }

    [Fact]
    public async Task Fields_keep_only_the_named_fields_named_as_written()
    {
        var config = Config(Row("adult", "age", "gte", "40"));
        config["fields"] = new JsonArray("name", "address.city");

        var output = await RunAsync(config, People());

        JsonNode.DeepEquals(output["items"], new JsonArray
        {
            new JsonObject { ["name"] = "Marie", ["address.city"] = "Paris" },
            new JsonObject { ["name"] = "Alan", ["address.city"] = null },
        }).Should().BeTrue(output["items"]!.ToJsonString());
    }

    [Fact]
    public async Task An_invalid_field_path_is_a_config_error()
    {
        var config = Config();
        config["fields"] = new JsonArray("tags[x");

        var act = () => RunAsync(config, People());

        (await act.Should().ThrowAsync<NodeFailedException>()).Which.Message.Should().Contain("'tags[x'");
    }

    [Fact]
    public async Task No_conditions_keep_every_item()
    {
        var output = await RunAsync(Config(), People());

        output["count"]!.GetValue<int>().Should().Be(4);
        output["removed"]!.GetValue<int>().Should().Be(0);
    }

    [Fact]
    public async Task By_default_filters_the_items_field_of_an_object_input()
    {
        var output = await RunAsync(Config(Row("minor", "age", "less_than", "18")), new JsonObject { ["items"] = People() });

        Names(output).Should().Equal("Jean");
    }

    [Theory]
    [InlineData("input.people")]
    [InlineData("{{input.people}}")]
    [InlineData("people")]
    public async Task Items_name_the_list_by_path_template_or_input_field(string items)
    {
        var config = Config(Row("adult", "age", "gte", "18"));
        config["items"] = items;

        var output = await RunAsync(config, new JsonObject { ["people"] = People() });

        Names(output).Should().Equal("Ada", "Marie", "Alan");
    }

    [Fact]
    public async Task A_list_of_plain_values_is_tested_item_by_item_with_an_empty_variable()
    {
        var output = await RunAsync(Config(Row("email", "", "contains", "@")), new JsonArray("a@example.com", "nobody", "b@example.com"));

        JsonNode.DeepEquals(output["items"], new JsonArray("a@example.com", "b@example.com")).Should().BeTrue();
    }

    [Fact]
    public async Task A_template_value_is_resolved_for_every_item()
    {
        var config = Config(Row("old", "age", "greater_than", "{{input.minAge}}"));
        config["items"] = "input.people";

        Names(await RunAsync(config, new JsonObject { ["people"] = People(), ["minAge"] = 40 })).Should().Equal("Marie", "Alan");
    }

    [Fact]
    public async Task A_source_that_is_not_a_list_is_an_error_naming_the_path()
    {
        var config = Config();
        config["items"] = "input.people";

        var act = () => RunAsync(config, new JsonObject { ["people"] = new JsonObject { ["name"] = "Ada" } });

        var error = (await act.Should().ThrowAsync<NodeFailedException>()).Which;
        error.Message.Should().Contain("'input.people'").And.Contain("an object, not a list");
        error.Retryable.Should().BeFalse();
    }

    [Fact]
    public async Task A_source_that_is_missing_is_an_error_naming_the_path()
    {
        var config = Config();
        config["items"] = "nodes.Fetch.output.rows";

        var act = () => RunAsync(config, new JsonObject());

        (await act.Should().ThrowAsync<NodeFailedException>()).Which.Message.Should().Contain("'nodes.Fetch.output.rows'").And.Contain("not found");
    }

    [Fact]
    public async Task An_input_without_a_list_is_an_error_saying_how_to_name_one()
    {
        var act = () => RunAsync(Config(), new JsonObject { ["name"] = "Ada" });

        (await act.Should().ThrowAsync<NodeFailedException>()).Which.Message.Should().Contain("no list to filter").And.Contain("'items'");
    }

    [Theory]
    [InlineData("everyone", 4)]
    [InlineData("nobody", 0)]
    public async Task A_template_variable_is_one_value_for_every_item(string mode, int kept)
    {
        var config = Config(Row("switch", "{{input.mode}}", "equals", "everyone"));
        config["items"] = "input.people";

        var output = await RunAsync(config, new JsonObject { ["people"] = People(), ["mode"] = mode });

        output["count"]!.GetValue<int>().Should().Be(kept);
    }

    [Fact]
    public async Task An_invalid_variable_path_is_a_config_error_naming_the_condition()
    {
        var act = () => RunAsync(Config(Row("tag", "tags[", "equals", "x")), People());

        (await act.Should().ThrowAsync<NodeFailedException>()).Which.Message.Should().Contain("'tags['").And.Contain("condition 'tag'");
    }

    [Fact]
    public void The_type_is_registered_as_the_spec_names_it()
    {
        var type = _harness.Services.GetRequiredService<NodeTypeRegistry>().Find("filter");

        type.Should().BeOfType<FilterNodeType>();
        (type!.Label, type.Category, type.Icon).Should().Be(("Filter", NodeCategory.FlowControl, "Filter"));
    }

    private async Task<JsonObject> RunAsync(JsonObject config, JsonNode input) =>
        (await _harness.RunAsync<FilterNodeType>(config, input)).Output!.AsObject();

    private static IEnumerable<string> Names(JsonObject output) => output["items"]!.AsArray().Select(item => item!["name"]!.GetValue<string>());

    private static JsonObject Config(params JsonObject[] conditions) => new()
    {
        ["conditions"] = new JsonArray(conditions.Cast<JsonNode>().ToArray()),
    };
}
