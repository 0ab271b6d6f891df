# Shared by run.sh and test.sh: installs what is missing and runs a project-local PostgreSQL+PostGIS cluster.
# Sourced, not executed. Expects KL_ROOT (the checkout).

PG_VERSION=15
PG_BIN="/usr/lib/postgresql/${PG_VERSION}/bin"
KL_DB_USER=kreativland
KL_DB_NAME=kreativland

say() { printf '\033[1m==>\033[0m %s\n' "$*"; }
fail() { printf '\033[31merror:\033[0m %s\n' "$*" >&2; exit 1; }

# missing_packages PACKAGE:CHECK-PATH ... — prints the packages whose file is missing.
missing_packages() {
    local item
    for item in "$@"; do [ -e "${item#*:}" ] || printf '%s\n' "${item%%:*}"; done
}

# install_missing PACKAGE:CHECK-PATH ...  — apt-get installs packages whose file is missing (root only).
install_missing() {
    local missing apt_lock
    mapfile -t missing < <(missing_packages "$@")
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" -ne 0 ]; then
        fail "missing Debian packages: ${missing[*]} — install them with: sudo apt-get install ${missing[*]}"
    fi
    # Two checkouts bootstrapping at once (./run.sh in one terminal, ./test.sh in another) would collide on apt's lock:
    # take turns, then look again, as the other one may have installed the same packages meanwhile.
    exec {apt_lock}>/var/lock/kreativland-apt.lock
    flock "$apt_lock"
    mapfile -t missing < <(missing_packages "$@")
    if [ ${#missing[@]} -gt 0 ]; then
        say "Installing Debian packages: ${missing[*]}"
        export DEBIAN_FRONTEND=noninteractive
        # Lock::Timeout: wait for any other apt (e.g. unattended upgrades) instead of failing at once.
        apt-get -o DPkg::Lock::Timeout=600 update -qq || fail "apt-get update failed"
        apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
            || fail "apt-get install ${missing[*]} failed"
    fi
    exec {apt_lock}>&-
}

require_dotnet() {
    command -v dotnet >/dev/null || fail "the .NET 10 SDK is required (dotnet not found on PATH)"
    dotnet --list-sdks | grep -q '^10\.' || fail "the .NET 10 SDK is required (found: $(dotnet --list-sdks | tr '\n' ' '))"
}

install_database_packages() {
    install_missing \
        "postgresql-${PG_VERSION}:${PG_BIN}/initdb" \
        "postgresql-${PG_VERSION}-postgis-3:/usr/share/postgresql/${PG_VERSION}/extension/postgis.control" \
        "postgresql-contrib:/usr/share/postgresql/${PG_VERSION}/extension/unaccent.control"
}

# PostgreSQL refuses to run as root: then the cluster belongs to the postgres OS user.
as_db_owner() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

cluster_paths() {
    KL_PGDATA="${KL_PGDATA:-$KL_ROOT/.data/pg}"
    KL_PGSOCKET="$KL_ROOT/.data/run"
    # A Unix socket path must stay under ~107 bytes; long checkout paths get a short private directory instead.
    if [ ${#KL_PGSOCKET} -gt 80 ]; then
        KL_PGSOCKET="/tmp/kreativland-$(printf '%s' "$KL_ROOT" | md5sum | cut -c1-12)"
    fi
    KL_PGLOG="$KL_ROOT/.data/postgresql.log"
}

cluster_running() {
    [ -f "$KL_PGDATA/postmaster.pid" ] && as_db_owner "$PG_BIN/pg_ctl" -D "$KL_PGDATA" status >/dev/null 2>&1
}

start_cluster() {
    install_database_packages
    cluster_paths
    mkdir -p "$KL_ROOT/.data" "$KL_PGSOCKET"
    if [ "$(id -u)" -eq 0 ]; then
        chmod 755 "$KL_ROOT/.data"
        chown postgres: "$KL_PGSOCKET"
        if ! runuser -u postgres -- test -x "$KL_ROOT/.data"; then
            fail "the postgres user cannot reach $KL_ROOT/.data (a parent directory is private). Clone the project somewhere world-readable, or set ConnectionStrings__KreativLand to an existing database."
        fi
    fi
    chmod 700 "$KL_PGSOCKET"

    if [ ! -f "$KL_PGDATA/PG_VERSION" ]; then
        say "Creating the project-local PostgreSQL cluster in ${KL_PGDATA#$KL_ROOT/}"
        mkdir -p "$KL_PGDATA"
        [ "$(id -u)" -eq 0 ] && chown postgres: "$KL_PGDATA"
        as_db_owner "$PG_BIN/initdb" -D "$KL_PGDATA" -U "$KL_DB_USER" --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null \
            || fail "initdb failed"
        # Only a Unix socket in a private directory: two checkouts on one machine never share a port.
        cat >> "$KL_PGDATA/postgresql.conf" <<CONF

# KreativLand development cluster
listen_addresses = ''
unix_socket_directories = '$KL_PGSOCKET'
port = 5432
max_connections = 200
CONF
    fi
    # The socket directory may have moved (e.g. the checkout was renamed): always point the server at it.
    as_db_owner sed -i "s|^unix_socket_directories = .*|unix_socket_directories = '$KL_PGSOCKET'|" "$KL_PGDATA/postgresql.conf"
    # A save the site has acknowledged must survive a crash of the server: PostgreSQL's default synchronous_commit = on.
    # Clusters created before this line had it off; that setting is taken out again here.
    local reload=0
    if grep -q '^synchronous_commit = off$' "$KL_PGDATA/postgresql.conf"; then
        as_db_owner sed -i "/^synchronous_commit = off$/d" "$KL_PGDATA/postgresql.conf"
        reload=1
    fi

    if cluster_running; then
        say "PostgreSQL cluster is already running (socket in $KL_PGSOCKET)"
        [ "$reload" -eq 0 ] || as_db_owner "$PG_BIN/pg_ctl" -D "$KL_PGDATA" reload >/dev/null
    else
        say "Starting PostgreSQL (socket in $KL_PGSOCKET, log in ${KL_PGLOG#$KL_ROOT/})"
        touch "$KL_PGLOG"; [ "$(id -u)" -eq 0 ] && chown postgres: "$KL_PGLOG"
        as_db_owner "$PG_BIN/pg_ctl" -D "$KL_PGDATA" -l "$KL_PGLOG" -w -t 60 start >/dev/null \
            || { tail -20 "$KL_PGLOG" >&2; fail "PostgreSQL did not start (see $KL_PGLOG)"; }
    fi
    KL_ADMIN_CONNECTION="Host=$KL_PGSOCKET;Port=5432;Username=$KL_DB_USER;Database=postgres"
}

stop_cluster() {
    cluster_paths
    if cluster_running; then
        say "Stopping PostgreSQL"
        as_db_owner "$PG_BIN/pg_ctl" -D "$KL_PGDATA" -m fast -w stop >/dev/null
    else
        say "PostgreSQL is not running"
    fi
}

psql_admin() {
    "$PG_BIN/psql" -h "$KL_PGSOCKET" -p 5432 -U "$KL_DB_USER" -d postgres -v ON_ERROR_STOP=1 -qAt "$@"
}

ensure_database() {
    local name="$1"
    if [ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$name'")" != "1" ]; then
        say "Creating database $name"
        psql_admin -c "CREATE DATABASE \"$name\"" >/dev/null
    fi
    # client_min_messages: no "extension already exists" notice on every later run.
    PGOPTIONS='-c client_min_messages=warning' "$PG_BIN/psql" -h "$KL_PGSOCKET" -p 5432 -U "$KL_DB_USER" -d "$name" -v ON_ERROR_STOP=1 -qAt \
        -c "CREATE EXTENSION IF NOT EXISTS postgis; CREATE EXTENSION IF NOT EXISTS unaccent;" >/dev/null
}

build_app() {
    say "Building the site"
    dotnet build "$KL_ROOT/src/KreativLand.Web/KreativLand.Web.csproj" -c Release -nologo -v quiet -clp:ErrorsOnly \
        || fail "build failed"
}

# app VERB ... — runs the built site with a command verb (migrate, seed, import FILE, …).
app() {
    (cd "$KL_ROOT/src/KreativLand.Web" && dotnet bin/Release/net10.0/KreativLand.Web.dll "$@")
}
