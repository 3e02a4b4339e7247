namespace Zygo.Engine.Nodes.Operations.Security;

/// <summary>One way the data misses the schema: where (<c>$.address.city</c>), what (<c>property_required</c>), in words.</summary>
internal sealed record SchemaError(string Path, string Kind, string Message);
