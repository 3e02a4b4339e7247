using Zygo.Web.Documentation;
using Zygo.Web.Tenancy;

namespace Zygo.Web.Api;

/// <summary>
/// /api/v1/documentation for signed-in members (pages by the reader's role) and /api/v1/public/documentation for
/// anyone (public pages only). A page the caller may not see answers 404, exactly like a missing one.
/// </summary>
public static class DocumentationEndpoints
{
    public static void MapDocumentationEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/documentation").WithTags("Documentation");
        group.MapGet("/", (DocumentationLibrary library, ICurrentUser user, string? category, string? search) =>
                List(library, DocReader.ForRole(user.Role), category, search))
            .WithName("ListDocumentation");
        group.MapGet("/{slug}", (DocumentationLibrary library, ICurrentUser user, string slug) =>
                Get(library, DocReader.ForRole(user.Role), slug, DocArea.Internal))
            .WithName("GetDocumentationPage");
    }

    public static void MapPublicDocumentationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/public/documentation").AllowAnonymous().WithTags("Documentation");
        group.MapGet("/", (DocumentationLibrary library, string? category, string? search) =>
                List(library, DocReader.Public, category, search))
            .WithName("ListPublicDocumentation");
        group.MapGet("/{slug}", (DocumentationLibrary library, string slug) =>
                Get(library, DocReader.Public, slug, DocArea.Public))
            .WithName("GetPublicDocumentationPage");
    }

    /// <summary>
    /// Pages the reader may see, in the site's order; <paramref name="category"/> matches a category's name or folder,
    /// <paramref name="search"/> ranks by relevance instead.
    /// </summary>
    private static IResult List(DocumentationLibrary library, DocReader reader, string? category, string? search)
    {
        var pages = string.IsNullOrWhiteSpace(search)
            ? library.VisibleTo(reader)
            : library.Search.Find(search, reader).Select(h => h.Page);
        if (!string.IsNullOrWhiteSpace(category))
        {
            var wanted = category.Trim();
            pages = pages.Where(p => string.Equals(p.Category, wanted, StringComparison.OrdinalIgnoreCase)
                || string.Equals(p.CategoryFolder, wanted, StringComparison.OrdinalIgnoreCase));
        }

        return Results.Ok(pages.Select(DocumentationSummary.From).ToList());
    }

    private static IResult Get(DocumentationLibrary library, DocReader reader, string slug, DocArea area) =>
        library.Find(slug, reader) is { } page
            ? Results.Ok(DocumentationDetail.From(page, area))
            : Problems.NotFound("documentation page", "slug");
}
