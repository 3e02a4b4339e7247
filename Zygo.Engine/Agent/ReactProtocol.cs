using System.Text;
using System.Text.RegularExpressions;

namespace Zygo.Engine.Agent;

/// <summary>What a ReAct model wrote in one turn.</summary>
public sealed record ReactTurn(string? Thought, string? Action, string? ActionInput, string? FinalAnswer);

/// <summary>
/// The text protocol of ReAct agents, for models without native tool calling: the instructions that teach it and
/// the parser of Thought / Action / Action Input / Final Answer. Observations are written back by the agent.
/// </summary>
public static partial class ReactProtocol
{
    public const string ObservationPrefix = "Observation:";

    [GeneratedRegex(@"^\s*Thought\s*:\s*(?<v>.*?)(?=^\s*(Action|Final Answer)\s*:|\z)", RegexOptions.Multiline | RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ThoughtLine();

    [GeneratedRegex(@"^\s*Action\s*:\s*(?<v>[^\r\n]*)", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex ActionLine();

    [GeneratedRegex(@"^\s*Action Input\s*:\s*(?<v>.*?)(?=^\s*(Observation|Thought|Final Answer)\s*:|\z)", RegexOptions.Multiline | RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ActionInputLine();

    [GeneratedRegex(@"^\s*Final Answer\s*:\s*(?<v>.*)", RegexOptions.Multiline | RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FinalAnswerLine();

    public static string Instructions(IReadOnlyList<AgentTool> tools)
    {
        var text = new StringBuilder("You can use these tools:\n");
        foreach (var tool in tools)
        {
            text.Append($"- {tool.Name}: {tool.Declaration.Description} Arguments (JSON schema): {tool.Declaration.JsonSchema.GetRawText()}\n");
        }

        text.Append($"""

            Answer in this format, one step at a time:
            Thought: what you need to do next
            Action: the tool to use, one of [{string.Join(", ", tools.Select(t => t.Name))}]
            Action Input: the tool's arguments as a JSON object
            Then stop: the {ObservationPrefix} line with the tool's result is written for you.
            When you know the answer:
            Thought: I know the answer
            Final Answer: the answer for the user
            """);
        return text.ToString();
    }

    public static ReactTurn Parse(string text)
    {
        // A model that writes its own observation is imagining it: only what comes before counts.
        var cut = text.IndexOf($"\n{ObservationPrefix}", StringComparison.OrdinalIgnoreCase);
        if (cut >= 0)
        {
            text = text[..cut];
        }

        string? Value(Regex regex) => regex.Match(text) is { Success: true } m ? m.Groups["v"].Value.Trim() : null;
        var action = Value(ActionLine());
        var final = Value(FinalAnswerLine());
        // When both appear, the action comes first in the protocol: the answer is premature.
        return action is { Length: > 0 }
            ? new ReactTurn(Value(ThoughtLine()), action, Value(ActionInputLine()) ?? "", null)
            : new ReactTurn(Value(ThoughtLine()), null, null, final);
    }
}
