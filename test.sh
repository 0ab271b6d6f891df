#!/usr/bin/env bash
# KreativLand: set up what is missing, then run every test (unit, integration against PostGIS, browser in Chromium).
# Tests create their own databases in the project-local cluster and drop them; the development database is never touched.
# Extra arguments go to `dotnet test`, e.g. ./test.sh --filter "FullyQualifiedName~Import"
set -euo pipefail
KL_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$KL_ROOT/scripts/bootstrap.sh"

require_dotnet
# redis-server: the two-instance test shares a Redis output cache; curl: the compression tests read raw bytes off the wire.
install_missing "chromium:/usr/bin/chromium" "gdal-bin:/usr/bin/ogrinfo" "redis-server:/usr/bin/redis-server" "curl:/usr/bin/curl"
# The open-data clients the tests run against the site: OWSLib (OGC API), LibreOffice (CSV in a spreadsheet), and node/npm for
# the OpenAPI linter (@redocly/cli, pinned by tests/openapi-lint/package-lock.json).
install_missing "python3-owslib:/usr/lib/python3/dist-packages/owslib/__init__.py" "libreoffice-calc-nogui:/usr/bin/soffice" \
    "nodejs:/usr/bin/node" "npm:/usr/bin/npm"
lint_dir="$KL_ROOT/tests/openapi-lint"
if [ ! -x "$lint_dir/node_modules/.bin/redocly" ] || [ "$lint_dir/package-lock.json" -nt "$lint_dir/node_modules/.package-lock.json" ]; then
    say "Installing the OpenAPI linter (npm ci in tests/openapi-lint)"
    (cd "$lint_dir" && npm ci --no-audit --no-fund --loglevel=error) || fail "npm ci in tests/openapi-lint failed"
fi
# eslint for the site's own JavaScript (pinned by tools/eslint/package-lock.json). A problem fails the run; the tests still run.
eslint_dir="$KL_ROOT/tools/eslint"
if [ ! -x "$eslint_dir/node_modules/.bin/eslint" ] || [ "$eslint_dir/package-lock.json" -nt "$eslint_dir/node_modules/.package-lock.json" ]; then
    say "Installing eslint (npm ci in tools/eslint)"
    (cd "$eslint_dir" && npm ci --no-audit --no-fund --loglevel=error) || fail "npm ci in tools/eslint failed"
fi
say "Linting the site's JavaScript (eslint)"
eslint_status=0
eslint_output="$(cd "$KL_ROOT" && tools/eslint/node_modules/.bin/eslint -c tools/eslint/eslint.config.mjs --max-warnings 0 \
    src/KreativLand.Web/wwwroot/js src/KreativLand.Web/wwwroot/embed.js 2>&1)" || eslint_status=$?
[ -z "$eslint_output" ] || printf '%s\n' "$eslint_output"

started_here=0
if [ -n "${KL_TEST_ADMIN_CONNECTION:-}" ]; then
    say "Using the PostgreSQL server from KL_TEST_ADMIN_CONNECTION"
else
    cluster_paths
    cluster_running || started_here=1
    start_cluster
    export KL_TEST_ADMIN_CONNECTION="$KL_ADMIN_CONNECTION"
fi
cleanup() { [ "$started_here" -eq 1 ] && stop_cluster || true; }
trap cleanup EXIT

results="$KL_ROOT/artifacts/test-results"
rm -rf "$results"; mkdir -p "$results"
export KL_TEST_ARTIFACTS="$KL_ROOT/artifacts"

say "Running the tests"
status=0
dotnet test "$KL_ROOT/KreativLand.sln" -c Release --nologo \
    --logger "console;verbosity=normal" --logger "trx;LogFileName=tests.trx" --results-directory "$results" "$@" || status=$?

# One plain closing line that any CI can read.
trx="$(find "$results" -name '*.trx' | head -1)"
if [ -n "$trx" ]; then
    passed=$(grep -o 'passed="[0-9]*"' "$trx" | head -1 | tr -dc 0-9)
    failed=$(grep -o 'failed="[0-9]*"' "$trx" | head -1 | tr -dc 0-9)
    echo "Tests: ${passed:-0} passed, ${failed:-0} failed"
    # CI may keep only the tail of the log: repeat each failure's name and message here.
    if [ "${failed:-0}" != "0" ]; then
        awk '
            function unescape(s) { gsub(/&quot;/, "\"", s); gsub(/&apos;/, "\047", s); gsub(/&lt;/, "<", s); gsub(/&gt;/, ">", s); gsub(/&amp;/, "\\&", s); return s }
            /<UnitTestResult / && /outcome="Failed"/ { match($0, /testName="[^"]*"/); print "FAILED: " unescape(substr($0, RSTART + 10, RLENGTH - 11)); failed = 1; error = 0; shown = 0; next }
            failed && /<\/UnitTestResult>/ { failed = 0 }
            failed && /<ErrorInfo>/ { error = 1; next }
            failed && /<\/ErrorInfo>/ { error = 0 }
            failed && error && shown < 15 { line = $0; gsub(/<\/?(Message|StackTrace)>/, "", line); print "    " unescape(line); shown++ }
        ' "$trx"
    fi
fi
# The lint result last, so the tail of a CI log shows it too.
if [ "$eslint_status" -ne 0 ]; then
    printf '%s\n' "$eslint_output"
    echo "eslint: failed (the problems are listed above)"
    [ "$status" -ne 0 ] || status=$eslint_status
else
    echo "eslint: no problems"
fi
exit $status
