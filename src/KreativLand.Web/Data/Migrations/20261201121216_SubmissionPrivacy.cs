using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KreativLand.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class SubmissionPrivacy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "submitter_consent_at",
                table: "cooperations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "used_form_tokens",
                columns: table => new
                {
                    token_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    used_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_used_form_tokens", x => x.token_hash);
                });

            migrationBuilder.CreateIndex(
                name: "ix_used_form_tokens_used_at",
                table: "used_form_tokens",
                column: "used_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "used_form_tokens");

            migrationBuilder.DropColumn(
                name: "submitter_consent_at",
                table: "cooperations");
        }
    }
}
