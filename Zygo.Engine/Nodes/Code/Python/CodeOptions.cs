namespace Zygo.Engine.Nodes.Code.Python;

/// <summary>Settings of the code node (<c>Zygo:Code</c>).</summary>
public sealed class CodeOptions
{
    public const string Section = "Zygo:Code";

    public PythonSandboxMode PythonSandbox { get; set; } = PythonSandboxMode.Auto;

    /// <summary>The bubblewrap program: a name looked up on PATH, or a full path.</summary>
    public string BubblewrapPath { get; set; } = "bwrap";
}
