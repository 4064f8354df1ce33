#!/usr/bin/env bash
# model_bench_world.sh — `yqdrill bench world` prints every figure as a positive `name: value`
# line (values are machine-dependent, so none is compared with a target), and rejects bad usage.
. "$(dirname "$0")/lib.sh"
field() { awk -F': ' -v k="$1" '$1 == k { print $2 }'; }

out=$("$YQ" bench world); rc=$?
echo "$out"
expect "bench world exits 0" test $rc -eq 0
for k in stream_gbps ns_per_edge bound_ratio headless_48h_s peak_rss_mb sir_1m_wall_s world_tick_us world_build_s; do
    v=$(echo "$out" | field $k)
    expect "$k is a positive number ($v)" awk -v v="$v" 'BEGIN { exit !(v != "" && v + 0 > 0) }'
done
expect "the sweep covers 10,000,000 follow edges" awk -v v="$(echo "$out" | field follow_edges)" 'BEGIN { exit !(v >= 9990000 && v <= 10000000) }'
expect "48 simulated hours of 10 s ticks" test "$(echo "$out" | field headless_48h_ticks)" = 17280
"$YQ" bench > /dev/null 2>&1; rc=$?
expect "bench without a target exits 1" test $rc -eq 1
"$YQ" bench galaxy > /dev/null 2>&1; rc=$?
expect "unknown bench target exits 1" test $rc -eq 1
finish
