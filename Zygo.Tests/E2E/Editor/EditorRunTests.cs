using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Zygo.Tests.Api;
using static Microsoft.Playwright.Assertions;

namespace Zygo.Tests.E2E.Editor;

/// <summary>
/// Running from the editor as a user meets it: Run with an input, every node's state on the canvas as the run goes,
/// a failing node in red with its message, the agent's steps, Stop, and a past run opened by link.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EditorRunTests(EditorAppFixture fx) : IClassFixture<EditorAppFixture>
{
    private const string InputSchema = """{"type":"object","properties":{"n":{"type":"number","default":21}}}""";

    private static readonly object[] FailingNodes =
    [
        new
        {
            id = "t1", type = "trigger", label = "Start", position = new { x = 60, y = 200 },
            config = new { triggerMode = "manual", manualConfig = new { inputPayload = InputSchema } },
        },
        new
        {
            id = "double", type = "code", label = "Double it", position = new { x = 340, y = 200 },
            config = new { language = "javascript", code = "return { doubled: input.n * 2 };" },
        },
        new
        {
            id = "boom", type = "code", label = "Check it", position = new { x = 620, y = 200 },
            config = new { language = "javascript", code = "throw new Error('no luck with ' + input.doubled);" },
        },
    ];

    private static readonly object[] FailingEdges =
    [
        new { id = "e1", source = "t1", target = "double" },
        new { id = "e2", source = "double", target = "boom" },
    ];

    [Fact]
    public async Task Running_the_seeded_lead_triage_flow_turns_every_node_completed()
    {
        // As seeded: the CRM variable and table exist, and the dialog starts with the webhook's sample payload.
        var id = await SeededWorkflowAsync("lead-triage");
        var page = await fx.NewPageAsync();
        var editor = await fx.OpenEditorAsync(page, id, expectedNodes: 5);
        var run = new EditorRunPage(editor);

        await run.OpenRunDialogAsync();
        (await run.InputBox.InputValueAsync()).Should().Contain("ada@example.com");
        await run.SubmitAsync();
        await run.WaitForStatusAsync("completed");

        foreach (var node in new[] { "trigger", "filter", "loop", "classify", "store" })
        {
            await run.ExpectNodeStatusAsync(node, "completed");
        }

        await Expect(editor.Edge("e1")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("zygo-edge-taken"));
        // One lead kept by the filter: the loop body ran once; the timeline lists every node execution.
        await Expect(run.Timeline).ToHaveCountAsync(5);
        await Expect(editor.Node("classify").Locator(".zygo-run-caption")).ToContainTextAsync("ms");
        await run.ScreenshotAsync("flow-finished");
        await page.Context.DisposeAsync();
    }

    [Fact]
    public async Task A_node_of_a_large_workflow_drawn_only_after_the_run_still_shows_its_status()
    {
        // Over 300 nodes: the canvas keeps its readable zoom when the panel opens and draws only around the view.
        var (nodes, edges) = LargeGraph.Build(320, 330);
        var id = await fx.CreateWorkflowAsync("Large run", nodes, edges);
        var page = await fx.NewPageAsync();
        var editor = await fx.OpenLargeEditorAsync(page, id, "n0");
        var run = new EditorRunPage(editor);

        await run.RunAsync("{}");
        await run.WaitForStatusAsync("completed", timeoutMs: 60_000);
        await run.ExpectNodeStatusAsync("n0", "completed");
        await Expect(editor.Node("n319")).ToHaveCountAsync(0);

        // Picking the node in the timeline brings it into view, where it is drawn afresh with its status and caption.
        await run.Row("n319").ClickAsync();
        await run.ExpectNodeStatusAsync("n319", "completed");
        await Expect(editor.Node("n319").Locator(".zygo-run-caption")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"\d\s*(ms|s)$"));
        await page.Context.DisposeAsync();
    }

    [Fact]
    public async Task A_failing_node_turns_red_with_its_message_and_the_panel_shows_its_input_and_error()
    {
        var id = await fx.CreateWorkflowAsync("Failing run", FailingNodes, FailingEdges);
        var page = await fx.NewPageAsync();
        var editor = await fx.OpenEditorAsync(page, id, expectedNodes: 3);
        var run = new EditorRunPage(editor);

        // Ctrl+Enter anywhere on the page opens the run, like the Run button.
        await page.Keyboard.PressAsync("Control+Enter");
        await run.InputBox.WaitForAsync();
        // Pre-filled from the manual trigger's input schema.
        (await run.InputBox.InputValueAsync()).Should().Contain("\"n\": 21");
        await run.InputBox.FillAsync("{\"n\": ");
        await Expect(page.Locator(".mud-dialog")).ToContainTextAsync("This is not valid JSON");
        await Expect(page.Locator("[data-testid=run-input-submit]")).ToBeDisabledAsync();
        await run.InputBox.FillAsync("{\"n\": 21}");
        await run.RecordBadgesAsync();
        await run.InputBox.PressAsync("Control+Enter");

        await run.WaitForStatusAsync("failed");
        await run.ExpectNodeStatusAsync("t1", "completed");
        await run.ExpectNodeStatusAsync("double", "completed");
        await run.ExpectNodeStatusAsync("boom", "failed");
        await Expect(editor.Node("boom")).ToHaveAttributeAsync("data-run-error", new System.Text.RegularExpressions.Regex("no luck with 42"));
        await Expect(editor.Node("boom").Locator(".zygo-run-caption")).ToHaveTextAsync("no luck with 42");
        // Each badge had its state's colour the moment the state was shown (WorkflowCanvas.razor.css).
        (await run.RecordedBadgesAsync()).Should().Contain(
            ["t1 queued rgb(226, 232, 240)", "t1 completed rgb(22, 163, 74)", "double completed rgb(22, 163, 74)", "boom failed rgb(220, 38, 38)"]);

        await run.Row("boom").ClickAsync();
        await Expect(run.Detail).ToHaveAttributeAsync("data-node-id", "boom");
        await Expect(run.Detail.Locator("[data-testid=node-run-error]")).ToContainTextAsync("no luck with 42");
        await Expect(run.Detail.Locator("[data-testid=node-run-input]")).ToContainTextAsync("\"doubled\": 42");
        await run.ScreenshotAsync("flow-failed");

        // Clicking a node on the canvas shows that node's execution.
        await editor.Node("double").ClickAsync();
        await Expect(run.Detail).ToHaveAttributeAsync("data-node-id", "double");
        await Expect(run.Detail.Locator("[data-testid=node-run-output]")).ToContainTextAsync("\"doubled\": 42");
        await page.Context.DisposeAsync();
    }

    [Fact]
    public async Task The_seeded_agent_shows_its_steps_in_the_panel_and_lights_the_tools_it_called()
    {
        var id = await SeededWorkflowAsync("support-assistant");
        var page = await fx.NewPageAsync();
        var editor = await fx.OpenEditorAsync(page, id, expectedNodes: 6);
        var run = new EditorRunPage(editor);

        await run.RunAsync("""{"message":"Please remember this fact about the customer: prefers email, past issues with billing"}""");
        await run.WaitForStatusAsync("completed");
        await run.ExpectNodeStatusAsync("agent", "completed");
        await run.ExpectNodeStatusAsync("remember", "completed");
        // Tools the agent did not call show nothing once the run is over.
        await Expect(editor.Node("orders")).Not.ToHaveAttributeAsync("data-run-status", new System.Text.RegularExpressions.Regex(".+"));

        await run.Row("agent").ClickAsync();
        var steps = run.Detail.Locator("[data-testid=agent-steps]");
        await Expect(steps.Locator("[data-testid=agent-offline]")).ToBeVisibleAsync();
        await Expect(steps.Locator("[data-step-type=model]").First).ToContainTextAsync("tokens in");
        var tool = steps.Locator("[data-step-type=tool]").First;
        await Expect(tool.Locator("[data-testid=agent-tool-name]")).ToHaveTextAsync("remember_customer");
        await Expect(tool.Locator("[data-testid=agent-tool-arguments]")).ToContainTextAsync("billing");
        await Expect(steps.Locator("[data-testid=agent-final-answer]")).ToContainTextAsync("[offline model]");
        // The tool's own execution is recorded under the agent's call.
        await Expect(run.Row("remember")).ToContainTextAsync("remember_customer");
        await run.ScreenshotAsync("agent-finished");
        await page.Context.DisposeAsync();
    }

    private static readonly object[] MinuteNodes =
    [
        new { id = "t1", type = "trigger", label = "Start", position = new { x = 60, y = 200 }, config = new { triggerMode = "manual" } },
        new { id = "wait", type = "delay", label = "Wait a minute", position = new { x = 340, y = 200 }, config = new { duration = 60, unit = "seconds" } },
    ];

    private static readonly object[] MinuteEdges = [new { id = "e1", source = "t1", target = "wait" }];

    [Fact]
    public async Task The_panel_opens_and_the_view_is_refitted_before_the_run_s_first_status_is_shown()
    {
        var id = await fx.CreateWorkflowAsync("Fit first", MinuteNodes, MinuteEdges);
        var page = await fx.NewPageAsync();
        var editor = await fx.OpenEditorAsync(page, id, expectedNodes: 2);
        var run = new EditorRunPage(editor);
        // Refitting redraws the whole canvas: done while statuses arrive, it held them back by that long.
        await page.EvaluateAsync("""
            () => {
                window.__zygoOrder = [];
                new MutationObserver(() => window.__zygoOrder.push('fit'))
                    .observe(document.querySelector('.x6-graph-svg-viewport'), { attributes: true, attributeFilter: ['transform'] });
                new MutationObserver(() => window.__zygoOrder.push('status'))
                    .observe(document.querySelector('[data-testid=editor]'), { subtree: true, attributes: true, attributeFilter: ['data-run-status'] });
            }
            """);

        await run.RunAsync("{}");
        await run.ExpectNodeStatusAsync("wait", "running");

        var order = await page.EvaluateAsync<string[]>("() => window.__zygoOrder");
        order.Should().StartWith("fit", "the panel took room from the canvas, which was fitted to what is left");
        order.SkipWhile(e => e == "fit").Should().NotBeEmpty().And.OnlyContain(e => e == "status");
        await page.ClickAsync("[data-testid=run-stop]");
        await run.WaitForStatusAsync("cancelled", timeoutMs: 5_000);
        await page.Context.DisposeAsync();
    }

    [Fact]
    public async Task Stop_cancels_a_running_delay_and_the_canvas_shows_it_cancelled()
    {
        var id = await fx.CreateWorkflowAsync("Stop me", MinuteNodes, MinuteEdges);
        var page = await fx.NewPageAsync();
        var editor = await fx.OpenEditorAsync(page, id, expectedNodes: 2);
        var run = new EditorRunPage(editor);

        await run.RunAsync("{}");
        try
        {
            await run.ExpectNodeStatusAsync("wait", "running");
        }
        catch (PlaywrightException ex)
        {
            // Seen once in a while in full-suite runs only: say what the server recorded, to find out why.
            var recorded = await fx.Api.GetStringAsync($"{ApiTestHelpers.Workflows}/{id}/executions");
            var panel = await run.Panel.GetAttributeAsync("data-status");
            throw new InvalidOperationException($"The delay never showed running. Panel status: {panel}. Runs recorded: {recorded}", ex);
        }

        await Expect(editor.Edge("e1")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("zygo-edge-active"));
        await run.ScreenshotAsync("running");
        await page.ClickAsync("[data-testid=run-stop]");

        await run.WaitForStatusAsync("cancelled", timeoutMs: 5_000);
        await run.ExpectNodeStatusAsync("wait", "cancelled");
        await Expect(page.Locator("[data-testid=run]")).ToBeEnabledAsync();
        await page.Context.DisposeAsync();
    }

    [Fact]
    public async Task A_past_run_opened_by_link_shows_its_statuses_and_panel_read_only()
    {
        var id = await fx.CreateWorkflowAsync("Replay", FailingNodes, FailingEdges);
        var response = await fx.Api.PostAsync($"{ApiTestHelpers.Workflows}/{id}/execute",
            ApiTestHelpers.Json(new { input = new { n = 5 }, mode = "sync" }));
        var executionId = (await response.ShouldBeJsonAsync(HttpStatusCode.OK)).GetProperty("id").GetGuid();

        var page = await fx.NewPageAsync();
        await page.GotoAsync(new Uri(fx.App.ServerAddress, $"/workflows/{id}?execution={executionId}").ToString());
        var editor = new EditorPage(page);
        await editor.WaitUntilLoadedAsync(3);
        var run = new EditorRunPage(editor);

        await Expect(page.Locator("[data-testid=replay-banner]")).ToBeVisibleAsync();
        await Expect(run.Panel).ToHaveAttributeAsync("data-execution-id", executionId.ToString());
        await run.WaitForStatusAsync("failed");
        await run.ExpectNodeStatusAsync("double", "completed");
        await run.ExpectNodeStatusAsync("boom", "failed");
        await Expect(editor.Node("boom")).ToHaveAttributeAsync("data-run-error", new System.Text.RegularExpressions.Regex("no luck with 10"));
        await Expect(run.Timeline).ToHaveCountAsync(3);
        // Read-only: no palette, no Run, no Save.
        await Expect(page.Locator("[data-testid=palette-item]")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid=run]")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid=save]")).ToHaveCountAsync(0);

        await run.Row("boom").ClickAsync();
        await Expect(run.Detail.Locator("[data-testid=node-run-input]")).ToContainTextAsync("\"doubled\": 10");
        await run.ScreenshotAsync("replay");
        await page.Context.DisposeAsync();
    }

    [Fact]
    public async Task The_runs_list_opens_an_earlier_run_in_the_panel()
    {
        var id = await fx.CreateWorkflowAsync("Runs list", FailingNodes, FailingEdges);
        var response = await fx.Api.PostAsync($"{ApiTestHelpers.Workflows}/{id}/execute",
            ApiTestHelpers.Json(new { input = new { n = 7 }, mode = "sync" }));
        var executionId = (await response.ShouldBeJsonAsync(HttpStatusCode.OK)).GetProperty("id").GetGuid();
        var page = await fx.NewPageAsync();
        var editor = await fx.OpenEditorAsync(page, id, expectedNodes: 3);
        var run = new EditorRunPage(editor);

        await page.ClickAsync("[data-testid=open-execution-panel]");
        await run.Panel.GetByRole(AriaRole.Tab, new() { Name = "Runs" }).ClickAsync();
        await run.Panel.Locator($"[data-testid=run-history-item][data-execution-id='{executionId}']").ClickAsync();

        await Expect(run.Panel).ToHaveAttributeAsync("data-execution-id", executionId.ToString());
        await run.ExpectNodeStatusAsync("boom", "failed");
        await page.Context.DisposeAsync();
    }

    [Fact]
    public async Task Run_is_disabled_while_the_graph_has_problems_and_says_how_many()
    {
        object[] nodes = [new { id = "c1", type = "code", label = "Alone", position = new { x = 100, y = 100 }, config = new { language = "javascript", code = "return 1;" } }];
        var id = await fx.CreateWorkflowAsync("No trigger", nodes);
        var page = await fx.NewPageAsync();
        var editor = await fx.OpenEditorAsync(page, id, expectedNodes: 1);

        await Expect(page.Locator("[data-testid=run]")).ToBeDisabledAsync();
        await Expect(page.Locator("[data-testid=run-wrapper]")).ToHaveAttributeAsync("title", new System.Text.RegularExpressions.Regex(@"Fix \d+ problems? before running"));
        await page.Context.DisposeAsync();
    }

    [Fact]
    public async Task The_executions_page_filters_by_workflow_and_opens_a_run_in_the_editor()
    {
        var id = await fx.CreateWorkflowAsync("Filtered", FailingNodes, FailingEdges);
        var name = (await fx.GetWorkflowAsync(id)).GetProperty("name").GetString()!;
        var other = await fx.CreateWorkflowAsync("Unrelated", FailingNodes, FailingEdges);
        foreach (var workflow in new[] { id, other, other })
        {
            (await fx.Api.PostAsync($"{ApiTestHelpers.Workflows}/{workflow}/execute", ApiTestHelpers.Json(new { input = new { n = 1 }, mode = "sync" })))
                .StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var page = await fx.NewPageAsync();
        await page.GotoAsync(new Uri(fx.App.ServerAddress, "/executions").ToString());
        await Infrastructure.Chromium.WaitForInteractiveAsync(page);
        var rows = page.Locator("[data-testid=execution-table] tbody tr");
        await Expect(page.Locator("[data-testid=execution-workflow-link]").Filter(new() { HasText = "Unrelated" })).Not.ToHaveCountAsync(0);

        await page.ClickAsync("[data-testid=execution-workflow-filter]");
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = name }).ClickAsync();

        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToContainTextAsync(name);
        await rows.First.Locator("[data-testid=execution-replay-link]").ClickAsync();
        var editor = new EditorPage(page);
        await editor.WaitUntilLoadedAsync(3);
        await new EditorRunPage(editor).ExpectNodeStatusAsync("boom", "failed");
        await page.Context.DisposeAsync();
    }

    private async Task<Guid> SeededWorkflowAsync(string slug)
    {
        var tenant = await fx.App.DemoTenantIdAsync();
        await using var db = fx.App.CreateSystemContext();
        return await db.Workflows.IgnoreQueryFilters().Where(w => w.TenantId == tenant && w.Slug == slug).Select(w => w.Id).SingleAsync();
    }
}
