using Microsoft.EntityFrameworkCore;
using Zygo.Data;
using Zygo.Data.Entities;

namespace Zygo.Web.Documentation;

/// <summary>
/// Keeps the global documentation_pages table in step with the files at start-up: one row per page (keyed by slug),
/// rows whose file is gone deleted.
/// </summary>
public static class DocumentationSync
{
    public static async Task SyncAsync(ZygoDbContext db, DocumentationLibrary library, CancellationToken ct = default)
    {
        var rows = await db.DocumentationPages.ToDictionaryAsync(r => r.Slug, StringComparer.OrdinalIgnoreCase, ct);
        foreach (var page in library.Pages)
        {
            if (!rows.Remove(page.Slug, out var row))
            {
                row = new DocumentationPage { Id = page.Slug, Slug = page.Slug, Title = "", Category = "", Content = "" };
                db.DocumentationPages.Add(row);
            }

            Apply(page, row);
        }

        db.DocumentationPages.RemoveRange(rows.Values);
        await db.SaveChangesAsync(ct);
    }

    private static void Apply(DocPage page, DocumentationPage row)
    {
        row.Slug = page.Slug;
        row.Title = page.Title;
        row.Category = page.Category;
        row.Content = page.Markdown;
        row.ReadTime = page.ReadTimeMinutes;
        row.IsPublic = page.IsPublic;
        row.MetaDescription = page.Description;
        row.Keywords = string.Join(",", page.Keywords);
        row.SortOrder = page.Order;
        row.LastUpdated = page.LastUpdated;
    }
}
