namespace Zygo.Engine.Nodes.Code;

/// <summary>The node's log for lines the code prints, capped so a chatty loop cannot flood the run's records.</summary>
internal sealed class CodeLog(Action<string> write)
{
    internal const int MaxLines = 500;
    internal const int MaxLineLength = 4000;

    private int _lines;

    public void Write(string line)
    {
        var count = Interlocked.Increment(ref _lines);
        if (count <= MaxLines)
        {
            write(line.Length <= MaxLineLength ? line : line[..MaxLineLength] + "…");
        }
        else if (count == MaxLines + 1)
        {
            write($"(the code printed more than {MaxLines} lines; the rest is not logged)");
        }
    }
}
