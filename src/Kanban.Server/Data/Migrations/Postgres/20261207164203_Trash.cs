using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kanban.Server.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Trash : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "DeletedAfterId",
                table: "Tasks",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DeletedAt",
                table: "Tasks",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "DeletedBeforeId",
                table: "Tasks",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DeletedById",
                table: "Tasks",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "DeletedWithColumn",
                table: "Tasks",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<Guid>(
                name: "DeletedAfterId",
                table: "Columns",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DeletedAt",
                table: "Columns",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "DeletedBeforeId",
                table: "Columns",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DeletedById",
                table: "Columns",
                type: "text",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_DeletedAt",
                table: "Tasks",
                column: "DeletedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Columns_DeletedAt",
                table: "Columns",
                column: "DeletedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tasks_DeletedAt",
                table: "Tasks");

            migrationBuilder.DropIndex(
                name: "IX_Columns_DeletedAt",
                table: "Columns");

            migrationBuilder.DropColumn(
                name: "DeletedAfterId",
                table: "Tasks");

            migrationBuilder.DropColumn(
                name: "DeletedAt",
                table: "Tasks");

            migrationBuilder.DropColumn(
                name: "DeletedBeforeId",
                table: "Tasks");

            migrationBuilder.DropColumn(
                name: "DeletedById",
                table: "Tasks");

            migrationBuilder.DropColumn(
                name: "DeletedWithColumn",
                table: "Tasks");

            migrationBuilder.DropColumn(
                name: "DeletedAfterId",
                table: "Columns");

            migrationBuilder.DropColumn(
                name: "DeletedAt",
                table: "Columns");

            migrationBuilder.DropColumn(
                name: "DeletedBeforeId",
                table: "Columns");

            migrationBuilder.DropColumn(
                name: "DeletedById",
                table: "Columns");
        }
    }
}
