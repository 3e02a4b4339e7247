using System.Text.Json;

namespace Zygo.Engine.Nodes.Schema;

/// <summary>A node type's config as JSON schema, and the config a new node of that type starts with.</summary>
public sealed record NodeConfigSchema(JsonElement Schema, JsonElement Defaults);
