using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Routing;
using MudBlazor;
using Zygo.Engine.Nodes;
using Zygo.Engine.Nodes.Trigger;
using Zygo.Engine.Validation;
using Zygo.Web.Common;
using Zygo.Web.Components.Editor;
using Zygo.Web.Components.Editor.Canvas;
using Zygo.Web.Components.Editor.Palette;
using Zygo.Web.Components.Editor.Panel;
using Zygo.Web.Security;
using Zygo.Web.Tenancy;
using Zygo.Web.Workflows;

namespace Zygo.Web.Components.Pages;

/// <summary>
/// The workflow editor: palette, canvas and node panel, saved explicitly (button, Ctrl+S) and by autosave two seconds
/// after the last change. Every save carries the stamp the editor loaded, so a save by someone else in between
/// surfaces as a conflict with "reload" and "overwrite" choices instead of being overwritten.
/// </summary>
public sealed partial class WorkflowEditor : IDisposable
{
    public static readonly TimeSpan AutosaveDelay = TimeSpan.FromSeconds(2);

    [Inject] private WorkflowService Workflows { get; set; } = default!;
    [Inject] private WorkflowVersionService Versions { get; set; } = default!;
    [Inject] private NodeTypeRegistry Registry { get; set; } = default!;
    [Inject] private GraphValidator Validator { get; set; } = default!;
    [Inject] private ICurrentUser CurrentUser { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;

    [Parameter] public Guid Id { get; set; }

    private WorkflowDetail? workflow;
    private bool loaded;
    private bool canEdit;
    private IReadOnlyList<EditorNodeType> types = [];
    private WorkflowCanvas? canvas;
    private NodePalette? palette;
    private Debouncer? autosave;
    private InputFile? importInput;

    private string savedGraph = "";
    private readonly EditorGraph graph = new();
    private Guid stamp;
    private bool dirty;
    private bool saving;
    private bool conflict;
    private bool canUndo;
    private bool canRedo;
    private int revision;
    private bool versionsOpen;
    private EditorProblems problems = EditorProblems.None;
    private SelectedNode? selected;
    private readonly SemaphoreSlim saveLock = new(1, 1);

    private WorkflowCanvas Canvas => canvas ?? throw new InvalidOperationException("The canvas is not rendered.");

    private bool chatOpen;
    private (WorkflowDetail? For, bool StartsByChat) chatTrigger;

    /// <summary>The saved workflow has a chat trigger and the user may run it; worked out once per loaded or saved workflow.</summary>
    private bool ChatAvailable
    {
        get
        {
            if (workflow is null || !CurrentUser.Can(Permission.ExecuteWorkflows))
            {
                return false;
            }

            if (!ReferenceEquals(chatTrigger.For, workflow))
            {
                chatTrigger = (workflow, ChatWorkflows.StartsByChat(workflow.Nodes.GetRawText()));
            }

            return chatTrigger.StartsByChat;
        }
    }

    private string SaveState => conflict ? "Not saved: conflict"
        : saving ? "Saving…"
        : dirty ? "Unsaved changes"
        : $"Saved · v{workflow?.Version}";

    protected override async Task OnParametersSetAsync()
    {
        workflow = await Workflows.GetAsync(Id);
        loaded = true;
        if (workflow is null)
        {
            return;
        }

        canEdit = CurrentUser.Can(Permission.EditWorkflows) && !Replaying;
        types = EditorNodeType.From(Registry);
        stamp = workflow.ConcurrencyStamp;
        autosave ??= new Debouncer(AutosaveDelay, () => InvokeAsync(() => SaveAsync("Autosaved", quiet: true)));
    }

    private async Task CanvasReadyAsync()
    {
        if (await OpenReplayAsync())
        {
            return;
        }

        await LoadGraphAsync(WorkflowGraphJson.Combine(workflow!.Nodes.GetRawText(), workflow.Edges.GetRawText()));
        if (canEdit && palette is not null)
        {
            await Canvas.BindPaletteAsync(palette.Element);
        }
    }

    /// <summary>Shows a graph as the saved state: the canvas's own rendering of it is what later changes compare with.</summary>
    private async Task LoadGraphAsync(string graphJson)
    {
        await Canvas.LoadAsync(graphJson);
        savedGraph = await Canvas.GetGraphAsync();
        graph.Replace(savedGraph);
        dirty = false;
        canUndo = canRedo = false;
        selected = null;
        await ValidateAsync();
        revision++;
        StateHasChanged();
    }

    private async Task GraphChangedAsync(GraphChange change)
    {
        canUndo = change.CanUndo;
        canRedo = change.CanRedo;
        revision++;
        if (change.PositionsOnly)
        {
            // A move changes neither validity nor what the panel shows: nothing to check, only to save.
            graph.Move(change.Json);
            dirty = true;
        }
        else
        {
            graph.Replace(change.Json);
            dirty = graph.Json != savedGraph;
            if (selected is not null)
            {
                selected = SelectedNode.Find(graph.Json, selected.Id);
            }

            await ValidateAsync();
        }

        if (dirty && canEdit && !conflict)
        {
            autosave?.Trigger();
        }
    }

    private async Task ValidateAsync()
    {
        var (nodes, edges) = WorkflowGraphJson.Split(graph.Json);
        var previous = problems;
        problems = EditorProblems.Check(Validator, nodes, edges);
        if (previous.ByNode.Count > 0 || problems.ByNode.Count > 0)
        {
            await Canvas.SetProblemsAsync(problems.ByNode);
        }
    }

    private async Task SaveWithNoteAsync()
    {
        var dialog = await Dialogs.ShowAsync<SaveNoteDialog>("Save with a note");
        if (await dialog.Result is { Canceled: false, Data: string note })
        {
            await SaveAsync(string.IsNullOrWhiteSpace(note) ? null : note);
        }
    }

    /// <param name="quiet">Autosave: no snackbar when it worked.</param>
    private async Task SaveAsync(string? note, bool quiet = false)
    {
        if (!canEdit || workflow is null)
        {
            return;
        }

        autosave?.Cancel();
        if (!await saveLock.WaitAsync(0))
        {
            autosave?.Trigger(); // a save is running; try again after it
            return;
        }

        try
        {
            var json = graph.Json;
            dirty = json != savedGraph;
            if (conflict || !dirty)
            {
                if (!quiet && !conflict)
                {
                    Snackbar.Add("Nothing to save: no changes since the last save.", Severity.Info);
                }

                return;
            }

            saving = true;
            StateHasChanged();
            var (nodes, edges) = WorkflowGraphJson.Split(json);
            var saved = await Workflows.UpdateAsync(Id, new WorkflowChange(NodesJson: nodes, EdgesJson: edges, ChangeNote: note, ExpectedStamp: stamp));
            if (saved is null)
            {
                Snackbar.Add("This workflow was deleted; it cannot be saved.", Severity.Error);
                return;
            }

            workflow = saved;
            stamp = saved.ConcurrencyStamp;
            savedGraph = json;
            dirty = graph.Json != savedGraph;
            if (!quiet)
            {
                Snackbar.Add($"Saved as version {saved.Version}.", Severity.Success);
            }
        }
        catch (ConflictException)
        {
            conflict = true;
        }
        catch (Exception ex) when (ex is InputValidationException or PermissionDeniedException)
        {
            Snackbar.Add(ex.Message, Severity.Error);
        }
        finally
        {
            saving = false;
            saveLock.Release();
            StateHasChanged();
        }
    }

    /// <summary>Conflict: drop this tab's changes and show what the other save left.</summary>
    private async Task ReloadAsync()
    {
        workflow = await Workflows.GetAsync(Id);
        if (workflow is null)
        {
            return;
        }

        stamp = workflow.ConcurrencyStamp;
        conflict = false;
        await LoadGraphAsync(WorkflowGraphJson.Combine(workflow.Nodes.GetRawText(), workflow.Edges.GetRawText()));
        Snackbar.Add($"Reloaded version {workflow.Version}.", Severity.Info);
    }

    /// <summary>Conflict: save this tab's graph over the other save, knowingly (the other stays in the versions).</summary>
    private async Task OverwriteAsync()
    {
        var latest = await Workflows.GetAsync(Id);
        if (latest is null)
        {
            return;
        }

        stamp = latest.ConcurrencyStamp;
        conflict = false;
        await SaveAsync($"Overwrote version {latest.Version}");
    }

    private async Task RestoreAsync(int version)
    {
        if (dirty && await Dialogs.ShowMessageBoxAsync("Restore version " + version,
                "Your unsaved changes will be replaced by this version.", yesText: "Restore", cancelText: "Cancel") != true)
        {
            return;
        }

        try
        {
            var restored = await Versions.RestoreAsync(Id, version, stamp);
            if (restored is null)
            {
                Snackbar.Add($"Version {version} does not exist.", Severity.Error);
                return;
            }

            workflow = restored;
            stamp = restored.ConcurrencyStamp;
            versionsOpen = false;
            await LoadGraphAsync(WorkflowGraphJson.Combine(restored.Nodes.GetRawText(), restored.Edges.GetRawText()));
            Snackbar.Add($"Restored version {version} as version {restored.Version}.", Severity.Success);
        }
        catch (ConflictException)
        {
            versionsOpen = false;
            conflict = true;
        }
    }

    private async Task ExportJsonAsync()
    {
        var (nodes, edges) = WorkflowGraphJson.Split(graph.Json);
        await Canvas.DownloadAsync($"{workflow!.Slug}.json", WorkflowDocument.From(workflow, nodes, edges).ToJson());
    }

    private Task ExportPngAsync() => Canvas.ExportPngAsync($"{workflow!.Slug}.png").AsTask();

    private Task ExportSvgAsync() => Canvas.ExportSvgAsync($"{workflow!.Slug}.svg").AsTask();

    private async Task OpenImportAsync()
    {
        if (importInput?.Element is { } input)
        {
            await Canvas.OpenFilePickerAsync(input);
        }
    }

    private async Task ImportAsync(InputFileChangeEventArgs e)
    {
        try
        {
            string json;
            await using (var stream = e.File.OpenReadStream(WorkflowDocument.MaxBytes))
            using (var reader = new StreamReader(stream))
            {
                json = await reader.ReadToEndAsync();
            }

            var document = WorkflowDocument.Parse(json);
            await Canvas.LoadAsync(WorkflowGraphJson.Combine(document.NodesJson, document.EdgesJson));
            await GraphChangedAsync(new GraphChange(await Canvas.GetGraphAsync(), PositionsOnly: false, CanUndo: false, CanRedo: false));
            Snackbar.Add($"Imported “{document.Name}” from {e.File.Name}: save to keep it.", Severity.Success);
        }
        catch (InputValidationException ex)
        {
            Snackbar.Add($"{e.File.Name} cannot be imported: {ex.Message}", Severity.Error);
        }
        catch (IOException)
        {
            Snackbar.Add($"{e.File.Name} is larger than {WorkflowDocument.MaxBytes / 1024 / 1024} MB.", Severity.Error);
        }
    }

    private Task ShowShortcutsAsync() =>
        Dialogs.ShowAsync<ShortcutsDialog>("Keyboard shortcuts", new DialogOptions { CloseOnEscapeKey = true, MaxWidth = MaxWidth.Small, FullWidth = true });

    private async Task AddNodeAsync(string type) => await Canvas.AddNodeAsync(type);

    private void OpenNode(string nodeId) => selected = SelectedNode.Find(graph.Json, nodeId);

    private void SelectionChanged(IReadOnlyList<string> nodeIds)
    {
        selected = nodeIds.Count == 1 ? SelectedNode.Find(graph.Json, nodeIds[0]) : null;
        FocusRunNode(nodeIds);
    }

    private async Task ChangeNodeAsync(object change)
    {
        if (selected is not null)
        {
            await Canvas.UpdateNodeAsync(selected.Id, change);
        }
    }

    private async Task ShowProblemAsync(string? nodeId)
    {
        if (nodeId is not null)
        {
            await Canvas.SelectNodeAsync(nodeId);
        }
    }

    private async Task ConfirmLeaveAsync(LocationChangingContext context)
    {
        if (dirty && await Dialogs.ShowMessageBoxAsync("Unsaved changes",
                "This workflow has changes that are not saved yet. Leave anyway?", yesText: "Leave", cancelText: "Stay") != true)
        {
            context.PreventNavigation();
        }
    }

    public void Dispose()
    {
        _ = StopWatchingAsync();
        autosave?.Dispose();
        saveLock.Dispose();
    }
}
