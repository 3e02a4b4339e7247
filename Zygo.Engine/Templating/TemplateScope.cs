using System.Text.Json.Nodes;

namespace Zygo.Engine.Templating;

/// <summary>
/// The values {{…}} can reach: <c>input</c> (the run's input), <c>nodes.&lt;id or label&gt;.output</c>, <c>vars</c>
/// (workflow and loop variables) and <c>env</c> (the tenant's variables, also reachable as a bare <c>{{NAME}}</c>).
/// </summary>
public sealed class TemplateScope
{
    // Ids and labels both ignore case, as the validator does: a reference it accepts must resolve.
    private readonly Dictionary<string, JsonNode?> _nodeOutputs = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _labels = new(StringComparer.OrdinalIgnoreCase);

    public TemplateScope(JsonNode? input, IReadOnlyDictionary<string, string>? env = null, JsonObject? vars = null)
    {
        Input = input;
        Env = env ?? new Dictionary<string, string>();
        Vars = vars ?? [];
    }

    public JsonNode? Input { get; }
    public IReadOnlyDictionary<string, string> Env { get; }
    public JsonObject Vars { get; }

    public void SetOutput(string nodeId, string label, JsonNode? output)
    {
        lock (_nodeOutputs)
        {
            _nodeOutputs[nodeId] = output;
            if (!string.IsNullOrWhiteSpace(label))
            {
                _labels[label] = nodeId;
            }
        }
    }

    /// <summary>The output of a node that ran, by id or label (both case-insensitive); false when it has not run.</summary>
    public bool TryGetOutput(string idOrLabel, out JsonNode? output)
    {
        lock (_nodeOutputs)
        {
            if (_nodeOutputs.TryGetValue(idOrLabel, out output))
            {
                return true;
            }

            if (_labels.TryGetValue(idOrLabel, out var id) && _nodeOutputs.TryGetValue(id, out output))
            {
                return true;
            }

            output = null;
            return false;
        }
    }

    /// <summary>A child scope for one loop iteration: same run, its own variables.</summary>
    public TemplateScope WithVars(JsonObject vars) => Child(Input, vars);

    /// <summary>
    /// A child scope for one tool call of an agent: <c>{{input…}}</c> in the tool's sub-flow reaches the arguments the
    /// model passed, since that is what the tool was called with.
    /// </summary>
    public TemplateScope WithInput(JsonNode? input) => Child(input, Vars);

    private TemplateScope Child(JsonNode? input, JsonObject vars)
    {
        var child = new TemplateScope(input, Env, vars);
        lock (_nodeOutputs)
        {
            foreach (var (id, output) in _nodeOutputs)
            {
                child._nodeOutputs[id] = output;
            }

            foreach (var (label, id) in _labels)
            {
                child._labels[label] = id;
            }
        }

        return child;
    }
}
