using KreativLand.Web.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KreativLand.Web.Data.Migrations
{
    /// <summary>
    /// The partner's version (PostgreSQL's system column xmin, as the listings and partner changes have it): the partner
    /// page carries it so a save from an older page does not overwrite another curator's change unseen. Npgsql creates no
    /// column for xmin; the operation only records it in the model.
    /// </summary>
    [DbContext(typeof(KreativLandDbContext))]
    [Migration("20261202124500_PartnerVersion")]
    public partial class PartnerVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "partners",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "xmin",
                table: "partners");
        }
    }
}
