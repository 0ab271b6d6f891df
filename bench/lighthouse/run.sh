#!/usr/bin/env bash
# Lighthouse against a running KreativLand: home page and one profile, mobile and desktop, local Chromium, no network.
#   bench/lighthouse/run.sh [BASE_URL] [PROFILE_PATH]
# BASE_URL defaults to http://127.0.0.1:5080 (start the site first, e.g. `KL_PORT=5093 ./run.sh`);
# PROFILE_PATH defaults to the first cooperation the site's API returns.
# Installs the npm package lighthouse into bench/lighthouse/node_modules (git-ignored) on first use.
# Writes bench/results/lighthouse.md (scores table and the audits that cost points); raw reports go to artifacts/lighthouse/.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
base="${1:-http://127.0.0.1:5080}"
base="${base%/}"
chromium="${CHROME_PATH:-/usr/bin/chromium}"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
fail() { printf 'error: %s\n' "$*" >&2; exit 1; }

command -v node >/dev/null || fail "node is missing (Debian: apt-get install nodejs npm)"
[ -x "$chromium" ] || fail "$chromium is missing (Debian: apt-get install chromium) — or set CHROME_PATH"
curl -fsS -m 5 "$base/health/live" >/dev/null 2>&1 || fail "no KreativLand answers at $base — start it first, e.g. KL_PORT=5093 ./run.sh"

if [ ! -x "$here/node_modules/.bin/lighthouse" ]; then
    say "Installing lighthouse (npm, into bench/lighthouse/node_modules)"
    (cd "$here" && npm install --no-audit --no-fund --loglevel=error)
fi

profile="${2:-}"
if [ -z "$profile" ]; then
    slug="$(curl -fsS -m 10 "$base/api/v1/cooperations" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const f=JSON.parse(s).features;if(f.length)console.log(f[0].properties.slug)})')"
    [ -n "$slug" ] || fail "the site has no published cooperation to test a profile with"
    profile="/de/cooperations/$slug"
fi

out="$root/artifacts/lighthouse"
mkdir -p "$out" "$root/bench/results"
export CHROME_PATH="$chromium"
# The same isolation as the browser tests (tests/KreativLand.Web.Tests/Browser/Chromium.cs): every host
# other than 127.0.0.1/localhost resolves to "not found", so nothing leaves the machine.
flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking --host-resolver-rules='MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost'"

reports=()
for page in "home=/de/" "profile=$profile"; do
    name="${page%%=*}"; path="${page#*=}"
    for form in mobile desktop; do
        preset=(); [ "$form" = desktop ] && preset=(--preset=desktop)
        report="$out/$name-$form.json"
        say "Lighthouse: $base$path ($form)"
        "$here/node_modules/.bin/lighthouse" "$base$path" "${preset[@]}" \
            --chrome-flags="$flags" \
            --only-categories=performance,accessibility,best-practices,seo \
            --output=json --output-path="$report" --quiet
        reports+=("$name|$form|$path|$report")
    done
done

node "$here/summarize.mjs" "$root/bench/results/lighthouse.md" "$base" "${reports[@]}"
say "Scores written to bench/results/lighthouse.md"
