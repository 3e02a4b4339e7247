using NJsonSchema;
using NJsonSchema.References;

namespace Zygo.Engine.Nodes.Trigger;

/// <summary>
/// Resolves only <c>$ref</c>s inside the schema itself: a schema typed into a workflow must not make the server read
/// its files or fetch URLs.
/// </summary>
internal sealed class LocalReferenceResolver(JsonSchema schema)
    : JsonReferenceResolver(new JsonSchemaAppender(schema, new DefaultTypeNameGenerator()))
{
    public override Task<IJsonReference> ResolveFileReferenceAsync(string filePath, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException($"'$ref' to '{filePath}' points outside the schema; only references inside it ('#/…') are allowed.");

    public override Task<IJsonReference> ResolveUrlReferenceAsync(string url, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException($"'$ref' to '{url}' points outside the schema; only references inside it ('#/…') are allowed.");
}
