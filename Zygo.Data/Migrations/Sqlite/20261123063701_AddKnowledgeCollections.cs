using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zygo.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddKnowledgeCollections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "rag_collections",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    tenant_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    chunk_size = table.Column<int>(type: "INTEGER", nullable: false),
                    chunk_overlap = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rag_collections", x => x.id);
                    table.ForeignKey(
                        name: "fk_rag_collections_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "rag_documents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    tenant_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    collection_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    content_type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    metadata = table.Column<string>(type: "TEXT", nullable: false),
                    characters = table.Column<int>(type: "INTEGER", nullable: false),
                    chunk_count = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rag_documents", x => x.id);
                    table.ForeignKey(
                        name: "fk_rag_documents_rag_collections_collection_id",
                        column: x => x.collection_id,
                        principalTable: "rag_collections",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "rag_chunks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    tenant_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    collection_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    document_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    text = table.Column<string>(type: "TEXT", nullable: false),
                    heading = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    metadata = table.Column<string>(type: "TEXT", nullable: false),
                    embedding = table.Column<byte[]>(type: "BLOB", nullable: true),
                    embedding_model = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rag_chunks", x => x.id);
                    table.ForeignKey(
                        name: "fk_rag_chunks_rag_documents_document_id",
                        column: x => x.document_id,
                        principalTable: "rag_documents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_rag_chunks_document_id_ordinal",
                table: "rag_chunks",
                columns: new[] { "document_id", "ordinal" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_rag_chunks_tenant_id_collection_id",
                table: "rag_chunks",
                columns: new[] { "tenant_id", "collection_id" });

            migrationBuilder.CreateIndex(
                name: "ix_rag_collections_tenant_id_name",
                table: "rag_collections",
                columns: new[] { "tenant_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_rag_documents_collection_id",
                table: "rag_documents",
                column: "collection_id");

            migrationBuilder.CreateIndex(
                name: "ix_rag_documents_tenant_id_collection_id",
                table: "rag_documents",
                columns: new[] { "tenant_id", "collection_id" });

            migrationBuilder.Sql(Zygo.Data.Sqlite.RagChunkFullTextIndex.Create);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Zygo.Data.Sqlite.RagChunkFullTextIndex.Drop);

            migrationBuilder.DropTable(
                name: "rag_chunks");

            migrationBuilder.DropTable(
                name: "rag_documents");

            migrationBuilder.DropTable(
                name: "rag_collections");
        }
    }
}
