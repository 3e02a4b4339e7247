using System.Text.Json.Nodes;
using Zygo.Engine.Templating;
using Zygo.Engine.Validation;

namespace Zygo.Web.Editor.Config;

/// <summary>A validation problem of one node, at the config field it concerns; a null field concerns the node as a whole.</summary>
/// <param name="Field">The config path, e.g. <c>url</c> or <c>authentication.token</c>.</param>
public sealed record ConfigProblem(string? Field, string Message)
{
    /// <summary>
    /// The graph validator's problems of one node, each placed at the field it names: a missing field by its quoted
    /// name, an unresolvable <c>{{…}}</c> at the string that holds it. The rest concern the node.
    /// </summary>
    public static IReadOnlyList<ConfigProblem> ForNode(IEnumerable<ValidationProblem> problems, string nodeId, JsonObject config) =>
        problems.Where(p => p.NodeId == nodeId && p.EdgeId is null).Select(p => new ConfigProblem(FieldOf(p, config), p.Message)).ToList();

    private static string? FieldOf(ValidationProblem problem, JsonObject config) => problem.Code switch
    {
        "missing_config" => LastQuoted(problem.Message),
        "unresolvable_reference" => Holding(config, "", problem.Message),
        _ => null,
    };

    /// <summary>"'Fetch' needs 'url'." names the field last.</summary>
    private static string? LastQuoted(string message)
    {
        var end = message.LastIndexOf('\'');
        var start = end > 0 ? message.LastIndexOf('\'', end - 1) : -1;
        return start >= 0 ? message[(start + 1)..end] : null;
    }

    /// <summary>The path of the first string whose {{…}} reference the message quotes.</summary>
    private static string? Holding(JsonNode? node, string path, string message) => node switch
    {
        JsonObject o => o.Select(p => Holding(p.Value, ConfigPath.Combine(path, p.Key), message)).FirstOrDefault(f => f is not null),
        // Items of a list are edited by the list's field.
        JsonArray a => a.Any(item => Holding(item, path, message) is not null) ? path : null,
        JsonValue v when v.TryGetValue<string>(out var s) &&
            TemplateResolver.References(s).Any(r => message.Contains("{{" + r + "}}", StringComparison.Ordinal)) => path,
        _ => null,
    };
}
