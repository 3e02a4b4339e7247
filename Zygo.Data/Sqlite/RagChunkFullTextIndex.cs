namespace Zygo.Data.Sqlite;

/// <summary>
/// The SQLite FTS5 index over knowledge chunks (heading and text), kept in step with <c>rag_chunks</c> by triggers,
/// standalone and keyed by the chunk's id for the reason given on <see cref="MemoryFullTextIndex"/>. Created by the
/// SQLite migration.
/// </summary>
public static class RagChunkFullTextIndex
{
    public const string Create = """
        CREATE VIRTUAL TABLE rag_chunks_fts USING fts5(
            chunk_id UNINDEXED, tenant_id UNINDEXED, collection_id UNINDEXED, heading, text,
            tokenize = 'unicode61 remove_diacritics 2');
        CREATE TRIGGER rag_chunks_fts_insert AFTER INSERT ON rag_chunks BEGIN
            INSERT INTO rag_chunks_fts (chunk_id, tenant_id, collection_id, heading, text)
            VALUES (new.id, new.tenant_id, new.collection_id, new.heading, new.text);
        END;
        CREATE TRIGGER rag_chunks_fts_delete AFTER DELETE ON rag_chunks BEGIN
            DELETE FROM rag_chunks_fts WHERE chunk_id = old.id;
        END;
        CREATE TRIGGER rag_chunks_fts_update AFTER UPDATE OF heading, text ON rag_chunks BEGIN
            DELETE FROM rag_chunks_fts WHERE chunk_id = old.id;
            INSERT INTO rag_chunks_fts (chunk_id, tenant_id, collection_id, heading, text)
            VALUES (new.id, new.tenant_id, new.collection_id, new.heading, new.text);
        END;
        """;

    /// <summary>Ids of chunks matching an FTS5 expression ({0}) in tenant {1} and collection {2}, best (lowest bm25) first.</summary>
    public const string Search =
        "SELECT chunk_id AS \"Value\" FROM rag_chunks_fts WHERE rag_chunks_fts MATCH {0} AND tenant_id = {1} " +
        "AND collection_id = {2} ORDER BY bm25(rag_chunks_fts) LIMIT 1000";

    public const string Drop = """
        DROP TRIGGER IF EXISTS rag_chunks_fts_update;
        DROP TRIGGER IF EXISTS rag_chunks_fts_delete;
        DROP TRIGGER IF EXISTS rag_chunks_fts_insert;
        DROP TABLE IF EXISTS rag_chunks_fts;
        """;
}
