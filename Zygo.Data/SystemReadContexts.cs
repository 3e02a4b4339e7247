using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace Zygo.Data;

/// <summary>
/// System contexts kept with their connections open, for reads on a hot path (starting a run): making a context,
/// initialising its services and opening a connection cost more than the query itself. For no-tracking reads only;
/// a context whose read threw is dropped rather than reused.
/// </summary>
public sealed class SystemReadContexts(Func<ZygoDbContext> create) : IDisposable
{
    /// <summary>More than the runs that start at the same moment on a small server; beyond it, extra contexts are closed.</summary>
    private const int Kept = 16;

    private readonly ConcurrentBag<ZygoDbContext> _idle = [];

    public async Task<T> ReadAsync<T>(Func<ZygoDbContext, Task<T>> read)
    {
        if (!_idle.TryTake(out var db))
        {
            db = create();
            await db.Database.OpenConnectionAsync();
        }

        T result;
        try
        {
            result = await read(db);
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }

        db.ChangeTracker.Clear();
        if (_idle.Count < Kept)
        {
            _idle.Add(db);
        }
        else
        {
            await db.DisposeAsync();
        }

        return result;
    }

    public void Dispose()
    {
        while (_idle.TryTake(out var db))
        {
            db.Dispose();
        }
    }
}
