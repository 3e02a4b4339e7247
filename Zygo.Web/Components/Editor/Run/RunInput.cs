using System.Text.Json.Nodes;

namespace Zygo.Web.Components.Editor.Run;

/// <summary>What the run dialog returns: the input payload (null for none).</summary>
public sealed record RunInput(JsonNode? Payload);
