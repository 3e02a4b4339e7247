namespace Zygo.Tests.Infrastructure;

/// <summary>
/// Tests that capture <see cref="Console"/> output. The console is process-wide, so this collection runs on its
/// own, after the parallel ones.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "Console";
}

/// <summary>Redirects <see cref="Console.Out"/> into a buffer until disposed; only inside <see cref="ConsoleCollection"/>.</summary>
public sealed class CapturedConsole : IDisposable
{
    private readonly TextWriter _original;
    private readonly StringWriter _buffer = new();
    private readonly TextWriter _synchronized;

    public CapturedConsole()
    {
        _original = Console.Out;
        _synchronized = TextWriter.Synchronized(_buffer);
        Console.SetOut(_synchronized);
    }

    /// <summary>Everything written so far.</summary>
    public string Text
    {
        get
        {
            // TextWriter.Synchronized locks on the wrapper itself; take the same lock to read.
            lock (_synchronized)
            {
                return _buffer.ToString();
            }
        }
    }

    public void Dispose() => Console.SetOut(_original);
}
