#!/usr/bin/env bash
# model_sir_discrete.sh — `yqdrill model sir-discrete`: the printed figures, the p = 0 and p = 1
# limits, determinism per seed, and exit code 1 for bad arguments.
. "$(dirname "$0")/lib.sh"
field() { awk -F': ' -v k="$1" '$1 == k { print $2 }'; }
holds() { awk "BEGIN { exit !($1) }"; }

out=$("$YQ" model sir-discrete --agents 20000 --m 3 --p 0.2 --rho 0.005 --seed 4 --runs 5); rc=$?
expect "sir-discrete exits 0" test $rc -eq 0
frac=$(echo "$out" | field final_recovered_fraction)
steps=$(echo "$out" | field steps)
wall=$(echo "$out" | field wall_s)
graph=$(echo "$out" | field graph_s)
edges=$(echo "$out" | field edges)
expect "final_recovered_fraction in (rho, 1): $frac" holds "$frac > 0.005 && $frac < 1"
expect "steps > 1: $steps" holds "$steps > 1"
expect "timings printed: $wall $graph" holds "$wall >= 0 && $graph >= 0"
# BA: a star of m+1 nodes (m edges), then m edges for each of the other n-m-1 nodes
expect "edge count: $edges" holds "$edges == 3 + (20000 - 4) * 3"

out0=$("$YQ" model sir-discrete --agents 10000 --m 2 --p 0 --rho 0.01 --seed 1 --runs 3)
expect "p=0: only the initial 1% recover" holds "$(echo "$out0" | field final_recovered_fraction) == 0.01"
expect "p=0: one step" holds "$(echo "$out0" | field steps) == 1"
out1=$("$YQ" model sir-discrete --agents 5000 --m 2 --p 1 --rho 0.001 --seed 1 --runs 2)
expect "p=1 on a connected graph: everyone" holds "$(echo "$out1" | field final_recovered_fraction) == 1"

# EoN's figure for BA(1,000,000, m = 5), p = 0.1, rho = 0.001 is a final fraction of 0.328.
eon=$("$YQ" model sir-discrete --agents 1000000 --m 5 --p 0.1 --rho 0.001 --seed 2 --runs 4 | field final_recovered_fraction)
expect "1,000,000 accounts reach EoN's 0.328 +- 0.01: $eon" holds "$eon >= 0.318 && $eon <= 0.338"

strip() { grep -v -e '^wall_s' -e '^graph_s' -e '^seed'; }
a=$("$YQ" model sir-discrete --agents 20000 --m 3 --p 0.2 --rho 0.005 --seed 4 --runs 5 | strip)
b=$(echo "$out" | strip)
c=$("$YQ" model sir-discrete --agents 20000 --m 3 --p 0.2 --rho 0.005 --seed 5 --runs 5 | strip)
expect "same seed, same figures" test "$a" = "$b"
expect "another seed, other figures" test "$a" != "$c"

for bad in "--p 1.5" "--rho -0.1" "--agents abc" "--m 0" "--agents 3 --m 5" "--runs 0" "--bogus 1" "--p" "extra"; do
    # shellcheck disable=SC2086
    "$YQ" model sir-discrete $bad > /dev/null 2>&1; rc=$?
    expect "'$bad' exits 1 (got $rc)" test $rc -eq 1
done
"$YQ" model no-such-model > /dev/null 2>&1; rc=$?
expect "unknown model exits 1" test $rc -eq 1
"$YQ" model > /dev/null 2>&1; rc=$?
expect "missing model name exits 1" test $rc -eq 1
finish
