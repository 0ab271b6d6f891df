using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NetTopologySuite.Geometries;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace KreativLand.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class InitialSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:postgis", ",,")
                .Annotation("Npgsql:PostgresExtension:unaccent", ",,");

            migrationBuilder.CreateTable(
                name: "cooperations",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    slug = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    start_year = table.Column<int>(type: "integer", nullable: true),
                    end_year = table.Column<int>(type: "integer", nullable: true),
                    ongoing = table.Column<bool>(type: "boolean", nullable: false),
                    continuous_since_start = table.Column<bool>(type: "boolean", nullable: true),
                    contact_origins = table.Column<string[]>(type: "text[]", nullable: false),
                    region_values = table.Column<string[]>(type: "text[]", nullable: false),
                    partner_values = table.Column<string[]>(type: "text[]", nullable: false),
                    quotes = table.Column<string>(type: "jsonb", nullable: false),
                    media = table.Column<string>(type: "jsonb", nullable: false),
                    images = table.Column<string>(type: "jsonb", nullable: false),
                    location_municipality = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    location_population = table.Column<int>(type: "integer", nullable: true),
                    location_district = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    location_region = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    location_country_code = table.Column<string>(type: "character(2)", fixedLength: true, maxLength: 2, nullable: false),
                    location_point = table.Column<Point>(type: "geometry(Point,4326)", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    advice_for_creatives_de = table.Column<string>(type: "text", nullable: true),
                    advice_for_creatives_en = table.Column<string>(type: "text", nullable: true),
                    advice_for_policy_de = table.Column<string>(type: "text", nullable: true),
                    advice_for_policy_en = table.Column<string>(type: "text", nullable: true),
                    advice_for_smes_de = table.Column<string>(type: "text", nullable: true),
                    advice_for_smes_en = table.Column<string>(type: "text", nullable: true),
                    description_de = table.Column<string>(type: "text", nullable: true),
                    description_en = table.Column<string>(type: "text", nullable: true),
                    summary_de = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: true),
                    summary_en = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: true),
                    title_de = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    title_en = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cooperations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "subsectors",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    name_de = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    name_en = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    sort_order = table.Column<int>(type: "integer", nullable: false),
                    colour = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_subsectors", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "partners",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    slug = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    website = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    sector = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    employees = table.Column<int>(type: "integer", nullable: true),
                    subsector_code = table.Column<string>(type: "character varying(40)", nullable: true),
                    municipality = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    country_code = table.Column<string>(type: "character(2)", fixedLength: true, maxLength: 2, nullable: true),
                    is_urban = table.Column<bool>(type: "boolean", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_partners", x => x.id);
                    table.CheckConstraint("ck_partners_employees", "employees IS NULL OR employees >= 0");
                    table.ForeignKey(
                        name: "fk_partners_subsectors_subsector_code",
                        column: x => x.subsector_code,
                        principalTable: "subsectors",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "cooperation_partners",
                columns: table => new
                {
                    cooperation_id = table.Column<int>(type: "integer", nullable: false),
                    partner_id = table.Column<int>(type: "integer", nullable: false),
                    sort_order = table.Column<int>(type: "integer", nullable: false),
                    role_de = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    role_en = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cooperation_partners", x => new { x.cooperation_id, x.partner_id });
                    table.ForeignKey(
                        name: "fk_cooperation_partners_cooperations_cooperation_id",
                        column: x => x.cooperation_id,
                        principalTable: "cooperations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_cooperation_partners_partners_partner_id",
                        column: x => x.partner_id,
                        principalTable: "partners",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "subsectors",
                columns: new[] { "code", "colour", "name_de", "name_en", "sort_order" },
                values: new object[,]
                {
                    { "advertising", "#b8006b", "Werbemarkt", "Advertising", 10 },
                    { "architecture", "#4a5a6a", "Architekturmarkt", "Architecture", 8 },
                    { "art-market", "#9467bd", "Kunstmarkt", "Art market", 3 },
                    { "arts-crafts", "#5b7f00", "Kunsthandwerk", "Arts & crafts", 12 },
                    { "books", "#8c564b", "Buchmarkt", "Book market", 2 },
                    { "broadcasting", "#e377c2", "Rundfunkwirtschaft", "Broadcasting", 5 },
                    { "design", "#0f7a5c", "Designwirtschaft", "Design", 7 },
                    { "film", "#d62728", "Filmwirtschaft", "Film industry", 4 },
                    { "music", "#1f77b4", "Musikwirtschaft", "Music industry", 1 },
                    { "performing-arts", "#ad4f00", "Markt für darstellende Künste", "Performing arts", 6 },
                    { "press", "#7a6a00", "Pressemarkt", "Press", 9 },
                    { "software-games", "#2b50c8", "Software- und Games-Industrie", "Software & games", 11 }
                });

            migrationBuilder.CreateIndex(
                name: "ix_cooperation_partners_partner_id",
                table: "cooperation_partners",
                column: "partner_id");

            migrationBuilder.CreateIndex(
                name: "ix_cooperations_location_country_code",
                table: "cooperations",
                column: "location_country_code");

            migrationBuilder.CreateIndex(
                name: "ix_cooperations_location_point",
                table: "cooperations",
                column: "location_point")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_cooperations_slug",
                table: "cooperations",
                column: "slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cooperations_status",
                table: "cooperations",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "ix_partners_slug",
                table: "partners",
                column: "slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_partners_subsector_code",
                table: "partners",
                column: "subsector_code");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cooperation_partners");

            migrationBuilder.DropTable(
                name: "cooperations");

            migrationBuilder.DropTable(
                name: "partners");

            migrationBuilder.DropTable(
                name: "subsectors");
        }
    }
}
