using Microsoft.EntityFrameworkCore;

namespace Zygo.Web.Common;

/// <summary>Recognises a unique-index violation from any of the three providers by its message.</summary>
public static class UniqueViolation
{
    public static bool Is(DbUpdateException ex)
    {
        var message = ex.InnerException?.Message ?? ex.Message;
        return message.Contains("UNIQUE constraint failed", StringComparison.OrdinalIgnoreCase) // SQLite
               || message.Contains("duplicate key", StringComparison.OrdinalIgnoreCase); // SQL Server, PostgreSQL
    }
}
