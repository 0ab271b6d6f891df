using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NetTopologySuite.Geometries;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace KreativLand.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class CuratorWorkflow : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "assigned_to",
                table: "cooperations",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "economic_background_confirmed",
                table: "cooperations",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "economic_background_note",
                table: "cooperations",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "equal_terms_confirmed",
                table: "cooperations",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "equal_terms_note",
                table: "cooperations",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "last_reviewed_at",
                table: "cooperations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "regional_effects_confirmed",
                table: "cooperations",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "regional_effects_note",
                table: "cooperations",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "submitter_email",
                table: "cooperations",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    cooperation_id = table.Column<int>(type: "integer", nullable: false),
                    changed_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    changes = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_audit_entries_cooperations_cooperation_id",
                        column: x => x.cooperation_id,
                        principalTable: "cooperations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "country_thresholds",
                columns: table => new
                {
                    country_code = table.Column<string>(type: "character(2)", fixedLength: true, maxLength: 2, nullable: false),
                    population_threshold = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_country_thresholds", x => x.country_code);
                    table.CheckConstraint("ck_country_thresholds_positive", "population_threshold > 0");
                });

            migrationBuilder.CreateTable(
                name: "gazetteer_places",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    search_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    country_code = table.Column<string>(type: "character(2)", fixedLength: true, maxLength: 2, nullable: false),
                    admin1 = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    population = table.Column<int>(type: "integer", nullable: false),
                    point = table.Column<Point>(type: "geometry(Point,4326)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_gazetteer_places", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "status_changes",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    cooperation_id = table.Column<int>(type: "integer", nullable: false),
                    from = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    to = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    changed_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    criteria_overridden = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_status_changes", x => x.id);
                    table.ForeignKey(
                        name: "fk_status_changes_cooperations_cooperation_id",
                        column: x => x.cooperation_id,
                        principalTable: "cooperations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "country_thresholds",
                columns: new[] { "country_code", "population_threshold" },
                values: new object[] { "DE", 20000 });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_cooperation_id_changed_at",
                table: "audit_entries",
                columns: new[] { "cooperation_id", "changed_at" });

            migrationBuilder.CreateIndex(
                name: "ix_gazetteer_places_point",
                table: "gazetteer_places",
                column: "point")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_gazetteer_places_search_name",
                table: "gazetteer_places",
                column: "search_name")
                .Annotation("Npgsql:IndexOperators", new[] { "text_pattern_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_status_changes_cooperation_id_changed_at",
                table: "status_changes",
                columns: new[] { "cooperation_id", "changed_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.DropTable(
                name: "country_thresholds");

            migrationBuilder.DropTable(
                name: "gazetteer_places");

            migrationBuilder.DropTable(
                name: "status_changes");

            migrationBuilder.DropColumn(
                name: "assigned_to",
                table: "cooperations");

            migrationBuilder.DropColumn(
                name: "economic_background_confirmed",
                table: "cooperations");

            migrationBuilder.DropColumn(
                name: "economic_background_note",
                table: "cooperations");

            migrationBuilder.DropColumn(
                name: "equal_terms_confirmed",
                table: "cooperations");

            migrationBuilder.DropColumn(
                name: "equal_terms_note",
                table: "cooperations");

            migrationBuilder.DropColumn(
                name: "last_reviewed_at",
                table: "cooperations");

            migrationBuilder.DropColumn(
                name: "regional_effects_confirmed",
                table: "cooperations");

            migrationBuilder.DropColumn(
                name: "regional_effects_note",
                table: "cooperations");

            migrationBuilder.DropColumn(
                name: "submitter_email",
                table: "cooperations");
        }
    }
}
