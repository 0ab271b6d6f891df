#!/usr/bin/env bash
# KreativLand: set up what is missing and serve the site.
#   ./run.sh [serve]         start the local database (if needed), migrate, load sample data, serve on 127.0.0.1:${KL_PORT:-5080}
#   ./run.sh import FILE [--override "REASON"]
#                            import a file in the JSON import format (docs/import-format.md); the override (admin's
#                            reason) replaces published listings at once instead of making revisions
#   ./run.sh import-regions FILE [--level LEVEL] [--name-property NAME]
#                            import region boundaries (GeoJSON polygons: states, districts, LEADER regions) for the region filter
#   ./run.sh migrate         apply database migrations only
#   ./run.sh generate N      add N synthetic published listings (load tests; imported like a file, with progress)
#   ./run.sh generate N --file FILE
#                            write N synthetic listings as an import file instead (the import benchmark's input)
#   ./run.sh generate --remove
#                            delete exactly the synthetic listings (slugs starting with kl-synthetic-)
#   ./run.sh add-user EMAIL --role admin|curator
#                            create a curator-area account (password from KL_PASSWORD or a prompt)
#   ./run.sh start-db        start the project-local PostgreSQL cluster (also done by every other command)
#   ./run.sh stop-db         stop the project-local PostgreSQL cluster
#   ./run.sh backup          write a timestamped pg_dump (custom format) to backups/ (KL_BACKUP_DIR)
#   ./run.sh restore FILE [--yes]
#                            replace the database with a backup, after a confirmation (docs/operations.md)
#   ./run.sh export-all FILE write every table but secrets as JSON (counts and SHA-256 on stderr), e.g. for a restore drill
# With ConnectionStrings__KreativLand set, that database is used and no local cluster is started.
set -euo pipefail
KL_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$KL_ROOT/scripts/bootstrap.sh"

KL_PORT="${KL_PORT:-5080}"
command="${1:-serve}"

# The comment block at the top of this file is the help text.
usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; }

prepare_database() {
    if [ -n "${ConnectionStrings__KreativLand:-}" ]; then
        say "Using the database from ConnectionStrings__KreativLand (no local cluster)"
    else
        start_cluster
        ensure_database "$KL_DB_NAME"
        export ConnectionStrings__KreativLand="Host=$KL_PGSOCKET;Port=5432;Username=$KL_DB_USER;Database=$KL_DB_NAME"
    fi
}

# The database and a built, migrated app: what every one-off verb needs first.
ready_app() { require_dotnet; prepare_database; build_app; app migrate >/dev/null; }

site_running() {
    curl -fsS -m 2 "http://127.0.0.1:$KL_PORT/health/live" 2>/dev/null | grep -q Healthy
}

port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$KL_PORT") 2>/dev/null; }

# Sets the libpq variables (PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE) for pg_dump/pg_restore/psql: from
# ConnectionStrings__KreativLand when it is set (an Npgsql connection string), else the local cluster, started if needed.
database_for_tools() {
    if [ -n "${ConnectionStrings__KreativLand:-}" ]; then
        local pair key value
        PGPORT=5432
        IFS=';' read -ra pairs <<< "$ConnectionStrings__KreativLand"
        for pair in "${pairs[@]}"; do
            key="$(printf '%s' "${pair%%=*}" | tr -d ' ' | tr '[:upper:]' '[:lower:]')"; value="${pair#*=}"
            case "$key" in
                host|server) PGHOST="$value" ;;
                port) PGPORT="$value" ;;
                username|userid|user) PGUSER="$value" ;;
                password) PGPASSWORD="$value" ;;
                database) PGDATABASE="$value" ;;
            esac
        done
        [ -n "${PGDATABASE:-}" ] || fail "ConnectionStrings__KreativLand names no Database"
        export PGHOST PGPORT PGUSER PGDATABASE; [ -z "${PGPASSWORD:-}" ] || export PGPASSWORD
    else
        start_cluster
        export PGHOST="$KL_PGSOCKET" PGPORT=5432 PGUSER="$KL_DB_USER" PGDATABASE="$KL_DB_NAME"
    fi
}

# Tables of the application in the database (PostGIS's own spatial_ref_sys does not count).
table_count() {
    "$PG_BIN/psql" -qAt -v ON_ERROR_STOP=1 -c "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'spatial_ref_sys'"
}

backup() {
    database_for_tools
    local dir="${KL_BACKUP_DIR:-$KL_ROOT/backups}" file
    mkdir -p "$dir"
    file="$dir/kreativland-$(date -u +%Y%m%dT%H%M%SZ).dump"
    say "Backing up database $PGDATABASE to $file"
    # Written under another name first: an interrupted run never leaves a file that looks like a whole backup.
    "$PG_BIN/pg_dump" --format=custom --no-owner --no-acl --file="$file.partial" \
        || { rm -f "$file.partial"; fail "pg_dump failed: nothing was written"; }
    mv "$file.partial" "$file"
    "$PG_BIN/pg_restore" --list "$file" >/dev/null || fail "the backup $file cannot be read back"
    say "Backup written: $file ($(du -h "$file" | cut -f1)). Keep a copy off this machine (docs/operations.md)."
}

restore() {
    local file="" yes=0 argument
    for argument in "$@"; do
        case "$argument" in
            --yes) yes=1 ;;
            *) [ -z "$file" ] || fail "usage: ./run.sh restore FILE [--yes]"; file="$argument" ;;
        esac
    done
    [ -n "$file" ] || fail "usage: ./run.sh restore FILE [--yes]"
    file="$(realpath -e "$file" 2>/dev/null)" || fail "file not found: $file"
    "$PG_BIN/pg_restore" --list "$file" >/dev/null 2>&1 || fail "$file is not a backup written by ./run.sh backup (pg_dump custom format)"
    site_running && fail "the site is running on port $KL_PORT: stop it first, then restore"
    database_for_tools
    local target="$PGDATABASE" local_cluster=0 tables
    [ -n "${ConnectionStrings__KreativLand:-}" ] || local_cluster=1
    if [ "$local_cluster" -eq 0 ]; then
        # Someone else's server: only into an empty database, never over data.
        tables="$(table_count)" || fail "cannot reach database $target"
        [ "$tables" = "0" ] || fail "database $target is not empty ($tables tables): restore into a new, empty database"
        question="Restore $file into the empty database $target on $PGHOST?"
    else
        question="This REPLACES the local database $target (all listings, accounts and history in it) with $file."
    fi
    if [ "$yes" -eq 0 ]; then
        [ -t 0 ] || fail "restore needs a confirmation: run it in a terminal, or add --yes"
        printf '%s\nType the database name (%s) to continue: ' "$question" "$target"
        read -r answer
        [ "$answer" = "$target" ] || fail "not confirmed: nothing was changed"
    fi
    if [ "$local_cluster" -eq 1 ]; then
        # Restored beside the old database first: if the restore fails, the old one is still there, unchanged.
        local staging="${target}_restoring"
        psql_admin -c "DROP DATABASE IF EXISTS \"$staging\"" >/dev/null
        psql_admin -c "CREATE DATABASE \"$staging\"" >/dev/null
        say "Restoring $file"
        PGDATABASE="$staging" "$PG_BIN/pg_restore" --no-owner --no-acl --exit-on-error --dbname="$staging" "$file" \
            || { psql_admin -c "DROP DATABASE IF EXISTS \"$staging\"" >/dev/null; fail "restore failed: the database $target is unchanged"; }
        psql_admin -c "DROP DATABASE IF EXISTS \"$target\" WITH (FORCE)" >/dev/null
        psql_admin -c "ALTER DATABASE \"$staging\" RENAME TO \"$target\"" >/dev/null
    else
        say "Restoring $file"
        "$PG_BIN/pg_restore" --no-owner --no-acl --exit-on-error --dbname="$target" "$file" \
            || fail "restore failed (the database $target may hold part of the backup: drop and recreate it before trying again)"
    fi
    say "Restored $file into $target. Run ./run.sh migrate if the backup is older than this version of the site."
}

case "$command" in
    serve)
        if site_running; then
            # The site may outlive its database (stop-db, a reboot of the machine): bring the database back, the site recovers by itself.
            if [ -z "${ConnectionStrings__KreativLand:-}" ]; then
                cluster_paths
                if ! cluster_running; then
                    say "KreativLand is running at http://127.0.0.1:$KL_PORT but its database was not: starting it"
                    start_cluster
                    exit 0
                fi
            fi
            say "KreativLand is already running at http://127.0.0.1:$KL_PORT — nothing to do (stop it with Ctrl+C in its terminal)."
            exit 0
        fi
        port_taken && fail "port $KL_PORT is used by another program; choose another with KL_PORT=5081 ./run.sh"
        require_dotnet
        prepare_database
        build_app
        say "Applying database migrations"
        app migrate
        say "Loading sample data (first start only)"
        app seed
        say "Serving KreativLand at http://127.0.0.1:$KL_PORT (Ctrl+C stops it)"
        cd "$KL_ROOT/src/KreativLand.Web"
        # Uploaded images beside the cluster in .data/ (git-ignored); a deployment points Media__Directory at a shared volume.
        export Media__Directory="${Media__Directory:-$KL_ROOT/.data/media}"
        exec dotnet bin/Release/net10.0/KreativLand.Web.dll --urls "http://127.0.0.1:$KL_PORT"
        ;;
    migrate)
        require_dotnet; prepare_database; build_app; app migrate ;;
    import)
        [ $# -eq 2 ] || { [ $# -eq 4 ] && [ "$3" = "--override" ]; } || fail "usage: ./run.sh import FILE [--override \"REASON\"]"
        file="$(realpath -e "$2" 2>/dev/null)" || fail "file not found: $2"
        shift 2
        ready_app
        say "Importing $file"
        app import "$file" "$@"
        ;;
    import-regions)
        [ $# -ge 2 ] || fail "usage: ./run.sh import-regions FILE [--level LEVEL] [--name-property NAME] [--country-property NAME]"
        file="$(realpath -e "$2" 2>/dev/null)" || fail "file not found: $2"
        shift 2
        ready_app
        say "Importing regions from $file"
        app import-regions "$file" "$@"
        ;;
    generate)
        if [ $# -eq 4 ] && [ "$3" = "--file" ]; then
            # Only writes the import file (nothing is imported): the input of the import memory benchmark.
            prepare_database
            build_app
            app generate "$2" file "$(realpath -m "$4")"
            exit 0
        fi
        [ $# -eq 2 ] || fail "usage: ./run.sh generate N [--file FILE] | ./run.sh generate --remove"
        ready_app
        if [ "$2" = "--remove" ]; then app generate remove; else app generate "$2"; fi
        ;;
    add-user)
        [ $# -eq 4 ] && [ "$3" = "--role" ] || fail "usage: ./run.sh add-user EMAIL --role admin|curator"
        ready_app
        app add-user "$2" --role "$4"
        ;;
    start-db)
        start_cluster ;;
    stop-db)
        stop_cluster ;;
    backup)
        backup ;;
    restore)
        shift; restore "$@" ;;
    export-all)
        [ $# -eq 2 ] || fail "usage: ./run.sh export-all FILE"
        ready_app
        app export-all "$(realpath -m "$2")"
        ;;
    help|-h|--help)
        usage ;;
    *)
        usage; fail "unknown command: $command" ;;
esac
