using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace KreativLand.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class CurationTrust : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Germany's 20,000 was seeded as a row; it is now the derived value itself (an admin's other value stays).
            migrationBuilder.Sql("DELETE FROM country_thresholds WHERE country_code = 'DE' AND population_threshold = 20000;");

            migrationBuilder.AddColumn<string>(
                name: "detail",
                table: "status_changes",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "event",
                table: "status_changes",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "transition");

            migrationBuilder.AddColumn<bool>(
                name: "four_eyes_overridden",
                table: "status_changes",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "merged_into_id",
                table: "partners",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "set_at",
                table: "country_thresholds",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "set_by",
                table: "country_thresholds",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "last_edited_at",
                table: "cooperations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "last_edited_by",
                table: "cooperations",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "sme_size_confirmed",
                table: "cooperations",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "sme_size_note",
                table: "cooperations",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "detail",
                table: "audit_entries",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "event",
                table: "audit_entries",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "partner_changes",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    partner_id = table.Column<int>(type: "integer", nullable: false),
                    proposed = table.Column<string>(type: "jsonb", nullable: false),
                    proposed_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    proposed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    decided_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    four_eyes_overridden = table.Column<bool>(type: "boolean", nullable: false),
                    applied = table.Column<string>(type: "jsonb", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_partner_changes", x => x.id);
                    table.ForeignKey(
                        name: "fk_partner_changes_partners_partner_id",
                        column: x => x.partner_id,
                        principalTable: "partners",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "site_settings",
                columns: table => new
                {
                    key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    value = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    updated_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_site_settings", x => x.key);
                });

            migrationBuilder.CreateIndex(
                name: "ix_partners_merged_into_id",
                table: "partners",
                column: "merged_into_id");

            migrationBuilder.CreateIndex(
                name: "ix_partner_changes_partner_id",
                table: "partner_changes",
                column: "partner_id",
                unique: true,
                filter: "status = 'pending'");

            migrationBuilder.AddForeignKey(
                name: "fk_partners_partners_merged_into_id",
                table: "partners",
                column: "merged_into_id",
                principalTable: "partners",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            // History written before events existed kept them as English sentences in the reason.
            migrationBuilder.Sql("""
                UPDATE status_changes SET event = 'reviewed', reason = NULL WHERE reason = 'checked: still current';
                UPDATE status_changes
                   SET event = 'revision-approved',
                       detail = substring(reason FROM '^revision by (.*?) approved'),
                       reason = NULLIF(substring(reason FROM '^revision by .*? approved: (.*)$'), '')
                 WHERE reason LIKE 'revision by % approved%';
                UPDATE status_changes SET event = CASE WHEN changed_by = 'public submission' THEN 'submitted' ELSE 'created' END
                 WHERE "from" IS NULL AND event = 'transition';
                -- The four-eyes rule needs the author of each listing's current content.
                UPDATE cooperations c SET last_edited_by = coalesce(
                        (SELECT a.changed_by FROM audit_entries a WHERE a.cooperation_id = c.id ORDER BY a.changed_at DESC, a.id DESC LIMIT 1),
                        (SELECT s.changed_by FROM status_changes s WHERE s.cooperation_id = c.id ORDER BY s.changed_at, s.id LIMIT 1)),
                    last_edited_at = coalesce(
                        (SELECT a.changed_at FROM audit_entries a WHERE a.cooperation_id = c.id ORDER BY a.changed_at DESC, a.id DESC LIMIT 1),
                        c.created_at);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_partners_partners_merged_into_id",
                table: "partners");

            migrationBuilder.DropTable(
                name: "partner_changes");

            migrationBuilder.DropTable(
                name: "site_settings");

            migrationBuilder.DropIndex(
                name: "ix_partners_merged_into_id",
                table: "partners");

            migrationBuilder.DropColumn(
                name: "detail",
                table: "status_changes");

            migrationBuilder.DropColumn(
                name: "event",
                table: "status_changes");

            migrationBuilder.DropColumn(
                name: "four_eyes_overridden",
                table: "status_changes");

            migrationBuilder.DropColumn(
                name: "merged_into_id",
                table: "partners");

            migrationBuilder.DropColumn(
                name: "set_at",
                table: "country_thresholds");

            migrationBuilder.DropColumn(
                name: "set_by",
                table: "country_thresholds");

            migrationBuilder.DropColumn(
                name: "last_edited_at",
                table: "cooperations");

            migrationBuilder.DropColumn(
                name: "last_edited_by",
                table: "cooperations");

            migrationBuilder.DropColumn(
                name: "sme_size_confirmed",
                table: "cooperations");

            migrationBuilder.DropColumn(
                name: "sme_size_note",
                table: "cooperations");

            migrationBuilder.DropColumn(
                name: "detail",
                table: "audit_entries");

            migrationBuilder.DropColumn(
                name: "event",
                table: "audit_entries");

            migrationBuilder.Sql("INSERT INTO country_thresholds (country_code, population_threshold) VALUES ('DE', 20000) ON CONFLICT DO NOTHING;");
        }
    }
}
