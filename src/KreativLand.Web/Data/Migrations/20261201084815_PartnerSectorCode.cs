using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KreativLand.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class PartnerSectorCode : Migration
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

            migrationBuilder.CreateIndex(
                name: "ix_partners_sector_code",
                table: "partners",
                column: "sector_code");

            migrationBuilder.AddCheckConstraint(
                name: "ck_partners_sector_code",
                table: "partners",
                sql: "sector_code IS NULL OR sector_code BETWEEN 'A' AND 'U'");

            // Databases loaded with the sample data before sectors were coded get the same codes as SampleData/cooperations.json.
            migrationBuilder.Sql("""
                UPDATE partners SET sector_code = coded.code
                FROM (VALUES ('timberstore', 'A'), ('lavendelcharlotte', 'A'), ('das-tier-von-hier-landwirtschaft', 'A'),
                             ('elldus-resort', 'I'), ('schicktanz', 'C'), ('kubio', 'F'), ('noon-gmbh', 'C'), ('manufaktur-goelles', 'C'),
                             ('schkola', 'P'), ('regionalmanagement-erzgebirge', 'O'), ('die-koeje', 'C'), ('wachmann-muehle', 'C'),
                             ('schwarzmeier', 'C'), ('herrnhuter-sterne', 'C')) AS coded(slug, code)
                WHERE partners.slug = coded.slug AND partners.sector_code IS NULL AND partners.kind = 'sme';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
