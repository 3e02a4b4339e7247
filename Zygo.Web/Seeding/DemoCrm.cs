using Microsoft.Data.Sqlite;
using Zygo.Data;
using Zygo.Data.Entities;
using Zygo.Data.Security;
using Zygo.Engine.Nodes.Data;

namespace Zygo.Web.Seeding;

/// <summary>
/// The CRM the Webhook lead triage demo stores its leads in: the CRM_DB variable its Data Source node names, and a
/// SQLite file with an empty leads table in the demo tenant's own folder, so the demo runs as seeded.
/// </summary>
public static class DemoCrm
{
    public const string VariableName = "CRM_DB";
    public const string ConnectionString = "Data Source=crm.db";

    public static void AddVariable(ZygoDbContext db, ISecretProtector protector, Guid tenantId, Guid ownerId, DateTime now) =>
        db.EnvironmentVariables.Add(new EnvironmentVariable
        {
            TenantId = tenantId,
            Name = VariableName,
            EncryptedValue = protector.Protect(ConnectionString),
            Service = "sqlite",
            Description = "The Webhook lead triage demo's CRM: a SQLite file in this tenant's folder.",
            CreatedByUserId = ownerId,
            CreatedAt = now,
            UpdatedAt = now,
        });

    /// <summary>Creates the leads table where the Data Source node will open <see cref="ConnectionString"/> for the tenant.</summary>
    public static async Task CreateDatabaseAsync(string? sqliteFolder, Guid tenantId, CancellationToken ct)
    {
        var confined = SqliteDataSource.Confine(ConnectionString, SqliteDataSource.TenantFolder(sqliteFolder, tenantId));
        await using var connection = new SqliteConnection(confined);
        await connection.OpenAsync(ct);
        await using var create = connection.CreateCommand();
        create.CommandText = "CREATE TABLE IF NOT EXISTS leads (email TEXT NOT NULL, message TEXT, rating TEXT, received_at TEXT DEFAULT CURRENT_TIMESTAMP)";
        await create.ExecuteNonQueryAsync(ct);
    }
}
