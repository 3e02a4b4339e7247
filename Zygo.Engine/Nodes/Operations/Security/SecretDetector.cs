using System.Text.RegularExpressions;

namespace Zygo.Engine.Nodes.Operations.Security;

/// <summary>One redactable kind: a pattern, and optionally a check a match must pass (a checksum) to count.</summary>
internal sealed record SecretDetector(RedactionKind Kind, Regex Pattern, Func<string, bool>? Accept = null);
