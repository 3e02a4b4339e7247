using System.Xml.Linq;
using Microsoft.Extensions.FileProviders;

namespace Zygo.Web.Documentation;

/// <summary>What the documentation adds to the request pipeline besides its pages: images and the sitemap.</summary>
public static class DocumentationHosting
{
    /// <summary>
    /// Answers 404 for a documentation page whose page or category is missing or hidden from the reader; the page
    /// itself renders its friendly not-found content from the same <see cref="DocumentationLibrary.Find"/> answer.
    /// The status is set as the response starts: Blazor renders nothing for a 404 set before or during rendering
    /// (it leaves the body to the status-code pages), and the friendly page is the body we want.
    /// </summary>
    public static void UseDocumentationNotFoundStatus(this WebApplication app) =>
        app.Use((context, next) =>
        {
            if (HttpMethods.IsGet(context.Request.Method) && IsMissing(context))
            {
                context.Response.OnStarting(() =>
                {
                    if (context.Response.StatusCode == StatusCodes.Status200OK)
                    {
                        context.Response.StatusCode = StatusCodes.Status404NotFound;
                    }

                    return Task.CompletedTask;
                });
            }

            return next(context);
        });

    private static bool IsMissing(HttpContext context)
    {
        var library = context.RequestServices.GetRequiredService<DocumentationLibrary>();
        if (context.Request.Path.StartsWithSegments(DocAreaPaths.PublicRoot, out var publicRest))
        {
            var segments = publicRest.Value?.Trim('/').Split('/') ?? [];
            return segments switch
            {
                [""] or ["search"] or ["sitemap.xml"] => false,
                ["category", var folder] => library.CategoriesFor(DocReader.Public).All(c => !c.Folder.Equals(folder, StringComparison.OrdinalIgnoreCase)),
                [var slug] => library.Find(slug, DocReader.Public) is null,
                _ => true,
            };
        }

        if (context.Request.Path.StartsWithSegments(DocAreaPaths.InternalRoot, out var internalRest)
            && context.User.Identity?.IsAuthenticated == true && internalRest.Value?.Trim('/') is { Length: > 0 } internalSlug)
        {
            var role = context.RequestServices.GetRequiredService<Tenancy.ICurrentUser>().Role;
            return library.Find(internalSlug, DocReader.ForRole(role)) is null;
        }

        return false;
    }

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
