using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zygo.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AddKnowledgeGraph : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "entities",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    type = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false),
                    normalized_name = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false),
                    properties = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    source_memory_id = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    source_execution_id = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    created_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    updated_at = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_entities", x => x.id);
                    table.ForeignKey(
                        name: "fk_entities_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "entity_relations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    from_entity_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    to_entity_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    type = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    properties = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    weight = table.Column<double>(type: "float", nullable: false),
                    source_memory_id = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    source_execution_id = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    created_at = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_entity_relations", x => x.id);
                    table.ForeignKey(
                        name: "fk_entity_relations_entities_from_entity_id",
                        column: x => x.from_entity_id,
                        principalTable: "entities",
                        principalColumn: "id");
                    table.ForeignKey(
                        name: "fk_entity_relations_entities_to_entity_id",
                        column: x => x.to_entity_id,
                        principalTable: "entities",
                        principalColumn: "id");
                    table.ForeignKey(
                        name: "fk_entity_relations_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_entities_tenant_id_normalized_name",
                table: "entities",
                columns: new[] { "tenant_id", "normalized_name" });

            migrationBuilder.CreateIndex(
                name: "ix_entities_tenant_id_type_normalized_name",
                table: "entities",
                columns: new[] { "tenant_id", "type", "normalized_name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_entity_relations_from_entity_id",
                table: "entity_relations",
                column: "from_entity_id");

            migrationBuilder.CreateIndex(
                name: "ix_entity_relations_tenant_id_from_entity_id_type_to_entity_id",
                table: "entity_relations",
                columns: new[] { "tenant_id", "from_entity_id", "type", "to_entity_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_entity_relations_tenant_id_to_entity_id_type",
                table: "entity_relations",
                columns: new[] { "tenant_id", "to_entity_id", "type" });

            migrationBuilder.CreateIndex(
                name: "ix_entity_relations_to_entity_id",
                table: "entity_relations",
                column: "to_entity_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "entity_relations");

            migrationBuilder.DropTable(
                name: "entities");
        }
    }
}
