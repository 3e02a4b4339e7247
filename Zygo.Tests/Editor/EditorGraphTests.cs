using System.Text.Json;
using Zygo.Web.Components.Editor;

namespace Zygo.Tests.Editor;

/// <summary>Moves reported by the canvas are applied to the graph's JSON when it is read, and only to the moved nodes.</summary>
public sealed class EditorGraphTests
{
    private const string Graph =
        """{"nodes":[{"id":"a","type":"code","label":"Ä <b>","position":{"x":1,"y":2},"config":{"n":1.50}},{"id":"b","type":"delay","position":{"x":5,"y":6},"config":{}}],"edges":[{"id":"e","source":"a","target":"b"}]}""";

    [Fact]
    public void Without_moves_the_graph_is_the_text_the_canvas_sent()
    {
        var graph = new EditorGraph();
        graph.Replace(Graph);
        graph.Json.Should().BeSameAs(Graph);
    }

    [Fact]
    public void Moves_change_only_the_positions_of_the_moved_nodes_and_the_last_move_wins()
    {
        var graph = new EditorGraph();
        graph.Replace(Graph);
        graph.Move("""{"a":{"x":10,"y":20}}""");
        graph.Move("""{"a":{"x":30,"y":40}}""");

        var expected = Graph.Replace("""{"x":1,"y":2}""", """{"x":30,"y":40}""");
        graph.Json.Should().Be(expected, "everything else, numbers and characters included, is written as before");
    }

    [Fact]
    public void A_new_whole_graph_drops_moves_not_yet_applied()
    {
        var graph = new EditorGraph();
        graph.Replace(Graph);
        graph.Move("""{"b":{"x":99,"y":99}}""");
        graph.Replace(Graph);
        graph.Json.Should().Be(Graph);
    }

    [Fact]
    public void Moves_that_are_not_an_object_are_refused()
    {
        var graph = new EditorGraph();
        var move = () => graph.Move("[1,2]");
        move.Should().Throw<JsonException>();
    }
}
