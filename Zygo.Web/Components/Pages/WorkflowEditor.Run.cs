using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;
using Zygo.Engine.Execution.Events;
using Zygo.Engine.Execution.Service;
using Zygo.Web.Components.Editor.Run;
using Zygo.Web.Executions;
using Zygo.Web.Security;
using Zygo.Web.Workflows;

namespace Zygo.Web.Components.Pages;

/// <summary>
/// The editor's runs: Run (saving first, asking for the input), live status on the canvas and in the execution
/// panel, Stop, past runs from the panel's list, and a past run opened by link (<c>?execution=</c>), read-only.
/// </summary>
public sealed partial class WorkflowEditor
{
    [Inject] private WorkflowExecutor Executor { get; set; } = default!;
    [Inject] private ExecutionEventBus Events { get; set; } = default!;
    [Inject] private ExecutionQuery ExecutionQuery { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    /// <summary>A past run to show read-only on the graph it ran.</summary>
    [SupplyParameterFromQuery(Name = "execution")] public Guid? ReplayExecutionId { get; set; }

    private RunState? run;
    private RunSession? session;
    private ExecutionPanel? executionPanel;
    private RunGraph runGraph = RunGraph.Empty;
    private bool panelOpen;
    private bool runStarting;
    private bool runStopping;
    private int runHistoryVersion;
    private string? runFocusNodeId;
    private string? lastRunInput;

    private bool Replaying => ReplayExecutionId is not null;
    private bool CanRun => !Replaying && CurrentUser.Can(Permission.ExecuteWorkflows);
    private bool RunLive => run?.Live == true;

    private async Task RunWorkflowAsync()
    {
        if (!CanRun || RunLive || runStarting || problems.All.Count > 0)
        {
            return;
        }

        // The run uses the stored graph: what the user sees must be stored first.
        if (dirty && canEdit)
        {
            await SaveAsync(null, quiet: true);
            if (dirty || conflict)
            {
                Snackbar.Add("The workflow could not be saved, so it was not run. Save it, then run again.", Severity.Warning);
                return;
            }
        }

        runGraph = RunGraph.Parse(graph.Json);
        var input = await AskInputAsync();
        if (input is null)
        {
            return;
        }

        runStarting = true;
        try
        {
            await OpenPanelBeforeRunAsync();
            var request = new ExecutionRequest(CurrentUser.TenantId!.Value, Id, input.Payload, Data.Entities.TriggerSource.User, CurrentUser.UserId);
            var start = await Executor.CreateAsync(request, queued: false, CancellationToken.None);
            if (!start.WorkflowFound || start.Problems.Count > 0)
            {
                Snackbar.Add(start.WorkflowFound ? "The workflow cannot run: " + string.Join(" ", start.Problems.Select(p => p.Message))
                    : "This workflow does not exist any more.", Severity.Error);
                return;
            }

            await StopWatchingAsync();
            run = RunState.Started(start.ExecutionId!.Value, runGraph.Nodes.Keys.ToList(), DateTime.UtcNow);
            OpenPanel();
            runFocusNodeId = null;
            // Every node queued goes to the canvas before the run starts: sent after it, it could arrive after the
            // run's first batch and paint a running node back to queued. Posted, so the run does not wait for the browser.
            Canvas.PostStatuses(run.TakeCanvasChanges());
            session = new RunSession(Events, Executor, request, start, OnRunBatchAsync);
            runHistoryVersion++;
        }
        finally
        {
            runStarting = false;
        }
    }

    /// <summary>The input payload from the dialog; a scheduled workflow starts without asking. Null: cancelled.</summary>
    private async Task<RunInput?> AskInputAsync()
    {
        if (runGraph.Trigger?["triggerMode"]?.ToString() == "schedule")
        {
            return new RunInput(null);
        }

        var parameters = new DialogParameters<RunInputDialog>
        {
            { d => d.Initial, lastRunInput ?? RunInputTemplate.For(runGraph.Trigger) },
        };
        var dialog = await Dialogs.ShowAsync<RunInputDialog>("Run with input", parameters,
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is not { Canceled: false, Data: RunInput input })
        {
            return null;
        }

        lastRunInput = input.Payload?.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) ?? "";
        return input;
    }

    /// <summary>A batch of the live run's events (and its record at the end): one canvas update, one render.</summary>
    private Task OnRunBatchAsync(IReadOnlyList<ExecutionEvent> events, ExecutionView? record) => InvokeAsync(() =>
    {
        if (run is null || (events.Count > 0 && events[0].ExecutionId != run.ExecutionId) || (record is not null && record.Id != run.ExecutionId))
        {
            return;
        }

        foreach (var e in events)
        {
            run.Apply(e);
        }

        if (record is not null)
        {
            run.Finish(record);
            runStopping = false;
            runHistoryVersion++;
        }

        var changes = run.TakeCanvasChanges();
        if (changes.Count > 0)
        {
            Canvas.PostStatuses(changes);
        }

        // While the run goes on only the panel changes; its end changes the toolbar (Stop becomes Run) too.
        if (record is null && executionPanel is not null)
        {
            executionPanel.Refresh();
        }
        else
        {
            StateHasChanged();
        }
    });

    private async Task StopRunAsync()
    {
        if (run is not { Live: true } live)
        {
            return;
        }

        runStopping = true;
        if (!await Executor.CancelAsync(CurrentUser.TenantId!.Value, live.ExecutionId, CancellationToken.None))
        {
            runStopping = false;
            Snackbar.Add("The run has already ended.", Severity.Info);
        }
    }

    /// <summary>Shows a past run of this workflow in the panel and on the canvas.</summary>
    private async Task OpenRunAsync(Guid executionId)
    {
        var record = await ExecutionQuery.GetAsync(Id, executionId);
        if (record is null)
        {
            Snackbar.Add("This run does not exist, or it belongs to another workflow.", Severity.Warning);
            return;
        }

        await StopWatchingAsync();
        runGraph = RunGraph.Parse(graph.Json);
        run = RunState.Recorded(record.View, runGraph.Nodes.Keys.ToList());
        OpenPanel();
        runFocusNodeId = null;
        await Canvas.SetStatusesAsync(run.TakeCanvasChanges());
    }

    /// <summary>Opened by link: the run's own version of the graph, read-only, with its statuses. False: no replay asked.</summary>
    private async Task<bool> OpenReplayAsync()
    {
        if (ReplayExecutionId is not { } executionId)
        {
            return false;
        }

        var record = CurrentUser.Can(Permission.ViewLogs) ? await ExecutionQuery.GetAsync(Id, executionId) : null;
        if (record is null)
        {
            Snackbar.Add("This run does not exist, or you may not see it.", Severity.Warning);
            return false;
        }

        var ran = await Versions.GetAsync(Id, record.WorkflowVersion);
        await LoadGraphAsync(ran is null
            ? WorkflowGraphJson.Combine(workflow!.Nodes.GetRawText(), workflow.Edges.GetRawText())
            : WorkflowGraphJson.Combine(ran.Nodes.GetRawText(), ran.Edges.GetRawText()));
        runGraph = RunGraph.Parse(graph.Json);
        run = RunState.Recorded(record.View, runGraph.Nodes.Keys.ToList());
        replayVersion = record.WorkflowVersion;
        OpenPanel();
        await Canvas.SetStatusesAsync(run.TakeCanvasChanges());
        StateHasChanged();
        return true;
    }

    private int? replayVersion;
    private bool fitAfterPanel;

    /// <summary>
    /// Opens the panel and fits the smaller canvas before the run starts: fitting redraws the whole canvas, and done
    /// while the run's first statuses arrive it held them back by the length of that redraw.
    /// </summary>
    private async Task OpenPanelBeforeRunAsync()
    {
        if (panelOpen)
        {
            return;
        }

        OpenPanel();
        StateHasChanged();
        await FitAfterPanelAsync();
    }

    /// <summary>Opens the execution panel; the canvas gets smaller, so the view is fitted to it again once it has.</summary>
    private void OpenPanel()
    {
        fitAfterPanel |= !panelOpen;
        panelOpen = true;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        await FitAfterPanelAsync();
    }

    private async Task FitAfterPanelAsync()
    {
        if (fitAfterPanel && canvas?.IsReady == true)
        {
            fitAfterPanel = false;
            // The canvas follows its parent's size through a ResizeObserver, which reports after the panel's render.
            await Task.Delay(PanelResizeDelay);
            await Canvas.FitAfterResizeAsync();
        }
    }

    private static readonly TimeSpan PanelResizeDelay = TimeSpan.FromMilliseconds(60);

    private async Task ClosePanelAsync()
    {
        panelOpen = false;
        if (run is { Live: false })
        {
            // Closing the panel also takes the past run's statuses off the canvas.
            await Canvas.SetStatusesAsync(runGraph.Nodes.Keys.ToDictionary(id => id, _ => Editor.Canvas.CanvasRunStatus.Cleared));
            run = null;
        }
    }

    /// <summary>A full load: the canvas is created read-only for a replay and editable only by a fresh start.</summary>
    private void LeaveReplay() => Navigation.NavigateTo($"/workflows/{Id}", forceLoad: true);

    private Task SelectRunNodeAsync(string nodeId) => Canvas.SelectNodeAsync(nodeId).AsTask();

    private void FocusRunNode(IReadOnlyList<string> nodeIds)
    {
        if (nodeIds.Count == 1)
        {
            runFocusNodeId = nodeIds[0];
        }
    }

    private async Task StopWatchingAsync()
    {
        if (session is not null)
        {
            await session.DisposeAsync();
            session = null;
        }
    }
}
