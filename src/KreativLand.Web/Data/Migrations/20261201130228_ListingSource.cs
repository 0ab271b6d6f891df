using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KreativLand.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ListingSource : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "source",
                table: "cooperations",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "source",
                table: "cooperations");
        }
    }
}
