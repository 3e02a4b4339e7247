namespace Zygo.Engine.Nodes.Code;

/// <summary>Config of the <c>code</c> node: a snippet of JavaScript or Python that turns the node's input into its output.</summary>
public sealed class CodeConfig
{
    /// <summary>The language of <see cref="Code"/>: <c>javascript</c> (sandboxed, in-process) or <c>python</c> (a <c>python3</c> subprocess).</summary>
    public CodeLanguage Language { get; init; } = CodeLanguage.Javascript;

    /// <summary>
    /// The code. Both languages see <c>input</c> (the node's input as plain values: objects, arrays, strings, numbers,
    /// booleans, null), <c>vars</c> (the run's variables, e.g. a loop's current item, as an object) and one plain variable
    /// per name in <see cref="InputVariables"/>.
    /// <para>
    /// JavaScript: the code is the body of a function called as <c>f(input, vars)</c>; what it <c>return</c>s, converted
    /// to JSON, is the node's output (nothing returned gives <c>null</c>). <c>console.log(…)</c> writes to the node's log.
    /// Example: <c>return { total: input.items.reduce((s, i) =&gt; s + i.price, 0) };</c>. It runs sandboxed: no file
    /// system, network, <c>require</c>, <c>System</c> or other host access.
    /// </para>
    /// <para>
    /// Python: the code is a script run by <c>python3 -I -S</c> (standard library only). It must set the variable
    /// <c>output</c>, or call <c>emit(value)</c>, whose JSON-serialisable value is the node's output (neither gives
    /// <c>null</c>). <c>print(…)</c> lines go to the node's log. Example: <c>output = {"total": sum(i["price"] for i in
    /// input["items"])}</c>. The process starts in an empty temporary folder with no environment variables except
    /// PATH and LANG, but otherwise has the server account's permissions: it is not a security sandbox.
    /// </para>
    /// </summary>
    public string Code { get; init; } = "return input;";

    /// <summary>
    /// Names that become plain variables in the code: each holds <c>vars[name]</c> when that variable is set, else
    /// <c>input[name]</c> when the input is an object with that property, else null. Names are identifiers
    /// (letters, digits, underscore) and not keywords of either language.
    /// </summary>
    public string[] InputVariables { get; init; } = [];

    /// <summary>When set, the output is wrapped as <c>{ "&lt;outputVariable&gt;": result }</c>; when empty the result itself is the output.</summary>
    public string OutputVariable { get; init; } = "";

    /// <summary>Seconds the code may run before it is stopped.</summary>
    public double Timeout { get; init; } = 10;

    /// <summary>
    /// Megabytes the code may use. JavaScript: memory allocated while the code runs (checked between statements).
    /// Python: address space on top of what the interpreter holds when the code starts.
    /// </summary>
    public int MemoryLimit { get; init; } = 64;

    /// <summary>
    /// Python packages the code would like. Accepted for compatibility but NOT installed: installing packages at
    /// run time is not possible on an offline server, and the interpreter runs without site-packages, so only the
    /// standard library is importable. Listing packages here only adds a note to the node's log.
    /// </summary>
    public string[] PipDependencies { get; init; } = [];
}

/// <summary>The languages a <c>code</c> node can run (JSON: <c>javascript</c>, <c>python</c>).</summary>
public enum CodeLanguage
{
    Javascript,
    Python,
}
