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
#   ./run.sh generate --remove
#                            delete exactly the synthetic listings (slugs starting with kl-synthetic-)
#   ./run.sh add-user EMAIL --role admin|curator
#                            create a curator-area account (password from KL_PASSWORD or a prompt)
#   ./run.sh stop-db         stop the project-local PostgreSQL cluster
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

case "$command" in
    serve)
        if site_running; then
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
        [ $# -eq 2 ] || fail "usage: ./run.sh generate N | ./run.sh generate --remove"
        ready_app
        if [ "$2" = "--remove" ]; then app generate remove; else app generate "$2"; fi
        ;;
    add-user)
        [ $# -eq 4 ] && [ "$3" = "--role" ] || fail "usage: ./run.sh add-user EMAIL --role admin|curator"
        ready_app
        app add-user "$2" --role "$4"
        ;;
    stop-db)
        stop_cluster ;;
    help|-h|--help)
        usage ;;
    *)
        usage; fail "unknown command: $command" ;;
esac
