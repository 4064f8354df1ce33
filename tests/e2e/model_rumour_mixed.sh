#!/usr/bin/env bash
# model_rumour_mixed.sh — well-mixed Maki–Thompson: the mean ignorant fraction must match the
# root of x = exp(-2(1 - x)), 0.2032, within 0.01.
. "$(dirname "$0")/lib.sh"
field() { awk -F': ' -v k="$1" '$1 == k { print $2 }'; }
near() { awk -v a="$1" -v b="$2" -v t="$3" 'BEGIN { d = a - b; if (d < 0) d = -d; exit !(d < t) }'; }

out=$("$YQ" model rumour-mixed --agents 100000 --runs 20 --seed 1); rc=$?
echo "$out"
expect "rumour-mixed exits 0" test $rc -eq 0
x=$(echo "$out" | field ignorant_fraction)
expect "ignorant_fraction $x within 0.01 of 0.2032" near "$x" 0.2032 0.01
expect "printed theory" near "$(echo "$out" | field theory)" 0.2032 0.0001
"$YQ" model rumour-mixed --agents 1 > /dev/null 2>&1; rc=$?
expect "--agents 1 exits 1" test $rc -eq 1
"$YQ" model rumour-mixed --runs x > /dev/null 2>&1; rc=$?
expect "--runs x exits 1" test $rc -eq 1
finish
