using KreativLand.Web.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KreativLand.Web.Data.Migrations
{
    /// <summary>
    /// Every save of a pending revision with the fields it changed, so the editor's conflict table can name each curator
    /// who changed a field since the page was loaded (a revision's saves leave no history entry). Revisions waiting now
    /// start with none kept: their conflicts name their last author, as before.
    /// </summary>
    [DbContext(typeof(KreativLandDbContext))]
    [Migration("20261202130500_RevisionSaves")]
    public partial class RevisionSaves : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "saves",
                table: "cooperation_revisions",
                type: "jsonb",
                nullable: false,
                defaultValue: "[]");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "saves",
                table: "cooperation_revisions");
        }
    }
}
