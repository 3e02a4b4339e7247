using Microsoft.Playwright;
using Zygo.Tests.Engine.Llm;
using static Microsoft.Playwright.Assertions;

namespace Zygo.Tests.E2E.Editor;

/// <summary>The editor's chat panel in real Chromium against Zygo on Kestrel, the agent on the scripted model server.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ChatPanelTests(EditorAppFixture fx) : IClassFixture<EditorAppFixture>, IAsyncLifetime
{
    private readonly ScriptedModelServer _model = new();

    public Task InitializeAsync() => _model.InitializeAsync();

    public Task DisposeAsync() => _model.DisposeAsync();

    private object[] Nodes(string triggerMode) =>
    [
        new { id = "trigger", type = "trigger", label = "Chat", position = new { x = 40, y = 200 }, config = new { triggerMode } },
        new
        {
            id = "agent", type = "ai_agent", label = "Assistant", position = new { x = 320, y = 180 },
            config = new
            {
                provider = "openai", model = "gpt-test", endpoint = _model.OpenAiEndpoint, apiKey = "sk-test-key",
                agentType = "tools", systemPrompt = "You are a chat test agent.", enableStreaming = true,
            },
        },
        new
        {
            id = "add", type = "code", label = "Add numbers", description = "Adds a and b.", position = new { x = 600, y = 200 },
            config = new { language = "javascript", code = "return { sum: input.a + input.b };", timeout = 5 },
        },
    ];

    private static readonly object[] Edges =
    [
        new { id = "e1", source = "trigger", target = "agent" },
        new { id = "e2", source = "agent", target = "add" },
    ];

    [Fact]
    public async Task A_chat_workflow_answers_in_the_panel_with_streamed_text_and_the_session_survives_a_reload()
    {
        const string answer = "Two and three make **five**. I asked the adding tool, which returned five as the sum of the two numbers.";
        _model.Enqueue(
            new ScriptedReply.ToolCalls(new ToolCall("call_1", "add_numbers", """{"a":2,"b":3}""")),
            new ScriptedReply.Text(answer) { PieceDelay = TimeSpan.FromMilliseconds(40) });
        var id = await fx.CreateWorkflowAsync("Chat", Nodes("chat"), Edges);
        var page = await fx.NewPageAsync();
        await fx.OpenEditorAsync(page, id, expectedNodes: 3);

        await page.ClickAsync("[data-testid=chat-toggle]");
        var panel = page.Locator("[data-testid=chat-panel]");
        await Expect(panel).ToBeVisibleAsync();
        var input = panel.Locator("[data-testid=chat-input]");
        await input.FillAsync("What is 2 + 3?");
        await input.PressAsync("Enter");

        // Watch the reply grow: several different partial texts before the whole answer.
        var streamed = panel.Locator("[data-testid=chat-streaming-text]");
        await Expect(panel).ToHaveAttributeAsync("data-sending", "true");
        var seen = new HashSet<string>();
        while (await panel.GetAttributeAsync("data-sending") == "true")
        {
            if (await streamed.IsVisibleAsync() && await TextOrNullAsync(streamed) is { Length: > 0 } partial)
            {
                seen.Add(partial);
            }

            await Task.Delay(15);
        }

        seen.Where(t => t.Length < answer.Length).Should().HaveCountGreaterThanOrEqualTo(2, "the reply appears piece by piece; the panel: {0}",
            await panel.InnerHTMLAsync());
        seen.Should().OnlyContain(t => answer.StartsWith(t.TrimEnd(), StringComparison.Ordinal));
        int.Parse((await panel.GetAttributeAsync("data-token-batches"))!).Should().BeInRange(2, 30,
            "tokens are rendered in batches of about 50 ms, not one render each");

        var reply = panel.Locator("[data-testid=chat-reply]");
        await Expect(reply).ToContainTextAsync("Two and three make five.");
        await Expect(reply.Locator("strong")).ToHaveTextAsync("five");
        var step = panel.Locator("[data-testid=chat-step]");
        await Expect(step).ToHaveCountAsync(1);
        await Expect(step.Locator("summary")).ToContainTextAsync("add_numbers");
        await step.Locator("summary").ClickAsync();
        await Expect(step.Locator("[data-testid=chat-step-arguments]")).ToContainTextAsync("\"a\": 2");
        await Expect(step.Locator("[data-testid=chat-step-observation]")).ToContainTextAsync("5");
        await Screenshots.SaveAsync(page, "chat-panel");

        await page.ReloadAsync();
        await new EditorPage(page).WaitUntilLoadedAsync(3);
        await page.ClickAsync("[data-testid=chat-toggle]");
        var messages = panel.Locator("[data-testid=chat-message]");
        await Expect(messages).ToHaveCountAsync(2);
        await Expect(messages.Nth(0)).ToHaveTextAsync("What is 2 + 3?");
        await Expect(messages.Nth(1).Locator("[data-testid=chat-reply]")).ToContainTextAsync("Two and three make five.");
        await page.Context.DisposeAsync();
    }

    [Fact]
    public async Task Shift_Enter_keeps_a_new_line_and_Enter_sends_the_whole_message()
    {
        _model.Enqueue(new ScriptedReply.Text("Got both lines."));
        var id = await fx.CreateWorkflowAsync("Chat lines", Nodes("chat"), Edges);
        var page = await fx.NewPageAsync();
        await fx.OpenEditorAsync(page, id, expectedNodes: 3);
        await page.ClickAsync("[data-testid=chat-toggle]");
        var input = page.Locator("[data-testid=chat-input]");

        await input.PressSequentiallyAsync("line one");
        await input.PressAsync("Shift+Enter");
        await input.PressSequentiallyAsync("line two");
        await input.PressAsync("Enter");

        await Expect(page.Locator("[data-testid=chat-reply]")).ToHaveTextAsync("Got both lines.");
        _model.Requests.Single().Messages.Last()!["content"]!.ToString().Should().Be("line one\nline two");
        await Expect(input).ToHaveValueAsync("");
        await page.Context.DisposeAsync();
    }

    [Fact]
    public async Task A_workflow_without_a_chat_trigger_has_no_chat_button()
    {
        var id = await fx.CreateWorkflowAsync("Manual", Nodes("manual"), Edges);
        var page = await fx.NewPageAsync();
        await fx.OpenEditorAsync(page, id, expectedNodes: 3);

        await Expect(page.Locator("[data-testid=chat-toggle]")).ToHaveCountAsync(0);
        await page.Context.DisposeAsync();
    }

    private static async Task<string?> TextOrNullAsync(ILocator locator)
    {
        try
        {
            return await locator.TextContentAsync(new LocatorTextContentOptions { Timeout = 200 });
        }
        catch (TimeoutException)
        {
            return null;
        }
    }
}
