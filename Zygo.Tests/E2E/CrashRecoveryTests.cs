using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Zygo.Tests.Infrastructure;

namespace Zygo.Tests.E2E;

/// <summary>
/// Zygo killed mid-run (SIGKILL, no graceful stop) and started again on the same data: the run that was going is
/// marked interrupted, nothing stays "running", and the runs still queued are run after the restart.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CrashRecoveryTests
{
    private const string Password = "Crash-Test-Password-1";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task After_a_kill_running_runs_are_interrupted_and_queued_runs_complete()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "zygo-crash", Guid.NewGuid().ToString("N"));
        var environment = new Dictionary<string, string>
        {
            ["Zygo__Seed__OwnerPassword"] = Password,
            ["Zygo__Execution__Workers"] = "1",
        };
        string slowRun;
        string[] queuedRuns;
        string workflowSlow, workflowQuick;
        try
        {
            await using (var first = await ZygoProcess.StartAsync(StartTimeout, environment, dataPath))
            {
                using var client = await SignInAsync(first.Address);
                workflowSlow = await CreateAsync(client, new JsonObject { ["duration"] = 60, ["unit"] = "seconds" }, "delay");
                workflowQuick = await CreateAsync(client, new JsonObject { ["language"] = "javascript", ["code"] = "return { done: true };" }, "code");

                slowRun = await QueueAsync(client, workflowSlow);
                await WaitForAsync(client, workflowSlow, slowRun, s => s == "running");
                // One worker, busy with the slow run: these stay queued.
                queuedRuns = [await QueueAsync(client, workflowQuick), await QueueAsync(client, workflowQuick)];
                (await StatusAsync(client, workflowQuick, queuedRuns[0])).Should().Be("pending");
                await WaitForStepsAsync(client, workflowSlow, slowRun, 1);

                await first.KillAsync();
            }

            await using var second = await ZygoProcess.StartAsync(StartTimeout, environment, dataPath);
            using var again = await SignInAsync(second.Address);
            (await StatusAsync(again, workflowSlow, slowRun)).Should().Be("interrupted");
            (await WaitForStepsAsync(again, workflowSlow, slowRun, 1)).Should().Equal(["t"], "steps that ended before the kill were written");
            foreach (var queued in queuedRuns)
            {
                (await WaitForAsync(again, workflowQuick, queued, s => s is "completed" or "failed")).Should().Be("completed");
            }

            var all = await again.GetFromJsonAsync<JsonElement>($"/api/v1/workflows/{workflowSlow}/executions?status=running");
            all.GetProperty("total").GetInt32().Should().Be(0);
        }
        finally
        {
            try
            {
                Directory.Delete(dataPath, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static async Task<HttpClient> SignInAsync(Uri address)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = address };
        var signIn = await AntiforgeryForm.PostAsync(client, "/account/login", "/account/login",
            [new("Email", "owner@zygo.local"), new("Password", Password)]);
        signIn.StatusCode.Should().Be(HttpStatusCode.Redirect);
        return client;
    }

    private static async Task<string> CreateAsync(HttpClient client, JsonObject config, string type)
    {
        var body = new JsonObject
        {
            ["name"] = $"{type} {Guid.NewGuid():N}",
            ["nodes"] = new JsonArray(
                new JsonObject { ["id"] = "t", ["type"] = "trigger", ["label"] = "Start", ["config"] = new JsonObject { ["triggerMode"] = "manual" } },
                new JsonObject { ["id"] = "n", ["type"] = type, ["label"] = "Work", ["config"] = config }),
            ["edges"] = new JsonArray(new JsonObject { ["id"] = "e", ["source"] = "t", ["target"] = "n" }),
        };
        var response = await client.PostAsync("/api/v1/workflows", new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private static async Task<string> QueueAsync(HttpClient client, string workflowId)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/workflows/{workflowId}/execute", new { mode = "async" });
        response.StatusCode.Should().Be(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private static async Task<string> StatusAsync(HttpClient client, string workflowId, string executionId) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/workflows/{workflowId}/executions/{executionId}"))
        .GetProperty("status").GetString()!;

    /// <summary>The node ids of the run's recorded steps, once at least <paramref name="count"/> are recorded (or after 10 s).</summary>
    private static async Task<List<string>> WaitForStepsAsync(HttpClient client, string workflowId, string executionId, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var run = await client.GetFromJsonAsync<JsonElement>($"/api/v1/workflows/{workflowId}/executions/{executionId}");
            var steps = run.GetProperty("nodeExecutions").EnumerateArray().Select(n => n.GetProperty("nodeId").GetString()!).ToList();
            if (steps.Count >= count || DateTime.UtcNow > deadline)
            {
                return steps;
            }

            await Task.Delay(200);
        }
    }

    private static async Task<string> WaitForAsync(HttpClient client, string workflowId, string executionId, Func<string, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        string status;
        while (!done(status = await StatusAsync(client, workflowId, executionId)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        return status;
    }
}
