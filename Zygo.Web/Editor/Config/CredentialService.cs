using System.Text.Json.Nodes;

namespace Zygo.Web.Editor.Config;

/// <summary>
/// Which service a credential is for (<c>openai</c>, <c>smtp</c> …), so the variables saved for it are offered first:
/// either fixed, or read from another field of the config (the model connection's <c>provider</c>).
/// </summary>
public sealed record CredentialService(string? Name, string? FromPath = null)
{
    /// <summary>Providers that need no key: a key saved "for" them would be for no service.</summary>
    private static readonly HashSet<string> Keyless = new(StringComparer.Ordinal) { "offline" };

    public string? Resolve(JsonObject config) =>
        FromPath is null ? Name
        : ConfigPath.Get(config, FromPath) is JsonValue v && v.TryGetValue<string>(out var s) ? (Keyless.Contains(s) ? null : s)
        : Name;
}
