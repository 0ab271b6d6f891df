#!/usr/bin/env bash
# open-data-stream.sh NAME_A BASE_A NAME_B BASE_B URL RUNS : fetches URL from two servers in turn, RUNS times each (a
# side-by-side measurement on a noisy machine), and prints per server the median time to the first byte and to the last,
# and the peak resident memory of the server's process (VmHWM, so start each server fresh).
set -u
name_a=$1; a=$2; name_b=$3; b=$4; url=$5; runs=$6
declare -A first total
for i in $(seq "$runs"); do
    for side in a b; do
        base=${!side}
        read -r t_first t_total size < <(curl -sS -o /dev/null -w '%{time_starttransfer} %{time_total} %{size_download}\n' "$base$url")
        first[$side]+="$t_first "; total[$side]+="$t_total "
    done
done
median() { tr ' ' '\n' | grep . | sort -n | awk '{v[NR]=$1} END {print (NR % 2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }
for side in a b; do
    base=${!side}; name_var=name_$side
    pid=$(ss -ltnpH "sport = :${base##*:}" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
    printf '%s: first byte %s s, whole answer %s s (median of %s), %s bytes, server peak RSS %s\n' "${!name_var}" \
        "$(echo "${first[$side]}" | median)" "$(echo "${total[$side]}" | median)" "$runs" "$size" "$(grep VmHWM /proc/$pid/status | awk '{print $2 " " $3}')"
done
