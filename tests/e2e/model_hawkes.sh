#!/usr/bin/env bash
# model_hawkes.sh — Hawkes process by clusters: total events / (immigrants / (1 - n)) within 3%,
# and the events inside the window against the exponential kernel's closed form.
. "$(dirname "$0")/lib.sh"
field() { awk -F': ' -v k="$1" '$1 == k { print $2 }'; }
within() { awk -v v="$1" 'BEGIN { exit !(v >= 0.97 && v <= 1.03) }'; }

out=$("$YQ" model hawkes --branching 0.8 --runs 200 --seed 1); rc=$?
echo "$out"
expect "hawkes exits 0" test $rc -eq 0
expect "total_ratio in [0.97, 1.03]" within "$(echo "$out" | field total_ratio)"
expect "window_ratio in [0.97, 1.03]" within "$(echo "$out" | field window_ratio)"
for k in mean_total expected_total mean_immigrants expected_in_window; do
    expect "prints $k" test -n "$(echo "$out" | field $k)"
done
out0=$("$YQ" model hawkes --branching 0 --runs 50 --seed 2)
expect "branching 0: every event is an immigrant" awk -v v="$(echo "$out0" | field total_ratio)" 'BEGIN { exit !(v == 1) }'
for bad in "--branching 1" "--branching -0.1" "--mu 0" "--runs 0" "--horizon nan"; do
    # shellcheck disable=SC2086
    "$YQ" model hawkes $bad > /dev/null 2>&1; rc=$?
    expect "'$bad' exits 1 (got $rc)" test $rc -eq 1
done
finish
