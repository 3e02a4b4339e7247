using System.Text.Json.Nodes;
using Zygo.Engine.Execution;
using Zygo.Engine.Nodes.Code.Python;

namespace Zygo.Engine.Nodes.Code;

/// <summary>
/// Runs a snippet of JavaScript (sandboxed in Jint) or Python (a python3 subprocess) on the node's input; see
/// <see cref="CodeConfig.Code"/> for what the code sees and how it produces the output.
/// </summary>
public sealed class CodeNodeType(PythonLauncher pythonLauncher) : NodeType<CodeConfig>
{
    /// <summary>Longer runs belong in a service, and TimeSpan and the timer need a bound anyway.</summary>
    private const double MaxTimeoutSeconds = 24 * 60 * 60;

    public override string Id => "code";
    public override string Label => "Code";
    public override NodeCategory Category => NodeCategory.Integration;
    public override string Icon => "Code";
    public override string Color => "#F59E0B";
    public override string Description => "Execute custom JavaScript/Python code";

    public override JsonObject ArgumentSchema => new()
    {
        ["type"] = "object",
        ["properties"] = new JsonObject
        {
            ["input"] = new JsonObject { ["type"] = "object", ["description"] = "Data for the code: it receives this as `input`." },
        },
    };

    protected override async Task<NodeOutcome> ExecuteAsync(NodeContext context, CodeConfig config, CancellationToken cancellationToken)
    {
        var request = CreateRequest(context, config);
        var result = config.Language switch
        {
            CodeLanguage.Javascript => await JavaScriptRunner.RunAsync(request, cancellationToken),
            CodeLanguage.Python => await RunPythonAsync(request, config, cancellationToken),
            _ => throw new NodeFailedException($"The language '{config.Language}' is not supported: use javascript or python."),
        };
        var outputVariable = config.OutputVariable.Trim();
        return NodeOutcome.Of(outputVariable.Length == 0 ? result : new JsonObject { [outputVariable] = result });
    }

    private Task<JsonNode?> RunPythonAsync(CodeRequest request, CodeConfig config, CancellationToken cancellationToken)
    {
        if (config.PipDependencies is { Length: > 0 } packages)
        {
            request.Log.Write($"pipDependencies are not installed (only Python's standard library is available): {string.Join(", ", packages)}");
        }

        return PythonRunner.RunAsync(request, pythonLauncher, cancellationToken);
    }

    private static CodeRequest CreateRequest(NodeContext context, CodeConfig config)
    {
        if (string.IsNullOrWhiteSpace(config.Code))
        {
            throw new NodeFailedException(
                "The code is empty: write JavaScript that returns the output, or Python that sets `output`.");
        }

        if (!(config.Timeout > 0 && config.Timeout <= MaxTimeoutSeconds))
        {
            throw new NodeFailedException(
                $"The timeout must be a number of seconds above 0 and at most {MaxTimeoutSeconds} (it is {config.Timeout}).");
        }

        if (config.MemoryLimit <= 0)
        {
            throw new NodeFailedException($"The memory limit must be a positive number of megabytes (it is {config.MemoryLimit}).");
        }

        var vars = context.Scope.Vars;
        var variables = new JsonObject();
        foreach (var name in config.InputVariables ?? [])
        {
            CodeVariableNames.Validate(name);
            var value = vars.TryGetPropertyValue(name, out var fromVars) ? fromVars
                : context.Input is JsonObject input && input.TryGetPropertyValue(name, out var fromInput) ? fromInput
                : null;
            variables[name] = value?.DeepClone();
        }

        return new CodeRequest(config.Code, context.Input, vars, variables, TimeSpan.FromSeconds(config.Timeout),
            config.MemoryLimit, new CodeLog(context.Log));
    }
}
