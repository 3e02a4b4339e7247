using System.Xml.Linq;
using Microsoft.Extensions.FileProviders;

namespace Zygo.Web.Documentation;

/// <summary>What the documentation adds to the request pipeline besides its pages: images and the sitemap.</summary>
public static class DocumentationHosting
{
    /// <summary>Serves the docs folder's images/ at /docs-images, for pages on both sites.</summary>
    public static void UseDocumentationImages(this WebApplication app)
    {
        var images = Path.Combine(app.Services.GetRequiredService<DocumentationLibrary>().Folder, "images");
        if (Directory.Exists(images))
        {
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = new PhysicalFileProvider(images),
                RequestPath = DocAreaPaths.ImagesRoot,
            });
        }
    }

    /// <summary>/docs/sitemap.xml: the public site's addresses, for search engines.</summary>
    public static void MapDocumentationSitemap(this IEndpointRouteBuilder app) =>
        app.MapGet(DocAreaPaths.PublicRoot + "/sitemap.xml", (HttpRequest request, DocumentationLibrary library) =>
            {
                XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
                var origin = $"{request.Scheme}://{request.Host}";
                var pages = library.VisibleTo(DocReader.Public).ToList();
                var urls = new[] { Url(ns, origin + DocAreaPaths.PublicRoot, null) }
                    .Concat(library.CategoriesFor(DocReader.Public).Select(c => Url(ns, $"{origin}{DocAreaPaths.PublicRoot}/category/{c.Folder}", null)))
                    .Concat(pages.Select(p => Url(ns, origin + DocArea.Public.PagePath(p.Slug), p.LastUpdated)));
                var xml = new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement(ns + "urlset", urls));
                return Results.Text(xml.Declaration + "\n" + xml.Root, "application/xml");
            })
            .AllowAnonymous()
            .ExcludeFromDescription();

    private static XElement Url(XNamespace ns, string location, DateTime? modified) =>
        new(ns + "url", new XElement(ns + "loc", location),
            modified is { } at ? new XElement(ns + "lastmod", at.ToString("yyyy-MM-dd")) : null);
}
