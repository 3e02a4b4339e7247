using System.Text.Json.Nodes;
using Zygo.Web.Components.Editor.Run;

namespace Zygo.Tests.Editor.Run;

public sealed class RunInputTemplateTests
{
    [Fact]
    public void A_manual_trigger_schema_gives_defaults_examples_and_empty_values_by_type()
    {
        var schema = """
            {"type":"object","properties":{
              "name":{"type":"string","examples":["Ada"]},
              "count":{"type":"integer","default":3},
              "tags":{"type":"array"},
              "active":{"type":"boolean"},
              "level":{"enum":["low","high"]},
              "address":{"type":"object","properties":{"city":{"type":"string"}}}}}
            """;
        var trigger = new JsonObject { ["triggerMode"] = "manual", ["manualConfig"] = new JsonObject { ["inputPayload"] = schema } };

        var payload = JsonNode.Parse(RunInputTemplate.For(trigger))!;

        payload.ToJsonString().Should().Be("""{"name":"Ada","count":3,"tags":[],"active":false,"level":"low","address":{"city":""}}""");
    }

    [Theory]
    [InlineData("""{"triggerMode":"chat"}""", """{"message":"Hello"}""")]
    [InlineData("""{"triggerMode":"webhook"}""", "{}")]
    [InlineData("""{"triggerMode":"webhook","webhookConfig":{"samplePayload":"{\"items\":[{\"email\":\"ada@example.com\"}]}"}}""",
        """{"items":[{"email":"ada@example.com"}]}""")]
    [InlineData("""{"triggerMode":"webhook","webhookConfig":{"samplePayload":"{not json"}}""", "{}")]
    [InlineData("""{"triggerMode":"manual","manualConfig":{"inputPayload":"{not json"}}""", "{}")]
    public void Other_triggers_and_broken_schemas_start_with_a_simple_payload(string trigger, string expected) =>
        JsonNode.Parse(RunInputTemplate.For(JsonNode.Parse(trigger)!.AsObject()))!.ToJsonString().Should().Be(expected);
}
