#!/usr/bin/env bash
# Scale benchmark (issue 10): the site as ./run.sh serves it, at the sample data and at 10,000 and 50,000 listings.
#   bench/run.sh [SIZE…]          SIZE: sample or a number of synthetic listings; default: sample 10000 50000
# Per size, in one run: wrk (2 threads, 8 connections) against the map data (all and filtered), home, list, a profile,
# facets, evaluation, feed, OGC items and the embed page, each with a browser's Accept-Encoding and without, beside a
# static file holding exactly the bytes of the map data served by the same server; then Chromium (bench/browser):
# first drawn cluster on home and /embed/map against a bare Leaflet + markercluster page, longest main-thread task
# during load and during pan and zoom, bytes transferred. Writes bench/results/scale.md; raw output in artifacts/bench/.
# The databases (kl_bench_SIZE in the project-local cluster) are kept between runs: generating 50,000 takes minutes.
# Then, with the sample data among the sizes, the cross-size ratios the targets use (home, list, facets, evaluation, feed,
# OGC items at N against the sample data) side by side: the sample-data server and every size's server up at once, short
# wrk runs alternating between them in rounds (the order rotating per round), a ratio per round, the median reported.
# The phases above run minutes apart on a shared machine, so their ratios also measure how busy it was in each.
# KL_BENCH_SECONDS (default 10) per wrk run, KL_BENCH_RUNS (default 5) browser runs per page, KL_BENCH_PORT (5190; the
# side-by-side servers take the ports after it), KL_BENCH_PAIR_SECONDS (default 2) per side-by-side wrk run,
# KL_BENCH_PAIR_ROUNDS (default 5), KL_BENCH_FRESH=1 drops and regenerates the databases.
set -euo pipefail
KL_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$KL_ROOT/scripts/bootstrap.sh"

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(sample 10000 50000)
seconds="${KL_BENCH_SECONDS:-10}"
browser_runs="${KL_BENCH_RUNS:-5}"
pair_seconds="${KL_BENCH_PAIR_SECONDS:-2}"
pair_rounds="${KL_BENCH_PAIR_ROUNDS:-5}"
port="${KL_BENCH_PORT:-5190}"
base="http://127.0.0.1:$port"
raw="$KL_ROOT/artifacts/bench"
reference="$raw/reference"
browser_encoding="gzip, deflate, br, zstd"

require_dotnet
install_missing "wrk:/usr/bin/wrk" "curl:/usr/bin/curl" "chromium:/usr/bin/chromium"
command -v node >/dev/null || fail "node is missing (Debian: apt-get install nodejs npm)"
started_here=0
cluster_paths
cluster_running || started_here=1
start_cluster
server_pid=""
stop_server() {
    if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
        kill "$server_pid"; wait "$server_pid" 2>/dev/null || true
    fi
    server_pid=""
}
pair_pids=()
stop_pair_servers() {
    local pid
    for pid in "${pair_pids[@]}"; do
        kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
    done
    pair_pids=()
}
cleanup() { stop_server; stop_pair_servers; [ "$started_here" -eq 1 ] && stop_cluster || true; }
trap cleanup EXIT

build_app
if [ ! -d "$KL_ROOT/bench/browser/node_modules/playwright-core" ]; then
    say "Installing playwright-core (npm, into bench/browser/node_modules; no browser download)"
    (cd "$KL_ROOT/bench/browser" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
fi
rm -rf "$raw"; mkdir -p "$raw" "$reference"
cp "$KL_ROOT/bench/browser/bare.html" "$KL_ROOT/bench/browser/bare.css" "$KL_ROOT/bench/browser/bare.js" "$reference/"

psql_db() { "$PG_BIN/psql" -h "$KL_PGSOCKET" -p 5432 -U "$KL_DB_USER" -d "$1" -v ON_ERROR_STOP=1 -qAt -c "$2"; }

prepare_database() {
    local size="$1" name="kl_bench_$1"
    if [ "${KL_BENCH_FRESH:-0}" = "1" ]; then psql_admin -c "DROP DATABASE IF EXISTS \"$name\" WITH (FORCE)" >/dev/null; fi
    ensure_database "$name"
    # No command timeout: a migration that rewrites every listing (data steps) takes minutes at 50,000.
    export ConnectionStrings__KreativLand="Host=$KL_PGSOCKET;Port=5432;Username=$KL_DB_USER;Database=$name;Command Timeout=0"
    app migrate >/dev/null
    app seed >/dev/null
    if [ "$size" != "sample" ]; then
        local have
        have="$(psql_db "$name" "SELECT count(*) FROM cooperations WHERE slug LIKE 'kl-synthetic-%'")"
        if [ "$have" -lt "$size" ]; then
            say "Generating $((size - have)) synthetic listings in $name"
            app generate "$((size - have))"
        fi
    fi
    # Vacuumed as well as analysed: generating leaves every row unvisited, so autovacuum would otherwise run during the
    # measurements, and index-only scans (the covering index of the public reads) need the visibility map it writes.
    psql_db "$name" "VACUUM (ANALYZE)" >/dev/null
}

# start_server [ENV=VALUE…]: serves kl_bench_$label (ConnectionStrings__KreativLand from prepare_database) on $base.
start_server() {
    (cd "$KL_ROOT/src/KreativLand.Web" && exec env \
        Bench__ReferenceDirectory="$reference" \
        Map__TileUrl="http://127.0.0.1:9/{z}/{x}/{y}.png" \
        RateLimits__ApiPermitsPerMinute=0 \
        Serilog__MinimumLevel__Default=Warning \
        "$@" \
        dotnet bin/Release/net10.0/KreativLand.Web.dll --urls "$base" >"$raw/server-$label.log" 2>&1) &
    server_pid=$!
    for _ in $(seq 1 120); do
        curl -fsS -m 2 "$base/health/live" >/dev/null 2>&1 && return 0
        sleep 0.5
    done
    fail "the site did not start (see $raw/server-$label.log)"
}

# wrk NAME URL: with a browser's Accept-Encoding and without; output kept for the report.
measure() {
    local name="$1" url="$2"
    # One request per coding first, as the static reference is read once into the page cache: the cached figures are
    # what every later visitor gets; what a miss costs is measured on its own below ("without the output cache").
    # With the headers wrk sends (none but Accept-Encoding): curl's own "Accept: */*" would warm another entry of OGC's.
    curl -fsS -o /dev/null -H "Accept:" -H "Accept-Encoding: $browser_encoding" "$base$url" || fail "GET $url failed"
    curl -fsS -o /dev/null -H "Accept:" "$base$url" || fail "GET $url failed"
    wrk -t2 -c8 -d"${seconds}s" --timeout 10s --latency -H "Accept-Encoding: $browser_encoding" "$base$url" >"$raw/$label.$name.br.wrk"
    wrk -t2 -c8 -d"${seconds}s" --timeout 10s --latency "$base$url" >"$raw/$label.$name.plain.wrk"
    printf '  %-14s %s\n' "$name" "$(grep 'Requests/sec' "$raw/$label.$name.br.wrk")"
}

for size in "${sizes[@]}"; do
    label="$size"
    say "Size $size: database"
    prepare_database "$size"
    uptime >"$raw/$label.load-before"
    say "Size $size: serving on $base"
    start_server
    # The static reference: exactly the bytes of the map data response, per content coding.
    curl -fsS -H "Accept-Encoding: identity" -o "$reference/map.geojson" "$base/api/v1/map"
    curl -fsS -H "Accept-Encoding: br" -o "$reference/map.geojson.br" "$base/api/v1/map"
    curl -fsS -H "Accept-Encoding: gzip" -o "$reference/map.geojson.gz" "$base/api/v1/map"
    stat -c '%s %n' "$reference"/map.geojson* | sed "s|$reference/||" >"$raw/$label.mapdata-bytes"
    # And of OGC items with limit=1000, whose page grows from the sample data's 11 features to 1,000: its like for like.
    ogc_items="/ogc/collections/cooperations/items?limit=1000"
    curl -fsS -H "Accept-Encoding: identity" -o "$reference/ogc-items.geojson" "$base$ogc_items"
    curl -fsS -H "Accept-Encoding: br" -o "$reference/ogc-items.geojson.br" "$base$ogc_items"
    curl -fsS -H "Accept-Encoding: gzip" -o "$reference/ogc-items.geojson.gz" "$base$ogc_items"
    stat -c '%s %n' "$reference"/ogc-items.geojson* | sed "s|$reference/||" >"$raw/$label.ogc-items-bytes"
    profile="$(curl -fsS "$base/api/v1/cooperations?limit=1" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).features[0].properties.slug))')"
    psql_db "kl_bench_$size" "SELECT count(*) FROM cooperations WHERE status = 'published'" >"$raw/$label.published"
    say "Size $size: wrk, ${seconds} s per URL and encoding"
    measure static /bench-reference/map.geojson
    measure map /api/v1/map
    measure map-subsector "/api/v1/map?subsector=design"
    measure map-bbox "/api/v1/map?bbox=11.8,50.1,15.1,51.7"
    measure map-radius "/api/v1/map?near=13.0,50.6&radiusKm=50"
    measure map-text "/api/v1/map?q=Brauerei"
    measure api-list "/api/v1/cooperations"
    measure home /en/
    measure list /en/cooperations
    measure profile "/en/cooperations/$profile"
    measure facets /api/v1/facets
    measure evaluation /en/evaluation
    measure feed /feed.atom
    measure ogc-items "$ogc_items"
    measure static-ogc /bench-reference/ogc-items.geojson
    measure ogc-items-10 "/ogc/collections/cooperations/items?limit=10"
    measure embed /en/embed/map
    say "Size $size: Chromium, $browser_runs cold loads per page"
    node --experimental-websocket "$KL_ROOT/bench/browser/measure.mjs" "$base" "$browser_runs" >"$raw/$label.browser.json"
    stop_server
    # Without the output cache: what a first request (or a cache miss) costs at this size.
    say "Size $size: without the output cache (first requests)"
    start_server PublicReadCache__Enabled=false
    for name_url in "map /api/v1/map" "home /en/" "list /en/cooperations" "facets /api/v1/facets" "evaluation /en/evaluation" \
        "feed /feed.atom" "ogc-items /ogc/collections/cooperations/items?limit=1000" "map-text /api/v1/map?q=Brauerei"; do
        set -- $name_url
        curl -fsS -o /dev/null "$base$2"
        wrk -t2 -c4 -d"$(( seconds / 2 > 3 ? seconds / 2 : 3 ))s" --timeout 20s --latency -H "Accept-Encoding: $browser_encoding" "$base$2" >"$raw/$label.$1.uncached.wrk"
    done
    stop_server
    uptime >"$raw/$label.load-after"
done

# Side by side: the cross-size ratios of the targets, with the sample data's server and each size's server up at once.
pair_pages=(
    "home /en/"
    "list /en/cooperations"
    "facets /api/v1/facets"
    "evaluation /en/evaluation"
    "feed /feed.atom"
    "ogc-items /ogc/collections/cooperations/items?limit=1000"
    "ogc-items-10 /ogc/collections/cooperations/items?limit=10"
)
pair_sizes=()
for size in "${sizes[@]}"; do [ "$size" = "sample" ] || pair_sizes+=("$size"); done
if [[ " ${sizes[*]} " == *" sample "* ]] && [ ${#pair_sizes[@]} -gt 0 ]; then
    say "Side by side: sample data and ${pair_sizes[*]} served at once; $pair_rounds rounds of ${pair_seconds} s wrk runs per page and server"
    uptime >"$raw/pairs.load-before"
    pair_servers=(sample "${pair_sizes[@]}")
    declare -A pair_base=()
    for i in "${!pair_servers[@]}"; do
        size="${pair_servers[$i]}"
        pair_base[$size]="http://127.0.0.1:$((port + 1 + i))"
        # Entries live an hour here (60 s by default): a 2 s run must not pay a whole miss (1-2 s at 50,000) that visitors share
        # over a minute of traffic; what a miss costs is measured above, without the output cache.
        (cd "$KL_ROOT/src/KreativLand.Web" && exec env \
            ConnectionStrings__KreativLand="Host=$KL_PGSOCKET;Port=5432;Username=$KL_DB_USER;Database=kl_bench_$size;Command Timeout=0" \
            Map__TileUrl="http://127.0.0.1:9/{z}/{x}/{y}.png" RateLimits__ApiPermitsPerMinute=0 Serilog__MinimumLevel__Default=Warning \
            PublicReadCache__Lifetime=01:00:00 \
            dotnet bin/Release/net10.0/KreativLand.Web.dll --urls "${pair_base[$size]}" >"$raw/server-pair-$size.log" 2>&1) &
        pair_pids+=($!)
    done
    for size in "${pair_servers[@]}"; do
        for _ in $(seq 1 240); do
            curl -fsS -m 2 "${pair_base[$size]}/health/live" >/dev/null 2>&1 && continue 2
            sleep 0.5
        done
        fail "the site over kl_bench_$size did not start (see $raw/server-pair-$size.log)"
    done
    # Warm-up, not recorded: the first request of each page fills its cache entry, two seconds of wrk run the JIT through it
    # (tiered compilation: under load the first seconds of a fresh server still run unoptimised code).
    for page in "${pair_pages[@]}"; do
        set -- $page
        for size in "${pair_servers[@]}"; do
            curl -fsS -o /dev/null -H "Accept:" -H "Accept-Encoding: $browser_encoding" "${pair_base[$size]}$2" || fail "GET $2 failed"
            wrk -t2 -c8 -d2s --timeout 10s -H "Accept-Encoding: $browser_encoding" "${pair_base[$size]}$2" >/dev/null
        done
    done
    for round in $(seq 1 "$pair_rounds"); do
        # The order of the servers rotates per round, so neither side always runs first after a page change.
        shift_by=$(( (round - 1) % ${#pair_servers[@]} ))
        order=("${pair_servers[@]:$shift_by}" "${pair_servers[@]:0:$shift_by}")
        for page in "${pair_pages[@]}"; do
            set -- $page
            for size in "${order[@]}"; do
                wrk -t2 -c8 -d"${pair_seconds}s" --timeout 10s --latency -H "Accept-Encoding: $browser_encoding" "${pair_base[$size]}$2" \
                    >"$raw/pair-$round.$size.$1.br.wrk"
            done
        done
        printf '  round %s of %s: %s\n' "$round" "$pair_rounds" "$(for size in "${pair_servers[@]}"; do
            printf '%s ogc-items %s  ' "$size" "$(awk '/Requests\/sec/ {print $2}' "$raw/pair-$round.$size.ogc-items.br.wrk")"; done)"
    done
    stop_pair_servers
    uptime >"$raw/pairs.load-after"
fi

say "Writing bench/results/scale.md"
KL_BENCH_PAIR_SECONDS="$pair_seconds" KL_BENCH_PAIR_ROUNDS="$pair_rounds" \
    /usr/bin/python3 "$KL_ROOT/bench/report.py" "$raw" "$KL_ROOT/bench/results/scale.md" "$seconds" "${sizes[@]}"
