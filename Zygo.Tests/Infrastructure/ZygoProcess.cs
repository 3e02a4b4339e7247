using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Zygo.Tests.Infrastructure;

/// <summary>
/// Zygo started exactly as the README says (<c>./zygo.sh run</c>), as a separate process on a free loopback
/// port and a fresh data folder. Collects its console output, including the first-run sign-in it prints.
/// </summary>
public sealed partial class ZygoProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private readonly bool _ownsDataPath;

    private ZygoProcess(Process process, Uri address, string dataPath, bool ownsDataPath)
    {
        _process = process;
        Address = address;
        DataPath = dataPath;
        _ownsDataPath = ownsDataPath;
    }

    public Uri Address { get; }
    public string DataPath { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    [GeneratedRegex(@"^\s*Password:\s*(\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex PasswordLine();

    /// <summary>The generated Owner password printed on first start, if one was printed.</summary>
    public string? PrintedPassword => PasswordLine().Match(Output) is { Success: true } m ? m.Groups[1].Value : null;

    /// <param name="dataPath">An existing data folder to start on (kept afterwards); null makes a fresh one that is deleted.</param>
    public static async Task<ZygoProcess> StartAsync(TimeSpan timeout, IDictionary<string, string>? environment = null,
        string? dataPath = null)
    {
        var port = FreePort();
        var ownsDataPath = dataPath is null;
        dataPath ??= System.IO.Path.Combine(System.IO.Path.GetTempPath(), "zygo-e2e", Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo("bash", [System.IO.Path.Combine(RepositoryRoot.Path, "zygo.sh"), "run"])
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ZYGO_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Zygo__DataPath"] = dataPath;
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var zygo = new ZygoProcess(process, new Uri($"http://127.0.0.1:{port}"), dataPath, ownsDataPath);
        process.OutputDataReceived += (_, e) => zygo.Append(e.Data);
        process.ErrorDataReceived += (_, e) => zygo.Append(e.Data);
        process.Exited += (_, _) => zygo._listening.TrySetException(
            new InvalidOperationException("zygo.sh run exited before listening:\n" + zygo.Output));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await zygo._listening.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            await zygo.DisposeAsync();
            throw new TimeoutException($"zygo.sh run did not listen within {timeout}:\n{zygo.Output}");
        }

        return zygo;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (line.Contains("Now listening on:", StringComparison.Ordinal))
        {
            _listening.TrySetResult();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Ends the process at once (SIGKILL), as a crash or a power cut would: no graceful shutdown.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
        if (!_ownsDataPath)
        {
            return;
        }

        try
        {
            Directory.Delete(DataPath, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the temp folder is cleaned by the OS otherwise.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
