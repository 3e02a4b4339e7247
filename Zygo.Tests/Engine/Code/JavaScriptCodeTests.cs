using System.Text.Json.Nodes;
using Zygo.Engine.Nodes.Code;
using Zygo.Tests.Infrastructure;

namespace Zygo.Tests.Engine.Code;

[Collection(TimingCollection.Name)]
public sealed class JavaScriptCodeTests : IDisposable
{
    private readonly NodeHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Returns_an_object_computed_from_the_input()
    {
        var config = CodeNode.JavaScript("""
            const total = input.items.reduce((sum, item) => sum + item.price * item.qty, 0);
            return { total, names: input.items.map(i => i.name.toUpperCase()), first: input.items[0] };
            """);
        var input = JsonNode.Parse("""{"items":[{"name":"pen","price":1.5,"qty":2},{"name":"ink","price":4,"qty":1}]}""");

        var output = await _harness.OutputAsync(config, input);

        JsonNode.DeepEquals(output, JsonNode.Parse("""{"total":7,"names":["PEN","INK"],"first":{"name":"pen","price":1.5,"qty":2}}"""))
            .Should().BeTrue(output?.ToJsonString());
    }

    [Fact]
    public async Task Reads_the_run_variables_and_the_input_variables()
    {
        var config = CodeNode.JavaScript("return { fromVars: vars.item.n * 10, item, city, missing };");
        config["inputVariables"] = new JsonArray("item", "city", "missing");

        var output = await _harness.OutputWithVarsAsync(config, JsonNode.Parse("""{"city":"Oslo"}"""),
            new JsonObject { ["item"] = new JsonObject { ["n"] = 4 } });

        JsonNode.DeepEquals(output, JsonNode.Parse("""{"fromVars":40,"item":{"n":4},"city":"Oslo","missing":null}"""))
            .Should().BeTrue(output?.ToJsonString());
    }

    [Fact]
    public async Task Returning_nothing_gives_null_and_an_output_variable_wraps_the_result()
    {
        (await _harness.OutputAsync(CodeNode.JavaScript("const x = 1;"))).Should().BeNull();

        var config = CodeNode.JavaScript("return input * 2;");
        config["outputVariable"] = "doubled";
        (await _harness.OutputAsync(config, JsonValue.Create(21)))!.ToJsonString().Should().Be("""{"doubled":42}""");
    }

    [Fact]
    public async Task Console_log_writes_to_the_node_log()
    {
        await _harness.OutputAsync(CodeNode.JavaScript("console.log('count', 3, { a: 1 }); console.error('bad'); return 1;"));

        _harness.Logs.Should().Equal("count 3 {\"a\":1}", "bad");
    }

    [Fact]
    public async Task A_chatty_loop_logs_only_the_first_lines()
    {
        await _harness.OutputAsync(CodeNode.JavaScript("for (let i = 0; i < 600; i++) console.log('line', i);"));

        _harness.Logs.Should().HaveCount(501);
        _harness.Logs[499].Should().Be("line 499");
        _harness.Logs[500].Should().Be("(the code printed more than 500 lines; the rest is not logged)");
    }

    [Fact]
    public async Task An_infinite_loop_is_stopped_by_the_timeout()
    {
        var config = CodeNode.JavaScript("while (true) {}");
        config["timeout"] = 1;

        var (elapsed, failure) = await _harness.TimedFailureAsync(config);

        failure.Message.Should().Be("The JavaScript code was stopped after 1 s (its timeout).");
        failure.Retryable.Should().BeTrue();
        elapsed.Should().BeLessThan(TimeSpan.FromSeconds(2.5));
    }

    [Fact]
    public async Task A_memory_bomb_is_stopped_by_the_memory_limit()
    {
        var config = CodeNode.JavaScript("const hoard = []; while (true) { hoard.push('x'.repeat(100000) + hoard.length); }");
        config["memoryLimit"] = 32;

        var failure = await _harness.FailureAsync(config);

        failure.Message.Should().Be("The JavaScript code exceeded the memory limit of 32 MB.");
        failure.Retryable.Should().BeFalse();
    }

    [Fact]
    public async Task An_array_larger_than_the_memory_limit_is_refused_at_once()
    {
        var config = CodeNode.JavaScript("return new Array(100000000).fill(0).length;");
        config["memoryLimit"] = 64;

        (await _harness.FailureAsync(config)).Message.Should().Be("The JavaScript code exceeded the memory limit of 64 MB.");
    }

    [Fact]
    public async Task Deep_recursion_is_stopped()
    {
        var failure = await _harness.FailureAsync(CodeNode.JavaScript("function down(n) { return down(n + 1) + 1; } return down(0);"));

        failure.Message.Should().Be($"The JavaScript code nested function calls deeper than {JavaScriptRunner.MaxRecursion} levels.");
    }

    [Fact]
    public async Task The_code_cannot_reach_the_host()
    {
        var output = await _harness.OutputAsync(CodeNode.JavaScript("""
            return [typeof System, typeof importNamespace, typeof require, typeof process, typeof clrHelper, typeof host];
            """));
        output!.ToJsonString().Should().Be("""["undefined","undefined","undefined","undefined","undefined","undefined"]""");

        var failure = await _harness.FailureAsync(CodeNode.JavaScript("return System.IO.File.ReadAllText('/etc/passwd');"));
        failure.Message.Should().Be("The JavaScript code failed at line 1, column 8: ReferenceError: System is not defined");
    }

    [Fact]
    public async Task A_syntax_error_names_its_line_and_column()
    {
        var failure = await _harness.FailureAsync(CodeNode.JavaScript("const a = 1;\nconst b = ;\nreturn a;"));

        failure.Message.Should().Be("The JavaScript code failed at line 2, column 11: SyntaxError: Unexpected token ';'");
        failure.Retryable.Should().BeFalse();
    }

    [Fact]
    public async Task A_syntax_error_on_the_first_line_has_the_column_as_written()
    {
        var failure = await _harness.FailureAsync(CodeNode.JavaScript("return (;"));

        failure.Message.Should().Be("The JavaScript code failed at line 1, column 9: SyntaxError: Unexpected token ';'");
    }

    [Fact]
    public async Task A_thrown_error_gives_its_message_and_line()
    {
        var failure = await _harness.FailureAsync(CodeNode.JavaScript("const n = 1;\n\nthrow new RangeError('n is too small: ' + n);"));

        failure.Message.Should().Be("The JavaScript code failed at line 3, column 7: RangeError: n is too small: 1");
        failure.Retryable.Should().BeFalse();
    }

    [Fact]
    public async Task The_return_value_follows_json_stringify()
    {
        var output = await _harness.OutputAsync(CodeNode.JavaScript("""
            return { when: new Date(0), gone: undefined, fn() {}, nan: NaN, holes: [1, , undefined, () => 1],
                     custom: { toJSON: key => 'custom for ' + key }, text: 'café ✓' };
            """));

        output!.ToJsonString().Should().Be(
            """{"when":"1970-01-01T00:00:00.000Z","nan":null,"holes":[1,null,null,null],"custom":"custom for custom","text":"caf\u00E9 \u2713"}""");
    }

    [Theory]
    [InlineData("const a = {}; a.self = a; return a;", "it refers to itself (a cycle).")]
    [InlineData("let deep = []; for (let i = 0; i < 100; i++) deep = [deep]; return deep;", "it is nested more than 64 levels deep.")]
    [InlineData("return { big: 10n };", "a BigInt has no JSON form (convert it with Number() or String()).")]
    [InlineData("return { toJSON() { throw new Error('no JSON for you'); } };", "no JSON for you")]
    public async Task A_return_value_that_is_not_json_is_explained(string code, string reason)
    {
        var failure = await _harness.FailureAsync(CodeNode.JavaScript(code));

        failure.Message.Should().Be($"The JavaScript code's return value cannot be converted to JSON: {reason}");
    }

    [Fact]
    public async Task A_value_shared_many_times_over_is_refused_quickly_instead_of_expanded()
    {
        // 2^40 leaves once expanded: Jint's own serializer would run without any limit.
        var config = CodeNode.JavaScript("let x = [1]; for (let i = 0; i < 40; i++) x = [x, x]; return x;");
        config["memoryLimit"] = 16;

        var (elapsed, failure) = await _harness.TimedFailureAsync(config);

        failure.Message.Should().Be("The JavaScript code's return value cannot be converted to JSON: it is larger than the memory limit of 16 MB.");
        elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task JSON_stringify_in_the_code_is_bounded_like_the_return_value()
    {
        // Jint's own stringify would run without limit here (2^40 leaves) or overflow the stack (200,000 levels).
        var shared = CodeNode.JavaScript("let x = [1]; for (let i = 0; i < 40; i++) x = [x, x]; return JSON.stringify(x).length;");
        shared["memoryLimit"] = 16;
        var (elapsed, failure) = await _harness.TimedFailureAsync(shared);
        failure.Message.Should().Be("A value given to JSON.stringify cannot be converted to JSON: it is larger than the memory limit of 16 MB.");
        elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));

        var deep = await _harness.FailureAsync(CodeNode.JavaScript(
            "let d = []; for (let i = 0; i < 200000; i++) d = [d]; return JSON.stringify(d);"));
        deep.Message.Should().Contain("nested more than 64 levels deep");
    }

    [Fact]
    public async Task JSON_stringify_keeps_its_everyday_behaviour()
    {
        var output = await _harness.OutputAsync(CodeNode.JavaScript(
            "return [JSON.stringify({ a: 1, b: [true, null, 'x'], skip: undefined }), JSON.stringify({ a: 1 }, null, 2), JSON.stringify(undefined) === undefined, JSON.stringify('é')];"));

        output![0]!.GetValue<string>().Should().Be("""{"a":1,"b":[true,null,"x"]}""");
        output[1]!.GetValue<string>().Should().Be("{\n  \"a\": 1\n}");
        output[2]!.GetValue<bool>().Should().BeTrue();
        output[3]!.GetValue<string>().Should().Be("\"é\"");
    }

    [Fact]
    public async Task Logging_a_value_that_is_not_json_fails_with_the_reason()
    {
        var failure = await _harness.FailureAsync(CodeNode.JavaScript("const a = []; a.push(a); console.log(a);"));

        failure.Message.Should().Be("A value given to console.log cannot be converted to JSON: it refers to itself (a cycle).");
    }

    [Theory]
    [InlineData("function f() { return [3, 2, 1].sort(() => f()); } return f();")]
    [InlineData("const o = { get x() { return this.x; } }; return o.x;")]
    [InlineData("const p = new Proxy({}, { get(target, key) { return p[key]; } }); return p.x;")]
    public async Task Recursion_through_callbacks_getters_and_proxies_is_stopped_without_harming_the_server(string code)
    {
        var failure = await _harness.FailureAsync(CodeNode.JavaScript(code));

        failure.Message.Should().MatchRegex("(Maximum call stack size exceeded|nested function calls deeper than)");
    }

    [Fact]
    public async Task Cancelling_the_token_stops_the_code_within_a_second()
    {
        var config = CodeNode.JavaScript("while (true) {}");
        config["timeout"] = 60;

        // A second, with room for a machine busy with the other tests (Chromium, builds) running alongside.
        (await _harness.StopDelayAfterCancelAsync(config, TimeSpan.FromMilliseconds(300))).Should().BeLessThan(TimeSpan.FromSeconds(1.5));
    }
}
