using System.Text.Json;
using Zygo.Web.Common;
using Zygo.Web.Workflows;

namespace Zygo.Tests.Editor;

/// <summary>Import and export of workflow JSON: malformed files are refused with a message that says what is wrong.</summary>
public sealed class WorkflowDocumentTests
{
    [Theory]
    [InlineData("", "empty")]
    [InlineData("{ \"nodes\": [", "not valid JSON (line 1")]
    [InlineData("[1, 2]", "a JSON object with \"nodes\"")]
    [InlineData("{ \"name\": \"x\" }", "no \"nodes\" list")]
    [InlineData("{ \"nodes\": {} }", "\"nodes\" must be a list")]
    [InlineData("{ \"nodes\": [42] }", "nodes[0] must be an object")]
    [InlineData("{ \"nodes\": [{ \"type\": \"code\" }] }", "nodes[0] needs a text \"id\"")]
    [InlineData("{ \"nodes\": [{ \"id\": \"a\" }] }", "Node 'a' needs a text \"type\"")]
    [InlineData("{ \"nodes\": [{ \"id\": \"a\", \"type\": \"code\" }, { \"id\": \"a\", \"type\": \"code\" }] }", "Two nodes have the id 'a'")]
    [InlineData("{ \"nodes\": [{ \"id\": \"a\", \"type\": \"code\", \"position\": { \"x\": \"left\" } }] }", "position that is not")]
    [InlineData("{ \"nodes\": [{ \"id\": \"a\", \"type\": \"code\", \"config\": [] }] }", "config that is not an object")]
    [InlineData("{ \"nodes\": [{ \"id\": \"a\", \"type\": \"code\" }], \"edges\": \"none\" }", "\"edges\" must be a list")]
    [InlineData("{ \"nodes\": [{ \"id\": \"a\", \"type\": \"code\" }], \"edges\": [{ \"source\": \"a\" }] }", "edges[0] needs a text \"target\"")]
    [InlineData("{ \"nodes\": [{ \"id\": \"a\", \"type\": \"code\" }], \"edges\": [{ \"source\": \"a\", \"target\": \"b\" }] }", "target 'b', which is not a node")]
    public void Malformed_files_are_refused_with_a_message_naming_the_problem(string json, string expected)
    {
        var parse = () => WorkflowDocument.Parse(json);
        parse.Should().Throw<InputValidationException>().Which.Message.Should().Contain(expected);
    }

    [Fact]
    public void An_exported_workflow_imports_back_to_the_same_graph()
    {
        const string nodes = """[{"id":"a","type":"trigger","label":"Start","description":"Begins","position":{"x":1,"y":2},"config":{"triggerMode":"manual"},"extra":true}]""";
        const string edges = """[{"id":"e","source":"a","target":"a","sourceHandle":"true"}]""";
        var exported = new WorkflowDocument("Nightly", "Runs at night", nodes, edges).ToJson();

        var imported = WorkflowDocument.Parse(exported);

        imported.Name.Should().Be("Nightly");
        imported.Description.Should().Be("Runs at night");
        JsonElementText(imported.NodesJson).Should().Be(JsonElementText(nodes));
        JsonElementText(imported.EdgesJson).Should().Be(JsonElementText(edges));
    }

    [Fact]
    public void A_file_without_name_or_edges_imports_with_a_default_name_and_no_edges()
    {
        var imported = WorkflowDocument.Parse("""{ "nodes": [{ "id": "a", "type": "code" }] }""");
        imported.Name.Should().Be("Imported workflow");
        imported.EdgesJson.Should().Be("[]");
    }

    private static string JsonElementText(string json) => JsonSerializer.Serialize(JsonDocument.Parse(json).RootElement);
}
