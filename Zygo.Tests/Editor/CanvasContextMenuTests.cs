using Bunit;
using MudBlazor.Services;
using Zygo.Web.Components.Editor.Canvas;

namespace Zygo.Tests.Editor;

/// <summary>What the canvas context menu offers where, who may change things with it, and where it opens.</summary>
public sealed class CanvasContextMenuTests : BunitContext, IAsyncLifetime
{
    private readonly List<CanvasMenuAction> _picked = [];
    private int _closed;

    public CanvasContextMenuTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    [Fact]
    public void A_node_menu_for_an_editor_offers_node_and_canvas_actions_and_picks_by_click()
    {
        var menu = RenderMenu(Request("node", canPaste: false), canEdit: true);

        Actions(menu).Should().Equal(CanvasMenuAction.OpenConfiguration, CanvasMenuAction.Duplicate, CanvasMenuAction.Copy,
            CanvasMenuAction.PasteHere, CanvasMenuAction.Delete, CanvasMenuAction.SelectAll, CanvasMenuAction.AutoLayout, CanvasMenuAction.ZoomToFit);
        menu.Find("[data-action=PasteHere]").HasAttribute("disabled").Should().BeTrue("nothing was copied yet");
        menu.Find("[role=menu]").GetAttribute("aria-label").Should().Be("Node actions");

        menu.Find("[data-action=Duplicate]").Click();
        _picked.Should().Equal(CanvasMenuAction.Duplicate);
    }

    [Fact]
    public void The_background_menu_has_no_node_actions_and_a_viewer_gets_only_what_changes_nothing()
    {
        Actions(RenderMenu(Request("blank", canPaste: true), canEdit: true)).Should().Equal(
            CanvasMenuAction.PasteHere, CanvasMenuAction.SelectAll, CanvasMenuAction.AutoLayout, CanvasMenuAction.ZoomToFit);
        Actions(RenderMenu(Request("edge", canPaste: false), canEdit: true)).Should().Contain(CanvasMenuAction.Delete)
            .And.NotContain(CanvasMenuAction.Duplicate);

        var viewer = RenderMenu(Request("node", canPaste: true), canEdit: false);
        Actions(viewer).Should().Equal(CanvasMenuAction.OpenConfiguration, CanvasMenuAction.SelectAll, CanvasMenuAction.ZoomToFit);
        viewer.Find("[data-action=OpenConfiguration]").TextContent.Should().Contain("Show configuration");
    }

    [Fact]
    public void Escape_and_a_click_beside_the_menu_close_it()
    {
        var menu = RenderMenu(Request("blank", canPaste: false), canEdit: true);

        menu.Find("[role=menu]").KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "Escape" });
        menu.Find(".zygo-context-backdrop").MouseDown();

        _closed.Should().Be(2);
        _picked.Should().BeEmpty();
    }

    [Fact]
    public void Near_the_right_and_bottom_edges_the_menu_opens_to_the_left_and_upwards()
    {
        var corner = RenderMenu(Request("blank", canPaste: false) with { Left = 780, Top = 580 }, canEdit: true);
        var middle = RenderMenu(Request("blank", canPaste: false) with { Left = 100, Top = 50 }, canEdit: true);

        middle.Find("[role=menu]").GetAttribute("style").Should().StartWith("left:100px;top:50px;");
        // Four entries of 34 px and 8 px of padding: 144 px up; 232 px wide: to the left.
        corner.Find("[role=menu]").GetAttribute("style").Should().StartWith("left:548px;top:436px;");
    }

    private static CanvasMenuRequest Request(string kind, bool canPaste) =>
        new(kind, kind == "blank" ? null : "n1", Left: 100, Top: 50, X: 300, Y: 200, Width: 800, Height: 600, canPaste);

    private IRenderedComponent<CanvasContextMenu> RenderMenu(CanvasMenuRequest request, bool canEdit) =>
        Render<CanvasContextMenu>(p => p
            .Add(m => m.Request, request)
            .Add(m => m.CanEdit, canEdit)
            .Add(m => m.OnPick, (CanvasMenuAction a) => _picked.Add(a))
            .Add(m => m.OnClose, () => _closed++));

    private static IEnumerable<CanvasMenuAction> Actions(IRenderedComponent<CanvasContextMenu> menu) =>
        menu.FindAll("[role=menuitem]").Select(b => Enum.Parse<CanvasMenuAction>(b.GetAttribute("data-action")!));

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();
}
