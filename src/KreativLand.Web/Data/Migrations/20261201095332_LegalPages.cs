using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace KreativLand.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class LegalPages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                name: "ix_legal_pages_slug",
                table: "legal_pages",
                column: "slug",
                unique: true);

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
                name: "legal_pages");
        }
    }
}
