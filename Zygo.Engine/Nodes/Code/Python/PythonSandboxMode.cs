namespace Zygo.Engine.Nodes.Code.Python;

/// <summary>How the code node confines Python (<c>Zygo:Code:PythonSandbox</c>).</summary>
public enum PythonSandboxMode
{
    /// <summary>Bubblewrap when it is installed and works on this machine; otherwise unconfined, with a warning.</summary>
    Auto,

    /// <summary>Always bubblewrap; Python code fails with a clear message when it is missing.</summary>
    Bubblewrap,

    /// <summary>Unconfined: only the time and memory limits, a temporary folder and an empty environment.</summary>
    None,
}
