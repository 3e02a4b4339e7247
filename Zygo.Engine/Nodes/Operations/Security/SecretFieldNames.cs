namespace Zygo.Engine.Nodes.Operations.Security;

/// <summary>
/// Which field names hold secrets. Names are compared ignoring case, <c>_</c> and <c>-</c>; the built-in names
/// also match as endings (<c>accessToken</c>, <c>client_secret</c>, <c>X-Api-Key</c>) but not inside a word
/// (<c>maxTokens</c>, <c>secretary</c> stay).
/// </summary>
internal sealed class SecretFieldNames(bool builtIn, IEnumerable<string> extra)
{
    private static readonly string[] BuiltInEndings =
        ["password", "passwd", "secret", "token", "apikey", "privatekey", "authorization", "cookie"];

    private readonly HashSet<string> _extra = extra.Select(Normalize).Where(n => n.Length > 0).ToHashSet(StringComparer.Ordinal);

    public bool IsSecret(string fieldName)
    {
        var name = Normalize(fieldName);
        return _extra.Contains(name) || (builtIn && BuiltInEndings.Any(ending => name.EndsWith(ending, StringComparison.Ordinal)));
    }

    private static string Normalize(string name) =>
        string.Concat(name.Where(c => c is not ('_' or '-' or ' '))).ToLowerInvariant();
}
