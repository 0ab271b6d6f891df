#!/usr/bin/env bash
# Map API benchmark: generates many cooperations in a database of its own (dropped afterwards) in the
# project-local cluster and writes latencies to bench/results/map-api.md.
#   bench/map-api.sh [--rows 10000] [--runs 30]
set -euo pipefail
KL_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$KL_ROOT/scripts/bootstrap.sh"
require_dotnet
started_here=0
cluster_paths
cluster_running || started_here=1
start_cluster
cleanup() { [ "$started_here" -eq 1 ] && stop_cluster || true; }
trap cleanup EXIT
export KL_TEST_ADMIN_CONNECTION="$KL_ADMIN_CONNECTION"
cd "$KL_ROOT"
dotnet run -c Release --project bench/MapApiBench -- --out bench/results/map-api.md "$@"
