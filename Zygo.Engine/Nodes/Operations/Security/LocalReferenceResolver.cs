using NJsonSchema;
using NJsonSchema.References;

namespace Zygo.Engine.Nodes.Operations.Security;

/// <summary>
/// Resolves only references inside the schema itself: a workflow author must not make the server fetch URLs
/// (or read files) by writing a <c>$ref</c>.
/// </summary>
internal sealed class LocalReferenceResolver(JsonSchema schema)
    : JsonReferenceResolver(new JsonSchemaAppender(schema, new DefaultTypeNameGenerator()))
{
    public override Task<IJsonReference> ResolveFileReferenceAsync(string filePath, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"it refers to the file '{filePath}'; only references inside the schema (#/…) are allowed.");

    public override Task<IJsonReference> ResolveUrlReferenceAsync(string url, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"it refers to '{url}'; only references inside the schema (#/…) are allowed.");
}
