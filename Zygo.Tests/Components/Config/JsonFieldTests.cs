using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using Bunit;

namespace Zygo.Tests.Components.Config;

/// <summary>JSON typed into a field: invalid text shows where it breaks, stays in the field and is never committed.</summary>
public sealed class JsonFieldTests(ConfigFormApp app) : ConfigFormTestBase(app), IClassFixture<ConfigFormApp>
{
    [Fact]
    public void Invalid_json_shows_an_error_keeps_the_text_and_is_not_committed()
    {
        var form = RenderForm("rag_context");

        Type(form, "cfg-filters", "{ \"source\": ");

        ErrorOf(form, "filters").Should().StartWith("Not valid JSON (line 1");
        ((IHtmlTextAreaElement)form.Find("#cfg-filters")).Value.Should().Be("{ \"source\": ");
        Published.Should().BeEmpty();

        Type(form, "cfg-filters", "[1, 2]");
        ErrorOf(form, "filters").Should().StartWith("Enter a JSON object");
        Published.Should().BeEmpty();

        Type(form, "cfg-filters", "{ \"source\": \"handbook\" }");
        ErrorOf(form, "filters").Should().BeNull();
        Published.Should().ContainSingle().Which["filters"]!.ToJsonString().Should().Be("""{"source":"handbook"}""");
    }

    [Fact]
    public void A_json_text_field_stores_valid_json_as_the_text_it_was_typed_as()
    {
        var form = RenderForm("llm");
        const string schema = """{ "type": "object", "required": ["answer"] }""";

        Type(form, "cfg-jsonSchema", "{ \"type\": ");
        ErrorOf(form, "jsonSchema").Should().StartWith("Not valid JSON");
        Published.Should().BeEmpty();

        Type(form, "cfg-jsonSchema", schema);
        Published.Should().ContainSingle().Which["jsonSchema"]!.GetValue<string>().Should().Be(schema);
    }

    [Fact]
    public void A_field_of_any_value_stores_json_as_json_and_anything_else_as_text()
    {
        var form = RenderForm("loop");

        Act(form, () => form.Find("#cfg-dataSource").Change("{{nodes.Fetch.output.items}}"));
        Act(form, () => form.Find("#cfg-maxIterations").Input("5"));
        Act(form, () => form.Find("#cfg-maxIterations").Blur());
        form.WaitForAssertion(() => Published.Should().HaveCount(2));
        Act(form, () => form.Find("#cfg-dataSource").Change("[1, 2, 3]"));

        Published[0]["dataSource"]!.GetValue<string>().Should().Be("{{nodes.Fetch.output.items}}");
        Published.Last()["dataSource"]!.ToJsonString().Should().Be("[1,2,3]");
        Published.Last()["maxIterations"]!.GetValue<long>().Should().Be(5);
    }
}
