using System.Collections.Frozen;

namespace Zygo.Web.Documentation.Rendering;

/// <summary>What the highlighter needs to know about a language: its words, comments, strings and keys.</summary>
public sealed record SyntaxLanguage
{
    public required FrozenSet<string> Keywords { get; init; }
    public IReadOnlyList<string> LineComments { get; init; } = [];
    public (string Open, string Close)? BlockComment { get; init; }
    public string Quotes { get; init; } = "\"'";

    /// <summary>A line comment marker counts only at the start of a line or after white space (bash, yaml).</summary>
    public bool CommentNeedsSpaceBefore { get; init; }

    /// <summary>Characters that continue a word besides letters, digits, '_' and '$' (bash: apt-get).</summary>
    public string ExtraWordChars { get; init; } = "";

    /// <summary>A quoted string followed by ':' is a key (json).</summary>
    public bool QuotedKeys { get; init; }

    /// <summary>The text before ': ' at the start of a line is a key (yaml, http headers).</summary>
    public bool LineKeys { get; init; }

    private static FrozenSet<string> Words(string words, bool ignoreCase = false) =>
        words.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .ToFrozenSet(ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);

    private static readonly SyntaxLanguage CSharp = new()
    {
        Keywords = Words("abstract as async await base bool break byte case catch char class const continue decimal default " +
            "delegate do double else enum event explicit false finally float for foreach get if implicit in init int " +
            "interface internal is lock long namespace new null object operator out override params private protected " +
            "public readonly record ref return sealed set short static string struct switch this throw true try typeof " +
            "uint ulong using var virtual void when where while with yield"),
        LineComments = ["//"],
        BlockComment = ("/*", "*/"),
    };

    private static readonly SyntaxLanguage JavaScript = new()
    {
        Keywords = Words("async await break case catch class const continue default delete do else export extends false " +
            "finally for from function if import in instanceof let new null of return static super switch this throw " +
            "true try typeof undefined var void while yield"),
        LineComments = ["//"],
        BlockComment = ("/*", "*/"),
        Quotes = "\"'`",
    };

    private static readonly SyntaxLanguage Python = new()
    {
        Keywords = Words("False None True and as assert async await break class continue def del elif else except " +
            "finally for from global if import in is lambda nonlocal not or pass raise return try while with yield self"),
        LineComments = ["#"],
    };

    private static readonly SyntaxLanguage Json = new()
    {
        Keywords = Words("true false null"),
        Quotes = "\"",
        QuotedKeys = true,
    };

    private static readonly SyntaxLanguage Bash = new()
    {
        Keywords = Words("if then else elif fi for in do done while until case esac function return export local " +
            "echo exit set unset source cd curl dotnet sudo apt-get git docker"),
        LineComments = ["#"],
        CommentNeedsSpaceBefore = true,
        ExtraWordChars = "-",
    };

    private static readonly SyntaxLanguage Yaml = new()
    {
        Keywords = Words("true false null yes no on off"),
        LineComments = ["#"],
        CommentNeedsSpaceBefore = true,
        LineKeys = true,
    };

    private static readonly SyntaxLanguage Http = new()
    {
        Keywords = Words("GET POST PUT PATCH DELETE HEAD OPTIONS HTTP"),
        LineKeys = true,
        Quotes = "\"",
        QuotedKeys = true,
    };

    private static readonly SyntaxLanguage Sql = new()
    {
        Keywords = Words("select from where and or not insert into values update set delete create table alter drop " +
            "index on join left right inner outer group by order having limit offset as null is in like between " +
            "distinct count sum avg min max primary key references default case when then else end union all exists " +
            "returning with", ignoreCase: true),
        LineComments = ["--"],
        BlockComment = ("/*", "*/"),
        Quotes = "'\"",
    };

    private static readonly FrozenDictionary<string, SyntaxLanguage> ByName = new Dictionary<string, SyntaxLanguage>
    {
        ["csharp"] = CSharp, ["cs"] = CSharp, ["c#"] = CSharp,
        ["javascript"] = JavaScript, ["js"] = JavaScript, ["typescript"] = JavaScript, ["ts"] = JavaScript,
        ["python"] = Python, ["py"] = Python,
        ["json"] = Json,
        ["bash"] = Bash, ["sh"] = Bash, ["shell"] = Bash,
        ["yaml"] = Yaml, ["yml"] = Yaml,
        ["http"] = Http,
        ["sql"] = Sql,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static SyntaxLanguage? Find(string? name) =>
        name is not null && ByName.TryGetValue(name.Trim(), out var language) ? language : null;
}
