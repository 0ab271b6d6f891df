#!/usr/bin/env bash
# compare-open-data.sh BASE_A BASE_B [ID...] : fetches the open-data answers (CSV and GeoJSON downloads, OGC API items
# as GeoJSON and HTML, single items, the list API) from two running servers over the same database and compares their
# bodies byte for byte (blanked first: OGC's timeStamp, a problem's traceId and the
# servers' host and port in links). Used to show that a change of how
# the rows are read leaves every byte as it was: run it against a server of the old build and one of the new.
set -u
a=$1; b=$2; shift 2
ids=("$@")
out=$(mktemp -d)
urls=()
for lang in de en; do
    for filter in "" "subsector=design" "q=Brauerei" "country=DE&subsector=music" "bbox=5,45,15,55" "near=16.37,48.2&radiusKm=300" \
                  "duration=more-than-5-years" "q=zzzznotfound"; do
        sep=${filter:+&}
        urls+=("/api/v1/cooperations.csv?lang=$lang$sep$filter"
               "/api/v1/cooperations.csv?lang=$lang&dialect=excel-de$sep$filter"
               "/api/v1/cooperations.geojson?lang=$lang$sep$filter"
               "/api/v1/cooperations?lang=$lang&limit=50$sep$filter"
               "/ogc/collections/cooperations/items?lang=$lang&limit=10$sep$filter"
               "/ogc/collections/cooperations/items?lang=$lang&limit=1000$sep$filter"
               "/ogc/collections/cooperations/items?lang=$lang&limit=1000&offset=1000$sep$filter"
               "/ogc/collections/cooperations/items?lang=$lang&limit=7&offset=3$sep$filter"
               "/ogc/collections/cooperations/items?lang=$lang&limit=10&offset=5&f=html$sep$filter")
    done
    urls+=("/api/v1/cooperations?lang=$lang"
           "/ogc/collections/cooperations/items?lang=$lang&limit=10&offset=999999"
           "/ogc/collections/cooperations/items?lang=$lang&limit=100&datetime=2020-01-01/.."
           "/ogc/collections/cooperations/items?lang=$lang&limit=1000&f=html")
    for id in "${ids[@]}"; do
        urls+=("/ogc/collections/cooperations/items/$id?lang=$lang&f=json" "/ogc/collections/cooperations/items/$id?lang=$lang&f=html")
    done
done
same=0; differ=0; bytes=0
for url in "${urls[@]}"; do
    curl -sS -D "$out/a.h" -o "$out/a" "$a$url"; curl -sS -D "$out/b.h" -o "$out/b" "$b$url"
    # Blanked: the moment of the answer, the request's trace id, and each server's own host and port in links.
    sed -i -E 's/"timeStamp":"[^"]*"/"timeStamp":""/; s/"traceId":"[^"]*"/"traceId":""/; s#'"${a#*://}"'#HOST#g' "$out/a"
    sed -i -E 's/"timeStamp":"[^"]*"/"timeStamp":""/; s/"traceId":"[^"]*"/"traceId":""/; s#'"${b#*://}"'#HOST#g' "$out/b"
    status_a=$(head -1 "$out/a.h" | tr -d '\r'); status_b=$(head -1 "$out/b.h" | tr -d '\r')
    if cmp -s "$out/a" "$out/b" && [ "$status_a" = "$status_b" ]; then
        same=$((same + 1)); bytes=$((bytes + $(stat -c %s "$out/a")))
    else
        differ=$((differ + 1)); echo "DIFFERS: $url ($status_a / $status_b, $(stat -c %s "$out/a") / $(stat -c %s "$out/b") bytes)"
    fi
done
echo "$same of ${#urls[@]} answers byte-identical ($bytes bytes compared); $differ differ"
rm -rf "$out"
[ "$differ" -eq 0 ]
