using Zygo.Web.Documentation.Rendering;
using Zygo.Web.Documentation.Search;

namespace Zygo.Web.Documentation;

/// <summary>
/// Every documentation page, loaded and rendered once at start from the docs folder (one sub-folder per category),
/// in the site's order: category, then the page's order within it.
/// </summary>
public sealed class DocumentationLibrary
{
    private readonly Dictionary<string, DocPage> _bySlug;

    private DocumentationLibrary(IReadOnlyList<DocPage> pages, IReadOnlyList<string> problems, string folder)
    {
        Pages = pages;
        Problems = problems;
        Folder = folder;
        _bySlug = pages.ToDictionary(p => p.Slug, StringComparer.OrdinalIgnoreCase);
        Search = new DocumentationSearch(pages);
    }

    public string Folder { get; }

    /// <summary>All pages in the site's order, whatever their audience.</summary>
    public IReadOnlyList<DocPage> Pages { get; }

    /// <summary>Files that could not be loaded, and why; they are left out of the site.</summary>
    public IReadOnlyList<string> Problems { get; }

    public DocumentationSearch Search { get; }

    /// <summary>The page with that slug if the reader may see it; otherwise null, exactly as for a missing page.</summary>
    public DocPage? Find(string slug, DocReader reader) =>
        _bySlug.TryGetValue(slug, out var page) && reader.MaySee(page) ? page : null;

    public IEnumerable<DocPage> VisibleTo(DocReader reader) => Pages.Where(reader.MaySee);

    /// <summary>The categories with at least one page the reader may see, in the site's order.</summary>
    public IReadOnlyList<DocCategory> CategoriesFor(DocReader reader)
    {
        var folders = VisibleTo(reader).Select(p => p.CategoryFolder).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return DocCategory.All.Where(c => folders.Contains(c.Folder)).ToList();
    }

    /// <summary>The pages before and after <paramref name="page"/> in the whole ordered list the reader sees.</summary>
    public (DocPage? Previous, DocPage? Next) Neighbours(DocPage page, DocReader reader)
    {
        var visible = VisibleTo(reader).ToList();
        var index = visible.IndexOf(page);
        return index < 0
            ? (null, null)
            : (index > 0 ? visible[index - 1] : null, index < visible.Count - 1 ? visible[index + 1] : null);
    }

    public static DocumentationLibrary Load(string folder, ILogger? logger = null)
    {
        var problems = new List<string>();
        var sources = new List<(string File, string Folder, DocFrontMatter Header, string Body)>();
        if (!Directory.Exists(folder))
        {
            problems.Add($"The documentation folder '{folder}' does not exist.");
        }
        else
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var relative = Path.GetRelativePath(folder, file).Replace('\\', '/');
                try
                {
                    var (header, body) = DocFrontMatter.Split(File.ReadAllText(file));
                    sources.Add((file, relative.Contains('/') ? relative[..relative.IndexOf('/')] : "", header, body));
                }
                catch (FormatException e)
                {
                    problems.Add($"{relative}: {e.Message}");
                }
            }
        }

        var unique = new List<(string File, string Folder, DocFrontMatter Header, string Body)>();
        foreach (var group in sources.GroupBy(s => Path.GetFileNameWithoutExtension(s.File), StringComparer.OrdinalIgnoreCase))
        {
            unique.Add(group.First());
            problems.AddRange(group.Skip(1).Select(s => $"{Path.GetRelativePath(folder, s.File)}: the slug '{group.Key}' is used by another page."));
        }

        var audiences = unique.ToDictionary(s => Path.GetFileNameWithoutExtension(s.File), s => s.Header.Audience, StringComparer.OrdinalIgnoreCase);
        DocAudience? AudienceOf(string slug) => audiences.TryGetValue(slug, out var a) ? a : null;

        var pages = unique
            .Select(s => Build(s.File, s.Folder, s.Header, s.Body, AudienceOf))
            .OrderBy(p => DocCategory.IndexOf(p.CategoryFolder))
            .ThenBy(p => p.Order)
            .ThenBy(p => p.Title, StringComparer.Ordinal)
            .ToList();

        foreach (var problem in problems)
        {
            logger?.LogWarning("Documentation page skipped: {Problem}", problem);
        }

        logger?.LogInformation("Loaded {Count} documentation pages from {Folder}", pages.Count, folder);
        return new DocumentationLibrary(pages, problems, folder);
    }

    private static DocPage Build(string file, string folder, DocFrontMatter header, string body, Func<string, DocAudience?> audienceOf)
    {
        var slug = Path.GetFileNameWithoutExtension(file);
        var publicRender = DocRenderer.Render(body, new LinkTargets(DocArea.Public, slug, audienceOf));
        var internalRender = DocRenderer.Render(body, new LinkTargets(DocArea.Internal, slug, audienceOf));
        return new DocPage
        {
            Slug = slug,
            Title = header.Title,
            Category = header.Category,
            CategoryFolder = folder,
            Order = header.Order,
            Description = header.Description,
            Keywords = header.Keywords,
            Audience = header.Audience,
            Markdown = body,
            PublicHtml = publicRender.Html,
            InternalHtml = internalRender.Html,
            Toc = internalRender.Toc,
            Anchors = internalRender.Anchors,
            PlainText = internalRender.PlainText,
            ReadTimeMinutes = internalRender.ReadTimeMinutes,
            LastUpdated = File.GetLastWriteTimeUtc(file),
        };
    }
}
