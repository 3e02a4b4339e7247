using System.Text.RegularExpressions;
using Zygo.Engine.Execution;

namespace Zygo.Engine.Nodes.Code;

/// <summary>Checks <c>inputVariables</c>: each becomes a variable in JavaScript and in Python, so it must be a name in both.</summary>
internal static partial class CodeVariableNames
{
    /// <summary>Names the code already receives.</summary>
    private static readonly HashSet<string> Taken = ["input", "vars", "output", "emit", "console"];

    private static readonly HashSet<string> Keywords =
    [
        // JavaScript reserved words (strict mode included) and the two it forbids as parameter names.
        "await", "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else",
        "enum", "export", "extends", "false", "finally", "for", "function", "if", "implements", "import", "in",
        "instanceof", "interface", "let", "new", "null", "package", "private", "protected", "public", "return",
        "static", "super", "switch", "this", "throw", "true", "try", "typeof", "var", "void", "while", "with", "yield",
        "arguments", "eval",
        // Python keywords not listed above.
        "False", "None", "True", "and", "as", "assert", "async", "def", "del", "elif", "except", "from", "global",
        "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
    ];

    public static void Validate(string name)
    {
        if (!Identifier().IsMatch(name))
        {
            throw new NodeFailedException(
                $"The input variable '{name}' is not a valid name: use letters, digits and underscores, not starting with a digit.");
        }

        if (Taken.Contains(name))
        {
            throw new NodeFailedException($"The input variable '{name}' clashes with the code's own '{name}': choose another name.");
        }

        if (Keywords.Contains(name))
        {
            throw new NodeFailedException($"The input variable '{name}' is a JavaScript or Python keyword: choose another name.");
        }
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();
}
