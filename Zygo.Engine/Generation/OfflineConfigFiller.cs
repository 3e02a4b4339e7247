using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Zygo.Engine.Nodes;
using Zygo.Engine.Nodes.Schema;

namespace Zygo.Engine.Generation;

/// <summary>
/// The offline config generator: a node type's defaults, with the fields a description names filled in (a URL, an
/// HTTP method, an e-mail address, a schedule, a wait, a language, JSON output …). Deterministic.
/// </summary>
public static partial class OfflineConfigFiller
{
    public static JsonObject Fill(INodeType type, string description)
    {
        var text = new PromptText(description);
        var config = JsonSerializer.SerializeToNode(NodeTypeSchemas.For(type).Defaults, EngineJson.Options)!.AsObject();
        switch (type.Id)
        {
            case "trigger":
                foreach (var (name, value) in OfflineTrigger.From(text).Config)
                {
                    config[name] = value?.DeepClone();
                }

                break;
            case "http_api":
                config["url"] = text.Url ?? config["url"]?.DeepClone();
                config["method"] = HttpMethodPattern().Match(description) is { Success: true } m ? m.Value.ToUpperInvariant() : "GET";
                if (text.Has("retry", "retries", "reliable"))
                {
                    config["retries"] = 3;
                    config["errorHandling"] = "retry";
                }

                break;
            case "email":
                config["to"] = text.Email ?? "{{NOTIFY_EMAIL}}";
                config["subject"] = text.Title();
                break;
            case "llm":
            case "ai_agent":
                config["systemPrompt"] = text.Text;
                if (type.Id == "llm")
                {
                    config["userPromptTemplate"] = "{{input.prompt}}";
                    config["outputFormat"] = text.Has("json") ? "json" : text.Has("markdown") ? "markdown" : "text";
                }

                break;
            case "delay" when WaitPattern().Match(description.ToLowerInvariant()) is { Success: true } wait:
                config["duration"] = int.Parse(wait.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                config["unit"] = wait.Groups[2].Value + "s";
                break;
            case "code":
                config["language"] = text.Has("python") ? "python" : "javascript";
                break;
            case "memory_store":
                config["memoryKey"] = $"{text.Slug}:{{{{input.key}}}}";
                config["content"] = "{{input.content}}";
                break;
            case "memory_search" or "rag_context":
                config["query"] = "{{input.query}}";
                break;
        }

        return config;
    }

    [GeneratedRegex(@"\b(GET|POST|PUT|PATCH|DELETE)\b", RegexOptions.IgnoreCase)]
    private static partial Regex HttpMethodPattern();

    [GeneratedRegex(@"(\d{1,5}) ?(second|minute|hour|day)s?\b")]
    private static partial Regex WaitPattern();
}
