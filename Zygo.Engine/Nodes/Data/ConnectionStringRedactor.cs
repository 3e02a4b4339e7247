using System.Data.Common;
using System.Text.RegularExpressions;

namespace Zygo.Engine.Nodes.Data;

/// <summary>Removes a connection string and its secret values (password, token…) from text meant for people.</summary>
public sealed partial class ConnectionStringRedactor
{
    private const string Mask = "***";
    private readonly List<string> _secrets = [];

    [GeneratedRegex("pass|pwd|secret|token|key", RegexOptions.IgnoreCase)]
    private static partial Regex SecretKeyword();

    public ConnectionStringRedactor(string connectionString)
    {
        if (connectionString.Length > 0)
        {
            _secrets.Add(connectionString);
        }

        try
        {
            var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
            foreach (string keyword in builder.Keys)
            {
                if (SecretKeyword().IsMatch(keyword) && builder[keyword]?.ToString() is { Length: > 0 } value)
                {
                    _secrets.Add(value);
                }
            }
        }
        catch (ArgumentException)
        {
            // Not parseable: only the whole string can be recognised, which is masked above.
        }

        // Longest first, so a secret inside the whole string does not leave the rest of it behind.
        _secrets.Sort((a, b) => b.Length.CompareTo(a.Length));
    }

    public string Redact(string text) =>
        _secrets.Aggregate(text, (current, secret) => current.Replace(secret, Mask, StringComparison.Ordinal));
}
