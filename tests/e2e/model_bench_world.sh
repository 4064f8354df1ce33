#!/usr/bin/env bash
# model_bench_world.sh — `yqdrill bench world` prints every figure as a positive `name: value`
# line (values are machine-dependent, so none is compared with a target), and rejects bad usage.
. "$(dirname "$0")/lib.sh"
field() { awk -F': ' -v k="$1" '$1 == k { print $2 }'; }

out=$("$YQ" bench world); rc=$?
echo "$out"
expect "bench world exits 0" test $rc -eq 0
for k in stream_gbps sweep_best_ns_per_entry sweep_best_bound_ratio headless_drill_s headless_drill_best_s peak_rss_mb \
         sir_1m_wall_s sir_1m_best_s sir_ns_per_entry sir_ns_per_link world_tick_us world_build_s; do
    v=$(echo "$out" | field $k)
    expect "$k is a positive number ($v)" awk -v v="$v" 'BEGIN { exit !(v != "" && v + 0 > 0) }'
done
expect "10,000,000 neighbour entries" awk -v v="$(echo "$out" | field follow_entries)" 'BEGIN { exit !(v >= 9990000 && v <= 10000000) }'
expect "entries are links counted from both ends" awk -v e="$(echo "$out" | field follow_entries)" \
    -v l="$(echo "$out" | field follow_links)" 'BEGIN { exit !(e == 2 * l) }'
expect "the SIR epidemics reach EoN's 0.328 +- 0.01" awk -v v="$(echo "$out" | field sir_1m_final_fraction)" \
    'BEGIN { exit !(v >= 0.318 && v <= 0.338) }'
# The headless drill is the longest shipped scenario, played as `run --headless` would.
longest=$(for d in "$SRC"/scenarios/*/scenario.lua; do
    h=$(grep -m1 -o 'duration = "[0-9]*:[0-9]*"' "$d" | grep -o '[0-9]*:[0-9]*'); echo "${h%%:*} $(basename "$(dirname "$d")")"
done | sort -n | tail -1)
expect "the headless drill is the longest shipped one ($longest)" test "$(echo "$out" | field headless_drill)" = "${longest#* }"
expect "its hours are that scenario's" awk -v v="$(echo "$out" | field headless_drill_hours)" -v h="${longest%% *}" 'BEGIN { exit !(v == h) }'
"$YQ" bench > /dev/null 2>&1; rc=$?
expect "bench without a target exits 1" test $rc -eq 1
"$YQ" bench galaxy > /dev/null 2>&1; rc=$?
expect "unknown bench target exits 1" test $rc -eq 1
finish
