using System.ComponentModel;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Zygo.Engine.Execution;

namespace Zygo.Engine.Nodes.Code.Python;

/// <summary>
/// Decides once how Python runs on this server — inside a <see cref="BubblewrapSandbox"/> or unconfined, per
/// <see cref="CodeOptions.PythonSandbox"/> — and prepares the process of each run accordingly.
/// </summary>
public sealed class PythonLauncher
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(15);

    private readonly CodeOptions _options;
    private readonly ILogger<PythonLauncher> _logger;
    private readonly Lazy<Setup> _setup;

    public PythonLauncher(IOptions<CodeOptions> options, ILogger<PythonLauncher> logger)
    {
        _options = options.Value;
        _logger = logger;
        _setup = new Lazy<Setup>(Resolve, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Whether Python runs inside the sandbox on this server (resolved on first use).</summary>
    public bool IsSandboxed => _setup.Value.Sandbox is not null;

    /// <summary>
    /// Points <paramref name="start"/> at Python (through bubblewrap when sandboxed) with <paramref name="arguments"/>,
    /// running in <paramref name="folder"/> with an environment of PATH and LANG only — no secrets of the server.
    /// </summary>
    internal void Prepare(ProcessStartInfo start, string folder, IEnumerable<string> arguments)
    {
        var setup = _setup.Value;
        if (setup.Problem is { } problem)
        {
            throw new NodeFailedException(problem);
        }

        start.FileName = setup.Sandbox?.Bubblewrap ?? setup.Python!;
        start.WorkingDirectory = folder;
        foreach (var argument in setup.Sandbox?.Arguments(folder).Concat(arguments) ?? arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Clear();
        start.Environment["PATH"] = SearchPath;
        start.Environment["LANG"] = Environment.GetEnvironmentVariable("LANG") ?? "C.UTF-8";
    }

    private static string SearchPath => Environment.GetEnvironmentVariable("PATH") ?? "";

    private Setup Resolve()
    {
        var python = FindOnPath("python3");
        if (python is null)
        {
            return Setup.Failed(
                "Python code needs python3, which is not on the server's PATH. Install Python 3 on the server, or write the code in JavaScript.");
        }

        if (_options.PythonSandbox == PythonSandboxMode.None)
        {
            return new Setup(python, null, null);
        }

        var sandbox = TryCreateSandbox(python, out var reason);
        if (sandbox is not null)
        {
            return new Setup(python, sandbox, null);
        }

        if (_options.PythonSandbox == PythonSandboxMode.Bubblewrap)
        {
            return Setup.Failed($"Python code must run in a sandbox here (Zygo:Code:PythonSandbox = Bubblewrap), but {reason} " +
                                "Install bubblewrap on the server (apt-get install bubblewrap).");
        }

        _logger.LogWarning(
            "Python code runs without a sandbox: {Reason} It can reach the network and read the server's files. Install bubblewrap " +
            "(apt-get install bubblewrap), or set Zygo:Code:PythonSandbox to None to accept this.", reason);
        return new Setup(python, null, null);
    }

    private BubblewrapSandbox? TryCreateSandbox(string python, out string reason)
    {
        var bubblewrap = _options.BubblewrapPath.Contains('/') ? _options.BubblewrapPath : FindOnPath(_options.BubblewrapPath);
        if (bubblewrap is null || !File.Exists(bubblewrap))
        {
            reason = $"bubblewrap ('{_options.BubblewrapPath}') is not installed.";
            return null;
        }

        // The python3 on PATH may be a launcher script (pyenv, a virtualenv); the sandbox needs the real program.
        var (exit, output) = Run(python, ["-I", "-S", "-c", "import sys; print(sys.executable); print(sys.base_prefix)"]);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (exit != 0 || lines.Length < 2)
        {
            reason = $"{python} did not say where it is installed.";
            return null;
        }

        var sandbox = new BubblewrapSandbox(bubblewrap, lines[0], lines[1]);
        var probeFolder = Directory.CreateTempSubdirectory("zygo-sandbox-probe-");
        try
        {
            (exit, output) = Run(bubblewrap, [.. sandbox.Arguments(probeFolder.FullName), "-I", "-S", "-c", "print('ok')"]);
        }
        finally
        {
            probeFolder.Delete(recursive: true);
        }

        if (exit != 0 || output.Trim() != "ok")
        {
            reason = $"bubblewrap could not start Python on this machine (exit code {exit}: {output.Trim()}).";
            return null;
        }

        _logger.LogInformation("Python code runs in a bubblewrap sandbox ({Bubblewrap}, {Python}).", bubblewrap, sandbox.Python);
        reason = "";
        return sandbox;
    }

    private static (int Exit, string Output) Run(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(ProbeTimeout))
            {
                process.Kill(entireProcessTree: true);
                return (-1, "timed out");
            }

            return (process.ExitCode, stdout.Result + stderr.Result);
        }
        catch (Win32Exception ex)
        {
            return (-1, ex.Message);
        }
    }

    /// <summary>The first <paramref name="program"/> in the directories of <paramref name="path"/> (PATH by default), or null.</summary>
    internal static string? FindOnPath(string program, string? path = null) =>
        (path ?? SearchPath).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);

    private sealed record Setup(string? Python, BubblewrapSandbox? Sandbox, string? Problem)
    {
        public static Setup Failed(string problem) => new(null, null, problem);
    }
}
