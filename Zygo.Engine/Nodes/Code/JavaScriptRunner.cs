using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Jint;
using Jint.Native;
using Jint.Native.Json;
using Jint.Runtime;
using Jint.Runtime.Interop;
using Zygo.Engine.Execution;
using JsEngine = Jint.Engine;

namespace Zygo.Engine.Nodes.Code;

/// <summary>
/// Runs JavaScript in Jint as the body of <c>function (input, vars, …inputVariables)</c>. Interop stays off (no
/// AllowClr), so the code reaches nothing of the host but <c>console.log</c>; time, memory, recursion and the
/// token are enforced by Jint between statements.
/// </summary>
internal static partial class JavaScriptRunner
{
    private const string Language = "JavaScript";

    /// <summary>Deep enough for real recursive code, far below what the thread's stack holds.</summary>
    internal const int MaxRecursion = 1000;

    /// <summary>A JS value takes at least 8 bytes, so a longer array cannot fit the memory limit anyway.</summary>
    private const int MinBytesPerArrayElement = 8;

    private static readonly JsonSerializerOptions LogJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Task<JsonNode?> RunAsync(CodeRequest request, CancellationToken cancellationToken) =>
        // Jint is synchronous: run it on a script thread, so a busy script never takes a pool thread the rest of the
        // server needs (and a cancel is noticed promptly under load). Its memory check counts that thread's allocations.
        ScriptThreads.RunAsync(() => Run(request, cancellationToken));

    private static JsonNode? Run(CodeRequest request, CancellationToken cancellationToken)
    {
        using var engine = new JsEngine(options =>
        {
            options.TimeoutInterval(request.Timeout);
            options.LimitMemory(request.MemoryLimitBytes);
            options.LimitRecursion(MaxRecursion);
            // Recursion through getters, proxies or callbacks becomes a RangeError instead of a process-ending overflow.
            options.Constraints.StackOverflowGuard = true;
            options.MaxArraySize((uint)Math.Min(uint.MaxValue, request.MemoryLimitBytes / MinBytesPerArrayElement));
            options.Constraints.RegexTimeout = request.Timeout;
            options.CancellationToken(cancellationToken);
        });
        engine.SetValue("console", CreateConsole(engine, request));
        ReplaceJsonStringify(engine, request);

        // The prefix shares the code's first line so the code's line numbers stay as the user wrote them.
        var prefix = $"(function (input, vars{string.Concat(request.Variables.Select(v => ", " + v.Key))}) {{";
        var arguments = Guard(request, cancellationToken,
            () => (JsValue[])
            [
                ToJs(engine, request.Input),
                ToJs(engine, request.Vars),
                .. request.Variables.Select(v => ToJs(engine, v.Value)),
            ],
            error => $"The input cannot be given to the JavaScript code: {error.Message}");

        var result = Guard(request, cancellationToken,
            () => engine.Invoke(engine.Evaluate(prefix + request.Code + "\n})", "code"), JsValue.Undefined, arguments),
            error => Describe(error, prefix.Length));
        const string subject = "The JavaScript code's return value";
        return Guard(request, cancellationToken,
            () => new JavaScriptOutput(engine, request, subject).Convert(result),
            error => $"{subject} cannot be converted to JSON: {WithoutSourcePosition(error.Message)}");
    }

    /// <summary>Turns Jint's ways of stopping into the node's failures; the token's cancellation stays a cancellation.</summary>
    private static T Guard<T>(CodeRequest request, CancellationToken cancellationToken, Func<T> action,
        Func<JavaScriptException, string> describe)
    {
        try
        {
            return action();
        }
        catch (JavaScriptException ex)
        {
            throw new NodeFailedException(describe(ex), inner: ex);
        }
        catch (TimeoutException)
        {
            // Also a regular expression that backtracks past the timeout (RegexMatchTimeoutException).
            throw request.TimedOut(Language);
        }
        catch (MemoryLimitExceededException)
        {
            throw request.OutOfMemory(Language);
        }
        catch (RecursionDepthOverflowException)
        {
            throw new NodeFailedException($"The JavaScript code nested function calls deeper than {MaxRecursion} levels.");
        }
        catch (InsufficientExecutionStackException)
        {
            // The parser and some built-ins probe the stack themselves.
            throw new NodeFailedException("The JavaScript code is nested too deeply to run.");
        }
        catch (ExecutionCanceledException)
        {
            throw new OperationCanceledException(cancellationToken);
        }
    }

    private static string Describe(JavaScriptException error, int prefixLength)
    {
        var line = error.Location.Start.Line;
        var column = error.Location.Start.Column + 1 - (line == 1 ? prefixLength : 0);
        var where = line > 0 ? $" at line {line}, column {column}" : "";
        var name = error.Error.IsObject() && error.Error.AsObject().Get("name") is JsString errorName ? $"{errorName}: " : "";
        return $"The JavaScript code failed{where}: {name}{WithoutSourcePosition(error.Message)}";
    }

    /// <summary>Syntax errors end with "(code:2:9)" in wrapper coordinates; the position is reported separately.</summary>
    private static string WithoutSourcePosition(string message) => SourcePosition().Replace(message, "");

    [GeneratedRegex(@"\s*\(code:\d+:\d+\)$")]
    private static partial Regex SourcePosition();

    private static JsValue ToJs(JsEngine engine, JsonNode? value) => new JsonParser(engine).Parse(value?.ToJsonString() ?? "null");

    private static JsObject CreateConsole(JsEngine engine, CodeRequest request)
    {
        var write = new ClrFunction(engine, "log", (_, arguments) =>
        {
            request.Log.Write(string.Join(' ', arguments.Select(argument => Display(engine, request, argument))));
            return JsValue.Undefined;
        });
        var console = new JsObject(engine);
        foreach (var level in (string[])["log", "info", "warn", "error", "debug"])
        {
            console.Set(level, write);
        }

        return console;
    }

    /// <summary>
    /// Jint's JSON.stringify checks neither the timeout nor the stack: on data nested deep enough it overflows the
    /// stack and ends the process, and on a value shared many times over it runs unbounded. The code gets the same
    /// bounded converter as its return value instead (no replacer; indentation when a space argument is given).
    /// </summary>
    private static void ReplaceJsonStringify(JsEngine engine, CodeRequest request)
    {
        var json = engine.GetValue("JSON").AsObject();
        json.Set("stringify", new ClrFunction(engine, "stringify", (_, arguments) =>
        {
            var value = arguments.At(0);
            if (value.IsUndefined() || value.IsCallable() || value.IsSymbol())
            {
                return JsValue.Undefined;
            }

            if (!arguments.At(1).IsUndefined() && !arguments.At(1).IsNull())
            {
                throw new JavaScriptException(engine.Intrinsics.TypeError,
                    "JSON.stringify with a replacer is not supported in Zygo's code node; map the value first.");
            }

            var space = arguments.At(2);
            var indented = space.IsNumber() && space.AsNumber() >= 1 || space.IsString() && space.AsString().Length > 0;
            var node = new JavaScriptOutput(engine, request, "A value given to JSON.stringify").Convert(value);
            return node?.ToJsonString(indented ? IndentedJson : LogJson) ?? "null";
        }));
    }

    private static readonly JsonSerializerOptions IndentedJson = new(LogJson) { WriteIndented = true };

    /// <summary>Objects and arrays as JSON (with readable non-ASCII text), other values as JavaScript prints them.</summary>
    private static string Display(JsEngine engine, CodeRequest request, JsValue value) =>
        value.IsObject() && !value.IsCallable()
            ? new JavaScriptOutput(engine, request, "A value given to console.log").Convert(value)?.ToJsonString(LogJson) ?? "null"
            : value.ToString();
}
