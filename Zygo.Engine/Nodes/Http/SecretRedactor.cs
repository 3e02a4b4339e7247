using System.Text;

namespace Zygo.Engine.Nodes.Http;

/// <summary>
/// Masks the node's credentials in text that leaves it (error messages, log lines): servers often echo the
/// Authorization header back in an error body, and that excerpt ends up in the run's records.
/// </summary>
internal sealed class SecretRedactor
{
    private const string Mask = "***";

    // Shorter values would mask ordinary text (a password "401" would hide the status code).
    private const int MinimumSecretLength = 4;

    private readonly string[] _secrets;

    public SecretRedactor(HttpAuthentication authentication)
    {
        string?[] candidates =
        [
            authentication.Password,
            authentication.Token,
            authentication.ApiKey,
            BasicCredential(authentication.Username, authentication.Password),
        ];
        _secrets = candidates
            .Where(s => s is { Length: >= MinimumSecretLength })
            .Select(s => s!)
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(s => s.Length)
            .ToArray();
    }

    /// <summary>The base64 <c>user:password</c> of a Basic Authorization header.</summary>
    public static string BasicCredential(string? username, string? password) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}"));

    public string Redact(string text) =>
        _secrets.Aggregate(text, (current, secret) => current.Replace(secret, Mask, StringComparison.Ordinal));
}
