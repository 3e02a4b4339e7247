using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Zygo.Tests.E2E.Editor;

/// <summary>Running from the editor in a browser page: the Run button, its input dialog and the execution panel.</summary>
public sealed class EditorRunPage(EditorPage editor)
{
    public IPage Page => editor.Page;
    public ILocator Panel => Page.Locator("[data-testid=execution-panel]");
    public ILocator Timeline => Panel.Locator("[data-testid=timeline-row]");
    public ILocator Row(string nodeId) => Panel.Locator($"[data-testid=timeline-row][data-node-id='{nodeId}']");
    public ILocator Detail => Panel.Locator("[data-testid=node-run-detail]");
    public ILocator InputBox => Page.Locator("textarea#run-input");

    /// <summary>Presses Run and waits for the input dialog.</summary>
    public async Task OpenRunDialogAsync()
    {
        await Page.ClickAsync("[data-testid=run]");
        await InputBox.WaitForAsync();
    }

    /// <summary>Runs with <paramref name="inputJson"/> typed over the dialog's payload; returns when the run is under way.</summary>
    public async Task RunAsync(string inputJson)
    {
        await OpenRunDialogAsync();
        await InputBox.FillAsync(inputJson);
        await SubmitAsync();
    }

    /// <summary>Runs with the payload the open dialog has; returns when the run is under way.</summary>
    public async Task SubmitAsync()
    {
        await Page.ClickAsync("[data-testid=run-input-submit]");
        await Expect(Panel).ToHaveAttributeAsync("data-execution-id", new System.Text.RegularExpressions.Regex("^[0-9a-f-]{36}$"));
    }

    public Task WaitForStatusAsync(string status, int timeoutMs = 30_000) =>
        Expect(Panel).ToHaveAttributeAsync("data-status", status, new() { Timeout = timeoutMs });

    public async Task<Guid> ExecutionIdAsync() => Guid.Parse((await Panel.GetAttributeAsync("data-execution-id"))!);

    /// <summary>
    /// From now on, records each node's badge colour at the moment its status changes (in the mutation's own
    /// microtask, before the browser draws a frame): a badge painted later, by x6's job queue, is still the old colour.
    /// </summary>
    public Task RecordBadgesAsync() => Page.EvaluateAsync("""
        () => {
            window.__zygoBadges = [];
            new MutationObserver((records) => {
                for (const r of records) {
                    const status = r.target.getAttribute('data-run-status');
                    const badge = r.target.querySelector('.zygo-status');
                    if (status && badge) {
                        window.__zygoBadges.push(`${r.target.getAttribute('data-cell-id')} ${status} ${getComputedStyle(badge).fill}`);
                    }
                }
            }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-run-status'] });
        }
        """);

    /// <summary>The badge colours recorded since <see cref="RecordBadgesAsync"/>, as "node status fill".</summary>
    public Task<string[]> RecordedBadgesAsync() => Page.EvaluateAsync<string[]>("() => window.__zygoBadges");

    /// <summary>Waits until the canvas shows <paramref name="status"/> on the node.</summary>
    public Task ExpectNodeStatusAsync(string nodeId, string status, int timeoutMs = 30_000) =>
        Expect(editor.Node(nodeId)).ToHaveAttributeAsync("data-run-status", status, new() { Timeout = timeoutMs });

    /// <summary>Saves a screenshot as run-{name}.png (see <see cref="Screenshots"/>).</summary>
    public Task ScreenshotAsync(string name) => Screenshots.SaveAsync(Page, $"run-{name}");
}
