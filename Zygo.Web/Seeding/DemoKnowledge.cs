using Zygo.Data;
using Zygo.Engine.Rag;

namespace Zygo.Web.Seeding;

/// <summary>
/// The demo tenant's knowledge collection: a few Markdown FAQ pages shipped embedded in Zygo.Web, which the Support
/// assistant demo's "Search knowledge base" node searches (by keyword on an offline install).
/// </summary>
public static class DemoKnowledge
{
    public const string CollectionName = "support-faq";

    private const string Prefix = "Zygo.Web.Seeding.Knowledge.";

    public static async Task SeedAsync(ZygoDbContext db, Guid tenantId, CancellationToken ct)
    {
        var store = new DocumentStore(db, tenantId);
        var collection = await store.CreateCollectionAsync(CollectionName,
            "Customer FAQ: returns, shipping, account and billing. Searched by the Support assistant demo.", 600, 100, ct);
        var assembly = typeof(DemoKnowledge).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            await using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            var text = await reader.ReadToEndAsync(ct);
            var fileName = resource[Prefix.Length..];
            var title = text.Split('\n')[0].TrimStart('#', ' ').Trim();
            await store.AddDocumentAsync(collection, new DocumentInput(title, text, DocumentContentTypes.Markdown, fileName), ct);
        }
    }
}
