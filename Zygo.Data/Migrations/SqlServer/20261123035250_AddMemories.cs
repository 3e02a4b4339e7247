using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zygo.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AddMemories : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "memories",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    key = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false),
                    type = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    title = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false),
                    content = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    summary = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    tags = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    sensitivity = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    importance = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    confidence = table.Column<double>(type: "float", nullable: false),
                    expires_at = table.Column<DateTime>(type: "datetime2", nullable: true),
                    observed_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    version = table.Column<int>(type: "int", nullable: false),
                    superseded = table.Column<bool>(type: "bit", nullable: false),
                    metadata = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    embedding = table.Column<byte[]>(type: "varbinary(max)", nullable: true),
                    embedding_model = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    created_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    updated_at = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_memories", x => x.id);
                    table.ForeignKey(
                        name: "fk_memories_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_memories_tenant_id_key_version",
                table: "memories",
                columns: new[] { "tenant_id", "key", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_memories_tenant_id_superseded_expires_at",
                table: "memories",
                columns: new[] { "tenant_id", "superseded", "expires_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "memories");
        }
    }
}
