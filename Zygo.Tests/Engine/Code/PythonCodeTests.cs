using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Zygo.Engine.Nodes.Code;
using Zygo.Engine.Nodes.Code.Python;
using Zygo.Tests.Infrastructure;

namespace Zygo.Tests.Engine.Code;

[Collection(TimingCollection.Name)]
public sealed class PythonCodeTests : IDisposable
{
    private readonly NodeHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Computes_the_output_from_the_input()
    {
        var config = CodeNode.Python("""
            total = sum(item["price"] * item["qty"] for item in input["items"])
            output = {"total": total, "names": [item["name"].upper() for item in input["items"]], "text": "café ✓"}
            """);
        var input = JsonNode.Parse("""{"items":[{"name":"pen","price":1.5,"qty":2},{"name":"ink","price":4,"qty":1}]}""");

        var output = await _harness.OutputAsync(config, input);

        JsonNode.DeepEquals(output, JsonNode.Parse("""{"total":7.0,"names":["PEN","INK"],"text":"café ✓"}"""))
            .Should().BeTrue(output?.ToJsonString());
    }

    [Fact]
    public async Task Reads_the_run_variables_and_the_input_variables_and_emit_sets_the_output()
    {
        var config = CodeNode.Python("""emit({"fromVars": vars["item"]["n"] * 10, "item": item, "city": city, "missing": missing})""");
        config["inputVariables"] = new JsonArray("item", "city", "missing");

        var output = await _harness.OutputWithVarsAsync(config, JsonNode.Parse("""{"city":"Oslo"}"""),
            new JsonObject { ["item"] = new JsonObject { ["n"] = 4 } });

        JsonNode.DeepEquals(output, JsonNode.Parse("""{"fromVars":40,"item":{"n":4},"city":"Oslo","missing":null}"""))
            .Should().BeTrue(output?.ToJsonString());
    }

    [Fact]
    public async Task Prints_go_to_the_log_without_corrupting_the_output()
    {
        var config = CodeNode.Python("""
            print("starting", 1)
            print('{"not": "the output"}')
            output = [1, 2]
            print("no newline at the end", end="")
            """);

        var output = await _harness.OutputAsync(config);

        output!.ToJsonString().Should().Be("[1,2]");
        _harness.Logs.Should().Equal("starting 1", """{"not": "the output"}""", "no newline at the end");
    }

    [Fact]
    public async Task Not_setting_output_gives_null()
    {
        (await _harness.OutputAsync(CodeNode.Python("x = 1"))).Should().BeNull();
    }

    [Fact]
    public async Task An_infinite_loop_is_killed_at_the_timeout()
    {
        var config = CodeNode.Python("while True:\n    pass");
        config["timeout"] = 1;

        var (elapsed, failure) = await _harness.TimedFailureAsync(config);

        failure.Message.Should().Be("The Python code was stopped after 1 s (its timeout).");
        failure.Retryable.Should().BeTrue();
        elapsed.Should().BeLessThan(TimeSpan.FromSeconds(2.5));
    }

    [Fact]
    public async Task Allocating_past_the_memory_limit_fails_with_the_memory_message()
    {
        var config = CodeNode.Python("hoard = bytearray(500 * 1024 * 1024)\noutput = len(hoard)");
        config["memoryLimit"] = 64;

        var failure = await _harness.FailureAsync(config);

        failure.Message.Should().Be("The Python code exceeded the memory limit of 64 MB.");
        failure.Retryable.Should().BeFalse();
    }

    [Fact]
    public async Task Allocating_within_the_memory_limit_works()
    {
        var config = CodeNode.Python("hoard = bytearray(40 * 1024 * 1024)\noutput = len(hoard)");
        config["memoryLimit"] = 64;

        (await _harness.OutputAsync(config))!.GetValue<long>().Should().Be(40 * 1024 * 1024);
    }

    [Fact]
    public async Task The_server_environment_is_not_visible()
    {
        var name = $"ZYGO_TEST_SECRET_{Guid.NewGuid():N}";
        Environment.SetEnvironmentVariable(name, "hunter2");
        try
        {
            var output = await _harness.OutputAsync(CodeNode.Python("import os\noutput = dict(os.environ)"));

            var environment = output!.AsObject();
            environment.Should().NotContainKey(name);
            environment.Select(pair => pair.Value?.ToString()).Should().NotContain("hunter2");
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }

    [Fact]
    public async Task The_code_runs_in_an_empty_temporary_folder_that_is_deleted_afterwards()
    {
        var config = CodeNode.Python("""
            import os
            open("scratch.txt", "w").write("x")
            output = {"cwd": os.getcwd(), "files": sorted(os.listdir("."))}
            """);
        // Unconfined, so the folder the code sees is the server's own (inside the sandbox it is /code).
        using var harness = new NodeHarness(services => services.Configure<CodeOptions>(o => o.PythonSandbox = PythonSandboxMode.None));

        var output = await harness.OutputAsync(config);

        output!["files"]!.ToJsonString().Should().Be("""["scratch.txt"]""");
        var folder = output["cwd"]!.GetValue<string>();
        folder.Should().StartWith(Path.GetTempPath().TrimEnd('/'));
        Directory.Exists(folder).Should().BeFalse();
    }

    [Fact]
    public async Task The_process_caps_its_own_cpu_time_so_it_ends_even_if_the_server_dies()
    {
        var config = CodeNode.Python("import resource\noutput = list(resource.getrlimit(resource.RLIMIT_CPU))");
        config["timeout"] = 2.5;

        var output = await _harness.OutputAsync(config);

        var limit = 3 * Environment.ProcessorCount + 1;
        output!.ToJsonString().Should().Be($"[{limit},{limit}]");
    }

    [Fact]
    public async Task A_syntax_error_names_the_line()
    {
        var failure = await _harness.FailureAsync(CodeNode.Python("x = 1\ny = = 2\noutput = x"));

        failure.Message.Should().StartWith("The Python code failed with exit code 1:")
            .And.Contain("File \"<code>\", line 2").And.Contain("SyntaxError: invalid syntax");
        failure.Retryable.Should().BeFalse();
    }

    [Fact]
    public async Task An_exception_gives_the_traceback_of_the_code_only()
    {
        var failure = await _harness.FailureAsync(CodeNode.Python("def half(n):\n    return n / 0\n\noutput = half(input)"),
            JsonValue.Create(8));

        failure.Message.Should().StartWith("The Python code failed with exit code 1:\nTraceback (most recent call last):\n")
            .And.Contain("File \"<code>\", line 4, in <module>\n    output = half(input)")
            .And.Contain("File \"<code>\", line 2, in half\n    return n / 0")
            .And.EndWith("ZeroDivisionError: division by zero")
            .And.NotContain("<string>", "the prelude's own frames are left out");
    }

    [Fact]
    public async Task An_output_that_is_not_json_is_explained()
    {
        var failure = await _harness.FailureAsync(CodeNode.Python("output = {1, 2}"));

        failure.Message.Should().Be("The Python code failed with exit code 1:\nThe output cannot be converted to JSON: Object of type set is not JSON serializable");
    }

    [Fact]
    public async Task An_output_nested_deeper_than_json_allows_is_explained()
    {
        var failure = await _harness.FailureAsync(CodeNode.Python("deep = []\nfor _ in range(100):\n    deep = [deep]\noutput = deep"));

        failure.Message.Should().Be("The Python code's output cannot be converted to JSON: it is nested more than 64 levels deep.");
    }

    [Fact]
    public async Task A_runaway_line_is_cut_in_the_log()
    {
        var output = await _harness.OutputAsync(CodeNode.Python("import sys\nsys.stdout.write('x' * 10_000_000)\noutput = 'fine'"));

        output!.GetValue<string>().Should().Be("fine");
        _harness.Logs.Should().ContainSingle().Which.Should().Be(new string('x', 4000) + "…");
    }

    [Fact]
    public async Task Sys_exit_with_an_error_code_fails_and_without_one_ends_normally()
    {
        (await _harness.FailureAsync(CodeNode.Python("import sys\nsys.exit(4)"))).Message
            .Should().Be("The Python code failed with exit code 1:\nThe code called sys.exit(4).");

        (await _harness.OutputAsync(CodeNode.Python("import sys\noutput = 'done'\nsys.exit()")))!.GetValue<string>().Should().Be("done");
    }

    [Fact]
    public async Task Pip_dependencies_are_not_installed_and_the_log_says_so()
    {
        var config = CodeNode.Python("output = 1");
        config["pipDependencies"] = new JsonArray("requests", "numpy");

        await _harness.OutputAsync(config);

        _harness.Logs.Should().Equal("pipDependencies are not installed (only Python's standard library is available): requests, numpy");
    }

    [Fact]
    public async Task Cancelling_the_token_kills_the_process_within_a_second()
    {
        var config = CodeNode.Python("import time\nwhile True:\n    time.sleep(0.01)");
        config["timeout"] = 60;

        (await _harness.StopDelayAfterCancelAsync(config, TimeSpan.FromMilliseconds(500))).Should().BeLessThan(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void Python_is_looked_up_on_the_path()
    {
        var empty = Directory.CreateTempSubdirectory("zygo-path-");
        var withPython = Directory.CreateTempSubdirectory("zygo-path-");
        try
        {
            File.WriteAllText(Path.Combine(withPython.FullName, "python3"), "");

            PythonLauncher.FindOnPath("python3", empty.FullName).Should().BeNull();
            PythonLauncher.FindOnPath("python3", $"{empty.FullName}:{withPython.FullName}").Should().Be(Path.Combine(withPython.FullName, "python3"));
        }
        finally
        {
            empty.Delete(recursive: true);
            withPython.Delete(recursive: true);
        }
    }
}
