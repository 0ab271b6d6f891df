using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace KreativLand.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class PublicExperience : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "sector_code",
                table: "partners",
                type: "character(1)",
                fixedLength: true,
                maxLength: 1,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "gazetteer_names",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    place_id = table.Column<int>(type: "integer", nullable: false),
                    language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    search_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_gazetteer_names", x => x.id);
                    table.ForeignKey(
                        name: "fk_gazetteer_names_gazetteer_places_place_id",
                        column: x => x.place_id,
                        principalTable: "gazetteer_places",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "legal_pages",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    slug = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    title_de = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    title_en = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    body_de = table.Column<string>(type: "text", nullable: false),
                    body_en = table.Column<string>(type: "text", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_legal_pages", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_partners_sector_code",
                table: "partners",
                column: "sector_code");

            migrationBuilder.AddCheckConstraint(
                name: "ck_partners_sector_code",
                table: "partners",
                sql: "sector_code IS NULL OR sector_code BETWEEN 'A' AND 'U'");

            migrationBuilder.CreateIndex(
                name: "ix_gazetteer_names_place_id_language_name",
                table: "gazetteer_names",
                columns: new[] { "place_id", "language", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_gazetteer_names_search_name",
                table: "gazetteer_names",
                column: "search_name")
                .Annotation("Npgsql:IndexOperators", new[] { "text_pattern_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_legal_pages_slug",
                table: "legal_pages",
                column: "slug",
                unique: true);

            // Databases loaded with the sample data before sectors were coded get the same codes as SampleData/cooperations.json.
            migrationBuilder.Sql("""
                UPDATE partners SET sector_code = coded.code
                FROM (VALUES ('timberstore', 'A'), ('lavendelcharlotte', 'A'), ('das-tier-von-hier-landwirtschaft', 'A'),
                             ('elldus-resort', 'I'), ('schicktanz', 'C'), ('kubio', 'F'), ('noon-gmbh', 'C'), ('manufaktur-goelles', 'C'),
                             ('schkola', 'P'), ('regionalmanagement-erzgebirge', 'O'), ('die-koeje', 'C'), ('wachmann-muehle', 'C'),
                             ('schwarzmeier', 'C'), ('herrnhuter-sterne', 'C')) AS coded(slug, code)
                WHERE partners.slug = coded.slug AND partners.sector_code IS NULL AND partners.kind = 'sme';
                """);

            // First text, written once; from here on admins edit it in the database (/admin/settings/legal).
            foreach (var page in KreativLand.Web.Data.Seeds.LegalPageSeed.Pages)
            {
                migrationBuilder.InsertData(
                    table: "legal_pages",
                    columns: ["slug", "title_de", "title_en", "body_de", "body_en", "updated_at"],
                    columnTypes: ["character varying(40)", "character varying(200)", "character varying(200)", "text", "text", "timestamp with time zone"],
                    values: [page.Slug, page.TitleDe, page.TitleEn, page.BodyDe, page.BodyEn, page.UpdatedAt]);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "gazetteer_names");

            migrationBuilder.DropTable(
                name: "legal_pages");

            migrationBuilder.DropIndex(
                name: "ix_partners_sector_code",
                table: "partners");

            migrationBuilder.DropCheckConstraint(
                name: "ck_partners_sector_code",
                table: "partners");

            migrationBuilder.DropColumn(
                name: "sector_code",
                table: "partners");
        }
    }
}
