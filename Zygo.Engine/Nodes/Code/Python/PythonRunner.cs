using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Zygo.Engine.Execution;

namespace Zygo.Engine.Nodes.Code.Python;

/// <summary>
/// Runs Python in a <c>python3 -I -S</c> subprocess inside a fresh temporary folder, started by the
/// <see cref="PythonLauncher"/> (sandboxed where possible, never with the server's secrets in its environment).
/// <see cref="PythonPrelude"/> feeds the code its values and prints its output; the process tree is killed at the
/// timeout or when the token is cancelled.
/// </summary>
internal static class PythonRunner
{
    private const string Language = "Python";
    private const int StderrTailLines = 15;

    /// <summary>How long to wait for the pipes to close after the process ended (a detached grandchild may hold them).</summary>
    private static readonly TimeSpan PipeGrace = TimeSpan.FromSeconds(2);

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static async Task<JsonNode?> RunAsync(CodeRequest request, PythonLauncher launcher, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("zygo-code-");
        try
        {
            return await RunInAsync(launcher, folder.FullName, request, cancellationToken);
        }
        finally
        {
            try
            {
                folder.Delete(recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The code may have left files it made unreadable; a leftover temp folder must not fail the node.
            }
        }
    }

    private static async Task<JsonNode?> RunInAsync(PythonLauncher launcher, string folder, CodeRequest request,
        CancellationToken cancellationToken)
    {
        var marker = $"\u001eZYGO-OUTPUT-{Guid.NewGuid():N}:";
        string? output = null;
        var stderr = new Queue<string>();

        using var process = Start(launcher, folder);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(request.Timeout);
        var killed = false;
        Task pipes;
        await using (limit.Token.Register(() => killed = TryKill(process)))
        {
            // No tokens on the pipes: killing the process closes them, which ends every read.
            pipes = Task.WhenAll(
                WriteRequestAsync(process, request, marker),
                // The output line lives in Python's limited memory first, so it cannot be longer than the limit.
                ReadLinesAsync(process.StandardOutput, request.MemoryLimitBytes + marker.Length, line =>
                {
                    if (line.StartsWith(marker, StringComparison.Ordinal))
                    {
                        output = line[marker.Length..];
                    }
                    else if (line.Length > 0)
                    {
                        request.Log.Write(line);
                    }
                }),
                ReadLinesAsync(process.StandardError, CodeLog.MaxLineLength, line =>
                {
                    stderr.Enqueue(line);
                    if (stderr.Count > StderrTailLines)
                    {
                        stderr.Dequeue();
                    }
                }));
            await process.WaitForExitAsync(CancellationToken.None);
        }

        try
        {
            await pipes.WaitAsync(PipeGrace, CancellationToken.None);
        }
        catch (TimeoutException)
        {
            // A detached grandchild still holds the pipes: go on with what arrived.
        }

        if (killed)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw request.TimedOut(Language);
        }

        return process.ExitCode switch
        {
            0 when output is not null => ParseOutput(output),
            0 => throw new NodeFailedException("The Python code ended without writing its output (did it call os._exit?)."),
            PythonPrelude.OutOfMemoryExitCode => throw request.OutOfMemory(Language),
            var code when stderr.Count == 0 => throw new NodeFailedException($"The Python code failed with exit code {code}."),
            var code => throw new NodeFailedException($"The Python code failed with exit code {code}:\n{string.Join('\n', stderr)}"),
        };
    }

    private static Process Start(PythonLauncher launcher, string folder)
    {
        var start = new ProcessStartInfo
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = Utf8,
            StandardOutputEncoding = Utf8,
            StandardErrorEncoding = Utf8,
        };
        // Isolated (no PYTHON* variables, no user site), no site-packages, UTF-8 streams whatever the locale.
        launcher.Prepare(start, folder, ["-I", "-S", "-X", "utf8", "-c", PythonPrelude.Source]);
        try
        {
            return Process.Start(start) ?? throw new NodeFailedException($"Python could not be started from {start.FileName}.");
        }
        catch (Win32Exception ex)
        {
            throw new NodeFailedException($"Python could not be started from {start.FileName}: {ex.Message}");
        }
    }

    private static async Task WriteRequestAsync(Process process, CodeRequest request, string marker)
    {
        using var buffer = new MemoryStream();
        await using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("code", request.Code);
            writer.WritePropertyName("input");
            WriteNode(writer, request.Input);
            writer.WritePropertyName("vars");
            request.Vars.WriteTo(writer);
            writer.WritePropertyName("variables");
            request.Variables.WriteTo(writer);
            writer.WriteString("marker", marker);
            writer.WriteNumber("memoryLimit", request.MemoryLimitMegabytes);
            writer.WriteNumber("cpuSeconds", (long)Math.Ceiling(request.Timeout.TotalSeconds) * Environment.ProcessorCount + 1);
            writer.WriteEndObject();
        }

        try
        {
            var stdin = process.StandardInput.BaseStream;
            await stdin.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
            await stdin.FlushAsync();
            stdin.Close();
        }
        catch (IOException)
        {
            // The process ended before reading everything (killed, or Python failed at start): its exit code says why.
        }
    }

    private static void WriteNode(Utf8JsonWriter writer, JsonNode? node)
    {
        if (node is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            node.WriteTo(writer);
        }
    }

    private static JsonNode? ParseOutput(string json)
    {
        try
        {
            return JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            // Python's json.dumps writes valid JSON; what System.Text.Json refuses is only the depth.
            throw new NodeFailedException(
                $"The Python code's output cannot be converted to JSON: it is nested more than {CodeRequest.MaxOutputDepth} levels deep.");
        }
    }

    /// <summary>Lines of a pipe; a line longer than <paramref name="maxLength"/> is cut, so a runaway print cannot fill the server's memory.</summary>
    private static async Task ReadLinesAsync(StreamReader reader, long maxLength, Action<string> onLine)
    {
        var buffer = new char[8192];
        var line = new StringBuilder();
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            var rest = buffer.AsMemory(0, read);
            while (!rest.IsEmpty)
            {
                var newline = rest.Span.IndexOf('\n');
                var part = newline < 0 ? rest : rest[..newline];
                line.Append(part[..(int)Math.Clamp(maxLength - line.Length, 0, part.Length)]);
                if (newline < 0)
                {
                    break;
                }

                onLine(line.ToString());
                line.Clear();
                rest = rest[(newline + 1)..];
            }
        }

        if (line.Length > 0)
        {
            onLine(line.ToString());
        }
    }

    /// <returns>Whether the process was still running, i.e. the timeout or the token ended it.</returns>
    private static bool TryKill(Process process)
    {
        if (process.HasExited)
        {
            return false;
        }

        // A no-op if it ends on its own in between.
        process.Kill(entireProcessTree: true);
        return true;
    }
}
