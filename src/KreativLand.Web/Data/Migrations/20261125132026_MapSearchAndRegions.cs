using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NetTopologySuite.Geometries;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using NpgsqlTypes;

#nullable disable

namespace KreativLand.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class MapSearchAndRegions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,")
                .Annotation("Npgsql:PostgresExtension:postgis", ",,")
                .Annotation("Npgsql:PostgresExtension:unaccent", ",,")
                .OldAnnotation("Npgsql:PostgresExtension:postgis", ",,")
                .OldAnnotation("Npgsql:PostgresExtension:unaccent", ",,");

            migrationBuilder.CreateTable(
                name: "cooperation_search",
                columns: table => new
                {
                    cooperation_id = table.Column<int>(type: "integer", nullable: false),
                    document = table.Column<NpgsqlTsVector>(type: "tsvector", nullable: false),
                    plain = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cooperation_search", x => x.cooperation_id);
                    table.ForeignKey(
                        name: "fk_cooperation_search_cooperations_cooperation_id",
                        column: x => x.cooperation_id,
                        principalTable: "cooperations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "regions",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    slug = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    level = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    country_code = table.Column<string>(type: "character(2)", fixedLength: true, maxLength: 2, nullable: true),
                    boundary = table.Column<MultiPolygon>(type: "geometry(MultiPolygon,4326)", nullable: false),
                    imported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_regions", x => x.id);
                });

            migrationBuilder.UpdateData(
                table: "subsectors",
                keyColumn: "code",
                keyValue: "art-market",
                column: "colour",
                value: "#6f4a99");

            migrationBuilder.UpdateData(
                table: "subsectors",
                keyColumn: "code",
                keyValue: "arts-crafts",
                column: "colour",
                value: "#4d6b00");

            migrationBuilder.UpdateData(
                table: "subsectors",
                keyColumn: "code",
                keyValue: "books",
                column: "colour",
                value: "#7a4a3d");

            migrationBuilder.UpdateData(
                table: "subsectors",
                keyColumn: "code",
                keyValue: "broadcasting",
                column: "colour",
                value: "#9c3d7e");

            migrationBuilder.UpdateData(
                table: "subsectors",
                keyColumn: "code",
                keyValue: "film",
                column: "colour",
                value: "#b02020");

            migrationBuilder.UpdateData(
                table: "subsectors",
                keyColumn: "code",
                keyValue: "music",
                column: "colour",
                value: "#1f5f99");

            migrationBuilder.UpdateData(
                table: "subsectors",
                keyColumn: "code",
                keyValue: "press",
                column: "colour",
                value: "#6b5d00");

            migrationBuilder.CreateIndex(
                name: "ix_cooperation_search_document",
                table: "cooperation_search",
                column: "document")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_cooperation_search_plain",
                table: "cooperation_search",
                column: "plain")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_regions_boundary",
                table: "regions",
                column: "boundary")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_regions_level_name",
                table: "regions",
                columns: new[] { "level", "name" });

            migrationBuilder.CreateIndex(
                name: "ix_regions_slug",
                table: "regions",
                column: "slug",
                unique: true);

            // Radius search runs ST_DWithin on geography (metres on the spheroid); this index serves it.
            migrationBuilder.Sql("CREATE INDEX ix_cooperations_location_geography ON cooperations USING gist ((location_point::geography));");

            // The full-text document lives in cooperation_search and is kept current by triggers, so every
            // writer (importer, editor, plain SQL) updates it. Text is indexed unaccented ("Gölles" → "golles")
            // and transliterated ("Gölles" → "goelles"), so both spellings find it.
            migrationBuilder.Sql("""
                CREATE FUNCTION kl_transliterate(value text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
                    SELECT replace(replace(replace(replace(replace(replace(replace(lower(value),
                        'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'ß', 'ss'), 'ø', 'oe'), 'æ', 'ae'), 'å', 'aa')
                $$;

                CREATE FUNCTION kl_search_vector(value text, weight "char") RETURNS tsvector LANGUAGE sql STABLE AS $$
                    SELECT setweight(to_tsvector('simple', unaccent(coalesce(value, '')))
                        || to_tsvector('simple', kl_transliterate(coalesce(value, '')))
                        || to_tsvector('german', unaccent(coalesce(value, '')))
                        || to_tsvector('english', unaccent(coalesce(value, ''))), weight)
                $$;

                CREATE FUNCTION kl_refresh_cooperation_search(target integer) RETURNS void LANGUAGE plpgsql AS $$
                DECLARE
                    names text;
                    heading text;
                    body text;
                    details text;
                BEGIN
                    SELECT concat_ws(' ', c.title_de, c.title_en),
                           concat_ws(' ', c.summary_de, c.summary_en, c.location_municipality, c.location_district, c.location_region),
                           concat_ws(' ', c.description_de, c.description_en, c.advice_for_smes_de, c.advice_for_smes_en,
                               c.advice_for_creatives_de, c.advice_for_creatives_en, c.advice_for_policy_de, c.advice_for_policy_en)
                      INTO heading, body, details
                      FROM cooperations c WHERE c.id = target;
                    IF NOT FOUND THEN
                        DELETE FROM cooperation_search WHERE cooperation_id = target;
                        RETURN;
                    END IF;
                    SELECT string_agg(concat_ws(' ', p.name, p.municipality, p.sector), ' ') INTO names
                      FROM cooperation_partners cp JOIN partners p ON p.id = cp.partner_id
                     WHERE cp.cooperation_id = target;
                    INSERT INTO cooperation_search (cooperation_id, document, plain)
                    VALUES (target,
                        kl_search_vector(concat_ws(' ', heading, names), 'A') || kl_search_vector(body, 'B') || kl_search_vector(details, 'C'),
                        concat_ws(' ', lower(unaccent(concat_ws(' ', heading, names, body, details))),
                                       kl_transliterate(concat_ws(' ', heading, names, body, details))))
                    ON CONFLICT (cooperation_id) DO UPDATE SET document = EXCLUDED.document, plain = EXCLUDED.plain;
                END
                $$;

                CREATE FUNCTION kl_cooperations_search_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM kl_refresh_cooperation_search(NEW.id);
                    RETURN NULL;
                END
                $$;

                CREATE FUNCTION kl_cooperation_partners_search_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM kl_refresh_cooperation_search(OLD.cooperation_id); END IF;
                    IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM kl_refresh_cooperation_search(NEW.cooperation_id); END IF;
                    RETURN NULL;
                END
                $$;

                CREATE FUNCTION kl_partners_search_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM kl_refresh_cooperation_search(cp.cooperation_id)
                       FROM cooperation_partners cp WHERE cp.partner_id = NEW.id;
                    RETURN NULL;
                END
                $$;

                CREATE TRIGGER kl_cooperations_search AFTER INSERT OR UPDATE ON cooperations
                    FOR EACH ROW EXECUTE FUNCTION kl_cooperations_search_trigger();
                CREATE TRIGGER kl_cooperation_partners_search AFTER INSERT OR UPDATE OR DELETE ON cooperation_partners
                    FOR EACH ROW EXECUTE FUNCTION kl_cooperation_partners_search_trigger();
                CREATE TRIGGER kl_partners_search AFTER UPDATE OF name, municipality, sector ON partners
                    FOR EACH ROW EXECUTE FUNCTION kl_partners_search_trigger();

                SELECT kl_refresh_cooperation_search(id) FROM cooperations;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS kl_partners_search ON partners;
                DROP TRIGGER IF EXISTS kl_cooperation_partners_search ON cooperation_partners;
                DROP TRIGGER IF EXISTS kl_cooperations_search ON cooperations;
                DROP FUNCTION IF EXISTS kl_partners_search_trigger();
                DROP FUNCTION IF EXISTS kl_cooperation_partners_search_trigger();
                DROP FUNCTION IF EXISTS kl_cooperations_search_trigger();
                DROP FUNCTION IF EXISTS kl_refresh_cooperation_search(integer);
                DROP FUNCTION IF EXISTS kl_search_vector(text, "char");
                DROP FUNCTION IF EXISTS kl_transliterate(text);
                DROP INDEX IF EXISTS ix_cooperations_location_geography;
                """);

            migrationBuilder.DropTable(
                name: "cooperation_search");

            migrationBuilder.DropTable(
                name: "regions");

            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:postgis", ",,")
                .Annotation("Npgsql:PostgresExtension:unaccent", ",,")
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,")
                .OldAnnotation("Npgsql:PostgresExtension:postgis", ",,")
                .OldAnnotation("Npgsql:PostgresExtension:unaccent", ",,");

            migrationBuilder.UpdateData(
                table: "subsectors",
                keyColumn: "code",
                keyValue: "art-market",
                column: "colour",
                value: "#9467bd");

            migrationBuilder.UpdateData(
                table: "subsectors",
                keyColumn: "code",
                keyValue: "arts-crafts",
                column: "colour",
                value: "#5b7f00");

            migrationBuilder.UpdateData(
                table: "subsectors",
                keyColumn: "code",
                keyValue: "books",
                column: "colour",
                value: "#8c564b");

            migrationBuilder.UpdateData(
                table: "subsectors",
                keyColumn: "code",
                keyValue: "broadcasting",
                column: "colour",
                value: "#e377c2");

            migrationBuilder.UpdateData(
                table: "subsectors",
                keyColumn: "code",
                keyValue: "film",
                column: "colour",
                value: "#d62728");

            migrationBuilder.UpdateData(
                table: "subsectors",
                keyColumn: "code",
                keyValue: "music",
                column: "colour",
                value: "#1f77b4");

            migrationBuilder.UpdateData(
                table: "subsectors",
                keyColumn: "code",
                keyValue: "press",
                column: "colour",
                value: "#7a6a00");
        }
    }
}
