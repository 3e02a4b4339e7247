using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
using Zygo.Tests.Api;
using Zygo.Tests.Infrastructure;

namespace Zygo.Tests.E2E.Editor;

/// <summary>
/// Zygo on real Kestrel, one headless Chromium signed in as the demo Owner, and an API client of the same Owner: the
/// browser edits, the API sets workflows up and reads back what the editor saved. One per test class.
/// </summary>
public sealed class EditorAppFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string? _storageState;

    public ZygoAppFactory App { get; } = new(useKestrel: true);

    public HttpClient Api { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        var tenant = await App.DemoTenantIdAsync();
        await using (var db = App.CreateSystemContext())
        {
            var owner = db.Users.Single(u => u.Email == ZygoAppFactory.OwnerEmail);
            Api = App.ClientWithApiKey(await App.CreateApiKeyAsync(owner.Id, tenant));
            Api.BaseAddress = App.ServerAddress;
        }

        (_playwright, _browser) = await Chromium.LaunchAsync();
        var context = await _browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(App.ServerAddress, "/account/login").ToString());
        await page.FillAsync("input[name=Email]", ZygoAppFactory.OwnerEmail);
        await page.FillAsync("input[name=Password]", ZygoAppFactory.OwnerPassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login"));
        _storageState = await context.StorageStateAsync();
        await context.DisposeAsync();
    }

    /// <summary>A new signed-in page; dispose its context when done.</summary>
    public async Task<IPage> NewPageAsync(int width = 1440, int height = 900)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            StorageState = _storageState,
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        return await context.NewPageAsync();
    }

    public async Task<Guid> CreateWorkflowAsync(string name, object? nodes = null, object? edges = null)
    {
        var response = await Api.PostAsync(ApiTestHelpers.Workflows,
            ApiTestHelpers.Json(new { name = $"{name} {ApiTestHelpers.UniqueSuffix()}", nodes = nodes ?? Array.Empty<object>(), edges = edges ?? Array.Empty<object>() }));
        var body = await response.ShouldBeJsonAsync(HttpStatusCode.Created);
        return body.GetProperty("id").GetGuid();
    }

    public async Task<JsonElement> GetWorkflowAsync(Guid id) =>
        await (await Api.GetAsync($"{ApiTestHelpers.Workflows}/{id}")).ShouldBeJsonAsync(HttpStatusCode.OK);

    /// <summary>Opens the editor and waits until the circuit is up and the canvas has drawn the workflow.</summary>
    public async Task<EditorPage> OpenEditorAsync(IPage page, Guid id, int expectedNodes)
    {
        await page.GotoAsync(new Uri(App.ServerAddress, $"/workflows/{id}").ToString());
        var editor = new EditorPage(page);
        await editor.WaitUntilLoadedAsync(expectedNodes);
        return editor;
    }

    /// <summary>
    /// Opens the editor on a large graph, which the canvas draws only around the view: waits until the circuit is up,
    /// .NET has the graph and <paramref name="drawnNodeId"/> is drawn.
    /// </summary>
    public async Task<EditorPage> OpenLargeEditorAsync(IPage page, Guid id, string drawnNodeId)
    {
        await page.GotoAsync(new Uri(App.ServerAddress, $"/workflows/{id}").ToString());
        var editor = new EditorPage(page);
        await Chromium.WaitForInteractiveAsync(page);
        await page.Locator("[data-testid=editor]:not([data-graph-revision='0'])").WaitForAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(editor.Node(drawnNodeId)).ToHaveCountAsync(1);
        return editor;
    }

    public async Task DisposeAsync()
    {
        Api.Dispose();
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}
