using Microsoft.EntityFrameworkCore;
using Zygo.Data;
using Zygo.Data.Entities;
using Zygo.Web.Common;
using Zygo.Web.Tenancy;

namespace Zygo.Web.Documentation.Reading;

/// <summary>
/// The signed-in user's bookmarks and reading progress. They belong to the user, not to a tenant, so they follow
/// them into every tenant; a page they may not see (any more) is refused.
/// </summary>
public sealed class DocumentationReading(IDbContextFactory<ZygoDbContext> contexts, ICurrentUser user, DocumentationLibrary library,
    TimeProvider clock)
{
    public async Task<ReadingState> StateAsync(CancellationToken ct = default)
    {
        var userId = user.RequireUserId();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var bookmarks = await db.DocumentationBookmarks.AsNoTracking().Where(b => b.UserId == userId)
            .OrderByDescending(b => b.CreatedAt).Select(b => b.Slug).ToListAsync(ct);
        var read = await db.DocumentationProgress.AsNoTracking().Where(p => p.UserId == userId && p.IsRead)
            .Select(p => p.Slug).ToListAsync(ct);
        var reader = DocReader.ForRole(user.Role);
        return new ReadingState(
            bookmarks.Where(s => library.Find(s, reader) is not null).ToList(),
            read.ToHashSet(StringComparer.OrdinalIgnoreCase));
    }

    public async Task<PageProgress> ProgressAsync(string slug, CancellationToken ct = default)
    {
        var (userId, page) = Require(slug);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var progress = await db.DocumentationProgress.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == userId && p.Slug == page.Slug, ct);
        var bookmarked = await db.DocumentationBookmarks.AnyAsync(b => b.UserId == userId && b.Slug == page.Slug, ct);
        return new PageProgress(progress?.ScrollPosition ?? 0, progress?.IsRead ?? false, bookmarked);
    }

    public async Task SetBookmarkAsync(string slug, bool bookmarked, CancellationToken ct = default)
    {
        var (userId, page) = Require(slug);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var existing = await db.DocumentationBookmarks.SingleOrDefaultAsync(b => b.UserId == userId && b.Slug == page.Slug, ct);
        if (bookmarked && existing is null)
        {
            db.DocumentationBookmarks.Add(new DocumentationBookmark { UserId = userId, Slug = page.Slug, CreatedAt = Now });
        }
        else if (!bookmarked && existing is not null)
        {
            db.DocumentationBookmarks.Remove(existing);
        }

        await SaveIgnoringRaceAsync(db, ct);
    }

    /// <summary>Stores how far down the page the reader is, as a share of the page (clamped to 0–1).</summary>
    public Task SaveScrollAsync(string slug, double position, CancellationToken ct = default) =>
        UpdateProgressAsync(slug, p => p.ScrollPosition = double.IsFinite(position) ? Math.Clamp(position, 0, 1) : 0, ct);

    public Task SetReadAsync(string slug, bool read, CancellationToken ct = default) =>
        UpdateProgressAsync(slug, p => p.IsRead = read, ct);

    private async Task UpdateProgressAsync(string slug, Action<DocumentationProgress> change, CancellationToken ct)
    {
        var (userId, page) = Require(slug);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var progress = await db.DocumentationProgress.SingleOrDefaultAsync(p => p.UserId == userId && p.Slug == page.Slug, ct);
        if (progress is null)
        {
            progress = new DocumentationProgress { UserId = userId, Slug = page.Slug };
            db.DocumentationProgress.Add(progress);
        }

        change(progress);
        progress.UpdatedAt = Now;
        await SaveIgnoringRaceAsync(db, ct);
    }

    private (Guid UserId, DocPage Page) Require(string slug)
    {
        var userId = user.RequireUserId();
        var page = library.Find(slug, DocReader.ForRole(user.Role))
            ?? throw new InputValidationException("slug", "There is no documentation page with that slug.");
        return (userId, page);
    }

    /// <summary>Two saves of a new row at once (two tabs) insert the same key; the first one stands.</summary>
    private static async Task SaveIgnoringRaceAsync(ZygoDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
        }
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
