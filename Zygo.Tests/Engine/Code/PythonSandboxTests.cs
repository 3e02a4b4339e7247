using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Zygo.Engine.Nodes.Code.Python;

namespace Zygo.Tests.Engine.Code;

/// <summary>
/// Python code runs confined by bubblewrap: it cannot reach a server on this machine nor read the server's files,
/// while ordinary code still works. The same scripts unconfined (<see cref="PythonSandboxMode.None"/>) do reach
/// both, which shows the checks would notice a sandbox that is not there.
/// </summary>
public sealed class PythonSandboxTests : IDisposable
{
    private readonly DirectoryInfo _serverFiles = Directory.CreateTempSubdirectory("zygo-server-files-");

    public void Dispose() => _serverFiles.Delete(recursive: true);

    private static NodeHarness Harness(PythonSandboxMode mode, string bubblewrap = "bwrap") =>
        new(services => services.Configure<CodeOptions>(o =>
        {
            o.PythonSandbox = mode;
            o.BubblewrapPath = bubblewrap;
        }));

    [Fact]
    public void The_test_machine_has_the_sandbox_so_the_other_python_tests_run_inside_it()
    {
        using var harness = Harness(PythonSandboxMode.Auto);

        harness.Services.GetRequiredService<PythonLauncher>().IsSandboxed.Should()
            .BeTrue("./zygo.sh test installs bubblewrap, and Auto uses it when it works");
    }

    [Theory]
    [InlineData(PythonSandboxMode.Bubblewrap, false)]
    [InlineData(PythonSandboxMode.None, true)]
    public async Task A_server_listening_on_this_machine_is_out_of_reach(PythonSandboxMode mode, bool reachable)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var harness = Harness(mode);

        var output = await harness.OutputAsync(CodeNode.Python($$"""
            import socket
            try:
                socket.create_connection(("127.0.0.1", {{port}}), timeout=3).close()
                output = {"connected": True}
            except OSError as e:
                output = {"connected": False, "error": type(e).__name__}
            """));

        output!["connected"]!.GetValue<bool>().Should().Be(reachable, output.ToJsonString());
    }

    [Theory]
    [InlineData(PythonSandboxMode.Bubblewrap, false)]
    [InlineData(PythonSandboxMode.None, true)]
    public async Task The_servers_files_cannot_be_read(PythonSandboxMode mode, bool readable)
    {
        var secret = Path.Combine(_serverFiles.FullName, "zygo.db");
        await File.WriteAllTextAsync(secret, "connection=secret");
        using var harness = Harness(mode);

        var output = await harness.OutputAsync(CodeNode.Python($$"""
            try:
                output = {"content": open({{JsonValue.Create(secret).ToJsonString()}}).read()}
            except OSError as e:
                output = {"error": type(e).__name__}
            """));

        (output!["content"]?.GetValue<string>() == "connection=secret").Should().Be(readable, output.ToJsonString());
    }

    [Fact]
    public async Task Ordinary_code_works_inside_and_can_use_its_own_folder()
    {
        using var harness = Harness(PythonSandboxMode.Bubblewrap);

        var output = await harness.OutputAsync(CodeNode.Python("""
            import json, math, os, statistics
            with open("scratch.json", "w") as f:
                json.dump({"n": input["n"]}, f)
            with open("scratch.json") as f:
                n = json.load(f)["n"]
            output = {"root": math.isqrt(n), "mean": statistics.mean([1, 2, 3]), "cwd": os.getcwd()}
            """), JsonNode.Parse("""{"n": 144}"""));

        output!.ToJsonString().Should().Be("""{"root":12,"mean":2,"cwd":"/code"}""");
    }

    [Fact]
    public async Task Required_sandbox_without_bubblewrap_fails_with_the_fix()
    {
        using var harness = Harness(PythonSandboxMode.Bubblewrap, bubblewrap: "/nonexistent/bwrap");

        var failure = await harness.FailureAsync(CodeNode.Python("output = 1"));

        failure.Message.Should().Contain("sandbox").And.Contain("/nonexistent/bwrap").And.Contain("apt-get install bubblewrap");
    }

    [Fact]
    public async Task Auto_without_bubblewrap_still_runs_the_code_unconfined()
    {
        using var harness = Harness(PythonSandboxMode.Auto, bubblewrap: "/nonexistent/bwrap");

        (await harness.OutputAsync(CodeNode.Python("output = 41 + 1")))!.GetValue<int>().Should().Be(42);
        harness.Services.GetRequiredService<PythonLauncher>().IsSandboxed.Should().BeFalse();
    }
}
