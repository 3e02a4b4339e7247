namespace Zygo.Data.Sqlite;

/// <summary>
/// The SQLite FTS5 index over memories (key, title, content, tags), kept in step with the <c>memories</c> table by
/// triggers so every write path (EF, raw SQL, cascades) updates it. Created by the SQLite migration.
/// </summary>
/// <remarks>
/// A standalone FTS table keyed by the memory's id rather than an external-content one: external content needs a
/// stable integer rowid, and the Guid-keyed table's implicit rowid may change on VACUUM.
/// </remarks>
public static class MemoryFullTextIndex
{
    public const string Create = """
        CREATE VIRTUAL TABLE memories_fts USING fts5(
            memory_id UNINDEXED, tenant_id UNINDEXED, key, title, content, tags, tokenize = 'unicode61 remove_diacritics 2');
        CREATE TRIGGER memories_fts_insert AFTER INSERT ON memories BEGIN
            INSERT INTO memories_fts (memory_id, tenant_id, key, title, content, tags)
            VALUES (new.id, new.tenant_id, new.key, new.title, new.content, new.tags);
        END;
        CREATE TRIGGER memories_fts_delete AFTER DELETE ON memories BEGIN
            DELETE FROM memories_fts WHERE memory_id = old.id;
        END;
        CREATE TRIGGER memories_fts_update AFTER UPDATE OF key, title, content, tags ON memories BEGIN
            DELETE FROM memories_fts WHERE memory_id = old.id;
            INSERT INTO memories_fts (memory_id, tenant_id, key, title, content, tags)
            VALUES (new.id, new.tenant_id, new.key, new.title, new.content, new.tags);
        END;
        """;

    /// <summary>Ids of a tenant's memories matching an FTS5 expression ({0}) in tenant {1}, best (lowest bm25) first.</summary>
    public const string Search =
        "SELECT memory_id AS \"Value\" FROM memories_fts WHERE memories_fts MATCH {0} AND tenant_id = {1} " +
        "ORDER BY bm25(memories_fts) LIMIT 1000";

    public const string Drop = """
        DROP TRIGGER IF EXISTS memories_fts_update;
        DROP TRIGGER IF EXISTS memories_fts_delete;
        DROP TRIGGER IF EXISTS memories_fts_insert;
        DROP TABLE IF EXISTS memories_fts;
        """;
}
