using System.Text.Json.Nodes;
using AngleSharp.Dom;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;
using MudBlazor;
using MudBlazor.Services;
using Zygo.Data.Entities;
using Zygo.Engine.Nodes;
using Zygo.Web.Components.Editor.Config;
using Zygo.Web.Editor.Config;
using Zygo.Web.Tenancy;
using Zygo.Web.Variables;

namespace Zygo.Tests.Components.Config;

/// <summary>
/// Renders <see cref="NodeConfigForm"/> with the app's real services, acting as a member of the fixture's tenant, and
/// records every config it publishes.
/// </summary>
public abstract class ConfigFormTestBase : BunitContext, IAsyncLifetime
{
    private readonly ConfigFormApp _app;
    private readonly TenantRole _role;
    private IServiceScope? _scope;

    protected ConfigFormTestBase(ConfigFormApp app, TenantRole role = TenantRole.Owner)
    {
        _app = app;
        _role = role;
        JSInterop.Mode = JSRuntimeMode.Loose;
        // bUnit runs no JavaScript: the code editor's script "fails to start", so code fields keep their text area.
        CodeEditorModule = JSInterop.SetupModule(CodeEditorBundle);
        CodeEditorModule.SetupVoid("create", _ => true).SetException(new JSException("bUnit runs no JavaScript."));
        Services.AddMudServices();
    }

    public const string CodeEditorBundle = "./js/zygo-code.js";

    /// <summary>The code editor's module as the form sees it; a test can plan it to start after all.</summary>
    protected BunitJSModuleInterop CodeEditorModule { get; }

    protected ConfigFormApp App => _app;

    /// <summary>Every config the form published, oldest first.</summary>
    protected List<JsonObject> Published { get; } = [];

    protected IServiceProvider Scope => _scope!.ServiceProvider;

    protected VariableService Variables => Scope.GetRequiredService<VariableService>();

    public async Task InitializeAsync()
    {
        _scope = await _app.ScopeAsync(_role);
        Services.AddSingleton(Registry(_app.App.Services.GetRequiredService<NodeTypeRegistry>()));
        Services.AddSingleton(Scope.GetRequiredService<VariableService>());
        Services.AddSingleton(Scope.GetRequiredService<ICurrentUser>());
    }

    /// <summary>Where the open select lists render.</summary>
    protected IRenderedComponent<MudPopoverProvider> Popovers { get; private set; } = null!;

    /// <summary>The node types the form knows: the app's, unless a test adds its own.</summary>
    protected virtual NodeTypeRegistry Registry(NodeTypeRegistry app) => app;

    /// <summary>
    /// Finds and acts on an element in one step on the renderer: a debounce timer re-rendering a field in between
    /// cannot leave the test holding an element whose event handler is gone.
    /// </summary>
    protected static void Act(IRenderedComponent<NodeConfigForm> form, Action action) => form.InvokeAsync(action).GetAwaiter().GetResult();

    /// <summary>Types into a text input and leaves it.</summary>
    protected static void Type(IRenderedComponent<NodeConfigForm> form, string inputId, string text)
    {
        form.WaitForElement($"#{inputId}");
        Act(form, () => form.Find($"#{inputId}").Input(text));
        Act(form, () => form.Find($"#{inputId}").Blur());
    }

    protected IRenderedComponent<NodeConfigForm> RenderForm(string nodeType, JsonObject? config = null,
        IReadOnlyList<ConfigProblem>? problems = null)
    {
        Popovers = Render<MudPopoverProvider>();
        return Render<NodeConfigForm>(p => p
            .Add(f => f.NodeType, nodeType)
            .Add(f => f.Config, config ?? [])
            .Add(f => f.Problems, problems)
            .Add(f => f.ConfigChanged, (JsonObject c) => Published.Add(c)));
    }

    /// <summary>The block of the field editing <paramref name="path"/>.</summary>
    protected static IElement FieldOf(IRenderedComponent<NodeConfigForm> form, string path) =>
        form.Find($"[data-fields~='{path}']");

    /// <summary>The error shown under the field's input, if any.</summary>
    protected static string? ErrorOf(IRenderedComponent<NodeConfigForm> form, string path) =>
        FieldOf(form, path).QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent.Trim();

    /// <summary>Opens the select with input id <paramref name="inputId"/> and clicks the option showing <paramref name="text"/>.</summary>
    protected void Choose(IRenderedComponent<NodeConfigForm> form, string inputId, string text)
    {
        Act(form, () => form.Find($"#{inputId}").Closest(".mud-input-control")!.MouseDown());
        Popovers.WaitForAssertion(() => Options().Should().Contain(o => o.TextContent.Trim() == text));
        Act(form, () => Options().First(o => o.TextContent.Trim() == text).Click());
    }

    /// <summary>The options of the open select list.</summary>
    protected IReadOnlyList<IElement> Options() => Popovers.FindAll(".mud-popover-open .mud-list-item");

    async Task IAsyncLifetime.DisposeAsync()
    {
        _scope?.Dispose();
        await base.DisposeAsync();
    }
}
