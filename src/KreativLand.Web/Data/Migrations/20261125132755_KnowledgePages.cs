using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace KreativLand.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class KnowledgePages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "knowledge_pages",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    slug = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    title_de = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    title_en = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    summary_de = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    summary_en = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    body_de = table.Column<string>(type: "text", nullable: false),
                    body_en = table.Column<string>(type: "text", nullable: false),
                    example_slugs = table.Column<List<string>>(type: "text[]", nullable: false),
                    sort_order = table.Column<int>(type: "integer", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_knowledge_pages", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_knowledge_pages_slug",
                table: "knowledge_pages",
                column: "slug",
                unique: true);

            // First content, written once; from here on curators edit it in the database.
            foreach (var page in KreativLand.Web.Data.Seeds.KnowledgePageSeed.Pages)
            {
                migrationBuilder.InsertData(
                    table: "knowledge_pages",
                    columns: ["slug", "title_de", "title_en", "summary_de", "summary_en", "body_de", "body_en", "example_slugs", "sort_order", "updated_at"],
                    columnTypes: ["character varying(120)", "character varying(200)", "character varying(200)", "character varying(400)", "character varying(400)", "text", "text", "text[]", "integer", "timestamp with time zone"],
                    values: [page.Slug, page.TitleDe, page.TitleEn, page.SummaryDe, page.SummaryEn, page.BodyDe, page.BodyEn, page.ExampleSlugs.ToArray(), page.SortOrder, page.UpdatedAt]);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "knowledge_pages");
        }
    }
}
