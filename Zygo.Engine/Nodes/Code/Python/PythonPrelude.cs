namespace Zygo.Engine.Nodes.Code.Python;

/// <summary>
/// The script <c>python3 -c</c> runs around the user's code. It reads one JSON request from stdin (code, input,
/// vars, inputVariables, output marker, memory and CPU limits), caps the address space and CPU time, runs the code
/// in a fresh namespace holding <c>input</c>, <c>vars</c>, the input variables, <c>output</c> and <c>emit</c>, then prints
/// <c>output</c> as JSON on one line that starts with the marker, so the code's own prints cannot be mistaken for it.
/// Exit codes: 0 done, 1 the code failed (stderr says why), 3 out of memory.
/// </summary>
internal static class PythonPrelude
{
    public const int OutOfMemoryExitCode = 3;

    public static readonly string Source = $$"""
        import json, linecache, resource, sys, traceback

        def _limit_memory(megabytes):
            try:
                with open("/proc/self/statm") as f:
                    used = int(f.read().split()[0]) * resource.getpagesize()
            except OSError:
                used = 0
            limit = used + megabytes * 1024 * 1024
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

        def _limit_cpu(seconds):
            # A backstop for a process the server can no longer kill (the server itself died). The server's
            # wall-clock timeout comes first: the limit is the timeout times the number of cores.
            resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds))

        def _run():
            request = json.load(sys.stdin)
            code = request["code"]
            namespace = {"__name__": "__main__", "__builtins__": __builtins__,
                         "input": request["input"], "vars": request["vars"], "output": None}
            namespace.update(request["variables"])
            def emit(value):
                namespace["output"] = value
            namespace["emit"] = emit
            # Lets tracebacks show the user's source lines.
            linecache.cache["<code>"] = (len(code), None, code.splitlines(True), "<code>")
            stdout = sys.stdout
            _limit_memory(request["memoryLimit"])
            _limit_cpu(request["cpuSeconds"])
            try:
                exec(compile(code, "<code>", "exec"), namespace)
            except SystemExit as e:
                if e.code not in (None, 0):
                    sys.stderr.write(f"The code called sys.exit({e.code!r}).\n")
                    return 1
            except MemoryError:
                return {{OutOfMemoryExitCode}}
            except BaseException as e:
                # Skip this prelude's frame: the traceback starts in the user's code.
                traceback.print_exception(type(e), e, e.__traceback__.tb_next)
                return 1
            try:
                text = json.dumps(namespace.get("output"), allow_nan=False)
            except (TypeError, ValueError) as e:
                sys.stderr.write(f"The output cannot be converted to JSON: {e}\n")
                return 1
            stdout.write("\n" + request["marker"] + text + "\n")
            stdout.flush()
            return 0

        try:
            _exit_code = _run()
        except MemoryError:
            _exit_code = {{OutOfMemoryExitCode}}
        sys.exit(_exit_code)
        """;
}
