using System.Text.Json.Nodes;
using Zygo.Engine.Graph;

namespace Zygo.Engine.Generation;

/// <summary>
/// One kind of step the offline generator recognises in a prompt: its keywords and the node it becomes. A step
/// reads its data from <c>source</c>: a path such as <c>nodes.fetch.output</c> in a flow, or <c>input.x</c> when an
/// agent calls it as a tool (the agent's arguments are its input).
/// </summary>
public sealed record OfflineStep(string Id, string[] Keywords, bool AgentOnly, Func<PromptText, Func<string, string>, GraphNode> Build)
{
    private static string Ref(string path) => "{{" + path + "}}";

    public static IReadOnlyList<OfflineStep> All { get; } =
    [
        new("recall", ["recall", "remember previous", "past ", "history"], AgentOnly: true, (_, _) => Node("recall", "memory_search",
            "Recall earlier facts", "Searches what the workflow remembered before. Input: a query.",
            new JsonObject { ["searchType"] = "hybrid", ["query"] = Ref("input.query"), ["limit"] = 5, ["threshold"] = 0.3 })),
        new("knowledge", ["knowledge base", "docs", "documentation", "faq", "manual"], AgentOnly: true, (_, _) => Node("knowledge", "rag_context",
            "Search knowledge base", "Finds passages in the uploaded documents that answer a question. Input: the question.",
            new JsonObject { ["query"] = Ref("input.query"), ["topK"] = 4, ["scoreThreshold"] = 0.2 })),
        new("fetch", ["http", "api", "fetch", "download", "github", "url", "website", "endpoint", "rest "], AgentOnly: false, (p, _) =>
        {
            var github = p.Has("github");
            var url = p.Url ?? (github ? "https://api.github.com/repos/{{GITHUB_REPOSITORY}}/issues" : "https://api.example.com/items");
            return Node("fetch", "http_api", github ? "List GitHub issues" : "Fetch data",
                $"Gets data from {url} (set the URL and authentication before running).",
                new JsonObject
                {
                    ["method"] = "GET", ["url"] = url, ["bodyType"] = "none", ["timeout"] = 30, ["retries"] = 2, ["errorHandling"] = "retry",
                    ["authentication"] = github
                        ? new JsonObject { ["type"] = "bearer", ["token"] = "{{GITHUB_TOKEN}}" }
                        : new JsonObject { ["type"] = "none" },
                });
        }),
        new("transform", ["transform", "calculate", "compute", "script", "code", "convert"], AgentOnly: false, (_, _) => Node("transform", "code",
            "Transform data", "Reshapes the data with a short JavaScript function; edit the code to fit.",
            new JsonObject { ["language"] = "javascript", ["code"] = "return input;", ["timeout"] = 10 })),
        new("analyse", ["summar", "classif", "categor", "analy", "translate", "write", "draft", "extract", "sentiment", "prioriti", "ai "],
            AgentOnly: false, (p, source) => Node("analyse", "llm", Verb(p), $"{Verb(p)} with a language model.",
                new JsonObject
                {
                    ["provider"] = "offline", ["model"] = "offline", ["temperature"] = 0.3, ["maxTokens"] = 800,
                    ["systemPrompt"] = $"You help with this task: {p.Text}",
                    ["userPromptTemplate"] = $"{Verb(p)}:\n{Ref(source("prompt"))}",
                    ["outputFormat"] = "text",
                })),
        new("remember", ["remember", "memory", "store", "track", "save", "record"], AgentOnly: false, (p, source) => Node("remember", "memory_store",
            "Remember result", "Stores the result so later runs (and agents) can recall it. Input: the content.",
            new JsonObject
            {
                ["memoryType"] = "episodic", ["memoryKey"] = $"{p.Slug}:latest", ["content"] = Ref(source("content")),
                ["tags"] = "generated", ["mergeStrategy"] = "append", ["autoRedactSecrets"] = true,
            })),
        new("wait", ["wait", "delay", "pause"], AgentOnly: false, (_, _) => Node("wait", "delay", "Wait", "Waits before the next step.",
            new JsonObject { ["duration"] = 1, ["unit"] = "minutes" })),
        new("email", ["email", "e-mail", "mail ", "notify", "send me"], AgentOnly: false, (p, source) => Node("email", "email",
            "Send email", $"Emails the result to {p.Email ?? "the address in the NOTIFY_EMAIL variable"}. Input: subject and body.",
            new JsonObject
            {
                ["to"] = p.Email ?? "{{NOTIFY_EMAIL}}", ["subject"] = p.Title(), ["body"] = Ref(source("body")), ["bodyType"] = "text",
            })),
        new("post", ["slack", "teams", "discord", "post to", "post a"], AgentOnly: false, (p, source) => Node("post", "http_api",
            "Post to Slack", "Posts a message to the chat channel's incoming webhook (variable SLACK_WEBHOOK_URL). Input: the text.",
            new JsonObject
            {
                ["method"] = "POST", ["url"] = "{{SLACK_WEBHOOK_URL}}", ["bodyType"] = "json", ["timeout"] = 30, ["retries"] = 1,
                ["body"] = "{\"text\": \"" + Ref(source("text")) + "\"}",
            })),
    ];

    private static string Verb(PromptText p) =>
        p.Has("summar") ? "Summarise" : p.Has("classif", "categor") ? "Categorise" : p.Has("translate") ? "Translate"
        : p.Has("prioriti") ? "Prioritise" : p.Has("sentiment") ? "Rate the sentiment of" : p.Has("extract") ? "Extract the key facts from"
        : p.Has("write", "draft") ? "Draft a reply to" : "Analyse";

    private static GraphNode Node(string id, string type, string label, string description, JsonObject config) =>
        new() { Id = id, Type = type, Label = label, Description = description, Config = config };
}
