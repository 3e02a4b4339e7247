using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Zygo.Engine;
using Zygo.Engine.Nodes;
using Zygo.Engine.Nodes.Code;

namespace Zygo.Tests.Engine.Code;

public sealed class CodeConfigTests : IDisposable
{
    private readonly NodeHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void The_type_is_registered_with_the_spec_s_id_and_defaults()
    {
        var type = _harness.Services.GetRequiredService<NodeTypeRegistry>().Find("code");

        type.Should().BeOfType<CodeNodeType>();
        type!.Label.Should().Be("Code");
        type.Category.Should().Be(NodeCategory.Integration);
        type.Icon.Should().Be("Code");
        var defaults = JsonSerializer.SerializeToNode(new CodeConfig(), EngineJson.Options)!;
        defaults["language"]!.GetValue<string>().Should().Be("javascript");
        defaults["timeout"]!.GetValue<double>().Should().Be(10);
        defaults["memoryLimit"]!.GetValue<int>().Should().Be(64);
        type.ArgumentSchema["properties"]!["input"]!["type"]!.GetValue<string>().Should().Be("object");
    }

    [Fact]
    public async Task The_default_code_passes_the_input_through()
    {
        (await _harness.OutputAsync(new JsonObject(), JsonNode.Parse("""{"a":1}""")))!.ToJsonString().Should().Be("""{"a":1}""");
    }

    [Fact]
    public async Task An_unsupported_language_is_refused_naming_the_field()
    {
        var failure = await _harness.FailureAsync(new JsonObject { ["language"] = "ruby", ["code"] = "puts 1" });

        // The shared config binding words this; the type itself refuses numbers outside the enum (below).
        failure.Message.Should().Be("The configuration of 'Node under test' has a wrong type or an unknown value in 'language'.");
    }

    [Fact]
    public async Task A_language_number_outside_the_list_is_refused()
    {
        var failure = await _harness.FailureAsync(new JsonObject { ["language"] = 7, ["code"] = "x" });

        failure.Message.Should().Be("The language '7' is not supported: use javascript or python.");
    }

    [Fact]
    public async Task An_empty_code_is_refused()
    {
        (await _harness.FailureAsync(CodeNode.Python("  "))).Message
            .Should().Be("The code is empty: write JavaScript that returns the output, or Python that sets `output`.");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(100000)]
    public async Task A_timeout_out_of_range_is_refused(double timeout)
    {
        var config = CodeNode.JavaScript("return 1;");
        config["timeout"] = timeout;

        (await _harness.FailureAsync(config)).Message
            .Should().Be($"The timeout must be a number of seconds above 0 and at most 86400 (it is {timeout}).");
    }

    [Fact]
    public async Task A_memory_limit_below_one_megabyte_is_refused()
    {
        var config = CodeNode.JavaScript("return 1;");
        config["memoryLimit"] = 0;

        (await _harness.FailureAsync(config)).Message.Should().Be("The memory limit must be a positive number of megabytes (it is 0).");
    }

    [Theory]
    [InlineData("2fast", "is not a valid name")]
    [InlineData("my-var", "is not a valid name")]
    [InlineData("input", "clashes with the code's own 'input'")]
    [InlineData("emit", "clashes with the code's own 'emit'")]
    [InlineData("class", "is a JavaScript or Python keyword")]
    [InlineData("lambda", "is a JavaScript or Python keyword")]
    public async Task A_bad_input_variable_name_is_refused(string name, string reason)
    {
        var config = CodeNode.JavaScript("return 1;");
        config["inputVariables"] = new JsonArray(name);

        (await _harness.FailureAsync(config)).Message.Should().StartWith($"The input variable '{name}' {reason}");
    }
}
