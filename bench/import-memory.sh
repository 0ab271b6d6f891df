#!/usr/bin/env bash
# Peak memory of a large import (issue 10): writes N synthetic listings as one import file (./run.sh generate N --file)
# and imports it with the site's import verb into a fresh database of its own (kl_bench_import, dropped afterwards),
# under /usr/bin/time -v: the importer process's maximum resident set size, its time and the file's size.
#   bench/import-memory.sh [N]     default 50000; the result is printed and kept in artifacts/bench-import/
set -euo pipefail
KL_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$KL_ROOT/scripts/bootstrap.sh"

count="${1:-50000}"
raw="$KL_ROOT/artifacts/bench-import"
file="$raw/synthetic-$count.json"
name="kl_bench_import"
require_dotnet
install_missing "time:/usr/bin/time"
cluster_paths
start_cluster
mkdir -p "$raw"
"$KL_ROOT/run.sh" generate "$count" --file "$file" >/dev/null
psql_admin -c "DROP DATABASE IF EXISTS \"$name\" WITH (FORCE)" >/dev/null
ensure_database "$name"
trap 'psql_admin -c "DROP DATABASE IF EXISTS \"$name\" WITH (FORCE)" >/dev/null' EXIT
export ConnectionStrings__KreativLand="Host=$KL_PGSOCKET;Port=5432;Username=$KL_DB_USER;Database=$name"
app migrate >/dev/null
app seed >/dev/null
uptime >"$raw/load-before"
say "Importing $count listings ($(du -h "$file" | cut -f1)) under /usr/bin/time -v"
(cd "$KL_ROOT/src/KreativLand.Web" && /usr/bin/time -v -o "$raw/time.txt" \
    dotnet bin/Release/net10.0/KreativLand.Web.dll import "$file" --override "Import memory benchmark") >"$raw/import.log" 2>&1
uptime >"$raw/load-after"
tail -n 3 "$raw/import.log"
grep -E 'Maximum resident|Elapsed|Exit status' "$raw/time.txt"
printf 'file bytes: %s\nload before: %s\nload after: %s\n' "$(stat -c %s "$file")" "$(cat "$raw/load-before")" "$(cat "$raw/load-after")"
