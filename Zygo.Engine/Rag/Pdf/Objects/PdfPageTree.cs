using Zygo.Engine.Rag.Pdf.Syntax;

namespace Zygo.Engine.Rag.Pdf.Objects;

/// <summary>
/// The pages in reading order: <c>/Root → /Pages → /Kids</c>, depth first, with <c>/Resources</c> inherited. When the
/// tree is broken, every <c>/Type /Page</c> object is taken in object-number order instead.
/// </summary>
internal static class PdfPageTree
{
    private const int MaxDepth = 64;

    public static List<PdfPage> Collect(PdfObjectTable objects)
    {
        var pages = new List<PdfPage>();
        var root = objects.Dictionary(objects.Trailer.Get("Root"));
        if (root is not null)
        {
            Walk(objects, root.Get("Pages"), null, 0, [], pages);
        }

        return pages.Count > 0 ? pages : LoosePages(objects);
    }

    private static void Walk(PdfObjectTable objects, object? node, PdfDictionary? inherited, int depth, HashSet<object> seen, List<PdfPage> pages)
    {
        // A node reached twice (a cycle, or a kid listed twice by a broken writer) is read once.
        if (depth > MaxDepth || objects.Dictionary(node) is not { } dictionary || !seen.Add(node is PdfRef reference ? reference : dictionary))
        {
            return;
        }

        var resources = objects.Dictionary(dictionary.Get("Resources")) ?? inherited;
        if (objects.Resolve(dictionary.Get("Kids")) is PdfArray kids && dictionary.NameOf("Type") != "Page")
        {
            foreach (var kid in kids)
            {
                Walk(objects, kid, resources, depth + 1, seen, pages);
            }

            return;
        }

        if (pages.Count >= PdfLimits.MaxPages)
        {
            throw new PdfReadException($"The PDF has more than {PdfLimits.MaxPages:N0} pages; split it into smaller files.");
        }

        pages.Add(new PdfPage(dictionary, resources));
    }

    private static List<PdfPage> LoosePages(PdfObjectTable objects) =>
        objects.Numbers.Select(objects.Get).OfType<PdfDictionary>().Where(d => d.NameOf("Type") == "Page")
            .Take(PdfLimits.MaxPages).Select(d => new PdfPage(d, objects.Dictionary(d.Get("Resources")))).ToList();
}
